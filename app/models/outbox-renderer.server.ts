// Renders queued e-mail ahead of the sender, once per message, and stores subject, HTML and text
// on the row. In the server this runs in its own low-priority process (see background.server.ts):
// React e-mail rendering costs ~5 ms of CPU per message, which must not be spent on the thread
// that answers requests. The sender sends exactly the stored content (and renders a message itself
// only when no renderer runs, or for a login code that cannot wait).
import { renderEmail } from "../../emails";
import { db } from "~/utils/db.server";

// Uses the partial index email_outbox_unrendered (priority, id WHERE subject IS NULL): urgent first.
const UNRENDERED_SQL = `SELECT id, template, props FROM email_outbox
  WHERE subject IS NULL AND status = 'pending' ORDER BY priority, id LIMIT ?`;
const STORE_SQL = `UPDATE email_outbox SET subject = @subject, html = @html, text = @text WHERE id = @id AND subject IS NULL`;
const FAIL_SQL = `UPDATE email_outbox SET status = 'failed', last_error = @error WHERE id = @id AND status = 'pending'`;

/** Renders up to `limit` queued messages that have no content yet; returns how many it handled. */
export async function renderQueuedEmails(limit = 50): Promise<number> {
  const rows = db.$client.prepare(UNRENDERED_SQL).all(limit) as { id: number; template: string; props: string }[];
  const store = db.$client.prepare(STORE_SQL);
  const fail = db.$client.prepare(FAIL_SQL);
  for (const row of rows) {
    try {
      const content = await renderEmail(row.template, JSON.parse(row.props));
      store.run({ id: row.id, ...content });
    } catch (error) {
      // A template that does not exist or props that do not fit will not get better by waiting.
      fail.run({ id: row.id, error: `render: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return rows.length;
}
