import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { KIT_ORDER_STATUSES, type KitOrderStatus } from "~/models/kit-order";
import {
  bulkUpdateKitOrders,
  kitOrderOverview,
  listFulfilmentOptions,
  listKitOrders,
  resolveKitOrderFilters,
} from "~/models/kit-fulfilment.server";
import { actionFailure, formValues, zodFieldErrors } from "~/utils/action.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatShortDate, utcToAmsterdam } from "~/utils/time";
import { readFormData } from "~/utils/form-data.server";
import { isCalendarDate, plainId } from "~/utils/form-values";

const PAGE_SIZE = 100;
export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const url = new URL(request.url);
  const filters = resolveKitOrderFilters(url.searchParams, now());
  const overview = filters && kitOrderOverview(filters.year);
  if (!filters || !overview) throw new Response("Niet gevonden", { status: 404 });
  const { total, rows } = listKitOrders(filters, { limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE });
  const search = new URLSearchParams(url.searchParams);
  search.delete("pagina");
  search.delete("index");
  return {
    filters,
    search: search.toString(),
    overview,
    options: listFulfilmentOptions(),
    today: utcToAmsterdam(now()).date,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    orders: rows.map((o) => ({
      id: o.id,
      reference: o.reference,
      status: o.status,
      createdAt: o.createdAt.toISOString(),
      deliveryName: o.deliveryName,
      deliveryOrganisation: o.deliveryOrganisation,
      place: o.place,
      postcode: o.postcode,
      municipality: o.municipalityName,
      province: o.province,
      activityTitle: o.activityTitle,
      shippedOn: o.shippedOn,
    })),
  };
}

const BulkSchema = z
  .object({
    ids: z.array(plainId()).min(1, "Kies eerst een of meer bestellingen."),
    to: z.enum(["processing", "shipped"], { errorMap: () => ({ message: "Kies de nieuwe status." }) }),
    shippedOn: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to === "shipped" && !(v.shippedOn && isCalendarDate(v.shippedOn)))
      ctx.addIssue({ code: "custom", path: ["shippedOn"], message: "Vul de verzenddatum in." });
  });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const formData = await readFormData(request);
  const values = formValues(formData);
  const parsed = BulkSchema.safeParse({
    ids: formData.getAll("ids").map(String),
    to: formData.get("to") || undefined,
    shippedOn: formData.get("shippedOn") || undefined,
  });
  if (!parsed.success) return actionFailure(values, zodFieldErrors(parsed.error));
  const { ids, to, shippedOn } = parsed.data;
  const result = bulkUpdateKitOrders({ ids, to, shippedOn, actorId: user.id, now: now() });
  const label = KIT_ORDER_STATUSES[to].toLowerCase();
  return {
    status: "success",
    message: `${result.updated.length} ${result.updated.length === 1 ? "bestelling" : "bestellingen"} op ‘${label}’ gezet.`,
    skipped: result.skipped,
  } as const;
}

export const meta: MetaFunction = () => [{ title: "Pakketbestellingen – Programmateam – Kom erbij" }];

