// The municipal booklet (A4): a cover with a QR code to the municipality's activities online, the
// programme by day and then by time (each activity with its own QR code), and an index of places.
// Accessibility is given in words only here: vector icons per entry made a 200-activity booklet
// three times slower to lay out.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { BookletData, BookletEntry } from "~/models/booklet.server";
import { CampaignBand, COLOURS, FONT_FAMILY, MM, Qr, qrPng, registerFonts } from "./print-kit.server";

const BODY = 12;
const QR_MODULE_PX = 4; // 22 mm for about 41 modules: over 180 dpi, sharp on any office printer

export async function renderBooklet(data: BookletData): Promise<Buffer> {
  registerFonts();
  const entries = data.days.flatMap((d) => d.entries);
  const qrs = new Map(entries.map((e) => [e.id, qrPng(e.url, QR_MODULE_PX)] as const));
  const coverQr = qrPng(data.municipalityUrl);
  const pageStyle = {
    fontFamily: FONT_FAMILY,
    color: COLOURS.ink,
    fontSize: BODY,
    paddingTop: 14 * MM,
    paddingBottom: 18 * MM,
    paddingHorizontal: 16 * MM,
  };
  return renderToBuffer(
    <Document
      title={`Activiteiten in ${data.municipality.name}: Week tegen Eenzaamheid ${data.edition.year}`}
      author={`Gemeente ${data.municipality.name}`}
      subject={`Week tegen Eenzaamheid ${data.edition.year}`}
      language="nl-NL"
      creator="Kom erbij"
      producer="Kom erbij"
    >
      <Page size="A4" style={pageStyle}>
        <CampaignBand year={data.edition.year} fontSize={BODY * 1.6} />
        <Text style={{ fontSize: BODY * 3, fontWeight: 700, marginTop: BODY * 2 }}>Activiteiten in {data.municipality.name}</Text>
        <Text style={{ fontSize: BODY * 1.6, marginTop: BODY * 0.6 }}>
          {data.edition.number}e Week tegen Eenzaamheid, {data.edition.weekText}
        </Text>
        <Text style={{ fontSize: BODY * 1.3, marginTop: BODY * 1.5, lineHeight: 1.4 }}>
          In deze week kun je op veel plekken mensen ontmoeten. In dit boekje staan {data.count}{" "}
          {data.count === 1 ? "activiteit" : "activiteiten"} in de gemeente {data.municipality.name}, per dag en op tijd. Je bent
          overal welkom, ook als je alleen komt.
        </Text>
        <Text style={{ fontSize: BODY * 1.3, marginTop: BODY, lineHeight: 1.4 }}>
          Heb je een vraag over een activiteit? Bij elke activiteit staat wie hem organiseert en hoe je contact opneemt.
        </Text>
        <View style={{ marginTop: "auto", flexDirection: "row", alignItems: "flex-end", justifyContent: "space-between" }}>
          <Text style={{ fontSize: BODY * 1.1, maxWidth: 100 * MM }}>
            Alle activiteiten, ook de nieuwste, vind je online. Scan de code of ga naar {data.municipalityUrl}
          </Text>
          <Qr src={coverQr} size={40 * MM} caption={`Activiteiten in ${data.municipality.name}`} />
        </View>
      </Page>

      <Page size="A4" style={pageStyle} wrap>
        <PageFooter data={data} />
        <Text style={{ fontSize: BODY * 2, fontWeight: 700, marginBottom: BODY }}>Programma</Text>
        {data.count === 0 ? <Text>Er zijn nog geen activiteiten aangemeld in deze gemeente.</Text> : null}
        {data.days.map((day) => (
          <View key={day.date}>
            <Text
              minPresenceAhead={120}
              style={{
                fontSize: BODY * 1.5,
                fontWeight: 700,
                color: COLOURS.brandDark,
                marginTop: BODY,
                borderBottom: `1.5pt solid ${COLOURS.brand}`,
                paddingBottom: 3,
              }}
            >
              {day.label}
            </Text>
            {day.entries.map((entry) => (
              <Entry key={entry.id} entry={entry} qr={qrs.get(entry.id)!} />
            ))}
          </View>
        ))}
      </Page>

      <Page size="A4" style={pageStyle} wrap>
        <PageFooter data={data} />
        <Text style={{ fontSize: BODY * 2, fontWeight: 700, marginBottom: BODY }}>Plekken</Text>
        <Text style={{ marginBottom: BODY }}>Achter elke plek staan de nummers van de activiteiten daar.</Text>
        {data.places.map((place) => (
          <Text key={place.name} style={{ marginBottom: 3 }}>
            <Text style={{ fontWeight: 700 }}>{place.name}</Text>: {place.numbers.join(", ")}
          </Text>
        ))}
      </Page>
    </Document>,
  );
}

// One Text with styled runs per entry, not a node per line: far fewer layout nodes, which matters
// for a booklet of hundreds of activities.
function Entry({ entry, qr }: { entry: BookletEntry; qr: string }) {
  const short = entry.description.length > 220 ? `${entry.description.slice(0, 217).replace(/\s+\S*$/, "")}…` : entry.description;
  const access = entry.accessibility.map((x) => x.label.toLowerCase()).join(", ");
  const contact = [entry.organisationName, ...entry.contactLines].join(" · ");
  return (
    <View
      wrap={false}
      style={{ flexDirection: "row", paddingVertical: BODY * 0.6, borderBottom: `0.5pt solid ${COLOURS.muted}` }}
    >
      <Text style={{ flex: 1, paddingRight: BODY, lineHeight: 1.3 }}>
        <Text style={{ fontWeight: 700, fontSize: BODY * 1.15 }}>
          {entry.number}. {entry.timeText} · {entry.title}
        </Text>
        {`\n${entry.placeLines.join(", ")}\n`}
        <Text style={{ color: COLOURS.muted }}>{short.replace(/\s+/g, " ")}</Text>
        {`\n${entry.costText}. ${entry.signUpText}`}
        {access ? `\nGoed om te weten: ${access}` : ""}
        {entry.continuesText ? `\n${entry.continuesText}` : ""}
        {`\n${contact}`}
      </Text>
      <Qr src={qr} size={22 * MM} />
    </View>
  );
}

function PageFooter({ data }: { data: BookletData }) {
  return (
    <Text
      fixed
      style={{
        position: "absolute",
        bottom: 8 * MM,
        left: 16 * MM,
        right: 16 * MM,
        fontSize: BODY * 0.8,
        color: COLOURS.muted,
        textAlign: "center",
      }}
      render={({ pageNumber, totalPages }) =>
        `Week tegen Eenzaamheid ${data.edition.year} · ${data.municipality.name} · pagina ${pageNumber} van ${totalPages}`
      }
    />
  );
}
