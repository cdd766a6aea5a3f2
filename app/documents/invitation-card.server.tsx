// The invitation card: two A5 cards on one A4 sheet with cut marks, each with the organiser's own
// line for the neighbours, the facts and a QR code. Cut along the marks; no trimming at the edges.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { type PrintFacts } from "~/models/activity-print.server";
import { AccessList, CampaignBand, COLOURS, FONT_FAMILY, MM, Qr, qrPng, registerFonts } from "./print-kit.server";

export const MAX_PERSONAL_LINE = 160;
const A4 = { width: 210 * MM, height: 297 * MM };
const CARD_HEIGHT = A4.height / 2;
const MARK = 6 * MM;

export async function renderInvitationCard(facts: PrintFacts, personalLine: string | null): Promise<Buffer> {
  registerFonts();
  const qr = qrPng(facts.url);
  const card = <Card facts={facts} personalLine={personalLine} qr={qr} />;
  return renderToBuffer(
    <Document
      title={`Uitnodiging: ${facts.title}`}
      author={facts.organisationName}
      subject={`Week tegen Eenzaamheid ${facts.editionYear}`}
      language="nl-NL"
      creator="Kom erbij"
      producer="Kom erbij"
    >
      <Page size="A4" style={{ fontFamily: FONT_FAMILY, color: COLOURS.ink }}>
        <View style={{ height: CARD_HEIGHT }}>{card}</View>
        <View style={{ height: CARD_HEIGHT }}>{card}</View>
        {/* Cut marks on the fold line, in the margins only. */}
        <View fixed style={{ position: "absolute", left: 0, top: CARD_HEIGHT, width: MARK, borderTop: "0.5pt solid #000" }} />
        <View fixed style={{ position: "absolute", right: 0, top: CARD_HEIGHT, width: MARK, borderTop: "0.5pt solid #000" }} />
        <Text fixed style={{ position: "absolute", left: MARK + 2, top: CARD_HEIGHT - 4, fontSize: 6, color: COLOURS.muted }}>
          knip hier
        </Text>
      </Page>
    </Document>,
  );
}

function Card({ facts, personalLine, qr }: { facts: PrintFacts; personalLine: string | null; qr: string }) {
  const body = 12;
  return (
    <View style={{ flex: 1, padding: 10 * MM, fontSize: body }}>
      <CampaignBand year={facts.editionYear} fontSize={body} />
      <View style={{ flexDirection: "row", marginTop: body * 0.8, flex: 1 }}>
        <View style={{ flex: 1, paddingRight: body }}>
          {personalLine ? (
            <Text style={{ fontSize: body * 1.35, fontWeight: 700, color: COLOURS.brandDark, marginBottom: body * 0.5 }}>
              “{personalLine}”
            </Text>
          ) : null}
          <Text style={{ fontSize: body * 1.5, fontWeight: 700 }}>{facts.title}</Text>
          <Text style={{ fontWeight: 700, marginTop: body * 0.4 }}>
            {facts.dayText}, {facts.timeText}
          </Text>
          <Text>{facts.placeLines.join(", ")}</Text>
          {facts.welcomeAlone ? <Text style={{ fontWeight: 700, marginTop: body * 0.4 }}>{facts.welcomeText}</Text> : null}
          <Text style={{ marginTop: body * 0.4 }}>
            {facts.costText}. {facts.signUpText}
          </Text>
          <AccessList items={facts.accessibility} fontSize={body * 0.85} />
        </View>
        <View style={{ justifyContent: "flex-end" }}>
          <Qr src={qr} size={30 * MM} caption="Scan voor meer informatie" />
        </View>
      </View>
      <Text style={{ fontSize: body * 0.8, color: COLOURS.muted }}>
        {facts.organisationName}
        {facts.contactLines.length ? ` · ${facts.contactLines.join(" · ")}` : ""}
      </Text>
    </View>
  );
}
