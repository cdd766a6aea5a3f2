import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Toegankelijkheid – Kom erbij" }];

export default function Accessibility() {
  return (
    <article>
      <h1>Toegankelijkheid</h1>
      <p>
        Iedereen moet activiteiten kunnen vinden en aanmelden, ook met een toetsenbord, een schermlezer, grote letters of een oude
        telefoon. Daarom bouwen we deze site volgens de richtlijnen van WCAG 2.2, niveau AA.
      </p>
      <h2>Wat we doen</h2>
      <ul>
        <li>Alles werkt met het toetsenbord en is goed voor te lezen.</li>
        <li>De kaart is een extra: dezelfde activiteiten staan altijd ook in een lijst.</li>
        <li>De site werkt ook zonder JavaScript.</li>
        <li>We testen elke verandering automatisch met axe, een controleprogramma voor toegankelijkheid.</li>
        <li>We schrijven in eenvoudige taal (taalniveau B1).</li>
      </ul>
      <h2>Wat nog niet goed gaat</h2>
      <p>
        Kaartjes van de achtergrondkaart hebben geen tekst. Alles wat op de kaart staat, vind je daarom ook in de lijst met
        resultaten.
      </p>
      <h2>Iets gevonden dat niet werkt?</h2>
      <p>
        Laat het ons weten via{" "}
        <a href="mailto:toegankelijkheid@weektegeneenzaamheid.nl">toegankelijkheid@weektegeneenzaamheid.nl</a>. We reageren binnen
        vijf werkdagen.
      </p>
    </article>
  );
}
