import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { KitOrderInputSchema } from "~/models/kit-order";
import { KIT_CONTENTS } from "../../db/reference/editions";
import {
  bulkUpdateKitOrders,
  endKitOrderByTeam,
  exportKitOrdersCsv,
  kitOrderOverview,
  listKitOrders,
} from "~/models/kit-fulfilment.server";
import { countLiveOrders } from "~/models/kit-order.server";
import { cancelKitOrderByOrganiser, getKitOrderPage, placeKitOrder } from "~/models/kit-ordering.server";
import { updateKitSettings } from "~/models/kit-settings.server";
import { db, schema as t } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";
import type { RaceJob } from "../helpers/kit-order-racer";
import { cancelActivity } from "~/models/activity.server";

// FAKE_NOW of the demo: 2027 ordering is open.
const NOW = new Date("2026-11-23T10:00:00+01:00");
const input = KitOrderInputSchema.parse({
  deliveryName: "Demi Organisator",
  deliveryOrganisation: "Stichting Samen",
  street: "Oudegracht",
  houseNumber: "12",
  postcode: "3511ab",
  place: "Utrecht",
  expectedParticipants: 40,
});
let counter = 0;

const edition2027 = () => db.select().from(t.editions).where(eq(t.editions.year, 2027)).get()!;

function organiser(name = `Organisator ${++counter}`) {
  return db
    .insert(t.users)
    .values({ email: `org-${++counter}@example.org`, name, role: "organiser" })
    .returning()
    .get();
}

function activity(ownerId: number, options: { status?: "published" | "pending"; organisation?: string; year?: number } = {}) {
  const edition = db
    .select()
    .from(t.editions)
    .where(eq(t.editions.year, options.year ?? 2027))
    .get()!;
  return db
    .insert(t.activities)
    .values({
      editionId: edition.id,
      ownerId,
      organisationName: options.organisation ?? `Organisatie ${ownerId}`,
      organisationKind: "welzijn",
      title: `Koffieochtend ${ownerId}`,
      description: "Kom erbij.",
      type: "ontmoeting",
      startsAt: amsterdamToUtc(edition.weekStart, "10:00"),
      endsAt: amsterdamToUtc(edition.weekStart, "12:00"),
      street: "Oudegracht",
      houseNumber: "12a",
      postcode: "3511 AB",
      place: "Utrecht",
      municipalityCode: "GM0344",
      privateContactName: "X",
      privateContactEmail: "x@example.org",
      status: options.status ?? "published",
    })
    .returning()
    .get();
}

