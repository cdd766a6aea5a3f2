// `npm run backup` while another process keeps writing: the copy opens, passes SQLite's integrity
// check and holds one committed state (every order has its line: written together, copied together).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../db/backup";

const dir = mkdtempSync(join(tmpdir(), "komerbij-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The writer: a separate process, as the live server would be, committing pairs of rows as fast as it can.
const WRITER = `
  const Database = require("better-sqlite3");
  const db = new Database(process.argv[1]);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  const order = db.prepare("INSERT INTO orders (note) VALUES (?)");
  const line = db.prepare("INSERT INTO order_lines (order_id, payload) VALUES (?, ?)");
  const pair = db.transaction((i) => line.run(order.run("order " + i).lastInsertRowid, "x".repeat(500)));
  let i = 0;
  process.stdout.write("ready\\n");
  const loop = () => { for (let n = 0; n < 50; n++) pair(i++); setImmediate(loop); };
  loop();
`;

describe("online backup", () => {
  it("copies a consistent state of a database that is being written to, and the copy opens", async () => {
    const source = join(dir, "live.db");
    const setup = new Database(source);
    setup.pragma("journal_mode = WAL");
    setup.exec(`CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
      CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, payload TEXT NOT NULL)`);
    const seed = setup.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        const id = setup.prepare("INSERT INTO orders (note) VALUES (?)").run(`seed ${i}`).lastInsertRowid;
        setup.prepare("INSERT INTO order_lines (order_id, payload) VALUES (?, ?)").run(id, "y".repeat(500));
      }
    });
    seed();
    setup.close();

    const writer = spawn(process.execPath, ["-e", WRITER, source], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => writer.stdout.once("data", () => resolve()));
    const countNow = () => {
      const peek = new Database(source, { readonly: true });
      const n = Number(peek.prepare("SELECT count(*) FROM orders").pluck().get());
      peek.close();
      return n;
    };
    const before = countNow();
    let result;
    try {
      result = await backupDatabase(source, join(dir, "copy.db"));
    } finally {
      writer.kill("SIGKILL");
    }
    const after = countNow();
    expect(after).toBeGreaterThan(before); // the writer really wrote during the backup

    const copy = new Database(result.target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const orders = Number(copy.prepare("SELECT count(*) FROM orders").pluck().get());
    const lines = Number(copy.prepare("SELECT count(*) FROM order_lines").pluck().get());
    expect(orders).toBeGreaterThanOrEqual(before);
    expect(orders).toBeLessThanOrEqual(after);
    expect(lines).toBe(orders);
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    copy.close();
  });
});
