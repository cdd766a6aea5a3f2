// Posters, invitation cards, the municipal booklet and share previews, read back the way a
// printer or a phone would: the PDF's text, page count and page size (unpdf / pdf.js), and every
// QR code decoded with jsQR from the image stream embedded in the PDF, so it is the printed code
// that is checked, not a code made again in the test.
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as posterLoader } from "~/routes/activiteiten.$id_.poster[.]pdf";
import { loader as imageLoader } from "~/routes/activiteiten.$id_.deelafbeelding[.]png";
import { loader as municipalityImageLoader } from "~/routes/gemeenten.$code.deelafbeelding[.]png";
import { loader as bookletLoader } from "~/routes/gemeenten.$code.boekje[.]pdf";
import { loader as cardLoader } from "~/routes/organisator.activiteiten.$id.uitnodiging[.]pdf";
import { loader as myActivitiesLoader } from "~/routes/organisator.activiteiten._index";
import { loader as activityLoader, meta as activityMeta } from "~/routes/activiteiten.$id";
import { monotonicMs } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { DEMO_ORGANISER_EMAIL, seedDemoData } from "~/demo/demo-data.server";
import { now } from "~/utils/clock.server";
import { qrCodesIn } from "../helpers/pdf-qr";
import { get, outcome, sessionCookie } from "../helpers/requests";
import { municipalitySlug } from "~/models/municipality";

const BASE = "http://localhost:3000"; // PUBLIC_URL in tests/setup.ts
const PT_PER_MM = 72 / 25.4;

seedDemoData(db, now());
const sql = db.$client;
const organiser = await sessionCookie(DEMO_ORGANISER_EMAIL);
const other = await sessionCookie("organisator-007@example.org");

type Row = {
  id: number;
  title: string;
  place: string | null;
  year: number;
  private_contact_email: string;
  private_contact_name: string;
};
const own = sql
  .prepare(
    `SELECT a.id, a.title, a.place, e.year, a.private_contact_email, a.private_contact_name FROM activities a
     JOIN editions e ON e.id = a.edition_id JOIN users u ON u.id = a.owner_id
     WHERE u.email = ? AND a.status = 'published' AND a.is_online = 0 ORDER BY e.year DESC, a.id LIMIT 1`,
  )
  .get(DEMO_ORGANISER_EMAIL) as Row;

async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  const sizes: { w: number; h: number }[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const v = (await pdf.getPage(p)).getViewport({ scale: 1 });
    sizes.push({ w: Math.round(v.width / PT_PER_MM), h: Math.round(v.height / PT_PER_MM) });
  }
  return { pdf, pages: pdf.numPages, text: text.replace(/\s+/g, " "), sizes };
}

async function download(promise: Promise<unknown>) {
  const response = (await promise) as Response;
  expect(response.status).toBe(200);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("the poster", () => {
  it("is an A4 PDF with the facts in large type and a QR code to the activity page", async () => {
    const { response, bytes } = await download(
      posterLoader(get(`/activiteiten/${own.id}/poster.pdf`, undefined, { id: String(own.id) })),
    );
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="poster-[a-z0-9-]+-\d{4}\.pdf"$/);
    expect(response.headers.get("Content-Disposition")).toContain(`-${own.year}.pdf`);
    expect(response.headers.get("Cache-Control")).toMatch(/public/);
    const { pdf, pages, text, sizes } = await readPdf(bytes);
    expect(pages).toBe(1);
    expect(sizes[0]).toEqual({ w: 210, h: 297 });
    expect(text).toContain(own.title.split(" ")[0]);
    expect(text).toContain("Je bent welkom, ook als je alleen komt.");
    expect(text).toContain("Kom erbij!");
    expect(text).toMatch(/(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ (september|oktober) \d{4}/i);
    expect(text).not.toContain(own.private_contact_email);
    expect(qrCodesIn(bytes)).toEqual([`${BASE}/activiteiten/${own.id}`]);
    const info = (await pdf.getMetadata()).info as { Title?: string; Language?: string };
    expect(info.Title).toContain(own.title);
  });

  it("comes in A3 too, and not for activities the public cannot see", async () => {
    const { response, bytes } = await download(
      posterLoader(get(`/activiteiten/${own.id}/poster.pdf?formaat=a3`, undefined, { id: String(own.id) })),
    );
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="poster-a3-/);
    const { sizes } = await readPdf(bytes);
    expect(sizes[0]).toEqual({ w: 297, h: 420 });
    expect(qrCodesIn(bytes)).toEqual([`${BASE}/activiteiten/${own.id}`]);
    const pending = sql.prepare("SELECT id FROM activities WHERE status = 'pending' LIMIT 1").get() as { id: number };
    expect((await outcome(posterLoader(get(`/x`, undefined, { id: String(pending.id) })))).status).toBe(404);
  });
});

describe("the invitation card", () => {
  it("puts two A5 cards with the organiser's own line and a QR code each on one A4", async () => {
    const line = "Wij drinken koffie in het buurthuis, schuif aan!";
    const url = `/organisator/activiteiten/${own.id}/uitnodiging.pdf?regel=${encodeURIComponent(line)}`;
    const { response, bytes } = await download(cardLoader(get(url, organiser, { id: String(own.id) })));
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="uitnodiging-[a-z0-9-]+-\d{4}\.pdf"/);
    expect(response.headers.get("Cache-Control")).toMatch(/private/);
    const { pages, text, sizes } = await readPdf(bytes);
    expect(pages).toBe(1);
    expect(sizes[0]).toEqual({ w: 210, h: 297 });
    expect(text.split(line).length - 1).toBe(2);
    expect(text).toContain("knip hier");
    // Both cards show the same image, which the PDF stores once.
    expect(qrCodesIn(bytes)).toEqual([`${BASE}/activiteiten/${own.id}`]);
  });

  it("is only for the activity's own organiser", async () => {
    expect((await outcome(cardLoader(get(`/x?regel=Hallo`, other, { id: String(own.id) })))).status).toBe(404);
    expect((await outcome(cardLoader(get(`/x`, undefined, { id: String(own.id) })))).status).toBe(302);
  });
});

