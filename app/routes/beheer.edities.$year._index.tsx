import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EditionForm } from "~/components/edition-form";
import {
  editionFormValues,
  EditionFormSchema,
  editionPhase,
  editionTimeline,
  PHASE_LABELS,
  timelinePosition,
  type EditionChangeWarning,
} from "~/models/edition";
import { resolveEdition, updateEdition } from "~/models/edition.server";
import { actionFailure, formValues } from "~/utils/action.server";
import { now } from "~/utils/clock.server";
import { readFormData } from "~/utils/form-data.server";
import { orNotFound } from "~/utils/route-params.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDate } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const edition = orNotFound(resolveEdition(params.year, () => null));
  const at = now();
  const timeline = editionTimeline(edition);
  return {
    year: edition.year,
    number: edition.number,
    values: editionFormValues(edition),
    phase: PHASE_LABELS[editionPhase(edition, at)],
    today: formatDate(at),
    timeline: timeline.map(({ key, label, when }) => ({ key, label, when })),
    todayAfter: timelinePosition(timeline, at),
  };
}

type ConfirmReply = {
  status: "error";
  initialValue: Record<string, string>;
  error: Record<string, string[]>;
  confirm: { warnings: EditionChangeWarning[]; key: string };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const edition = orNotFound(resolveEdition(params.year, () => null));
  const formData = await readFormData(request);
  const values = formValues(formData);
  const submission = parseWithZod(formData, { schema: EditionFormSchema });
  if (submission.status !== "success") return actionFailure(values, submission.error ?? {});
  const confirmed = typeof values.bevestig === "string" ? values.bevestig : null;
  const saved = updateEdition(edition.year, submission.value, confirmed, user.id, now());
  if (saved.ok) return redirect(`/beheer/edities/${saved.year}?melding=opgeslagen`, 303);
  if (saved.errors) return actionFailure(values, saved.errors);
  const { bevestig: _, ...typed } = values;
  return data<ConfirmReply>({ status: "error", initialValue: typed, error: {}, confirm: saved.confirm }, { status: 409 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Editie ${data?.year ?? ""} – Programmateam – Kom erbij` },
];

export default function EditionPage() {
  const { year, number, values, phase, today, timeline, todayAfter } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = { aangemaakt: "De editie is aangemaakt.", opgeslagen: "De data zijn opgeslagen." }[params.get("melding") ?? ""];
  const todayItem = (
    <li className="timeline-today" key="vandaag">
      <strong>Vandaag, {today}</strong>: {phase}
    </li>
  );
  return (
    <>
      <p>
        <Link to="/beheer/edities">← Edities</Link>
      </p>
      <h1>
        Week tegen Eenzaamheid {year} ({number}e editie)
      </h1>
      {notice && !result ? (
        <div className="alert success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <p>
        <Link to={`/beheer/edities/${year}/pakket`}>Pakketinstellingen {year}</Link> (voorraad, inhoud en grenzen per activiteit
        en organisatie)
      </p>
      <h2>Tijdlijn</h2>
      <ol className="timeline">
        {timeline.flatMap((item, i) => [
          ...(i === todayAfter ? [todayItem] : []),
          <li key={item.key}>
            <strong>{item.label}</strong>: {item.when}
          </li>,
        ])}
        {todayAfter === timeline.length ? todayItem : null}
      </ol>
      <h2>Data wijzigen</h2>
      <EditionForm
        values={result?.initialValue ?? values}
        errors={result?.error ?? {}}
        confirm={result && "confirm" in result ? (result.confirm as ConfirmReply["confirm"]) : undefined}
        fixedYear={year}
        submitLabel="Data opslaan"
      />
    </>
  );
}
