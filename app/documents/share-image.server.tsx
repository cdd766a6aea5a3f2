// The 1200×630 picture a shared link shows (Open Graph / Twitter card): the title, when and where,
// on the campaign background. satori lays out the JSX as SVG with the embedded font; resvg turns it
// into a PNG.
import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { ShareCard } from "~/models/share-preview.server";
import { SHARE_IMAGE } from "~/models/share";
import { COLOURS, FONT_FAMILY, fontPaths } from "./print-kit.server";

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[] | null = null;
const loadFonts = () =>
  (fonts ??= [
    { name: FONT_FAMILY, data: readFileSync(fontPaths.regular), weight: 400, style: "normal" },
    { name: FONT_FAMILY, data: readFileSync(fontPaths.bold), weight: 700, style: "normal" },
  ]);

export async function renderShareImage(card: ShareCard): Promise<Buffer> {
  const titleSize = card.title.length > 60 ? 56 : card.title.length > 34 ? 68 : 84;
  const svg = await satori(
    <div
      style={{
        width: SHARE_IMAGE.width,
        height: SHARE_IMAGE.height,
        display: "flex",
        backgroundColor: COLOURS.brand,
        color: "#ffffff",
        fontFamily: FONT_FAMILY,
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, margin: 60 }}>
        <div style={{ display: "flex", fontSize: 36, fontWeight: 700, color: COLOURS.accent }}>{card.kicker}</div>
        <div style={{ display: "flex", fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, marginTop: 24 }}>{card.title}</div>
        <div style={{ display: "flex", flexDirection: "column", marginTop: "auto", fontSize: 40 }}>
          {card.lines.map((line) => (
            <div key={line} style={{ display: "flex" }}>
              {line}
            </div>
          ))}
        </div>
        <div style={{ display: "flex", marginTop: 28, paddingTop: 20, borderTop: `3px solid ${COLOURS.accent}`, fontSize: 28 }}>
          {card.footer}
        </div>
      </div>
    </div>,
    { width: SHARE_IMAGE.width, height: SHARE_IMAGE.height, fonts: loadFonts() },
  );
  return new Resvg(svg, { fitTo: { mode: "width", value: SHARE_IMAGE.width }, font: { loadSystemFonts: false } })
    .render()
    .asPng();
}