describe("the municipal booklet", () => {
  const biggest = sql
    .prepare(
      `SELECT a.municipality_code AS code, e.year, count(*) AS n FROM activities a JOIN editions e ON e.id = a.edition_id
       WHERE a.status = 'published' GROUP BY 1, 2 ORDER BY n DESC LIMIT 1`,
    )
    .get() as { code: string; year: number; n: number };
  const path = `/gemeenten/${biggest.code}/boekje.pdf?editie=${biggest.year}`;
  const args = () => get(path, undefined, { code: biggest.code });

  beforeAll(async () => {
    // Warm the font and PDF engine once, as a running server would have done.
    await posterLoader(get(`/x`, undefined, { id: String(own.id) }));
  });

  // The time limit (under 5 s) is checked against the production build in tests/e2e/print-share.spec.ts:
  // under vitest's module runner the same render is several times slower than in remix-serve.
  it(`lists every published activity of the busiest demo municipality, by day and time`, async () => {
    const started = monotonicMs();
    const { response, bytes } = await download(bookletLoader(args()));
    console.log(
      `booklet ${biggest.code} ${biggest.year}: ${biggest.n} activities, ${Math.round(monotonicMs() - started)} ms under vitest`,
    );
    expect(response.headers.get("X-Booklet-Cache")).toBe("miss");
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`filename="boekje-[a-z-]+-${biggest.year}\\.pdf"`));

    const { pdf, pages, text, sizes } = await readPdf(bytes);
    expect(pages).toBeGreaterThan(3);
    expect(sizes.every((s) => s.w === 210 && s.h === 297)).toBe(true);
    expect(text).toContain("Programma");
    expect(text).toContain("Plekken");
    expect(text).toContain(`In dit boekje staan ${biggest.n} activiteiten`);

    const titles = sql
      .prepare(
        `SELECT a.id, a.title, a.private_contact_email AS email FROM activities a JOIN editions e ON e.id = a.edition_id
         WHERE a.municipality_code = ? AND e.year = ? AND a.status = 'published' ORDER BY a.starts_at, a.title, a.id`,
      )
      .all(biggest.code, biggest.year) as { id: number; title: string; email: string }[];
    // Numbered in order of day and time: "1. 10:00 tot 12:00 uur · Title".
    let position = -1;
    titles.forEach((t, i) => {
      const at = text.indexOf(`${i + 1}. `, position + 1);
      expect(at).toBeGreaterThan(position);
      position = at;
      expect(text).not.toContain(t.email);
    });
    const day = /(Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag) \d+ (september|oktober) \d{4}/g;
    expect((text.match(day) ?? []).length).toBeGreaterThan(1);

    // One code on the cover to the municipality's page, and one per activity.
    const name = (sql.prepare("SELECT name FROM municipalities WHERE code = ?").get(biggest.code) as { name: string }).name;
    const slug = municipalitySlug({ code: biggest.code, name });
    const codes = qrCodesIn(bytes);
    expect(new Set(codes)).toEqual(
      new Set([`${BASE}/gemeente/${slug}?editie=${biggest.year}`, ...titles.map((t) => `${BASE}/activiteiten/${t.id}`)]),
    );
    expect(pdf.numPages).toBe(pages);
  });

  it("answers a second request from the cache, until an activity of that municipality changes", async () => {
    const started = monotonicMs();
    const again = (await bookletLoader(args())) as Response;
    const ms = monotonicMs() - started;
    console.log(`booklet from cache: ${Math.round(ms)} ms`);
    expect(again.headers.get("X-Booklet-Cache")).toBe("hit");
    expect(ms).toBeLessThan(500);

    const someone = sql
      .prepare(
        `SELECT a.id FROM activities a JOIN editions e ON e.id = a.edition_id
         WHERE a.municipality_code = ? AND e.year = ? AND a.status = 'published' LIMIT 1`,
      )
      .get(biggest.code, biggest.year) as { id: number };
    sql
      .prepare("UPDATE activities SET title = 'Nieuwe titel voor het boekje', updated_at = updated_at WHERE id = ?")
      .run(someone.id);
    const changed = (await bookletLoader(args())) as Response;
    expect(changed.headers.get("X-Booklet-Cache")).toBe("miss");
    const { text } = await readPdf(new Uint8Array(await changed.arrayBuffer()));
    expect(text).toContain("Nieuwe titel voor het boekje");
  });

  it("answers 404 for an unknown municipality or edition", async () => {
    expect((await outcome(bookletLoader(get("/x", undefined, { code: "GM9999" })))).status).toBe(404);
    expect((await outcome(bookletLoader(get("/x?editie=1990", undefined, { code: biggest.code })))).status).toBe(404);
  });
});

