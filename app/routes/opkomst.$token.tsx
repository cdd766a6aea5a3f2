// The personal link from the attendance e-mail: opens the report form of one activity, without logging in.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendanceForm, SavedReport, type AttendanceErrors, type AttendanceValues } from "~/components/attendance-form";
import { ATTENDANCE_FIELDS, ATTENDANCE_STATE_TEXT, AttendanceReportSchema } from "~/models/attendance";
import { getAttendanceForToken, saveAttendanceReport } from "~/models/attendance.server";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/time";

type ActionResult = { values: AttendanceValues; errors: AttendanceErrors; message?: string };
const LINK_TEXT = {
  invalid: "Deze link klopt niet. Controleer of je de hele link uit de e-mail hebt gebruikt, of log in en geef de opkomst door via Mijn activiteiten.",
  expired: "Deze link werkt niet meer: de termijn om de opkomst door te geven is voorbij.",
};

export async function loader({ params }: LoaderFunctionArgs) {
  const access = getAttendanceForToken(params.token ?? "", now());
  if (!access.ok) return data({ ok: false as const, message: LINK_TEXT[access.reason] }, { status: access.reason === "expired" ? 410 : 404 });
  const { page } = access;
  const r = page.report;
  return {
    ok: true as const,
    activity: { title: page.activity.title, startsAt: page.activity.startsAt.toISOString(), place: page.activity.isOnline ? "Online" : page.activity.place },
    year: page.activity.editionYear,
    deadline: page.activity.reportDeadline.toISOString(),
    state: page.state,
    stateText: page.state === "open" ? null : ATTENDANCE_STATE_TEXT[page.state],
    report: r ? { participants: r.participants, volunteers: r.volunteers, firstTimers: r.firstTimers, remarks: r.remarks } : null,
    values: r ? { participants: String(r.participants), volunteers: String(r.volunteers), firstTimers: r.firstTimers === null ? "" : String(r.firstTimers), remarks: r.remarks ?? "" } : ({} as AttendanceValues),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const access = getAttendanceForToken(token, now());
  if (!access.ok) return data({ values: {} as AttendanceValues, errors: {} as AttendanceErrors, message: LINK_TEXT[access.reason] }, { status: access.reason === "expired" ? 410 : 404 });
  const formData = await request.formData();
  const values: AttendanceValues = Object.fromEntries(ATTENDANCE_FIELDS.map((f) => [f, String(formData.get(f) ?? "")]));
  const submission = parseWithZod(formData, { schema: AttendanceReportSchema });
  if (submission.status !== "success") return data({ values, errors: (submission.error ?? {}) as AttendanceErrors }, { status: 400 });
  const result = saveAttendanceReport({ activityId: access.activityId, via: "link", input: submission.value, now: now() });
  if (result.ok) return redirect(`/opkomst/${token}?opgeslagen=1`, 303);
  return data({ values, errors: {} as AttendanceErrors, message: result.reason === "not_found" ? LINK_TEXT.invalid : ATTENDANCE_STATE_TEXT[result.reason] }, { status: 409 });
}

export const meta: MetaFunction = () => [{ title: "Opkomst doorgeven – Kom erbij" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

export default function ReportAttendanceByLink() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  if (!view.ok)
    return (
      <>
        <h1>Opkomst doorgeven</h1>
        <div className="alert error" role="alert"><p>{view.message}</p></div>
        <p><Link to="/organisator/activiteiten">Naar Mijn activiteiten</Link></p>
      </>
    );
  return (
    <>
      <h1>Opkomst doorgeven</h1>
      <p>
        Voor je activiteit <strong>{view.activity.title}</strong> ({formatDateTime(view.activity.startsAt)}{view.activity.place ? `, ${view.activity.place}` : ""}), Week tegen Eenzaamheid {view.year}.
        Je hoeft hiervoor niet in te loggen.
      </p>
      {params.get("opgeslagen") === "1" ? <div className="alert success" role="status"><p>Bedankt! We hebben de opkomst opgeslagen. Met deze cijfers laten we zien hoeveel mensen de Week samen bereikt.</p></div> : null}
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
