import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOutboxMessage, OUTBOX_STATUS_LABELS, templateLabel } from "~/models/outbox.server";
import { isDemoMailbox } from "~/utils/env.server";
import { formatDateTime } from "~/utils/time";
import { idParam } from "~/utils/route-params.server";

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isDemoMailbox()) throw new Response("Niet gevonden", { status: 404 });
  const message = getOutboxMessage(idParam(params.id));
  if (!message) throw new Response("Niet gevonden", { status: 404 });
  return {
    id: message.id,
    to: message.toAddress,
    subject: message.subject ?? templateLabel(message.template),
    at: (message.sentAt ?? message.createdAt).toISOString(),
    statusLabel: OUTBOX_STATUS_LABELS[message.status],
    // Links in the message open in the whole window (the site itself may not be shown in a frame).
    html: message.html?.replace(/<head([^>]*)>/i, '<head$1><base target="_top">') ?? null,
    text: message.text,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.subject ?? "Bericht"} – Demo-mailbox – Kom erbij` },
  { name: "robots", content: "noindex" },
];

export default function DemoMailboxMessage() {
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/demo/mailbox">Terug naar de demo-mailbox</Link>
      </p>
      <h1>{m.subject}</h1>
      <dl>
        <dt>Aan</dt>
        <dd>{m.to}</dd>
        <dt>Tijd</dt>
        <dd>{formatDateTime(m.at)}</dd>
        <dt>Status</dt>
        <dd>{m.statusLabel}</dd>
      </dl>
      {m.html ? (
        <>
          <h2>Zo ziet de e-mail eruit</h2>
          <iframe
            title={`E-mail: ${m.subject}`}
            srcDoc={m.html}
            sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
            style={{
              width: "100%",
              height: "42rem",
              border: "1px solid var(--line)",
              borderRadius: "var(--radius)",
              background: "#fff",
            }}
          />
          <h2>Tekstversie</h2>
          <pre
            style={{
              whiteSpace: "pre-wrap",
              background: "var(--panel)",
              padding: "1rem",
              borderRadius: "var(--radius)",
              overflowWrap: "anywhere",
            }}
          >
            {m.text}
          </pre>
        </>
      ) : (
        <p role="status">
          Dit bericht wordt zo verstuurd.{" "}
          <Link to={`/demo/mailbox/${m.id}`} reloadDocument>
            Pagina vernieuwen
          </Link>
        </p>
      )}
    </>
  );
}
