// Shared pieces of the printed documents (poster, invitation card, booklet): the embedded font,
// the campaign colours, the QR code and the accessibility icons with their words.
//
// Fonts: Atkinson Hyperlegible (Braille Institute, SIL Open Font License 1.1), shipped as WOFF by
// @fontsource/atkinson-hyperlegible, so no font is fetched at run time. Made for low vision, which
// suits a campaign that reaches many older readers. Embedded (subset) in every PDF, so the text
// is real, selectable text that a screen reader can read.
import { createRequire } from "node:module";
import { Circle, Font, Image, Path, Rect, Svg, Text, View } from "@react-pdf/renderer";
import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";
import type { FeatureIcon } from "~/models/activity-features";

const require = createRequire(import.meta.url);
const fontFile = (weight: 400 | 700) =>
  require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`);

export const FONT_FAMILY = "Atkinson Hyperlegible";
let fontsRegistered = false;
export function registerFonts() {
  if (fontsRegistered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: fontFile(400), fontWeight: 400 },
      { src: fontFile(700), fontWeight: 700 },
    ],
  });
  // Dutch words are long; never break them with a hyphen the reader did not write.
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

/** The font files, for the share-image renderer (which takes the bytes itself). */
export const fontPaths = { regular: fontFile(400), bold: fontFile(700) };

// The site's campaign colours. Brand red on white has a contrast of 6.6:1 and stays dark in grey print.
export const COLOURS = {
  brand: "#b3261e",
  brandDark: "#8c1d17",
  ink: "#1d1d2c",
  muted: "#4a4a5e",
  accent: "#ffd166",
  panel: "#f6f1e7",
};

export const MM = 72 / 25.4;

/**
 * A QR code as a PNG data URL: black modules on white, a quiet zone of 4 modules, 8-bit greyscale
 * without transparency. Written here rather than by the qrcode library's own PNG writer (RGBA):
 * a PNG without alpha goes into the PDF as it is, so a booklet with hundreds of codes is not slowed
 * down by decoding and re-compressing every image.
 */
export function qrPng(url: string, modulePx = 8): string {
  const key = `${modulePx}:${url}`;
  let png = qrCache.get(key);
  if (!png) {
    png = `data:image/png;base64,${qrPngBytes(url, modulePx).toString("base64")}`;
    if (qrCache.size >= MAX_QR_CACHED) qrCache.delete(qrCache.keys().next().value!);
    qrCache.set(key, png);
  }
  return png;
}
// Activity addresses do not change, so their QR codes are made once (a booklet needs hundreds).
const qrCache = new Map<string, string>();
const MAX_QR_CACHED = 5000;
const QUIET_ZONE = 4;

function qrPngBytes(url: string, modulePx: number): Buffer {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const side = (modules.size + 2 * QUIET_ZONE) * modulePx;
  const rows = Buffer.alloc(side * (side + 1), 255);
  for (let y = 0; y < side; y++) {
    rows[y * (side + 1)] = 0; // filter: none
    const my = Math.floor(y / modulePx) - QUIET_ZONE;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / modulePx) - QUIET_ZONE;
      const dark = my >= 0 && mx >= 0 && my < modules.size && mx < modules.size && modules.get(my, mx);
      if (dark) rows[y * (side + 1) + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function Qr({ src, size, caption }: { src: string; size: number; caption?: string }) {
  return (
    <View style={{ alignItems: "center" }}>
      <Image src={src} style={{ width: size, height: size }} />
      {caption ? (
        <Text style={{ fontSize: Math.max(9, size / 12), textAlign: "center", maxWidth: size * 1.4 }}>{caption}</Text>
      ) : null}
    </View>
  );
}

/** Simple line icons drawn as vectors: they print sharp and need no emoji font. Always shown with words. */
export function AccessIcon({ icon, size }: { icon: FeatureIcon; size: number }) {
  const stroke = { stroke: COLOURS.ink, strokeWidth: 2, fill: "none" } as const;
  return (
    <Svg width={size} height={size} viewBox="0 0 24 24">
      <Rect x="0.5" y="0.5" width="23" height="23" rx="4" stroke={COLOURS.ink} strokeWidth={1} fill="#ffffff" />
      {icon === "wheelchair" ? (
        <>
          <Circle cx="11" cy="4.5" r="1.8" fill={COLOURS.ink} />
          <Path d="M11 7 L11 13 L16 13 L18 18" {...stroke} />
          <Path d="M8.5 10.5 A5 5 0 1 0 15 17" {...stroke} />
        </>
      ) : icon === "ear" ? (
        <>
          <Path d="M8 15 C8 10 8 5 12.5 5 C16 5 17 8 16 10.5 C15 13 13 13 13 16 C13 19 10 20 8.5 18.5" {...stroke} />
          <Path d="M11 10 C11 8.5 13.5 8.5 13.5 10" {...stroke} />
        </>
      ) : icon === "quiet" ? (
        <Path d="M15 4 A8 8 0 1 0 20 15 A6.5 6.5 0 1 1 15 4 Z" {...stroke} />
      ) : icon === "door" ? (
        <>
          <Path d="M7 20 L7 4 L17 4 L17 20 M4 20 L20 20" {...stroke} />
          <Circle cx="14" cy="12" r="1.2" fill={COLOURS.ink} />
        </>
      ) : icon === "speech" ? (
        <Path d="M4 5 L20 5 L20 15 L10 15 L5 19 L5 15 L4 15 Z M8 9 L16 9 M8 12 L13 12" {...stroke} />
      ) : icon === "language" ? (
        <>
          <Circle cx="12" cy="12" r="8" {...stroke} />
          <Path d="M4 12 L20 12 M12 4 C8.5 8 8.5 16 12 20 M12 4 C15.5 8 15.5 16 12 20" {...stroke} />
        </>
      ) : icon === "bus" ? (
        <>
          <Rect x="5" y="4" width="14" height="13" rx="2" {...stroke} />
          <Path d="M5 11 L19 11 M8 17 L8 20 M16 17 L16 20" {...stroke} />
        </>
      ) : (
        <>
          <Rect x="4" y="6" width="16" height="10" rx="2" {...stroke} />
          <Path d="M4 11 L20 11" {...stroke} />
          <Circle cx="8" cy="18" r="1.8" fill={COLOURS.ink} />
          <Circle cx="16" cy="18" r="1.8" fill={COLOURS.ink} />
        </>
      )}
    </Svg>
  );
}

export function AccessList({
  items,
  fontSize,
}: {
  items: { key: string; icon: FeatureIcon; label: string }[];
  fontSize: number;
}) {
  if (items.length === 0) return null;
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", gap: fontSize * 0.5, marginTop: fontSize * 0.4 }}>
      {items.map((item) => (
        <View key={item.key} style={{ flexDirection: "row", alignItems: "center", marginRight: fontSize }}>
          <AccessIcon icon={item.icon} size={fontSize * 1.4} />
          <Text style={{ fontSize, marginLeft: fontSize * 0.35 }}>{item.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** The campaign's name plate: "Kom erbij!" on the brand colour. */
export function CampaignBand({ year, fontSize }: { year: number; fontSize: number }) {
  return (
    <View
      style={{
        backgroundColor: COLOURS.brand,
        color: "#ffffff",
        padding: fontSize * 0.6,
        flexDirection: "row",
        justifyContent: "space-between",
        alignItems: "flex-end",
      }}
    >
      <Text style={{ fontSize: fontSize * 1.6, fontWeight: 700 }}>Kom erbij!</Text>
      <Text style={{ fontSize: fontSize * 0.8 }}>Week tegen Eenzaamheid {year}</Text>
    </View>
  );
}
