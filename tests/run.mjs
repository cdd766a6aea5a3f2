// `npm test`: Prettier, ESLint, typecheck, unit/route tests (vitest), a fresh build, browser tests (Playwright on
// Debian's Chromium). Ends with one plain line "N passed, N failed" for CI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const reports = "tests/.reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

let passed = 0;
let failed = 0;
const only = process.argv[2]; // "unit" or "e2e" to run one half

if (only !== "e2e") {
  // House style first: formatting, then ESLint (layering, hooks, accessibility, the one clock).
  if (run("npx", ["prettier", "--check", "--log-level", "warn", "."]) !== 0) {
    console.error("Formatting differs from Prettier: run `npm run format`.");
    failed += 1;
  }
  if (run("npx", ["eslint", "--max-warnings", "0", "."]) !== 0) {
    console.error("ESLint failed.");
    failed += 1;
  }
  if (run("npx", ["tsc", "--noEmit"]) !== 0) {
    console.error("Typecheck failed.");
    failed += 1;
  }
  run("npx", [
    "vitest",
    "run",
    "--config",
    "tests/vitest.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${reports}/vitest.json`,
  ]);
  const vitest = readJson(`${reports}/vitest.json`);
  if (!vitest) failed += 1;
  else {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    // A file that fails to load has no failed tests but still fails the run.
    if (!vitest.success && vitest.numFailedTests === 0) failed += 1;
  }
}

if (only !== "unit") {
  if (run("npx", ["remix", "build"]) !== 0) failed += 1;
  else {
    run("npx", ["playwright", "test", "--config", "tests/playwright.config.ts"]);
    const pw = readJson(`${reports}/playwright.json`);
    if (!pw) failed += 1;
    else {
      passed += pw.stats.expected + pw.stats.flaky;
      failed += pw.stats.unexpected;
    }
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