const setStockLeft = (left: number) => {
  const e = edition2027();
  db.update(t.editions)
    .set({ kitStock: countLiveOrders(db, e.id) + left })
    .where(eq(t.editions.id, e.id))
    .run();
};
const key = () => `key-${randomUUID()}`;
/** A separate Node process on the same database file (see tests/helpers/kit-order-racer.ts). */
function startRacer(job: RaceJob) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/kit-order-racer.ts", JSON.stringify(job)], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout });
  const received: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  lines.on("line", (line) => (waiters.length ? waiters.shift()!(line) : received.push(line)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const nextLine = () =>
    Promise.race([
      new Promise<string>((resolve) => (received.length ? resolve(received.shift()!) : waiters.push(resolve))),
      exited.then((code) => Promise.reject(new Error(`racer exited (${code}) early: ${stderr}`))),
    ]);
  const ready = nextLine().then((line) => expect(line).toBe("ready"));
  return {
    ready,
    go: () => child.stdin.end("go\n"),
    done: ready.then(async () => {
      const output = JSON.parse(await nextLine()) as { pid: number; results: ReturnType<typeof placeKitOrder>[] };
      expect(await exited, stderr).toBe(0);
      return output;
    }),
  };
}
const outbox = (template: string) => db.select().from(t.emailOutbox).where(eq(t.emailOutbox.template, template)).all();

beforeEach(() => {
  db.update(t.editions).set({ kitStock: 900, kitLimitPerOrganisation: null, kitContents: KIT_CONTENTS }).run();
});

describe("placing an order", () => {
  it("reserves a package, writes the audit line and queues the confirmation in the same transaction", () => {
    const user = organiser("Demi");
    const a = activity(user.id);
    const result = placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey: key(), now: NOW });
    const reference = `KE2027-${String(a.id).padStart(5, "0")}`;
    expect(result).toEqual({ ok: true, reference, duplicate: false });

    const order = db.select().from(t.kitOrders).where(eq(t.kitOrders.reference, reference)).get()!;
    expect(order).toMatchObject({ status: "ordered", postcode: "3511 AB", orderedById: user.id, expectedParticipants: 40 });
    const log = db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "kit_order"), eq(t.auditLog.entityId, String(order.id))))
      .all();
    expect(log).toMatchObject([{ action: "kit_order.placed", actorId: user.id }]);
    const mail = outbox("kit-order-confirmation").find((m) => m.toAddress === user.email)!;
    expect(mail.props).toEqual({
      reference,
      activityTitle: a.title,
      address: {
        name: "Demi Organisator",
        organisation: "Stichting Samen",
        street: "Oudegracht",
        houseNumber: "12",
        postcode: "3511 AB",
        place: "Utrecht",
      },
      contents: edition2027().kitContents,
      orderUrl: `http://localhost:3000/organisator/pakketten/${reference}`,
    });
  });

  it("offers the activity's address as the default delivery address", () => {
    const user = organiser("Demi");
    const a = activity(user.id);
    expect(getKitOrderPage(user, a.id, NOW)?.defaults).toMatchObject({
      deliveryName: "Demi",
      street: "Oudegracht",
      houseNumber: "12",
      postcode: "3511 AB",
      place: "Utrecht",
    });
  });

  it("treats the same submission key twice as one order (double click, resubmitted form)", () => {
    const user = organiser();
    const a = activity(user.id);
    const submissionKey = key();
    const first = placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey, now: NOW });
    const second = placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey, now: NOW });
    expect(second).toEqual({ ...first, duplicate: true });
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(t.kitOrders)
        .where(eq(t.kitOrders.activityId, a.id))
        .get()!.n,
    ).toBe(1);
  });

  it("refuses a second live order for the same activity, and allows a new one after cancelling", () => {
    const user = organiser();
    const a = activity(user.id);
    const first = placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey: key(), now: NOW });
    expect(placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: false,
      reason: "already_ordered",
    });
    expect(first.ok && cancelKitOrderByOrganiser({ reference: first.reference, userId: user.id, now: NOW })).toEqual({
      ok: true,
    });
    expect(placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: true,
      reference: `KE2027-${String(a.id).padStart(5, "0")}-2`,
    });
  });

  it("refuses someone else's activity, an unpublished one, and orders outside the window", () => {
    const owner = organiser();
    const other = organiser();
    const a = activity(owner.id);
    const pending = activity(owner.id, { status: "pending" });
    expect(placeKitOrder({ userId: other.id, activityId: a.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(getKitOrderPage(other, a.id, NOW)).toBeNull();
    expect(placeKitOrder({ userId: owner.id, activityId: pending.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: false,
      reason: "not_published",
    });
    expect(
      placeKitOrder({
        userId: owner.id,
        activityId: a.id,
        input,
        submissionKey: key(),
        now: amsterdamToUtc("2026-11-01", "23:59"),
      }),
    ).toMatchObject({ ok: false, reason: "not_open" });
    expect(
      placeKitOrder({
        userId: owner.id,
        activityId: a.id,
        input,
        submissionKey: key(),
        now: amsterdamToUtc("2027-09-01", "00:00"),
      }),
    ).toMatchObject({ ok: false, reason: "closed" });
    expect(
      placeKitOrder({
        userId: owner.id,
        activityId: a.id,
        input,
        submissionKey: key(),
        now: amsterdamToUtc("2027-08-31", "23:59"),
      }),
    ).toMatchObject({ ok: true });
  });

  it("keeps to the limit per organisation, matching the organiser's account, never the typed name", () => {
    db.update(t.editions).set({ kitLimitPerOrganisation: 1 }).run();
    const one = organiser();
    const two = organiser();
    const order = (user: { id: number }, organisation: string) =>
      placeKitOrder({
        userId: user.id,
        activityId: activity(user.id, { organisation }).id,
        input,
        submissionKey: key(),
        now: NOW,
      });
    expect(order(one, "Buurtkamer De Brug")).toMatchObject({ ok: true });
    // Another account that happens to type the same name is another organisation.
    expect(order(two, " buurtkamer de brug")).toMatchObject({ ok: true });
    // The same account cannot escape the limit by typing another name.
    expect(order(one, "Buurtkamer De Brug Noord")).toMatchObject({ ok: false, reason: "organisation_limit" });
    db.update(t.editions).set({ kitLimitPerOrganisation: null }).run();
  });

  it("keeps to the edition's limit per activity, which the team sets", () => {
    const setLimit = (n: number) => db.update(t.editions).set({ kitLimitPerActivity: n }).where(eq(t.editions.year, 2027)).run();
    setLimit(2);
    const user = organiser();
    const a = activity(user.id);
    expect(placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: true,
    });
    expect(getKitOrderPage(user, a.id, NOW)?.blocker).toBeNull();
    expect(placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: true,
    });
    expect(getKitOrderPage(user, a.id, NOW)?.blocker).toBe("already_ordered");
    expect(placeKitOrder({ userId: user.id, activityId: a.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: false,
      reason: "already_ordered",
      kitLimitPerActivity: 2,
    });
    setLimit(1);
  });

  it("e-mails the organiser who cancels their own order, once", () => {
    const user = organiser();
    const placed = placeKitOrder({ userId: user.id, activityId: activity(user.id).id, input, submissionKey: key(), now: NOW });
    if (!placed.ok) throw new Error("not placed");
    expect(
      cancelKitOrderByOrganiser({ reference: placed.reference, userId: user.id, reason: "Gaat niet door.", now: NOW }),
    ).toEqual({
      ok: true,
    });
    expect(cancelKitOrderByOrganiser({ reference: placed.reference, userId: user.id, now: NOW })).toMatchObject({ ok: false });
    const mails = db
      .select({ template: t.emailOutbox.template, to: t.emailOutbox.toAddress, props: t.emailOutbox.props })
      .from(t.emailOutbox)
      .where(eq(t.emailOutbox.dedupeKey, `kit-order-cancelled:${placed.reference}`))
      .all();
    expect(mails).toEqual([
      {
        template: "kit-order-cancelled",
        to: user.email,
        props: expect.objectContaining({ reference: placed.reference, reason: "Gaat niet door.", cancelledBy: "organiser" }),
      },
    ]);
  });
});

describe("stock", () => {
  it("derives stock left from live orders: cancelled and rejected orders return to stock", () => {
    setStockLeft(1);
    const [u1, u2] = [organiser(), organiser()];
    const a1 = activity(u1.id);
    const a2 = activity(u2.id);
    const first = placeKitOrder({ userId: u1.id, activityId: a1.id, input, submissionKey: key(), now: NOW });
    expect(first.ok).toBe(true);
    expect(kitOrderOverview(2027)!.stockLeft).toBe(0);
    expect(placeKitOrder({ userId: u2.id, activityId: a2.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: false,
      reason: "sold_out",
    });
    expect(
      first.ok &&
        endKitOrderByTeam({ reference: first.reference, to: "rejected", reason: "Dubbele aanvraag.", actorId: u2.id, now: NOW }),
    ).toEqual({ ok: true });
    expect(kitOrderOverview(2027)!.stockLeft).toBe(1);
    expect(placeKitOrder({ userId: u2.id, activityId: a2.id, input, submissionKey: key(), now: NOW })).toMatchObject({
      ok: true,
    });
  });

  it("with 10 left, 50 requests racing from 5 processes (each its own SQLite connection) give exactly 10 orders", async () => {
    setStockLeft(10);
    const liveBefore = countLiveOrders(db, edition2027().id);
    const people = Array.from({ length: 50 }, () => {
      const user = organiser();
      return { userId: user.id, activityId: activity(user.id).id, submissionKey: key() };
    });
    // Every process gets every fifth organiser, so all five are still placing orders when the stock runs out.
    const racers = Array.from({ length: 5 }, (_, i) =>
      startRacer({ now: NOW.toISOString(), input, orders: people.filter((_, n) => n % 5 === i) }),
    );
    await Promise.all(racers.map((r) => r.ready));
    for (const r of racers) r.go();
    const outputs = await Promise.all(racers.map((r) => r.done));

    expect(new Set(outputs.map((o) => o.pid)).size).toBe(5);
    const results = outputs.flatMap((o) => o.results);
    expect(results).toHaveLength(50);
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === "sold_out")).toHaveLength(40);
    expect(countLiveOrders(db, edition2027().id)).toBe(liveBefore + 10);
    expect(kitOrderOverview(2027)!.stockLeft).toBe(0);
    // Each success is a real row for that organiser's activity, and no activity got two.
    const placed = results.flatMap((r) => (r.ok ? [r.reference] : []));
    expect(db.select().from(t.kitOrders).where(inArray(t.kitOrders.reference, placed)).all()).toHaveLength(10);
  }, 90_000);

  it("does not let the team set the stock below what is already ordered", () => {
    const live = countLiveOrders(db, edition2027().id);
    const settings = {
      opensDate: "2026-11-02",
      opensTime: "00:00",
      closesDate: "2027-09-01",
      closesTime: "00:00",
      kitLimitPerActivity: 1,
      kitLimitPerOrganisation: undefined,
      contents: [{ item: "Placemats", quantity: 50 }],
    };
    const team = db
      .insert(t.users)
      .values({ email: `team-${++counter}@example.org`, role: "programme_team" })
      .returning()
      .get();
    expect(() => updateKitSettings(2027, { ...settings, kitStock: live - 1 }, team.id, NOW)).toThrow(
      expect.objectContaining({ reason: "stock_below_orders", field: "kitStock", status: 400 }),
    );
    updateKitSettings(2027, { ...settings, kitStock: live + 5 }, team.id, NOW);
    expect(kitOrderOverview(2027)!.stockLeft).toBe(5);
    expect(db.select().from(t.auditLog).where(eq(t.auditLog.action, "edition.kit_settings_updated")).all()).toHaveLength(1);
  });
});

