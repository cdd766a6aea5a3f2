// The issue-17 "ik kom per session" migration on a database that has presses: each press moves to its
// activity's first session, nothing personal is added, and a browser can then press once per session.
import { expect, it } from "vitest";
import { databaseBefore } from "../helpers/migration-steps";

it("moves every press to the activity's first session and keeps one per browser and session", () => {
  const { sqlite, migrateRest } = databaseBefore("_interest_per_session");
  const insert = sqlite.prepare(`INSERT INTO activities (edition_id, owner_id, organisation_name, organisation_kind, title,
      description, type, starts_at, ends_at, is_online, private_contact_name, private_contact_email, status)
      VALUES (1, 1, 'Org', 'welzijn', ?, 'Beschrijving', 'ontmoeting', ?, ?, 1, 'P', 'p@example.org', 'published')`);
  const twoDays = Number(insert.run("Twee keer", 1_790_000_000_000, 1_790_003_600_000).lastInsertRowid);
  const oneDay = Number(insert.run("Een keer", 1_790_100_000_000, 1_790_103_600_000).lastInsertRowid);
  const session = sqlite.prepare("INSERT INTO activity_sessions (activity_id, starts_at, ends_at) VALUES (?, ?, ?)");
  // The later session is stored first: "first" means earliest, not lowest id.
  session.run(twoDays, 1_790_200_000_000, 1_790_203_600_000);
  const firstOfTwo = Number(session.run(twoDays, 1_790_000_000_000, 1_790_003_600_000).lastInsertRowid);
  const press = sqlite.prepare("INSERT INTO activity_interest (activity_id, browser_key_hash, created_at) VALUES (?, ?, ?)");
  press.run(twoDays, "a".repeat(64), 1_780_000_000_000);
  press.run(twoDays, "b".repeat(64), 1_780_000_001_000);
  // An activity written outside the model, without a session row: its press is kept too.
  press.run(oneDay, "a".repeat(64), 1_780_000_002_000);

  migrateRest();

  const columns = (sqlite.prepare("PRAGMA table_info(activity_interest)").all() as { name: string }[]).map((c) => c.name);
  expect(columns.sort()).toEqual(["browser_key_hash", "created_at", "session_id"]);
  const rows = sqlite
    .prepare(
      `SELECT s.activity_id AS activityId, i.session_id AS sessionId, s.starts_at AS startsAt, i.browser_key_hash AS hash,
        i.created_at AS createdAt FROM activity_interest i JOIN activity_sessions s ON s.id = i.session_id ORDER BY i.created_at`,
    )
    .all() as { activityId: number; sessionId: number; startsAt: number; hash: string; createdAt: number }[];
  expect(rows.map((r) => [r.activityId, r.startsAt, r.hash[0], r.createdAt])).toEqual([
    [twoDays, 1_790_000_000_000, "a", 1_780_000_000_000],
    [twoDays, 1_790_000_000_000, "b", 1_780_000_001_000],
    [oneDay, 1_790_100_000_000, "a", 1_780_000_002_000],
  ]);
  expect(rows[0].sessionId).toBe(firstOfTwo);

  // Once per browser and session: the same browser on the other session counts, on the same one it is refused.
  const later = sqlite.prepare("SELECT id FROM activity_sessions WHERE activity_id = ? AND id <> ?").get(twoDays, firstOfTwo) as {
    id: number;
  };
  const newPress = sqlite.prepare("INSERT INTO activity_interest (session_id, browser_key_hash) VALUES (?, ?)");
  newPress.run(later.id, "a".repeat(64));
  expect(() => newPress.run(firstOfTwo, "a".repeat(64))).toThrow(/UNIQUE/);
  // A session that is removed takes its presses with it.
  sqlite.prepare("DELETE FROM activity_sessions WHERE id = ?").run(later.id);
  expect(sqlite.prepare("SELECT count(*) AS n FROM activity_interest WHERE session_id = ?").get(later.id)).toEqual({ n: 0 });
});
