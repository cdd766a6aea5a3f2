import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Privacy – Kom erbij" }];

export default function Privacy() {
  return (
    <article>
      <h1>Privacy</h1>
      <p>
        Op dit platform zetten organisatoren hun activiteiten voor de Week tegen Eenzaamheid. Wij gaan zorgvuldig om met de
        gegevens die je ons geeft.
      </p>
      <h2>Als je een activiteit zoekt</h2>
      <p>
        Je hoeft niets over jezelf te vertellen. Zoek je met &lsquo;gebruik mijn locatie&rsquo;, dan gebruiken we je locatie
        alleen voor die zoekopdracht. We bewaren hem niet. We gebruiken geen cookies om je te volgen.
      </p>
      <h2>Als je een activiteit organiseert</h2>
      <ul>
        <li>We bewaren je e-mailadres om je te laten inloggen en om je berichten over je activiteit te sturen.</li>
        <li>
          Je contactgegevens voor het programmateam en het afleveradres van het pakket zijn nooit openbaar. Alleen het
          programmateam en het verzendhuis dat het pakket verstuurt, kunnen ze zien.
        </li>
        <li>Alleen de contactgegevens die je zelf &lsquo;openbaar&rsquo; maakt, staan bij je activiteit op de site.</li>
        <li>We gebruiken één cookie om je ingelogd te houden. Die verdwijnt als je uitlogt.</li>
      </ul>
      <h2>Hoe lang we gegevens bewaren</h2>
      <p>
        Gegevens van een editie bewaren we tot twee jaar na die editie, zodat we de jaren kunnen vergelijken. Daarna verwijderen
        we persoonsgegevens. Cijfers zonder namen blijven bestaan.
      </p>
      <h2>Vragen of je gegevens laten verwijderen</h2>
      <p>
        Mail naar <a href="mailto:privacy@weektegeneenzaamheid.nl">privacy@weektegeneenzaamheid.nl</a>. Je mag altijd vragen welke
        gegevens we van je hebben, en ze laten aanpassen of verwijderen.
      </p>
    </article>
  );
}
