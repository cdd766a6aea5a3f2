import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import {
  countOutboxByStatus,
  listOutbox,
  OUTBOX_STATUS_LABELS,
  retryFailedEmail,
  type OutboxStatus,
} from "~/models/outbox.server";
import { now } from "~/utils/clock.server";
import { requireProgrammeTeam } from "~/utils/session.server";
import { formatDateTime } from "~/utils/time";
import { readFormData } from "~/utils/form-data.server";
import { plainId } from "~/utils/form-values";

const STATUSES = ["failed", "pending", "sending", "sent"] as const satisfies readonly OutboxStatus[];
const RetrySchema = z.object({ intent: z.literal("retry"), id: plainId() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProgrammeTeam(request);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = STATUSES.find((s) => s === statusParam);
  const retried = Number(url.searchParams.get("opnieuw")) || null;
  return {
    status: status ?? null,
    retried,
    counts: countOutboxByStatus(),
    labels: OUTBOX_STATUS_LABELS,
    messages: listOutbox({ status, limit: 200, forTeam: true }).map((m) => ({
      id: m.id,
      to: m.toAddress,
      what: m.title,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      nextAttemptAt: m.status === "pending" ? m.nextAttemptAt.toISOString() : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProgrammeTeam(request);
  const submission = parseWithZod(await readFormData(request), { schema: RetrySchema });
  if (submission.status !== "success") return new Response("Ongeldig verzoek", { status: 400 });
  if (!retryFailedEmail(submission.value.id, user.id, now())) return redirect("/beheer/e-mail?status=failed");
  return redirect(`/beheer/e-mail?opnieuw=${submission.value.id}`);
}

export const meta: MetaFunction = () => [{ title: "E-mail – Programmateam – Kom erbij" }];

export default function TeamEmail() {
  const { status, retried, counts, labels, messages } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busyId = navigation.state !== "idle" ? navigation.formData?.get("id") : null;
  return (
    <>
      <p>
        <Link to="/beheer">Terug naar het overzicht</Link>
      </p>
      <h1>E-mail</h1>
      <p>
        Hier zie je alle e-mail die de website verstuurt. Lukt versturen even niet? Dan probeert de website het later vanzelf
        opnieuw. Is een bericht mislukt? Dan zie je waarom en kun je het opnieuw laten versturen.
      </p>
      {retried ? (
        <div className="alert success" role="status">
          <p>Bericht {retried} staat weer klaar om te versturen.</p>
        </div>
      ) : null}
      <ul className="stats">
        {STATUSES.map((s) => (
          <li key={s}>
            <strong>{counts[s]}</strong> {labels[s]}
          </li>
        ))}
      </ul>
      <nav aria-label="Filter op status">
        <ul
          className="filter-links"
          style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem 1.25rem", listStyle: "none", padding: 0 }}
        >
          <li>
            <Link to="/beheer/e-mail" aria-current={status === null ? "page" : undefined}>
              Alle berichten
            </Link>
          </li>
          {STATUSES.map((s) => (
            <li key={s}>
              <Link to={`/beheer/e-mail?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {labels[s]} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {messages.length === 0 ? (
        <p>Er zijn geen berichten{status ? ` met de status "${labels[status].toLowerCase()}"` : ""}.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">E-mailberichten, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Bericht</th>
                <th scope="col">Aan</th>
                <th scope="col">Aangemaakt</th>
                <th scope="col">Status</th>
                <th scope="col">Pogingen</th>
                <th scope="col">Laatste fout</th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.what} <span className="hint">(nr. {m.id})</span>
                  </th>
                  <td>{m.to}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>
                    <span className="status">{labels[m.status]}</span>
                    {m.sentAt ? <div className="hint">{formatDateTime(m.sentAt)}</div> : null}
                    {m.nextAttemptAt && m.attempts > 0 ? (
                      <div className="hint">Nieuwe poging {formatDateTime(m.nextAttemptAt)}</div>
                    ) : null}
                  </td>
                  <td>{m.attempts}</td>
                  <td style={{ overflowWrap: "anywhere", maxWidth: "24rem" }}>{m.lastError ?? "–"}</td>
                  <td>
                    {m.status === "failed" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" className="secondary" disabled={busyId === String(m.id)}>
                          Opnieuw versturen
                          <span className="visually-hidden">
                            {" "}
                            (bericht {m.id} aan {m.to})
                          </span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