describe("fulfilment", () => {
  it("moves orders forward in bulk, skips those that cannot, audits every change and mails on shipping", () => {
    const team = db
      .insert(t.users)
      .values({ email: `team-${++counter}@example.org`, name: "Pim", role: "programme_team" })
      .returning()
      .get();
    const people = [organiser(), organiser(), organiser()];
    const refs = people.map((u) => {
      const r = placeKitOrder({ userId: u.id, activityId: activity(u.id).id, input, submissionKey: key(), now: NOW });
      if (!r.ok) throw new Error("order failed");
      return r.reference;
    });
    const ids = refs.map(
      (r) => db.select({ id: t.kitOrders.id }).from(t.kitOrders).where(eq(t.kitOrders.reference, r)).get()!.id,
    );
    expect(cancelKitOrderByOrganiser({ reference: refs[2], userId: people[2].id, now: NOW })).toEqual({ ok: true });

    expect(bulkUpdateKitOrders({ ids, to: "processing", actorId: team.id, now: NOW })).toEqual({
      updated: refs.slice(0, 2),
      skipped: [refs[2]],
    });
    expect(
      bulkUpdateKitOrders({ ids: ids.slice(0, 1), to: "shipped", shippedOn: "2026-11-25", actorId: team.id, now: NOW }),
    ).toEqual({ updated: [refs[0]], skipped: [] });

    const shipped = db.select().from(t.kitOrders).where(eq(t.kitOrders.id, ids[0])).get()!;
    expect(shipped).toMatchObject({ status: "shipped", shippedOn: "2026-11-25" });
    expect(
      outbox("kit-shipped")
        .filter((m) => m.toAddress === people[0].email)
        .map((m) => m.props),
    ).toEqual([{ reference: refs[0], activityTitle: `Koffieochtend ${people[0].id}`, shippedOn: "2026-11-25" }]);
    const log = db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "kit_order"), eq(t.auditLog.entityId, String(ids[0]))))
      .all();
    expect(log.map((l) => [l.action, l.actorId, l.details?.to])).toEqual([
      ["kit_order.placed", people[0].id, "ordered"],
      ["kit_order.status_changed", team.id, "processing"],
      ["kit_order.status_changed", team.id, "shipped"],
    ]);
    // Shipped orders can no longer be cancelled or rejected.
    expect(cancelKitOrderByOrganiser({ reference: refs[0], userId: people[0].id, now: NOW })).toEqual({
      ok: false,
      reason: "too_late",
    });
    expect(endKitOrderByTeam({ reference: refs[0], to: "rejected", reason: "x", actorId: team.id, now: NOW })).toEqual({
      ok: false,
      reason: "too_late",
    });
    // Rejecting with a reason mails the organiser.
    expect(
      endKitOrderByTeam({ reference: refs[1], to: "rejected", reason: "Adres is een postbus.", actorId: team.id, now: NOW }),
    ).toEqual({ ok: true });
    expect(outbox("kit-order-cancelled").find((m) => m.toAddress === people[1].email)?.props).toEqual({
      reference: refs[1],
      activityTitle: `Koffieochtend ${people[1].id}`,
      reason: "Adres is een postbus.",
    });
  });

  it("filters and searches the list", () => {
    const user = organiser();
    const a = activity(user.id);
    const r = placeKitOrder({
      userId: user.id,
      activityId: a.id,
      input: { ...input, deliveryName: "Zoë Zoekbaar" },
      submissionKey: key(),
      now: NOW,
    });
    expect(r.ok).toBe(true);
    const byName = listKitOrders({ year: 2027, q: "zoë" }, { limit: 10, offset: 0 });
    expect(byName.rows.map((o) => o.deliveryName)).toEqual(["Zoë Zoekbaar"]);
    expect(
      listKitOrders(
        {
          year: 2027,
          q: "3511ab",
          province: "Utrecht",
          municipality: "GM0344",
          status: "ordered",
          from: "2026-11-23",
          to: "2026-11-23",
        },
        { limit: 100, offset: 0 },
      ).total,
    ).toBeGreaterThan(0);
    expect(listKitOrders({ year: 2027, q: "zoë", province: "Limburg" }, { limit: 10, offset: 0 }).total).toBe(0);
    expect(listKitOrders({ year: 2027, q: "zoë", from: "2026-11-24" }, { limit: 10, offset: 0 }).total).toBe(0);
    expect(listKitOrders({ year: 2027, q: "%" }, { limit: 10, offset: 0 }).total).toBe(0);
  });
});

