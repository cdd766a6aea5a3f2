// DESIGN.md rule 13, one clock: every "now" comes from app/utils/clock.server.ts. Nothing else in
// app/, db/, emails/ or tests/ reads the wall clock (tests/bench measures durations, with
// performance.now). A test that builds state from the wall clock breaks on a date nobody chose.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const SCANNED = ["app", "db", "emails", "tests"];
const SKIPPED = new Set(["node_modules", "tests/bench", "tests/.reports"]);
const THE_CLOCK = "app/utils/clock.server.ts";
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
// The current time asked of Date itself: its now function, or its constructor without an argument.
const WALL_CLOCK = /\bDate\.now\s*\(\s*\)|\bnew\s+Date\s*\(\s*\)|\bnew\s+Date\b(?!\s*\()/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (SKIPPED.has(path) || SKIPPED.has(entry.name)) return [];
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Every `file:line` outside the clock module that reads the wall clock. */
function wallClockReads(files: string[]): string[] {
  return files
    .filter((file) => file !== THE_CLOCK)
    .flatMap((file) =>
      readFileSync(join(root, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (WALL_CLOCK.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe("one clock", () => {
  const files = SCANNED.flatMap(sourceFiles);

  it("scans the app, the database code, the e-mails and the tests", () => {
    for (const file of [THE_CLOCK, "db/schema.ts", "emails/index.ts", "tests/setup.ts", "tests/e2e/helpers.ts"])
      expect(files).toContain(file);
    expect(files.some((f) => f.startsWith("tests/bench/"))).toBe(false);
  });

  it("recognises a wall-clock read (and the clock module is the one place that has them)", () => {
    expect(wallClockReads([THE_CLOCK])).toEqual([]);
    expect(readFileSync(join(root, THE_CLOCK), "utf8")).toMatch(WALL_CLOCK);
    expect(WALL_CLOCK.test("const t = Date" + ".now();")).toBe(true);
    expect(WALL_CLOCK.test("const d = new " + "Date();")).toBe(true);
    expect(WALL_CLOCK.test("const d = new " + "Date;")).toBe(true);
    expect(WALL_CLOCK.test('const d = new Date("2026-11-23T10:00:00+01:00");')).toBe(false);
    expect(WALL_CLOCK.test("const d = new Date(now().getTime() + 1000);")).toBe(false);
  });

  it("finds no other reads of the wall clock", () => {
    expect(wallClockReads(files)).toEqual([]);
  });
});
