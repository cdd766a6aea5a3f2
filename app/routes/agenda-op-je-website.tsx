import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EMBED_LIMITS, embedQuery, parseEmbedOptions } from "~/models/embed";
import { findMunicipalityBySlug, listMunicipalities } from "~/models/municipality.server";
import { pageCacheControl } from "~/utils/http-cache.server";
import { absoluteUrl } from "~/utils/public-url.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const options = parseEmbedOptions(url.searchParams);
  const chosen = findMunicipalityBySlug(url.searchParams.get("gemeente") ?? "utrecht")?.municipality ?? null;
  const query = embedQuery(options);
  const path = chosen ? `/embed/gemeente/${chosen.slug}${query ? `?${query}` : ""}` : null;
  return data(
    {
      municipalities: listMunicipalities().map((m) => ({ slug: m.slug, name: m.commonName })),
      chosen: chosen && { slug: chosen.slug, name: chosen.commonName },
      options,
      path,
      embedUrl: path && absoluteUrl(path),
      scriptUrl: absoluteUrl("/embed/agenda.js"),
      searchExample: absoluteUrl("/embed/zoek?plaats=Utrecht&straal=5&gratis=on"),
    },
    { headers: { "Cache-Control": pageCacheControl(request) } },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = () => [
  { title: "Zet de agenda op je eigen website – Kom erbij" },
  {
    name: "description",
    content:
      "Laat de activiteiten van de Week tegen Eenzaamheid in jouw gemeente zien op je eigen website. Kopieer een stukje code.",
  },
];

export default function EmbedInstructions() {
  const d = useLoaderData<typeof loader>();
  const snippet = d.embedUrl
    ? `<iframe src="${d.embedUrl}" title="Agenda Week tegen Eenzaamheid in ${d.chosen?.name}" data-kom-erbij style="width:100%;height:600px;border:0"></iframe>\n<script src="${d.scriptUrl}" defer></script>`
    : "";
  return (
    <>
      <h1>Zet de agenda op je eigen website</h1>
      <p>
        Ben je van een gemeente, een welzijnsorganisatie of een lokale krant? Laat dan op je eigen website zien wat er in de Week
        tegen Eenzaamheid bij jou te doen is. De agenda blijft vanzelf bij: nieuwe activiteiten komen er meteen bij.
      </p>
      <ul>
        <li>Het werkt zonder JavaScript en zonder cookies. We houden niet bij wie de agenda bekijkt.</li>
        <li>Een klik op een activiteit opent de activiteit op onze website, in een nieuw tabblad.</li>
        <li>
          Je kiest zelf de kleur van de links en de achtergrond. Is een kleur slecht leesbaar, dan gebruiken we onze eigen kleur.
        </li>
      </ul>

      <h2>1. Kies je gemeente en kleuren</h2>
      <Form method="get" className="embed-builder">
        <div className="field">
          <label htmlFor="gemeente">Gemeente</label>
          <select id="gemeente" name="gemeente" defaultValue={d.chosen?.slug}>
            {d.municipalities.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kleur">Kleur van links en kop</label>
          <input id="kleur" name="kleur" type="color" defaultValue={d.options.accent} />
        </div>
        <div className="field">
          <label htmlFor="achtergrond">Achtergrondkleur</label>
          <input id="achtergrond" name="achtergrond" type="color" defaultValue={d.options.background} />
        </div>
        <div className="field">
          <label htmlFor="aantal">Hoeveel activiteiten</label>
          <select id="aantal" name="aantal" defaultValue={d.options.limit}>
            {EMBED_LIMITS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Voorbeeld bijwerken</button>
      </Form>

      {d.embedUrl ? (
        <>
          <h2>2. Kopieer deze code naar je website</h2>
          <p>
            Plak de code op de plek waar de agenda moet komen. De tweede regel is niet verplicht: die maakt het kader precies zo
            hoog als de agenda. Zonder die regel is het kader 600 pixels hoog en kun je erin scrollen.
          </p>
          <label htmlFor="code">Code voor je website</label>
          <textarea id="code" readOnly rows={5} className="code" value={snippet} />

          <h2>3. Zo ziet het eruit</h2>
          <iframe
            src={d.path!}
            title={`Voorbeeld: agenda Week tegen Eenzaamheid in ${d.chosen?.name}`}
            className="embed-preview"
            style={{ width: "100%", height: "600px", border: "1px solid #767676" }}
          />
        </>
      ) : null}

      <h2>Een andere zoekopdracht</h2>
      <p>
        Je kunt ook elke zoekopdracht van de zoekpagina tonen, bijvoorbeeld alle gratis activiteiten binnen 5 km van Utrecht:{" "}
        <code>{d.searchExample}</code>. Gebruik dezelfde woorden als in het adres van de <Link to="/">zoekpagina</Link>:{" "}
        <code>plaats</code>, <code>straal</code>, <code>dag</code>, <code>soort</code>, <code>voor</code>, <code>gratis</code>,{" "}
        <code>rolstoel</code> en <code>online</code>, plus <code>kleur</code>, <code>achtergrond</code> en <code>aantal</code>.
      </p>
      <p>
        Liever in je agenda-app of als nieuwsfeed? Op de pagina van elke gemeente staat een agenda om op te abonneren. Alle
        activiteiten als bestand staan bij de <Link to="/open-data">open data</Link>.
      </p>
    </>
  );
}
