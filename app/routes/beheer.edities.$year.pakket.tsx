import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { resolveEdition } from "~/models/edition.server";
import { KitSettingsSchema } from "~/models/kit-order";
import { getKitSettings, updateKitSettings } from "~/models/kit-settings.server";
import { actionFailure, attempt, formValues } from "~/utils/action.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { orNotFound } from "~/utils/route-params.server";
import { readFormData } from "~/utils/form-data.server";

function settingsFor(params: { year?: string }) {
  const edition = orNotFound(resolveEdition(params.year, () => null));
  return orNotFound(getKitSettings(edition.year));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  return settingsFor(params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const settings = settingsFor(params);
  const formData = await readFormData(request);
  const values = formValues(formData);
  const submission = parseWithZod(formData, { schema: KitSettingsSchema });
  if (submission.status !== "success") return actionFailure(values, submission.error ?? {});
  const saved = attempt(() => updateKitSettings(settings.year, submission.value, user.id, now()), values);
  if (!saved.ok) return saved.response;
  return redirect(`/beheer/edities/${settings.year}/pakket?opgeslagen=1`, 303);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Pakket ${data?.year ?? ""} instellen – Programmateam – Kom erbij` },
];

export default function KitSettings() {
  const settings = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.error ?? {};
  const saved = settings.values;
  const value = (name: string, fallback: string | number | null | undefined) =>
    result ? (result.initialValue[name] ?? "") : fallback == null ? "" : String(fallback);
  const rows = Math.max(10, saved.contents.length + 3);
  const errorOf = (name: string) => errors[name]?.[0];
  const describe = (name: string, hint?: boolean) =>
    [hint ? `${name}-hint` : null, errorOf(name) ? `${name}-fout` : null].filter(Boolean).join(" ") || undefined;
  const err = (name: string) =>
    errorOf(name) ? (
      <p className="field-error" id={`${name}-fout`}>
        {errorOf(name)}
      </p>
    ) : null;
  const invalid = (name: string) => (errorOf(name) ? true : undefined);

  return (
    <>
      <p>
        <Link to={`/beheer/edities/${settings.year}`}>← Editie {settings.year}</Link> ·{" "}
        <Link to="/beheer/pakketten">Pakketbestellingen</Link>
      </p>
      <h1>Kom Erbij-pakket {settings.year} instellen</h1>
      {params.has("opgeslagen") && !result ? (
        <div className="alert success" role="status">
          <p>De instellingen zijn opgeslagen.</p>
        </div>
      ) : null}
      {result ? (
        <div className="alert error" role="alert">
          <p>Niet alles is goed ingevuld. Kijk bij de velden met een foutmelding.</p>
        </div>
      ) : null}
      <p>Er zijn nu {settings.live} pakketten besteld (niet geannuleerd of afgewezen).</p>
      <Form method="post" noValidate>
        <fieldset>
          <legend>Bestellen opent (Nederlandse tijd)</legend>
          <div className="field">
            <label htmlFor="opensDate">Datum</label>
            <input
              id="opensDate"
              name="opensDate"
              type="date"
              required
              defaultValue={value("opensDate", saved.opensDate)}
              aria-invalid={invalid("opensDate")}
              aria-describedby={describe("opensDate")}
            />
            {err("opensDate")}
          </div>
          <div className="field">
            <label htmlFor="opensTime">Tijd</label>
            <input
              id="opensTime"
              name="opensTime"
              type="time"
              required
              defaultValue={value("opensTime", saved.opensTime)}
              aria-invalid={invalid("opensTime")}
              aria-describedby={describe("opensTime")}
            />
            {err("opensTime")}
          </div>
        </fieldset>
        <fieldset>
          <legend>Bestellen sluit (Nederlandse tijd)</legend>
          <p className="hint" id="closesDate-hint">
            Vanaf dit moment kan niemand meer bestellen. Sluit je om 00:00, dan is de dag ervoor de laatste dag.
          </p>
          <div className="field">
            <label htmlFor="closesDate">Datum</label>
            <input
              id="closesDate"
              name="closesDate"
              type="date"
              required
              defaultValue={value("closesDate", saved.closesDate)}
              aria-invalid={invalid("closesDate")}
              aria-describedby={describe("closesDate", true)}
            />
            {err("closesDate")}
          </div>
          <div className="field">
            <label htmlFor="closesTime">Tijd</label>
            <input
              id="closesTime"
              name="closesTime"
              type="time"
              required
              defaultValue={value("closesTime", saved.closesTime)}
              aria-invalid={invalid("closesTime")}
              aria-describedby={describe("closesTime")}
            />
            {err("closesTime")}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="kitStock">Voorraad (aantal pakketten)</label>
          <input
            id="kitStock"
            name="kitStock"
            inputMode="numeric"
            required
            defaultValue={value("kitStock", saved.kitStock)}
            aria-invalid={invalid("kitStock")}
            aria-describedby={describe("kitStock")}
          />
          {err("kitStock")}
        </div>
        <div className="field">
          <label htmlFor="kitLimitPerActivity">Hoogstens zoveel pakketten per activiteit</label>
          <p className="hint" id="kitLimitPerActivity-hint">
            Meestal 1. Bestellingen die al geplaatst zijn blijven staan.
          </p>
          <input
            id="kitLimitPerActivity"
            name="kitLimitPerActivity"
            inputMode="numeric"
            required
            defaultValue={value("kitLimitPerActivity", saved.kitLimitPerActivity)}
            aria-invalid={invalid("kitLimitPerActivity")}
            aria-describedby={describe("kitLimitPerActivity", true)}
          />
          {err("kitLimitPerActivity")}
        </div>
        <div className="field">
          <label htmlFor="kitLimitPerOrganisation">Hoogstens zoveel pakketten per organisatie (niet verplicht)</label>
          <p className="hint" id="kitLimitPerOrganisation-hint">
            Telt de bestellingen voor alle activiteiten van één organisatoraccount, wat de organisatienaam ook is. Laat leeg voor
            geen grens.
          </p>
          <input
            id="kitLimitPerOrganisation"
            name="kitLimitPerOrganisation"
            inputMode="numeric"
            defaultValue={value("kitLimitPerOrganisation", saved.kitLimitPerOrganisation)}
            aria-invalid={invalid("kitLimitPerOrganisation")}
            aria-describedby={describe("kitLimitPerOrganisation", true)}
          />
          {err("kitLimitPerOrganisation")}
        </div>
        <fieldset aria-describedby={errorOf("contents") ? "contents-hint contents-fout" : "contents-hint"}>
          <legend>Inhoud van het pakket</legend>
          <p className="hint" id="contents-hint">
            Organisatoren zien deze lijst als ze bestellen. Laat regels die je niet nodig hebt leeg.
          </p>
          {err("contents")}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Onderdelen van het pakket</caption>
              <thead>
                <tr>
                  <th scope="col">Onderdeel</th>
                  <th scope="col">Aantal</th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: rows }, (_, i) => {
                  const item = `contents[${i}].item`;
                  const quantity = `contents[${i}].quantity`;
                  return (
                    <tr key={i}>
                      <td>
                        <label htmlFor={`item-${i}`} className="visually-hidden">
                          Onderdeel {i + 1}
                        </label>
                        <input
                          id={`item-${i}`}
                          name={item}
                          defaultValue={value(item, saved.contents[i]?.item)}
                          aria-invalid={invalid(item)}
                          aria-describedby={errorOf(item) ? `item-${i}-fout` : undefined}
                        />
                        {errorOf(item) ? (
                          <p className="field-error" id={`item-${i}-fout`}>
                            {errorOf(item)}
                          </p>
                        ) : null}
                      </td>
                      <td>
                        <label htmlFor={`quantity-${i}`} className="visually-hidden">
                          Aantal van onderdeel {i + 1}
                        </label>
                        <input
                          id={`quantity-${i}`}
                          name={quantity}
                          inputMode="numeric"
                          defaultValue={value(quantity, saved.contents[i]?.quantity)}
                          aria-invalid={invalid(quantity)}
                          aria-describedby={errorOf(quantity) ? `quantity-${i}-fout` : undefined}
                        />
                        {errorOf(quantity) ? (
                          <p className="field-error" id={`quantity-${i}-fout`}>
                            {errorOf(quantity)}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
        <button type="submit">Opslaan</button>
      </Form>
    </>
  );
}
