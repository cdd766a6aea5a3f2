import type { DbOrTx } from "./db.server";
import { schema } from "./db.server";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  details?: Record<string, unknown>;
};

/** Writes one audit line; call it with the transaction of the change itself. */
export function audit(tx: DbOrTx, entry: AuditEntry) {
  tx.insert(schema.auditLog)
    .values({ ...entry, entityId: String(entry.entityId), details: entry.details ?? null })
    .run();
}
