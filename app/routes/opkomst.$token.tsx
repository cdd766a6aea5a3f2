// The personal link from the attendance e-mail: opens the report form of one activity, without logging in.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendancePageBody, type AttendanceErrors, type AttendanceValues } from "~/components/attendance-form";
import { ATTENDANCE_STATE_TEXT, attendanceFieldNames, attendanceReportSchema } from "~/models/attendance";
import { attendanceView, getAttendanceForToken, saveAttendanceReport } from "~/models/attendance.server";
import { now } from "~/utils/clock.server";
import { readFormData } from "~/utils/form-data.server";

const LINK_TEXT = {
  invalid:
    "Deze link klopt niet. Controleer of je de hele link uit de e-mail hebt gebruikt, of log in en geef de opkomst door via Mijn activiteiten.",
  expired: "Deze link werkt niet meer: de termijn om de opkomst door te geven is voorbij.",
};

export async function loader({ params }: LoaderFunctionArgs) {
  const access = getAttendanceForToken(params.token ?? "", now());
  if (!access.ok)
    return data({ ok: false as const, message: LINK_TEXT[access.reason] }, { status: access.reason === "expired" ? 410 : 404 });
  return { ok: true as const, ...attendanceView(access.page) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const access = getAttendanceForToken(token, now());
  if (!access.ok)
    return data(
      { values: {} as AttendanceValues, errors: {} as AttendanceErrors, message: LINK_TEXT[access.reason] },
      { status: access.reason === "expired" ? 410 : 404 },
    );
  const formData = await readFormData(request);
  const sessionIds = access.page.sessions.map((x) => x.id);
  const values: AttendanceValues = Object.fromEntries(
    attendanceFieldNames(sessionIds).map((f) => [f, String(formData.get(f) ?? "")]),
  );
  const submission = parseWithZod(formData, { schema: attendanceReportSchema(sessionIds) });
  if (submission.status !== "success")
    return data({ values, errors: (submission.error ?? {}) as AttendanceErrors }, { status: 400 });
  const result = saveAttendanceReport({ activityId: access.activityId, via: "link", input: submission.value, now: now() });
  if (result.ok) return redirect(`/opkomst/${token}?opgeslagen=1`, 303);
  return data(
    {
      values,
      errors: {} as AttendanceErrors,
      message: result.reason === "not_found" ? LINK_TEXT.invalid : ATTENDANCE_STATE_TEXT[result.reason],
    },
    { status: 409 },
  );
}

export const meta: MetaFunction = () => [
  { title: "Opkomst doorgeven – Kom erbij" },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export default function ReportAttendanceByLink() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (!view.ok)
    return (
      <>
        <h1>Opkomst doorgeven</h1>
        <div className="alert error" role="alert">
          <p>{view.message}</p>
        </div>
        <p>
          <Link to="/organisator/activiteiten">Naar Mijn activiteiten</Link>
        </p>
      </>
    );
  return (
    <AttendancePageBody
      view={view}
      result={result}
      saved={params.get("opgeslagen") === "1"}
      note="Je hoeft hiervoor niet in te loggen."
    />
  );
}
