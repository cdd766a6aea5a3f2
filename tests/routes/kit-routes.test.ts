import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as orderAction, loader as orderLoader } from "~/routes/organisator.activiteiten.$id.pakket";
import { action as statusAction, loader as statusLoader } from "~/routes/organisator.pakketten.$reference";
import { action as bulkAction, loader as listLoader } from "~/routes/beheer.pakketten._index";
import { loader as exportLoader } from "~/routes/beheer.pakketten.export[.csv]";
import { action as settingsAction } from "~/routes/beheer.edities.$year.pakket";
import { countLiveOrders } from "~/models/kit-order.server";
import { db, schema as t } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";
import { now } from "~/utils/clock.server";
import { get, outcome, post, sessionCookie } from "../helpers/requests";

// Move the 2027 ordering window around the platform clock, so ordering is open.
const open2027 = () =>
  db
    .update(t.editions)
    .set({ orderingOpensAt: new Date(now().getTime() - 86_400_000), orderingClosesAt: new Date(now().getTime() + 86_400_000) })
    .where(eq(t.editions.year, 2027))
    .run();
let counter = 0;

function user(role: "organiser" | "programme_team" = "organiser") {
  return db
    .insert(t.users)
    .values({ email: `route-${++counter}@example.org`, name: `Persoon ${counter}`, role })
    .returning()
    .get();
}
function activity(ownerId: number, status: "published" | "pending" = "published", year = 2027) {
  const e = db.select().from(t.editions).where(eq(t.editions.year, year)).get()!;
  return db
    .insert(t.activities)
    .values({
      editionId: e.id,
      ownerId,
      organisationName: "Buurthuis",
      organisationKind: "welzijn",
      title: `Samen eten ${ownerId}`,
      description: "Kom erbij.",
      type: "samen-eten",
      startsAt: amsterdamToUtc(e.weekStart, "17:00"),
      endsAt: amsterdamToUtc(e.weekStart, "19:00"),
      municipalityCode: "GM0344",
      privateContactName: "X",
      privateContactEmail: "x@example.org",
      status,
    })
    .returning()
    .get();
}
const address = {
  deliveryName: "Demi Organisator",
  deliveryOrganisation: "Buurthuis",
  street: "Oudegracht",
  houseNumber: "12",
  houseNumberAddition: "",
  postcode: "3511 ab",
  place: "Utrecht",
  expectedParticipants: "40",
  remarks: "",
};

