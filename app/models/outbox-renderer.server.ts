// Renders queued e-mail ahead of the sender, once per message, and stores subject, HTML and text
// on the row. In the server this runs in its own low-priority process (see background.server.ts):
// React e-mail rendering costs ~5 ms of CPU per message, which must not be spent on the thread
// that answers requests. That process only reads the queue; the server stores what it rendered
// (storeRendered), so no other process writes while requests read. The sender sends exactly the
// stored content (and renders a message itself only when no renderer runs, or for a login code that
// cannot wait).
import { renderEmail } from "../../emails";
import { db } from "~/utils/db.server";

// Uses the partial index email_outbox_unrendered (priority, id WHERE subject IS NULL): urgent first.
const UNRENDERED_SQL = `SELECT id, template, props FROM email_outbox
  WHERE subject IS NULL AND status = 'pending' ORDER BY priority, id LIMIT ?`;
const STORE_SQL = `UPDATE email_outbox SET subject = @subject, html = @html, text = @text WHERE id = @id AND subject IS NULL`;
const FAIL_SQL = `UPDATE email_outbox SET status = 'failed', last_error = @error WHERE id = @id AND status = 'pending'`;

/**
 * How far the renderer may run ahead of the sender: rendered messages still waiting to be sent. The
 * sender sends about 65 a second (a Resend batch of 100 every 1.5 s); rendering 20,000 as fast as one
 * core allows took that core from the requests for nothing (the search page's p95 doubled).
 */
export const RENDER_AHEAD = 200;
// Through the partial index email_outbox_ready (pending and rendered), named because the planner, without
// statistics, prefers email_outbox_claim and then walks every pending row: at most @ahead index entries instead.
export const READY_SQL = `SELECT count(*) FROM (SELECT 1 FROM email_outbox INDEXED BY email_outbox_ready WHERE status = 'pending' AND subject IS NOT NULL LIMIT @ahead)`;

/**
 * Renders up to `limit` queued messages that have no content yet; returns how many it handled (0 also
 * when `ahead` rendered messages are already waiting for the sender).
 */
export async function renderQueuedEmails(
  limit = 50,
  ahead = RENDER_AHEAD,
  store: (outcomes: RenderOutcome[]) => void | Promise<void> = storeRendered,
): Promise<number> {
  const ready = db.$client.prepare(READY_SQL).pluck().get({ ahead }) as number;
  if (ready >= ahead) return 0;
  limit = Math.min(limit, ahead - ready);
  const rows = db.$client.prepare(UNRENDERED_SQL).all(limit) as { id: number; template: string; props: string }[];
  const outcomes: RenderOutcome[] = [];
  for (const row of rows) {
    try {
      outcomes.push({ id: row.id, ...(await renderEmail(row.template, JSON.parse(row.props))) });
    } catch (error) {
      // A template that does not exist or props that do not fit will not get better by waiting.
      outcomes.push({ id: row.id, error: `render: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  await store(outcomes);
  return rows.length;
}

export type RenderOutcome = { id: number; subject: string; html: string; text: string } | { id: number; error: string };

/**
 * Stores rendered messages in one commit. In the server the renderer process hands them to the server
 * process, which stores them on its own connection: a commit by another process makes SQLite drop the
 * server's page cache, and at 1,000,000 activities three such commits a second made the search page's
 * p95 1.6 times as long.
 */
export function storeRendered(outcomes: RenderOutcome[]) {
  const store = db.$client.prepare(STORE_SQL);
  const fail = db.$client.prepare(FAIL_SQL);
  db.$client.transaction(() => {
    for (const outcome of outcomes) {
      if ("error" in outcome) fail.run(outcome);
      else store.run(outcome);
    }
  })();
}

/** Above this share of the last check the server counts as busy; it is idle again below the lower one (no flapping). */
export const BUSY_ABOVE = 0.5;
export const IDLE_BELOW = 0.3;

/**
 * Turns event-loop utilisation readings (0–1) into busy/idle changes: returns true when the server turns busy,
 * false when it turns idle again, null when nothing changed. The server tells its renderer only the changes.
 */
export function loadWatch() {
  let busy = false;
  return (utilization: number): boolean | null => {
    const next = busy ? utilization >= IDLE_BELOW : utilization > BUSY_ABOVE;
    if (next === busy) return null;
    busy = next;
    return busy;
  };
}
