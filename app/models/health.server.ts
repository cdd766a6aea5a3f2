import { sql } from "drizzle-orm";
import { db } from "~/utils/db.server";

export function checkDatabase() {
  db.get(sql`select 1`);
}
