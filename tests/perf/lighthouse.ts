// The fake PDOK runs in this process, so Lighthouse is spawned asynchronously (never spawnSync).
// Lighthouse (mobile, its default) on the home page, a result page and an activity page of the built
// app with demo data. Prints the four scores per page; not a test (scores vary with machine load).
//
//   npm run build
//   npm install --prefix /tmp/lh lighthouse@12.8.2      # 13.x needs Node 22; kept out of package.json
//   CHROME_PATH=/usr/bin/chromium LIGHTHOUSE_BIN=/tmp/lh/node_modules/.bin/lighthouse node --import tsx tests/perf/lighthouse.ts
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startPdokServer } from "../fakes/pdok-server";
import { DEMO_TODAY } from "../helpers/demo-today";

const bin = process.env.LIGHTHOUSE_BIN ?? "lighthouse";
const dir = mkdtempSync(join(tmpdir(), "komerbij-lighthouse-"));
const dbPath = join(dir, "app.db");
const pdok = await startPdokServer();

// The app's config wants a real port: ask the system for a free one.
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  NODE_ENV: "production",
  DATABASE_PATH: dbPath,
  DEMO_MODE: "true",
  FAKE_NOW: DEMO_TODAY,
  PDOK_LOCATIESERVER_URL: pdok.url,
};
// The demo data first, as `npm start` does; then the production server.
await new Promise<void>((resolve, reject) =>
  spawn(process.execPath, ["--import", "tsx", "app/demo/seed-cli.ts"], { env: serverEnv, stdio: "ignore" }).on("exit", (code) =>
    code === 0 ? resolve() : reject(new Error("demo data not loaded")),
  ),
);
const server = spawn(process.execPath, ["app/server.mjs", "./build/index.js"], {
  env: serverEnv,
  stdio: ["ignore", "pipe", "inherit"],
});
const base = await new Promise<string>((resolve, reject) => {
  server.stdout!.on("data", (chunk: Buffer) => {
    const match = /http:\/\/localhost:(\d+)/.exec(chunk.toString());
    if (match) resolve(`http://127.0.0.1:${match[1]}`);
  });
  server.on("exit", () => reject(new Error("server stopped")));
});
process.env.PUBLIC_URL = base;

try {
  // The start log names the base URL before the socket listens: wait until it answers.
  for (let tries = 0; ; tries++) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (tries > 100) throw new Error("server did not answer /healthz");
    await new Promise((r) => setTimeout(r, 200));
  }
  const db = new Database(dbPath, { readonly: true });
  const activity = db
    .prepare(
      "SELECT a.id FROM activities a JOIN editions e ON e.id = a.edition_id WHERE a.status = 'published' AND e.year = 2026 AND a.municipality_code = 'GM0344' LIMIT 1",
    )
    .get() as { id: number };
  db.close();
  const pages = {
    home: "/",
    results: "/?plaats=3511+AB&editie=2026",
    activity: `/activiteiten/${activity.id}`,
  };
  for (const [name, path] of Object.entries(pages)) {
    const out = join(dir, `${name}.json`);
    const status = await new Promise<number | null>((resolve) =>
      spawn(
        bin,
        [
          `${base}${path}`,
          "--output=json",
          `--output-path=${out}`,
          "--quiet",
          "--only-categories=performance,accessibility,best-practices,seo",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        {
          stdio: ["ignore", "ignore", "inherit"],
          env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
        },
      ).on("exit", resolve),
    );
    if (status !== 0) throw new Error(`lighthouse failed on ${path}`);
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number | null }> };
    const score = (c: string) => Math.round((report.categories[c]?.score ?? 0) * 100);
    console.log(
      `${name.padEnd(9)} performance ${score("performance")}  accessibility ${score("accessibility")}  best practices ${score("best-practices")}  SEO ${score("seo")}  (${path})`,
    );
  }
} finally {
  server.kill();
  await pdok.close();
}
