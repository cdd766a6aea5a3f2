import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ACTIVITY_STATUSES } from "~/models/activity";
import { listEditions } from "~/models/edition.server";
import {
  getMunicipalityContact,
  listWorkspaceActivities,
  localFigures,
  setMunicipalityContact,
  workspaceAccess,
} from "~/models/municipality.server";
import { publicEditionFromQuery } from "~/models/public-feeds.server";
import { now } from "~/utils/clock.server";
import { requireUser } from "~/utils/session.server";
import { formatDateTime } from "~/utils/time";
import { bookletPath } from "~/models/booklet.server";

const optional = (schema: z.ZodString) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const contactSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("contact"),
    name: z.string({ required_error: "Vul een naam in, bijvoorbeeld de afdeling of het team." }).trim().min(2).max(120),
    email: optional(z.string().trim().email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl.").max(200)),
    phone: optional(z.string().trim().max(30)),
    website: optional(z.string().trim().url("Vul een volledig webadres in, dat begint met https://.").max(300)),
  }),
  z.object({ intent: z.literal("contact-remove") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = workspaceAccess(user, params.slug ?? "");
  const at = now();
  const edition = publicEditionFromQuery(new URL(request.url), at);
  if (!edition) throw new Response("Geen editie", { status: 404 });
  const code = access.municipality.code;
  return data(
    {
      access,
      year: edition.year,
      years: listEditions().map((e) => e.year),
      booklet: bookletPath(code, edition.year),
      figures: localFigures(code, edition, at),
      activities: listWorkspaceActivities(code, edition.id).map((a) => ({ ...a, startsAt: a.startsAt.toISOString() })),
      contact: getMunicipalityContact(code),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { municipality } = workspaceAccess(user, params.slug ?? "");
  const submission = parseWithZod(await request.formData(), { schema: contactSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  setMunicipalityContact(
    user,
    municipality.code,
    v.intent === "contact" ? { name: v.name, email: v.email ?? null, phone: v.phone ?? null, website: v.website ?? null } : null,
    now(),
  );
  return redirect(`/gemeente/${municipality.slug}/beheer?melding=contact`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Gemeente ${data.access.municipality.commonName} – beheer – Kom erbij` : "Gemeente – Kom erbij" },
];

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

export default function Workspace() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [search] = useSearchParams();
  const m = d.access.municipality;
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | undefined>;
  const notice = {
    contact: "De contactgegevens zijn opgeslagen.",
    goedgekeurd: "De activiteit is goedgekeurd en staat nu op de website.",
    afgewezen: "De activiteit is afgewezen. De organisator krijgt een e-mail met de reden.",
    aangemeld: "De activiteit is aangemeld. De organisator krijgt een e-mail en ziet de activiteit bij 'Mijn activiteiten'.",
  }[search.get("melding") ?? ""];
  const rows: [string, keyof typeof d.figures.current, (v: number | null) => string][] = [
    ["Gepubliceerde activiteiten", "published", String],
    ["Wachten op controle", "pending", String],
    ["Geannuleerd", "cancelled", String],
    ["Pakketten besteld", "kitOrders", String],
    ["Deelnemers gemeld", "participants", String],
    ["Respons (meldingen van afgelopen activiteiten)", "responseRate", percent],
  ];
  return (
    <>
      <p>
        <Link to={`/gemeente/${m.slug}`}>Openbare pagina van {m.commonName}</Link>
      </p>
      <h1>Beheer gemeente {m.commonName}</h1>
      {notice ? (
        <div className="alert success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <p>
        {d.access.asTeam
          ? "Je kijkt mee als programmateam."
          : d.access.canReview
            ? "Je mag activiteiten in jouw gemeente controleren: goedkeuren of afwijzen."
            : "Je ziet alle activiteiten in jouw gemeente. Controleren doet het programmateam; vraag hen als je dat zelf wilt doen."}
      </p>
      <p>
        Editie:{" "}
        {d.years.map((y, i) => (
          <span key={y}>
            {i > 0 ? ", " : ""}
            {y === d.year ? <strong>{y}</strong> : <Link to={`?editie=${y}`}>{y}</Link>}
          </span>
        ))}
      </p>

      <h2>Cijfers</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Cijfers van {m.commonName}</caption>
          <thead>
            <tr>
              <th scope="col">Wat</th>
              <th scope="col">{d.figures.current.year}</th>
              {d.figures.previous ? <th scope="col">{d.figures.previous.year}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, key, format]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{format(d.figures.current[key] as number | null)}</td>
                {d.figures.previous ? <td>{format(d.figures.previous[key] as number | null)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Wijken en dorpen zonder activiteit kunnen we nog niet laten zien: het platform kent alleen gemeenten, geen wijken.
      </p>

      <h2>Activiteiten in {d.year}</h2>
      <p>
        <Link to={`/gemeente/${m.slug}/beheer/nieuw`}>Activiteit aanmelden namens een organisator</Link> ·{" "}
        <a href={`/gemeente/${m.slug}/beheer/export.csv?editie=${d.year}`}>Download als CSV (met contactgegevens)</a> ·{" "}
        <a href={d.booklet} download>
          Boekje {d.year} (PDF)
        </a>
      </p>
      {d.activities.length === 0 ? (
        <p>Er zijn nog geen activiteiten aangemeld.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Activiteiten in {m.commonName}</caption>
            <thead>
              <tr>
                <th scope="col">Activiteit</th>
                <th scope="col">Wanneer</th>
                <th scope="col">Organisatie</th>
                <th scope="col">Status</th>
                <th scope="col">Pakket</th>
                <th scope="col">Deelnemers</th>
              </tr>
            </thead>
            <tbody>
              {d.activities.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/gemeente/${m.slug}/beheer/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{formatDateTime(a.startsAt)}</td>
                  <td>{a.organisationName}</td>
                  <td>
                    {ACTIVITY_STATUSES[a.status]}
                    {a.changePending ? <> (wijziging wacht op controle)</> : null}
                  </td>
                  <td>{a.hasKitOrder ? "besteld" : "—"}</td>
                  <td>{a.participants ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Contact voor inwoners</h2>
      <p>
        Deze gegevens staan op de openbare pagina van {m.commonName}. Gebruik bij voorkeur een algemeen adres, geen persoonlijk.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="contact" />
        {(
          [
            ["name", "Naam (bijvoorbeeld: Team Welzijn)", "text", d.contact?.name],
            ["email", "E-mailadres (niet verplicht)", "email", d.contact?.email],
            ["phone", "Telefoon (niet verplicht)", "tel", d.contact?.phone],
            ["website", "Webpagina over de Week (niet verplicht)", "url", d.contact?.website],
          ] as const
        ).map(([name, label, type, value]) => (
          <div className="field" key={name}>
            <label htmlFor={`contact-${name}`}>{label}</label>
            {errors[name]?.length ? (
              <p className="field-error" id={`contact-${name}-fout`}>
                {errors[name]![0]}
              </p>
            ) : null}
            <input
              id={`contact-${name}`}
              name={name}
              type={type}
              defaultValue={value ?? ""}
              required={name === "name"}
              aria-invalid={errors[name]?.length ? true : undefined}
              aria-describedby={errors[name]?.length ? `contact-${name}-fout` : undefined}
            />
          </div>
        ))}
        <button type="submit">Contact opslaan</button>
      </Form>
      {d.contact ? (
        <Form method="post">
          <input type="hidden" name="intent" value="contact-remove" />
          <button type="submit" className="secondary">
            Contact weghalen
          </button>
        </Form>
      ) : null}

      <h2>Op je eigen website</h2>
      <p>
        <Link to={`/agenda-op-je-website?gemeente=${m.slug}`}>
          Zet de agenda van {m.commonName} op de website van de gemeente
        </Link>
        .
      </p>
    </>
  );
}
