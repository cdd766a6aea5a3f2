import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendancePageBody, type AttendanceErrors, type AttendanceValues } from "~/components/attendance-form";
import { ATTENDANCE_STATE_TEXT, attendanceFieldNames, attendanceReportSchema } from "~/models/attendance";
import { attendanceView, getAttendanceForOwner, saveAttendanceReport } from "~/models/attendance.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { idParam } from "~/utils/route-params.server";
import { readFormData } from "~/utils/form-data.server";

async function loadPage(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const activityId = idParam(id);
  const page = getAttendanceForOwner(user.id, activityId, now());
  if (!page) throw new Response("Niet gevonden", { status: 404 });
  return { user, activityId, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await loadPage(request, params.id);
  return attendanceView(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, activityId, page } = await loadPage(request, params.id);
  const formData = await readFormData(request);
  const sessionIds = page.sessions.map((x) => x.id);
  const values: AttendanceValues = Object.fromEntries(
    attendanceFieldNames(sessionIds).map((f) => [f, String(formData.get(f) ?? "")]),
  );
  const submission = parseWithZod(formData, { schema: attendanceReportSchema(sessionIds) });
  if (submission.status !== "success")
    return data({ values, errors: (submission.error ?? {}) as AttendanceErrors }, { status: 400 });
  const result = saveAttendanceReport({ activityId, ownerId: user.id, via: "login", input: submission.value, now: now() });
  if (result.ok) return redirect(`/organisator/activiteiten/${activityId}/opkomst?opgeslagen=1`, 303);
  if (result.reason === "not_found") throw new Response("Niet gevonden", { status: 404 });
  return data({ values, errors: {} as AttendanceErrors, message: ATTENDANCE_STATE_TEXT[result.reason] }, { status: 409 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Opkomst doorgeven${data ? ` voor ${data.activity.title}` : ""} – Kom erbij` },
];

export default function ReportAttendance() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <p>
        <Link to="/organisator/activiteiten">← Mijn activiteiten</Link>
      </p>
      <AttendancePageBody view={view} result={result} saved={params.get("opgeslagen") === "1"} />
    </>
  );
}