describe("CSV export for the mailing house", () => {
  it("is UTF-8 with a BOM, quotes commas and quotes, keeps Dutch characters and neutralises formulas", () => {
    const user = organiser();
    const a = activity(user.id);
    const r = placeKitOrder({
      userId: user.id,
      activityId: a.id,
      input: {
        ...input,
        deliveryName: '=HYPERLINK("x")',
        deliveryOrganisation: 'Stichting "De Brug", Utrecht',
        street: "Coöperatiestraat",
        place: "Súdwest-Fryslân",
        houseNumberAddition: "bis",
      },
      submissionKey: key(),
      now: new Date("2026-11-23T09:05:00Z"),
    });
    if (!r.ok) throw new Error("order failed");
    const csv = exportKitOrdersCsv({ year: 2027, q: r.reference });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Referentie,Naam,Organisatie,Straat,Huisnummer,Toevoeging,Postcode,Plaats,Inhoud,Besteld op");
    expect(lines[1]).toBe(
      `${r.reference},"'=HYPERLINK(""x"")","Stichting ""De Brug"", Utrecht",Coöperatiestraat,12,bis,3511 AB,Súdwest-Fryslân,"3 x Posters (A3), 50 x Placemats, 25 x Ansichtkaarten, 5 x Gesprekskaartjes (set), 50 x Uitnodigingskaarten, 25 x Buttons, 4 x Vloerstickers",2026-11-23 10:05`,
    );
    expect(lines[2]).toBe("");
    expect(Buffer.from(csv, "utf8").includes(Buffer.from("Súdwest-Fryslân", "utf8"))).toBe(true);
  });
});

