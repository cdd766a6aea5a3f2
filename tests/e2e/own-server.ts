// A private instance of the production server (app/server.mjs + the built app) on a random port with
// its own temporary database, for tests that hammer the server itself. The shared e2e server keeps
// its clock pinned, so rate-limit budgets spent here would otherwise be spent for every later test.
import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_TODAY } from "../helpers/demo-today";

const root = fileURLToPath(new URL("../..", import.meta.url));

export type OwnServer = {
  url: string;
  dbPath: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Stops the server and starts it again on the same database with `env` changed (e.g. another FAKE_NOW). */
  restart: (env: Record<string, string>) => Promise<OwnServer>;
  /** Sends a signal to the server process; resolves with its exit code once it has exited. */
  signal: (signal: NodeJS.Signals) => Promise<number | null>;
};

export async function startOwnServer(env: Record<string, string> = {}): Promise<OwnServer> {
  const dir = mkdtempSync(join(tmpdir(), "komerbij-own-"));
  const dbPath = join(dir, "app.db");
  const serverEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PORT: "0",
    PUBLIC_URL: "http://127.0.0.1",
    DATABASE_PATH: dbPath,
    NODE_ENV: "production" as const,
    DEMO_MODE: "true",
    FAKE_NOW: DEMO_TODAY,
    // Nothing leaves the machine: geocoding finds PDOK down.
    PDOK_LOCATIESERVER_URL: "http://127.0.0.1:9/bzk/locatieserver/search/v3_1",
    ...env,
  };
  // The demo data, as `npm start` loads it before the server starts.
  const seeded = spawnSync(process.execPath, ["--import", "tsx", "app/demo/seed-cli.ts"], { cwd: root, env: serverEnv });
  if (seeded.status !== 0) throw new Error(`demo data not loaded:\n${seeded.stderr}`);
  return launch(dir, dbPath, serverEnv);
}

async function launch(dir: string, dbPath: string, serverEnv: NodeJS.ProcessEnv): Promise<OwnServer> {
  const child: ChildProcess = spawn(process.execPath, ["app/server.mjs", "build/index.js"], {
    cwd: root,
    env: serverEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = /running on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const halt = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    dbPath,
    output: () => output,
    signal(signal) {
      const exited = new Promise<number | null>((r) =>
        child.exitCode !== null ? r(child.exitCode) : child.once("exit", (code) => r(code)),
      );
      child.kill(signal);
      return exited;
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    async restart(env) {
      await halt();
      return launch(dir, dbPath, { ...serverEnv, ...env });
    },
  };
}

/** Reads the server's database (WAL: a reader next to the running server). */
export function readDb<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Row counts of every table, and SQLite's own integrity verdict. */
export function snapshot(dbPath: string) {
  return readDb(dbPath, (db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    // The attendance scheduler queues its requests in chunks after the start, at its own pace; a request
    // under test never writes those, so they are left out of "nothing was written".
    const count = (name: string) =>
      name === "email_outbox"
        ? "SELECT count(*) AS n FROM email_outbox WHERE template NOT IN ('attendance-request', 'attendance-reminder')"
        : `SELECT count(*) AS n FROM "${name}"`;
    const counts = Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(count(name)).get() as { n: number }).n]));
    const integrity = (db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check);
    return { counts, integrity };
  });
}

/** Logs in through the real forms; the code is read where the demo mailbox reads it. */
export async function login(baseUrl: string, email: string, dbPath: string): Promise<string> {
  const form = (fields: Record<string, string>) => new URLSearchParams({ name__confirm: "", ...fields });
  const asked = await fetch(`${baseUrl}/inloggen`, { method: "POST", body: form({ email }), redirect: "manual" });
  if (asked.status !== 302) throw new Error(`login request answered ${asked.status}`);
  const codePage = new URL(asked.headers.get("location")!, baseUrl);
  const code = readDb(dbPath, (db) => {
    const row = db
      .prepare("SELECT props FROM email_outbox WHERE template = 'login-code' AND to_address = ? ORDER BY id DESC LIMIT 1")
      .get(email) as { props: string };
    return JSON.parse(row.props).code as string;
  });
  const entered = await fetch(`${baseUrl}/inloggen/code`, {
    method: "POST",
    body: form({ email, code, aanvraag: codePage.searchParams.get("aanvraag") ?? "", terug: "" }),
    redirect: "manual",
  });
  const cookie = entered.headers.get("set-cookie")?.split(";")[0];
  if (entered.status !== 302 || !cookie) throw new Error(`login answered ${entered.status}`);
  return cookie;
}

/** The id of the demo organiser's first activity in `year` with one of `statuses` (test fixture lookup). */
export function demoOrganiserActivity(db: Database.Database, year: number, statuses: string[]): number {
  const row = db
    .prepare(
      `SELECT a.id FROM activities a JOIN users u ON u.id = a.owner_id JOIN editions e ON e.id = a.edition_id
       WHERE u.email = 'organisator@example.nl' AND e.year = ? AND a.status IN (${statuses.map(() => "?").join(", ")})
       ORDER BY a.id LIMIT 1`,
    )
    .get(year, ...statuses) as { id: number };
  return row.id;
}
