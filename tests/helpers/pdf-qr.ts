// Finds the images embedded in a PDF and decodes the QR codes in them with jsQR: a test of the
// code as printed. Reads the PDF's own image streams (8-bit grey or RGB, Flate, with or without
// PNG predictors: what @react-pdf/renderer writes), so no rasteriser or system tool is needed.
import { inflateSync } from "node:zlib";
import jsQR from "jsqr";

type RawImage = { width: number; height: number; channels: number; pixels: Uint8Array };

export function embeddedImages(pdf: Uint8Array): RawImage[] {
  const text = Buffer.from(pdf).toString("latin1");
  const images: RawImage[] = [];
  const object = /\d+ 0 obj\s*<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = object.exec(text); m; m = object.exec(text)) {
    const dict = m[1];
    if (!/\/Subtype\s*\/Image/.test(dict) || !/\/Filter\s*\/FlateDecode/.test(dict)) continue;
    const num = (key: string) => Number(dict.match(new RegExp(`/${key}\\s+(\\d+)`))?.[1]);
    const width = num("Width");
    const height = num("Height");
    const channels = /\/DeviceRGB/.test(dict) ? 3 : /\/DeviceGray/.test(dict) ? 1 : 0;
    if (!channels || num("BitsPerComponent") !== 8) continue;
    const start = m.index + m[0].length;
    const raw = inflateSync(pdf.subarray(start, start + num("Length")));
    const predictor = num("Predictor") || 1;
    images.push({ width, height, channels, pixels: predictor >= 10 ? unfilterPng(raw, width * channels, channels) : raw });
  }
  return images;
}

function unfilterPng(data: Uint8Array, rowBytes: number, bpp: number): Uint8Array {
  const rows = data.length / (rowBytes + 1);
  const out = new Uint8Array(rows * rowBytes);
  for (let y = 0; y < rows; y++) {
    const filter = data[y * (rowBytes + 1)];
    for (let x = 0; x < rowBytes; x++) {
      const raw = data[y * (rowBytes + 1) + 1 + x];
      const a = x >= bpp ? out[y * rowBytes + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * rowBytes + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * rowBytes + x - bpp] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter];
      out[y * rowBytes + x] = (raw + add) & 255;
    }
  }
  return out;
}

/** The text of every QR code among the PDF's images, in the order they are stored. */
export function qrCodesIn(pdf: Uint8Array): string[] {
  return embeddedImages(pdf).flatMap(({ width, height, channels, pixels }) => {
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels === 1 ? 0 : c)];
      rgba[i * 4 + 3] = 255;
    }
    const code = jsQR(rgba, width, height);
    return code ? [code.data] : [];
  });
}
