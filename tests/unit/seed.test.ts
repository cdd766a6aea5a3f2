import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { ensureReferenceData } from "../../db/reference/load";
import { describeDatabase, seedDemoData } from "~/demo/demo-data.server";
import { DEMO_TODAY } from "../helpers/demo-today";
import { editionPhase } from "~/models/edition";
import { freshDatabase } from "../helpers/db";

describe("database and seed", () => {
  it("loads 342 municipalities in 12 provinces with the official counts", () => {
    const { db } = freshDatabase();
    ensureReferenceData(db);
    const provinces = db.$client
      .prepare("select province, count(*) as n from municipalities group by province order by province")
      .all() as { province: string; n: number }[];
    expect(Object.fromEntries(provinces.map((p) => [p.province, p.n]))).toEqual({
      Drenthe: 12,
      Flevoland: 6,
      Fryslân: 18,
      Gelderland: 51,
      Groningen: 10,
      Limburg: 31,
      "Noord-Brabant": 56,
      "Noord-Holland": 44,
      Overijssel: 25,
      Utrecht: 26,
      Zeeland: 13,
      "Zuid-Holland": 50,
    });
    const amsterdam = db.$client.prepare("select name, province, lat, lon from municipalities where code = 'GM0363'").get();
    expect(amsterdam).toEqual({ name: "Amsterdam", province: "Noord-Holland", lat: 52.36486, lon: 4.90946 });
  });

  it("has the four editions with their dates and numbers", () => {
    const { db } = freshDatabase();
    ensureReferenceData(db);
    const rows = db.$client.prepare("select year, number, week_start, week_end from editions order by year").all();
    expect(rows).toEqual([
      { year: 2024, number: 15, week_start: "2024-09-26", week_end: "2024-10-02" },
      { year: 2025, number: 16, week_start: "2025-09-25", week_end: "2025-10-01" },
      { year: 2026, number: 17, week_start: "2026-09-24", week_end: "2026-09-30" },
      { year: 2027, number: 18, week_start: "2027-09-30", week_end: "2027-10-06" },
    ]);
  });

  it("puts 2026 in reporting and opens 2027 for registration and ordering in November 2026", () => {
    const { db } = freshDatabase();
    ensureReferenceData(db);
    const editions = db.query.editions.findMany().sync();
    const today = new Date(DEMO_TODAY);
    const phase = (year: number) =>
      editionPhase(
        editions.find((e) => e.year === year)!,
        today,
      );
    expect(phase(2024)).toBe("closed");
    expect(phase(2026)).toBe("reporting_open");
    expect(phase(2027)).toBe("ordering_open");
  });

  it("seeds demo data of the real order of magnitude, once", () => {
    const { db, path } = freshDatabase();
    ensureReferenceData(db);
    expect(seedDemoData(db, new Date(DEMO_TODAY))).toEqual({ demo: true });
    const first = describeDatabase(db);
    expect(first.orders2024).toBeGreaterThanOrEqual(650);
    expect(first.orders2024).toBeLessThanOrEqual(720);
    expect(first.participants2024).toBeGreaterThanOrEqual(50_000);
    expect(first.activities).toBeGreaterThan(2000);

    // Starting again on the same file neither duplicates nor loses anything.
    db.$client.close();
    const again = openDatabase(path);
    ensureReferenceData(again);
    expect(seedDemoData(again, new Date(DEMO_TODAY))).toEqual({ demo: false });
    expect(describeDatabase(again)).toEqual(first);
  });

  it("keeps the spatial index in step with the publication status", () => {
    const { db } = freshDatabase();
    ensureReferenceData(db);
    seedDemoData(db, new Date(DEMO_TODAY));
    const count = (q: string) => (db.$client.prepare(q).get() as { n: number }).n;
    const located = "select count(*) as n from activities where status = 'published' and is_online = 0 and lat is not null";
    expect(count("select count(*) as n from activity_geo")).toBe(count(located));
    db.$client
      .prepare(
        "update activities set status = 'cancelled' where id = (select min(id) from activities where status = 'published' and is_online = 0)",
      )
      .run();
    expect(count("select count(*) as n from activity_geo")).toBe(count(located));
  });

  it("brings a database made by an older version up to date on open", () => {
    // An "older version": only the first migration of the journal.
    const older = mkdtempSync(join(tmpdir(), "komerbij-migrations-"));
    mkdirSync(join(older, "meta"));
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8"));
    const first = journal.entries[0];
    writeFileSync(join(older, "meta/_journal.json"), JSON.stringify({ ...journal, entries: [first] }));
    copyFileSync(`db/migrations/${first.tag}.sql`, join(older, `${first.tag}.sql`));
    const path = join(older, "old.db");
    const raw = new Database(path);
    migrate(drizzle(raw), { migrationsFolder: older });
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'activity_geo'").get()).toEqual({ n: 0 });
    raw.close();

    const db = openDatabase(path);
    expect(db.$client.prepare("select count(*) as n from activity_geo").get()).toEqual({ n: 0 });
    expect((db.$client.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n).toBe(
      journal.entries.length,
    );
  });
});
