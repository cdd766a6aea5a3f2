// One "server process" in the kit-order race (tests/unit/kit-order-server.test.ts): opens the test
// database file through the app's own db module (its own SQLite connection), says "ready", waits
// for "go" on stdin, then places its orders one by one through the real model and prints the results as JSON.
// Run with `node --import tsx`; the job (the orders and the platform's "now") comes in argv[2].
import { createInterface } from "node:readline";
import type { KitOrderInput } from "../../app/models/kit-order";

export type RaceJob = {
  now: string;
  input: KitOrderInput;
  orders: { userId: number; activityId: number; submissionKey: string }[];
};

const job = JSON.parse(process.argv[2]) as RaceJob;
const { placeKitOrder } = await import("../../app/models/kit-ordering.server");

const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) if (line === "go") break;
lines.close();

const now = new Date(job.now);
const results = [];
for (const order of job.orders) {
  results.push(placeKitOrder({ ...order, input: job.input, now }));
  // Yield between requests as a server does while reading the next body, so the processes interleave.
  await new Promise((resolve) => setTimeout(resolve, 1));
}
process.stdout.write(`${JSON.stringify({ pid: process.pid, results })}\n`);
