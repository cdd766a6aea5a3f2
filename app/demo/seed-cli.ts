// `npm run db:seed` (and `npm start`): creates/migrates the database at DATABASE_PATH with its
// reference data, and loads the demo data into an empty one when SEED_DEMO_DATA allows it.
import { performance } from "node:perf_hooks";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { describeDatabase, seedDemoData } from "./demo-data.server";

const started = performance.now();
const result = env.SEED_DEMO_DATA ? seedDemoData(db, now()) : { demo: false };
console.log(
  `${env.DATABASE_PATH}: ${result.demo ? "demo data loaded" : "reference data checked (demo data already present or not wanted)"} in ${Math.round(performance.now() - started)} ms`,
);
console.table(describeDatabase(db));
db.$client.close();
