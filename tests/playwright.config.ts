import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { DEMO_TODAY } from "./helpers/demo-today";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const PDOK_PORT = Number(process.env.E2E_PDOK_PORT ?? 3211);
const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  testDir: "./e2e",
  outputDir: "../test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "./.reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    headless: true,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      // The app is built by `npm test` first; each run starts from an empty database file.
      command:
        "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node --import tsx app/demo/seed-cli.ts > /dev/null && node app/server.mjs ./build/index.js",
      cwd: root,
      url: `http://127.0.0.1:${PORT}/healthz`,
      timeout: 60_000,
      env: {
        PORT: String(PORT),
        DATABASE_PATH: "./data/e2e.db",
        NODE_ENV: "production",
        DEMO_MODE: "true",
        PUBLIC_URL: `http://127.0.0.1:${PORT}`,
        // The demo data is written for "today" in November 2026: 2026 is reporting, 2027 is open.
        FAKE_NOW: DEMO_TODAY,
        MAP_TILE_URL: `http://127.0.0.1:${PORT}/tiles/{z}/{x}/{y}.png`,
        PDOK_LOCATIESERVER_URL: `http://127.0.0.1:${PDOK_PORT}/bzk/locatieserver/search/v3_1`,
      },
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // A local stand-in for PDOK Locatieserver, so place search never leaves the machine.
      command: `node --import tsx tests/fakes/pdok-server-cli.ts ${PDOK_PORT}`,
      cwd: root,
      url: `http://127.0.0.1:${PDOK_PORT}/bzk/locatieserver/search/v3_1/free?q=Utrecht`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
