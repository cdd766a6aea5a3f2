// `npm run db:seed`: creates/migrates the database at DATABASE_PATH and loads reference and demo data.
import { openDatabase } from "./client";
import { describeDatabase, seed } from "./seed";

const path = process.env.DATABASE_PATH ?? "./data/komerbij.db";
const db = openDatabase(path);
const started = performance.now();
const result = seed(db, { demo: process.env.SEED_DEMO_DATA !== "false" });
console.log(
  `${path}: ${result.demo ? "demo data loaded" : "reference data checked (demo data already present or not wanted)"} in ${Math.round(performance.now() - started)} ms`,
);
console.table(describeDatabase(db));