describe("ordering a package (organiser)", () => {
  it("goes form → summary (with a submission key) → confirmation page, and survives a resubmission", async () => {
    open2027();
    const u = user();
    const a = activity(u.id);
    const cookie = await sessionCookie(u.id);
    const page = await outcome(orderLoader(get(`/organisator/activiteiten/${a.id}/pakket`, cookie, { id: String(a.id) })));
    expect(page.status).toBe(200);
    expect(page.data.blocked).toBeNull();
    expect(page.data.contents.length).toBeGreaterThan(0);

    const review = await outcome(
      orderAction(
        post(`/organisator/activiteiten/${a.id}/pakket`, { ...address, intent: "review" }, cookie, { id: String(a.id) }),
      ),
    );
    expect(review.data).toMatchObject({ step: "summary", values: { postcode: "3511 AB" } });
    expect(review.data.submissionKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    // The summary step saves nothing yet.
    expect(db.select().from(t.kitOrders).where(eq(t.kitOrders.activityId, a.id)).all()).toHaveLength(0);

    const confirm = { ...review.data.values, submissionKey: review.data.submissionKey, intent: "confirm" };
    const placed = await outcome(
      orderAction(post(`/organisator/activiteiten/${a.id}/pakket`, confirm, cookie, { id: String(a.id) })),
    );
    const reference = `KE2027-${String(a.id).padStart(5, "0")}`;
    expect(placed).toMatchObject({ status: 303, location: `/organisator/pakketten/${reference}?besteld=1` });
    const again = await outcome(
      orderAction(post(`/organisator/activiteiten/${a.id}/pakket`, confirm, cookie, { id: String(a.id) })),
    );
    expect(again).toMatchObject({ status: 303, location: `/organisator/pakketten/${reference}?besteld=1` });
    expect(db.select().from(t.kitOrders).where(eq(t.kitOrders.activityId, a.id)).all()).toHaveLength(1);

    // Ordering twice with a new form: refused with a link to the existing order.
    const review2 = await outcome(
      orderAction(
        post(`/organisator/activiteiten/${a.id}/pakket`, { ...address, intent: "review" }, cookie, { id: String(a.id) }),
      ),
    );
    const twice = await outcome(
      orderAction(
        post(
          `/organisator/activiteiten/${a.id}/pakket`,
          {
            ...review2.data.values,
            submissionKey: review2.data.submissionKey,
            intent: "confirm",
          },
          cookie,
          { id: String(a.id) },
        ),
      ),
    );
    expect(twice).toMatchObject({ status: 409, data: { step: "refused", reference } });
    expect(twice.data.message).toContain("al een pakket besteld");
    const status = await outcome(orderLoader(get(`/organisator/activiteiten/${a.id}/pakket`, cookie, { id: String(a.id) })));
    expect(status.data.liveOrder).toEqual({ reference, status: "ordered" });

    // The organiser sees the status and can cancel until shipped.
    const view = await outcome(statusLoader(get(`/organisator/pakketten/${reference}`, cookie, { reference })));
    expect(view.data.order).toMatchObject({ reference, status: "ordered", cancellable: true });
    const cancelled = await outcome(
      statusAction(post(`/organisator/pakketten/${reference}`, { intent: "cancel" }, cookie, { reference })),
    );
    expect(cancelled).toMatchObject({ status: 303, location: `/organisator/pakketten/${reference}?geannuleerd=1` });
    expect(db.select().from(t.kitOrders).where(eq(t.kitOrders.reference, reference)).get()!.status).toBe("cancelled");
  });

  it.each([
    [{ postcode: "0123 AB" }, "postcode", "Vul een Nederlandse postcode in, zoals 1234 AB. We bezorgen alleen in Nederland."],
    [{ postcode: "1234 SS" }, "postcode", "Vul een Nederlandse postcode in, zoals 1234 AB. We bezorgen alleen in Nederland."],
    [
      { postcode: "10115", place: "Berlin", street: "Unter den Linden" },
      "postcode",
      "Vul een Nederlandse postcode in, zoals 1234 AB. We bezorgen alleen in Nederland.",
    ],
    [
      { postcode: "B-1000", place: "Brussel" },
      "postcode",
      "Vul een Nederlandse postcode in, zoals 1234 AB. We bezorgen alleen in Nederland.",
    ],
    [{ postcode: "" }, "postcode", "Vul een postcode in."],
    [{ street: "" }, "street", "Vul de straat in."],
    [{ houseNumber: "" }, "houseNumber", "Vul het huisnummer in."],
    [{ place: "" }, "place", "Vul de plaats in."],
    [{ deliveryName: "   " }, "deliveryName", "Vul de naam in van de persoon die het pakket aanneemt."],
    [{ expectedParticipants: "-3" }, "expectedParticipants", "Vul een aantal in van 1 of meer."],
    [{ expectedParticipants: "0" }, "expectedParticipants", "Vul een aantal in van 1 of meer."],
    [
      { expectedParticipants: "99999999" },
      "expectedParticipants",
      "Vul een aantal in tot en met 10.000. Verwacht je echt meer? Zet het dan bij de opmerkingen.",
    ],
    [{ expectedParticipants: "veel" }, "expectedParticipants", "Vul een aantal in met alleen cijfers, zoals 40."],
    [{ expectedParticipants: "" }, "expectedParticipants", "Vul in hoeveel deelnemers je verwacht."],
  ])("refuses %j with a Dutch message, keeps what was typed, and saves nothing", async (change, field, message) => {
    open2027();
    const u = user();
    const a = activity(u.id);
    const cookie = await sessionCookie(u.id);
    for (const intent of ["review", "confirm"]) {
      const res = await outcome(
        orderAction(
          post(
            `/organisator/activiteiten/${a.id}/pakket`,
            {
              ...address,
              ...change,
              intent,
              submissionKey: "k".repeat(24),
            },
            cookie,
            { id: String(a.id) },
          ),
        ),
      );
      expect(res.status).toBe(400);
      expect(res.data.step).toBe("form");
      expect(res.data.errors[field]).toEqual([message]);
      expect(res.data.values.street).toBe((change as Record<string, string>).street ?? "Oudegracht");
    }
    expect(db.select().from(t.kitOrders).where(eq(t.kitOrders.activityId, a.id)).all()).toHaveLength(0);
  });

  it("answers 404 for another organiser's activity, both on the page and on submit", async () => {
    open2027();
    const owner = user();
    const a = activity(owner.id);
    const intruder = await sessionCookie(user().id);
    expect(
      (await outcome(orderLoader(get(`/organisator/activiteiten/${a.id}/pakket`, intruder, { id: String(a.id) })))).status,
    ).toBe(404);
    const res = await outcome(
      orderAction(
        post(
          `/organisator/activiteiten/${a.id}/pakket`,
          {
            ...address,
            intent: "confirm",
            submissionKey: "x".repeat(24),
          },
          intruder,
          { id: String(a.id) },
        ),
      ),
    );
    expect(res.status).toBe(404);
    expect((await outcome(orderLoader(get(`/organisator/activiteiten/abc/pakket`, intruder, { id: "abc" })))).status).toBe(404);
    expect(db.select().from(t.kitOrders).where(eq(t.kitOrders.activityId, a.id)).all()).toHaveLength(0);
  });

  it("sends visitors who are not logged in to the login page", async () => {
    const res = await outcome(orderLoader(get(`/organisator/activiteiten/1/pakket`, undefined, { id: "1" })));
    expect(res).toMatchObject({ status: 302, location: "/inloggen?terug=%2Forganisator%2Factiviteiten%2F1%2Fpakket" });
  });

  it("explains a pending activity, a window that is not open yet or closed, and a sold-out stock", async () => {
    const u = user();
    const cookie = await sessionCookie(u.id);
    const pending = activity(u.id, "pending");
    const a = activity(u.id);
    const load = async (id: number) =>
      (await outcome(orderLoader(get(`/organisator/activiteiten/${id}/pakket`, cookie, { id: String(id) })))).data.blocked;
    open2027();
    expect(await load(pending.id)).toBe(
      "Je kunt pas een pakket bestellen als je activiteit is goedgekeurd en op de kaart staat.",
    );
    db.update(t.editions)
      .set({ orderingOpensAt: amsterdamToUtc("2030-01-07", "09:00"), orderingClosesAt: amsterdamToUtc("2030-09-01") })
      .where(eq(t.editions.year, 2027))
      .run();
    expect(await load(a.id)).toBe("Bestellen kan nog niet. Je kunt het pakket bestellen vanaf 7 januari 2030 om 09:00.");
    db.update(t.editions)
      .set({ orderingOpensAt: amsterdamToUtc("2020-01-01"), orderingClosesAt: amsterdamToUtc("2020-09-01") })
      .where(eq(t.editions.year, 2027))
      .run();
    expect(await load(a.id)).toBe("Bestellen kan niet meer. Je kon het pakket bestellen tot en met 31 augustus 2020 om 23:59.");
    open2027();
    const e = db.select().from(t.editions).where(eq(t.editions.year, 2027)).get()!;
    db.update(t.editions)
      .set({ kitStock: countLiveOrders(db, e.id) })
      .where(eq(t.editions.id, e.id))
      .run();
    expect(await load(a.id)).toMatch(/^De pakketten zijn op\./);
    const res = await outcome(
      orderAction(
        post(
          `/organisator/activiteiten/${a.id}/pakket`,
          {
            ...address,
            intent: "confirm",
            submissionKey: "s".repeat(24),
          },
          cookie,
          { id: String(a.id) },
        ),
      ),
    );
    expect(res).toMatchObject({ status: 409, data: { step: "refused" } });
    expect(res.data.message).toMatch(/^De pakketten zijn op\./);
    db.update(t.editions).set({ kitStock: 900 }).where(eq(t.editions.id, e.id)).run();
  });

  it("in-process: with 10 left, 50 concurrent confirmations through the route give 10 orders and 40 clear refusals", async () => {
    open2027();
    const e = db.select().from(t.editions).where(eq(t.editions.year, 2027)).get()!;
    const people = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const u = user();
        return { a: activity(u.id), cookie: await sessionCookie(u.id) };
      }),
    );
    const liveBefore = countLiveOrders(db, e.id);
    db.update(t.editions)
      .set({ kitStock: liveBefore + 10 })
      .where(eq(t.editions.id, e.id))
      .run();
    const results = await Promise.all(
      people.map(({ a, cookie }, i) =>
        outcome(
          orderAction(
            post(
              `/organisator/activiteiten/${a.id}/pakket`,
              {
                ...address,
                postcode: "3511 AB",
                intent: "confirm",
                submissionKey: `concurrent-${i}-abcdefghijkl`,
              },
              cookie,
              { id: String(a.id) },
            ),
          ),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 303)).toHaveLength(10);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(40);
    expect(refused.every((r) => /^De pakketten zijn op\./.test(r.data.message))).toBe(true);
    expect(countLiveOrders(db, e.id)).toBe(liveBefore + 10);
    db.update(t.editions).set({ kitStock: 900 }).where(eq(t.editions.id, e.id)).run();
  });
});

