import type { MetaFunction } from "@remix-run/node";

// The policy that /.well-known/security.txt points to (coordinated vulnerability disclosure).
export const meta: MetaFunction = () => [{ title: "Kwetsbaarheid melden – Kom erbij" }];

export function headers() {
  return { "Cache-Control": "public, max-age=3600" };
}

export default function SecurityPolicy() {
  return (
    <article>
      <h1>Kwetsbaarheid melden</h1>
      <p>
        We vinden de veiligheid van deze website en van de gegevens van organisatoren belangrijk. Heb je een zwakke plek gevonden?
        Meld die dan bij ons, dan lossen we het samen op.
      </p>
      <h2>Zo meld je het</h2>
      <ul>
        <li>
          Stuur een e-mail naar <a href="mailto:security@weektegeneenzaamheid.nl">security@weektegeneenzaamheid.nl</a>.
        </li>
        <li>Schrijf wat je hebt gevonden en hoe we het kunnen nadoen.</li>
        <li>
          Gebruik de zwakke plek niet verder dan nodig is om hem aan te tonen. Bekijk, verander of wis geen gegevens van anderen.
        </li>
        <li>Vertel het niemand anders totdat het is opgelost.</li>
      </ul>
      <h2>Wat wij doen</h2>
      <ul>
        <li>We antwoorden binnen vijf werkdagen.</li>
        <li>We houden je op de hoogte en lossen het zo snel mogelijk op.</li>
        <li>Meld je volgens deze regels? Dan doen we geen aangifte.</li>
      </ul>
    </article>
  );
}