export default function KitFulfilment() {
  const { filters, search, overview, options, today, total, pages, orders } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.status === "error" ? result.error : {};
  const pageLink = (page: number) =>
    `?${new URLSearchParams([...new URLSearchParams(search), ["pagina", String(page)]]).toString()}`;
  return (
    <>
      <p>
        <Link to="/beheer">← Programmateam</Link>
      </p>
      <h1>Pakketbestellingen {filters.year}</h1>
      <ul className="stats" aria-label="Aantallen">
        <li>
          <strong>{overview.stockLeft}</strong> nog te bestellen (voorraad {overview.kitStock})
        </li>
        {(Object.keys(KIT_ORDER_STATUSES) as KitOrderStatus[]).map((s) => (
          <li key={s}>
            <strong>{overview.counts[s]}</strong> {KIT_ORDER_STATUSES[s].toLowerCase()}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/beheer/edities/${filters.year}/pakket`}>Pakket, voorraad en bestelperiode van {filters.year} instellen</Link>
      </p>

      <Form method="get" className="filters" aria-labelledby="filters-kop">
        <h2 id="filters-kop">Zoeken en filteren</h2>
        <div className="field">
          <label htmlFor="zoek">Zoek op referentie, naam, organisatie, postcode, plaats of activiteit</label>
          <input id="zoek" name="zoek" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="editie">Editie</label>
          <select id="editie" name="editie" defaultValue={filters.year}>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Alle statussen</option>
            {(Object.keys(KIT_ORDER_STATUSES) as KitOrderStatus[]).map((s) => (
              <option key={s} value={s}>
                {KIT_ORDER_STATUSES[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="provincie">Provincie</label>
          <select id="provincie" name="provincie" defaultValue={filters.province ?? ""}>
            <option value="">Alle provincies</option>
            {options.provinces.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gemeente">Gemeente</label>
          <select id="gemeente" name="gemeente" defaultValue={filters.municipality ?? ""}>
            <option value="">Alle gemeenten</option>
            {options.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="van">Besteld vanaf</label>
          <input id="van" name="van" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="tot">Besteld tot en met</label>
          <input id="tot" name="tot" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit">Filter toepassen</button> <Link to="/beheer/pakketten">Filters wissen</Link>
      </Form>

      <h2>Bestellingen ({total})</h2>
      <p>
        <a className="button secondary" href={`/beheer/pakketten/export.csv?${search}`} download>
          Download als CSV voor het verzendhuis ({total} {total === 1 ? "pakket" : "pakketten"})
        </a>
      </p>
      {result?.status === "success" ? (
        <div className="alert success" role="status">
          <p>{result.message}</p>
          {result.skipped.length ? <p>Niet gewijzigd (status past niet): {result.skipped.join(", ")}.</p> : null}
        </div>
      ) : null}
      {result?.status === "error" ? (
        <div className="alert error" role="alert">
          {Object.values(errors)
            .flatMap((messages) => messages ?? [])
            .map((message) => (
              <p key={message}>{message}</p>
            ))}
        </div>
      ) : null}
      <Form method="post" aria-labelledby="bulk-kop">
        <h3 id="bulk-kop" className="visually-hidden">
          Status van gekozen bestellingen wijzigen
        </h3>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Pakketbestellingen, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Kiezen</span>
                </th>
                <th scope="col">Referentie</th>
                <th scope="col">Besteld op</th>
                <th scope="col">Naar</th>
                <th scope="col">Gemeente</th>
                <th scope="col">Activiteit</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <input type="checkbox" name="ids" value={o.id} id={`kies-${o.id}`} aria-label={`Kies ${o.reference}`} />
                  </td>
                  <th scope="row">
                    <Link to={`/beheer/pakketten/${o.reference}`}>{o.reference}</Link>
                  </th>
                  <td>{formatShortDate(o.createdAt)}</td>
                  <td>
                    {o.deliveryName}
                    {o.deliveryOrganisation ? <>, {o.deliveryOrganisation}</> : null}
                    <br />
                    {o.postcode} {o.place}
                  </td>
                  <td>
                    {o.municipality ?? "–"}
                    {o.province ? (
                      <>
                        <br />
                        {o.province}
                      </>
                    ) : null}
                  </td>
                  <td>{o.activityTitle}</td>
                  <td>
                    <span className="status">{KIT_ORDER_STATUSES[o.status]}</span>
                    {o.shippedOn ? (
                      <>
                        <br />
                        {formatShortDate(o.shippedOn)}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {orders.length === 0 ? <p>Geen bestellingen gevonden met deze filters.</p> : null}
        <fieldset>
          <legend>Gekozen bestellingen</legend>
          <div className="field">
            <label htmlFor="to">Nieuwe status</label>
            <select
              id="to"
              name="to"
              defaultValue="processing"
              aria-invalid={errors.to ? true : undefined}
              aria-describedby={errors.to ? "to-fout" : undefined}
            >
              <option value="processing">{KIT_ORDER_STATUSES.processing}</option>
              <option value="shipped">{KIT_ORDER_STATUSES.shipped}</option>
            </select>
            {errors.to ? (
              <p className="field-error" id="to-fout">
                {errors.to?.[0]}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="shippedOn">Verzenddatum</label>
            <p className="hint" id="shippedOn-hint">
              Alleen nodig bij ‘Verzonden’. De organisator krijgt dan een e-mail.
            </p>
            <input
              id="shippedOn"
              name="shippedOn"
              type="date"
              defaultValue={today}
              aria-invalid={errors.shippedOn ? true : undefined}
              aria-describedby={errors.shippedOn ? "shippedOn-hint shippedOn-fout" : "shippedOn-hint"}
            />
            {errors.shippedOn ? (
              <p className="field-error" id="shippedOn-fout">
                {errors.shippedOn?.[0]}
              </p>
            ) : null}
          </div>
          {errors.ids ? <p className="field-error">{errors.ids?.[0]}</p> : null}
          <button type="submit">Status wijzigen</button>
        </fieldset>
      </Form>
      {pages > 1 ? (
        <nav aria-label="Pagina's">
          <p>
            Pagina {filters.page} van {pages}.{" "}
            {filters.page > 1 ? <Link to={pageLink(filters.page - 1)}>Vorige pagina</Link> : null}{" "}
            {filters.page < pages ? <Link to={pageLink(filters.page + 1)}>Volgende pagina</Link> : null}
          </p>
        </nav>
      ) : null}
    </>
  );
}
