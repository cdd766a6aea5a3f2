// The issue-17 sessions migration on a database that has data: every activity gets exactly one session
// with its own start and end, so no activity loses its date.
import { expect, it } from "vitest";
import { databaseBefore } from "../helpers/migration-steps";

it("gives every existing activity one session with its own dates", () => {
  const { sqlite, migrateRest } = databaseBefore("_activity_sessions");
  const insert = sqlite.prepare(`INSERT INTO activities (edition_id, owner_id, organisation_name, organisation_kind, title,
      description, type, starts_at, ends_at, is_online, private_contact_name, private_contact_email, status)
      VALUES (1, 1, 'Org', 'welzijn', ?, 'Beschrijving', 'ontmoeting', ?, ?, 1, 'P', 'p@example.org', ?)`);
  insert.run("Gepubliceerd", 1_790_000_000_000, 1_790_003_600_000, "published");
  insert.run("Wacht", 1_790_100_000_000, 1_790_107_200_000, "pending");
  insert.run("Geannuleerd", 1_790_200_000_000, 1_790_201_800_000, "cancelled");
  const before = sqlite.prepare("SELECT id, starts_at, ends_at FROM activities ORDER BY id").all();

  migrateRest();

  const sessions = sqlite
    .prepare("SELECT activity_id AS id, starts_at, ends_at FROM activity_sessions ORDER BY activity_id")
    .all();
  expect(sessions).toEqual(before);
  expect(sqlite.prepare("SELECT id, starts_at, ends_at FROM activities ORDER BY id").all()).toEqual(before);
  // The new table refuses a session that ends before it starts.
  expect(() => sqlite.prepare("INSERT INTO activity_sessions (activity_id, starts_at, ends_at) VALUES (1, 10, 5)").run()).toThrow(
    /CHECK/,
  );
});
