// The poster of one activity, A4 or A3: large type (body at least 18 pt on A4), black text on white,
// the campaign band, and a QR code to the activity page.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { type PrintFacts } from "~/models/activity-print.server";
import { AccessList, CampaignBand, COLOURS, FONT_FAMILY, MM, Qr, qrPng, registerFonts } from "./print-kit.server";

export const POSTER_SIZES = { A4: "A4", A3: "A3" } as const;
export type PosterSize = keyof typeof POSTER_SIZES;

export async function renderPoster(facts: PrintFacts, size: PosterSize): Promise<Buffer> {
  registerFonts();
  const qr = qrPng(facts.url);
  const k = size === "A3" ? Math.SQRT2 : 1; // A3 is A4 scaled by √2
  const body = 20 * k;
  // Many "goed om te weten" lines take room: then the headings shrink (the body stays 20 pt) so it stays one page.
  const lines = facts.accessibility.length + (facts.welcomeText.length > 45 ? 1 : 0);
  const big = lines > 3 ? 0.8 : 1;
  return renderToBuffer(
    <Document
      title={`Poster: ${facts.title}`}
      author={facts.organisationName}
      subject={`Week tegen Eenzaamheid ${facts.editionYear}`}
      language="nl-NL"
      creator="Kom erbij"
      producer="Kom erbij"
    >
      <Page size={size} style={{ fontFamily: FONT_FAMILY, color: COLOURS.ink, fontSize: body, padding: 14 * MM * k }}>
        <CampaignBand year={facts.editionYear} fontSize={body} />
        {facts.cancelled ? (
          <Text style={{ fontSize: body * 1.6, fontWeight: 700, color: COLOURS.brandDark, marginTop: body }}>
            Let op: deze activiteit gaat niet door.
          </Text>
        ) : null}
        <Text style={{ fontSize: body * 2.4 * big, fontWeight: 700, marginTop: body * 1.1 * big, lineHeight: 1.15 }}>
          {facts.title}
        </Text>
        <Text style={{ fontSize: body, color: COLOURS.muted, marginTop: body * 0.3 }}>{facts.typeText}</Text>

        <View style={{ marginTop: body * 1.1 * big }}>
          <Text style={{ fontSize: body * 1.35 * big, fontWeight: 700 }}>{facts.dayText}</Text>
          <Text style={{ fontSize: body * 1.35 * big, fontWeight: 700 }}>{facts.timeText}</Text>
        </View>
        <View style={{ marginTop: body * 0.8 * big }}>
          {facts.placeLines.map((line) => (
            <Text key={line} style={{ fontSize: body * 1.15 * big }}>
              {line}
            </Text>
          ))}
        </View>
        {facts.welcomeAlone ? (
          <Text
            style={{
              fontSize: body * 1.15 * big,
              fontWeight: 700,
              marginTop: body * big,
              padding: body * 0.4,
              backgroundColor: COLOURS.accent,
            }}
          >
            {facts.welcomeText}
          </Text>
        ) : null}
        <View style={{ marginTop: body * 0.8 }}>
          <Text style={{ fontWeight: 700 }}>{facts.costText}</Text>
          <Text>{facts.signUpText}</Text>
        </View>
        <AccessList items={facts.accessibility} fontSize={body * 0.9} />

        <View
          style={{
            marginTop: "auto",
            flexDirection: "row",
            alignItems: "flex-end",
            justifyContent: "space-between",
            borderTop: `${2 * k}pt solid ${COLOURS.brand}`,
            paddingTop: body * 0.6,
          }}
        >
          <View style={{ flex: 1, paddingRight: body }}>
            <Text style={{ fontSize: body * 0.9 }}>Georganiseerd door {facts.organisationName}</Text>
            {facts.contactLines.length ? (
              <Text style={{ fontSize: body * 0.9 }}>Vragen? {facts.contactLines.join(" · ")}</Text>
            ) : null}
            <Text style={{ fontSize: body * 0.8, marginTop: body * 0.4, color: COLOURS.muted }}>{facts.url}</Text>
          </View>
          <Qr src={qr} size={45 * MM * k} caption="Scan voor meer informatie" />
        </View>
      </Page>
    </Document>,
  );
}