describe("fulfilment (programme team)", () => {
  it("is closed to organisers", async () => {
    const cookie = await sessionCookie(user().id);
    expect((await outcome(listLoader(get("/beheer/pakketten", cookie)))).status).toBe(403);
    expect((await outcome(exportLoader(get("/beheer/pakketten/export.csv", cookie)))).status).toBe(403);
  });

  it("lists with counts, ships in bulk (mail + audit), and exports a CSV the mailing house can open", async () => {
    open2027();
    const team = await sessionCookie(user("programme_team").id);
    const u = user();
    const a = activity(u.id);
    const cookie = await sessionCookie(u.id);
    const review = await outcome(
      orderAction(
        post(
          `/organisator/activiteiten/${a.id}/pakket`,
          {
            ...address,
            deliveryOrganisation: 'Buurthuis "Het Anker", Zuid',
            intent: "review",
          },
          cookie,
          { id: String(a.id) },
        ),
      ),
    );
    await outcome(
      orderAction(
        post(
          `/organisator/activiteiten/${a.id}/pakket`,
          {
            ...review.data.values,
            submissionKey: review.data.submissionKey,
            intent: "confirm",
          },
          cookie,
          { id: String(a.id) },
        ),
      ),
    );
    const order = db.select().from(t.kitOrders).where(eq(t.kitOrders.activityId, a.id)).get()!;

    const list = await outcome(listLoader(get(`/beheer/pakketten?editie=2027&zoek=${order.reference}`, team)));
    expect(list.data.orders.map((o: { reference: string }) => o.reference)).toEqual([order.reference]);
    expect(list.data.overview.counts.ordered).toBeGreaterThan(0);

    const missingDate = await outcome(
      bulkAction(post("/beheer/pakketten?index", { ids: String(order.id), to: "shipped", shippedOn: "" }, team)),
    );
    expect(missingDate).toMatchObject({
      status: 400,
      data: { status: "error", error: { shippedOn: ["Vul de verzenddatum in."] } },
    });
    const none = await outcome(bulkAction(post("/beheer/pakketten?index", { to: "processing" }, team)));
    expect(none.data.error.ids).toEqual(["Kies eerst een of meer bestellingen."]);
    const shipped = await outcome(
      bulkAction(post("/beheer/pakketten?index", { ids: String(order.id), to: "shipped", shippedOn: "2026-11-30" }, team)),
    );
    expect(shipped.data).toMatchObject({ status: "success", skipped: [] });
    expect(
      db
        .select()
        .from(t.emailOutbox)
        .where(eq(t.emailOutbox.dedupeKey, `kit-shipped:${order.reference}`))
        .get()?.toAddress,
    ).toBe(u.email);
    const seen = await outcome(
      statusLoader(get(`/organisator/pakketten/${order.reference}`, cookie, { reference: order.reference })),
    );
    expect(seen.data.order).toMatchObject({ status: "shipped", shippedOn: "2026-11-30", cancellable: false });

    const res = (await exportLoader(get(`/beheer/pakketten/export.csv?editie=2027&zoek=${order.reference}`, team))) as Response;
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="kom-erbij-pakketten-2027.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual([
      "Referentie",
      "Naam",
      "Organisatie",
      "Straat",
      "Huisnummer",
      "Toevoeging",
      "Postcode",
      "Plaats",
      "Inhoud",
      "Besteld op",
    ]);
    expect(rows[1].slice(0, 8)).toEqual([
      order.reference,
      "Demi Organisator",
      'Buurthuis "Het Anker", Zuid',
      "Oudegracht",
      "12",
      "",
      "3511 AB",
      "Utrecht",
    ]);
    expect(rows[1][8]).toContain("50 x Placemats");
    expect(rows[1][9]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows).toHaveLength(2);
  });

  it("saves the edition's package settings and refuses bad ones", async () => {
    const team = await sessionCookie(user("programme_team").id);
    const fields = {
      opensDate: "2026-11-02",
      opensTime: "09:00",
      closesDate: "2027-09-01",
      closesTime: "00:00",
      kitStock: "950",
      kitLimitPerActivity: "1",
      kitLimitPerOrganisation: "",
      "contents[0].item": "Placemats",
      "contents[0].quantity": "40",
      "contents[1].item": "Vloerstickers",
      "contents[1].quantity": "4",
      "contents[2].item": "",
      "contents[2].quantity": "",
    };
    const bad = await outcome(
      settingsAction(
        post("/beheer/edities/2027/pakket", { ...fields, kitStock: "-4", closesDate: "2026-10-01" }, team, {
          year: "2027",
        }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.error).toMatchObject({
      kitStock: ["De voorraad kan niet negatief zijn."],
      closesDate: ["De sluiting moet na de opening liggen."],
    });
    expect(bad.data.initialValue).toMatchObject({ kitStock: "-4", "contents[0].item": "Placemats" });
    // A rule of the model (stock below what is already ordered) comes back the same way, next to its field.
    const live = countLiveOrders(db, db.select().from(t.editions).where(eq(t.editions.year, 2027)).get()!.id);
    expect(live).toBeGreaterThan(0);
    const below = await outcome(
      settingsAction(post("/beheer/edities/2027/pakket", { ...fields, kitStock: String(live - 1) }, team, { year: "2027" })),
    );
    expect(below.status).toBe(400);
    expect(below.data.error.kitStock[0]).toContain(`De voorraad kan niet lager zijn dan ${live}`);
    expect(below.data.initialValue.kitStock).toBe(String(live - 1));
    const ok = await outcome(settingsAction(post("/beheer/edities/2027/pakket", fields, team, { year: "2027" })));
    expect(ok).toMatchObject({ status: 303, location: "/beheer/edities/2027/pakket?opgeslagen=1" });
    const e = db.select().from(t.editions).where(eq(t.editions.year, 2027)).get()!;
    expect(e).toMatchObject({
      kitStock: 950,
      kitContents: [
        { item: "Placemats", quantity: 40 },
        { item: "Vloerstickers", quantity: 4 },
      ],
      kitLimitPerOrganisation: null,
    });
    expect(e.orderingOpensAt.toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect((await outcome(settingsAction(post("/beheer/edities/1999/pakket", fields, team, { year: "1999" })))).status).toBe(404);
  });
});

describe("counting live orders", () => {
  it("counts ordered, processing and shipped orders of the edition, not cancelled or rejected ones or other editions", () => {
    // 2025 has no orders in this file: a known set in every status, plus one 2024 order that must not count.
    const statuses = [
      "ordered",
      "ordered",
      "processing",
      "shipped",
      "shipped",
      "shipped",
      "cancelled",
      "rejected",
      "rejected",
    ] as const;
    const place = (year: number, status: (typeof statuses)[number], i: number) => {
      const owner = user();
      const a = activity(owner.id, "published", year);
      db.insert(t.kitOrders)
        .values({
          reference: `KE${year}-TEL-${i}`,
          editionId: a.editionId,
          activityId: a.id,
          orderedById: owner.id,
          deliveryName: "Demi Organisator",
          street: "Oudegracht",
          houseNumber: "12",
          postcode: "3511 AB",
          place: "Utrecht",
          expectedParticipants: 40,
          status,
        })
        .run();
      return a.editionId;
    };
    const edition2025 = statuses.map((status, i) => place(2025, status, i))[0];
    const edition2024 = place(2024, "ordered", 99);
    expect(countLiveOrders(db, edition2025)).toBe(6);
    expect(countLiveOrders(db, edition2024)).toBe(1);
  });
});

/** A small RFC 4180 parser: quoted fields, doubled quotes, commas and CRLF inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
