// The issue-17 migration on a database that has data: "hulp bij vervoer" becomes "we kunnen je
// ophalen", every other activity keeps what it had (and its dates).
import { expect, it } from "vitest";
import { databaseBefore } from "../helpers/migration-steps";

it("turns transport_help into transport = 'pickup' and keeps every activity's dates", () => {
  const { sqlite, migrateRest } = databaseBefore("_low_threshold_interest_continues");
  const insert = sqlite.prepare(`INSERT INTO activities (edition_id, owner_id, organisation_name, organisation_kind, title,
      description, type, starts_at, ends_at, is_online, transport_help, wheelchair_accessible, private_contact_name,
      private_contact_email, status) VALUES (1, 1, 'Org', 'welzijn', ?, 'Beschrijving', 'ontmoeting', ?, ?, 1, ?, ?, 'P', 'p@example.org', 'published')`);
  insert.run("Met vervoer", 1_790_000_000_000, 1_790_003_600_000, 1, 1);
  insert.run("Zonder vervoer", 1_790_100_000_000, 1_790_103_600_000, 0, 0);
  const before = sqlite.prepare("SELECT id, title, starts_at, ends_at, wheelchair_accessible FROM activities ORDER BY id").all();

  migrateRest();

  const after = sqlite
    .prepare(
      "SELECT id, title, starts_at, ends_at, wheelchair_accessible, transport, host_at_door, languages, continues_after_week FROM activities ORDER BY id",
    )
    .all() as Record<string, unknown>[];
  expect(
    after.map(({ id, title, starts_at, ends_at, wheelchair_accessible }) => ({
      id,
      title,
      starts_at,
      ends_at,
      wheelchair_accessible,
    })),
  ).toEqual(before);
  expect(after.map((a) => a.transport)).toEqual(["pickup", null]);
  expect(after.map((a) => [a.host_at_door, a.languages, a.continues_after_week])).toEqual([
    [0, "[]", 0],
    [0, "[]", 0],
  ]);
  const columns = (sqlite.prepare("PRAGMA table_info(activities)").all() as { name: string }[]).map((c) => c.name);
  expect(columns).not.toContain("transport_help");
});
