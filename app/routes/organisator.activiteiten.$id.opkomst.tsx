import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendanceForm, SavedReport, type AttendanceErrors, type AttendanceValues } from "~/components/attendance-form";
import { ATTENDANCE_FIELDS, ATTENDANCE_STATE_TEXT, AttendanceReportSchema } from "~/models/attendance";
import { getAttendanceForOwner, saveAttendanceReport, type AttendancePage } from "~/models/attendance.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatDateTime } from "~/utils/time";

type ActionResult = { values: AttendanceValues; errors: AttendanceErrors; message?: string };

async function loadPage(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const activityId = Number(id);
  const page = Number.isSafeInteger(activityId) && activityId > 0 ? getAttendanceForOwner(user.id, activityId, now()) : null;
  if (!page) throw new Response("Niet gevonden", { status: 404 });
  return { user, activityId, page };
}

function attendanceView(page: AttendancePage) {
  const r = page.report;
  return {
    activity: { id: page.activity.id, title: page.activity.title, startsAt: page.activity.startsAt.toISOString(), place: page.activity.isOnline ? "Online" : page.activity.place },
    year: page.activity.editionYear,
    deadline: page.activity.reportDeadline.toISOString(),
    state: page.state,
    stateText: page.state === "open" ? null : ATTENDANCE_STATE_TEXT[page.state],
    report: r ? { participants: r.participants, volunteers: r.volunteers, firstTimers: r.firstTimers, remarks: r.remarks } : null,
    values: r ? { participants: String(r.participants), volunteers: String(r.volunteers), firstTimers: r.firstTimers === null ? "" : String(r.firstTimers), remarks: r.remarks ?? "" } : ({} as AttendanceValues),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await loadPage(request, params.id);
  return attendanceView(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activityId } = await loadPage(request, params.id);
  const formData = await request.formData();
  const values: AttendanceValues = Object.fromEntries(ATTENDANCE_FIELDS.map((f) => [f, String(formData.get(f) ?? "")]));
  const submission = parseWithZod(formData, { schema: AttendanceReportSchema });
  if (submission.status !== "success") return data({ values, errors: (submission.error ?? {}) as AttendanceErrors }, { status: 400 });
  const result = saveAttendanceReport({ activityId, ownerId: user.id, via: "login", input: submission.value, now: now() });
  if (result.ok) return redirect(`/organisator/activiteiten/${activityId}/opkomst?opgeslagen=1`, 303);
  if (result.reason === "not_found") throw new Response("Niet gevonden", { status: 404 });
  return data({ values, errors: {} as AttendanceErrors, message: ATTENDANCE_STATE_TEXT[result.reason] }, { status: 409 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Opkomst doorgeven${data ? ` voor ${data.activity.title}` : ""} – Kom erbij` }];

export default function ReportAttendance() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  return (
    <>
      <p><Link to="/organisator/activiteiten">← Mijn activiteiten</Link></p>
      <AttendanceBody view={view} result={result} saved={params.get("opgeslagen") === "1"} />
    </>
  );
}

function AttendanceBody({ view, result, saved }: { view: ReturnType<typeof attendanceView>; result?: ActionResult; saved: boolean }) {
  return (
    <>
      <h1>Opkomst doorgeven</h1>
      <p>
        Voor je activiteit <strong>{view.activity.title}</strong> ({formatDateTime(view.activity.startsAt)}{view.activity.place ? `, ${view.activity.place}` : ""}), Week tegen Eenzaamheid {view.year}.
      </p>
      {saved ? <div className="alert success" role="status"><p>Bedankt! We hebben de opkomst opgeslagen. Met deze cijfers laten we zien hoeveel mensen de Week samen bereikt.</p></div> : null}
      {result?.message ? <div className="alert error" role="alert"><p>{result.message}</p></div> : null}
      {view.report ? (
        <section aria-labelledby="doorgegeven">
          <h2 id="doorgegeven">Wat je hebt doorgegeven</h2>
          <SavedReport report={view.report} />
        </section>
      ) : null}
      {view.state === "open" ? (
        <AttendanceForm values={result?.values ?? view.values} errors={result?.errors ?? {}} deadline={view.deadline} editing={Boolean(view.report)} />
      ) : (
        <div className="alert" role="status"><p>{view.stateText}</p></div>
      )}
    </>
  );
}