describe("share previews", () => {
  const pngSize = (b: Uint8Array) => {
    const view = new DataView(b.buffer, b.byteOffset);
    return {
      signature: [...b.slice(1, 4)].map((c) => String.fromCharCode(c)).join(""),
      w: view.getUint32(16),
      h: view.getUint32(20),
    };
  };

  it("gives the activity page Open Graph and Twitter tags whose image answers a 1200×630 PNG", async () => {
    const data = (await activityLoader(get(`/activiteiten/${own.id}`, undefined, { id: String(own.id) }))) as Awaited<
      ReturnType<typeof activityLoader>
    >;
    const tags = activityMeta({ data } as Parameters<typeof activityMeta>[0]) as Record<string, string>[];
    const byKey = (k: string) => tags.find((t) => t.property === k || t.name === k)?.content;
    expect(byKey("og:title")).toBe(own.title);
    expect(byKey("og:description")).toMatch(/uur/);
    expect(byKey("og:image")).toBe(`${BASE}/activiteiten/${own.id}/deelafbeelding.png`);
    expect(byKey("og:url")).toBe(`${BASE}/activiteiten/${own.id}`);
    expect(byKey("twitter:card")).toBe("summary_large_image");
    expect(JSON.stringify(tags)).not.toContain(own.private_contact_email);

    const { response, bytes } = await download(
      imageLoader(get(`/activiteiten/${own.id}/deelafbeelding.png`, undefined, { id: String(own.id) })),
    );
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(pngSize(bytes)).toEqual({ signature: "PNG", w: 1200, h: 630 });
  });

  it("has a preview picture for a municipality too", async () => {
    const { bytes } = await download(
      municipalityImageLoader(get("/gemeenten/GM0344/deelafbeelding.png", undefined, { code: "GM0344" })),
    );
    expect(pngSize(bytes)).toEqual({ signature: "PNG", w: 1200, h: 630 });
  });
});

describe("Mijn activiteiten", () => {
  it("shows each activity's kit order with its status and the poster and share links", async () => {
    const { data } = await outcome(myActivitiesLoader(get("/organisator/activiteiten", organiser)));
    const all = data.groups.flatMap((g: { activities: unknown[] }) => g.activities) as {
      id: number;
      kitOrder: { statusText: string; path: string } | null;
      print: { poster: string } | null;
    }[];
    const mine = all.find((x) => x.id === own.id)!;
    expect(mine.print?.poster).toBe(`/activiteiten/${own.id}/poster.pdf`);
    const ordered = sql
      .prepare(
        `SELECT o.activity_id AS id, o.status FROM kit_orders o JOIN users u ON u.id = o.ordered_by_id WHERE u.email = ? LIMIT 1`,
      )
      .get(DEMO_ORGANISER_EMAIL) as { id: number; status: string } | undefined;
    if (ordered) expect(all.find((x) => x.id === ordered.id)?.kitOrder?.path).toMatch(/^\/organisator\/pakketten\//);
  });
});