describe("cancelling the activity (issue 12)", () => {
  it("cancels its open order in the same transaction: stock back, e-mail, audit; a shipped order stays shipped and is noted", () => {
    const user = organiser("Annulerende");
    const owner = { id: user.id, email: user.email };
    const open = activity(user.id);
    const placed = placeKitOrder({ userId: user.id, activityId: open.id, input, submissionKey: key(), now: NOW });
    expect(placed.ok).toBe(true);
    const live = () => countLiveOrders(db, edition2027().id);
    const liveBefore = live();
    cancelActivity(owner, open.id, "De zaal is niet beschikbaar.", NOW);
    const order = db.select().from(t.kitOrders).where(eq(t.kitOrders.activityId, open.id)).get()!;
    expect(order.status).toBe("cancelled");
    expect(order.statusReason).toBe("De activiteit is geannuleerd.");
    expect(live()).toBe(liveBefore - 1);
    expect(outbox("kit-order-cancelled").filter((m) => m.toAddress === user.email)).toHaveLength(1);
    const audited = db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "kit_order"), eq(t.auditLog.entityId, String(order.id))))
      .all();
    expect(audited.map((r) => r.action)).toContain("kit_order.cancelled");

    const shippedActivity = activity(user.id);
    placeKitOrder({ userId: user.id, activityId: shippedActivity.id, input, submissionKey: key(), now: NOW });
    db.update(t.kitOrders).set({ status: "shipped" }).where(eq(t.kitOrders.activityId, shippedActivity.id)).run();
    cancelActivity(owner, shippedActivity.id, "Te weinig aanmeldingen.", NOW);
    const shipped = db.select().from(t.kitOrders).where(eq(t.kitOrders.activityId, shippedActivity.id)).get()!;
    expect(shipped.status).toBe("shipped");
    const noted = db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "kit_order"), eq(t.auditLog.entityId, String(shipped.id))))
      .all();
    expect(noted.map((r) => r.action)).toContain("kit_order.activity_cancelled");
  });
});
