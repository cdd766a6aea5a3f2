import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { listEmailTemplates, listOutbox } from "~/models/outbox.server";
import { isDemoMailbox } from "~/utils/env.server";
import { formatDateTime } from "~/utils/time";

export async function loader(_: LoaderFunctionArgs) {
  if (!isDemoMailbox()) throw new Response("Niet gevonden", { status: 404 });
  return {
    messages: listOutbox({ limit: 100 }).map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.title,
      at: (m.sentAt ?? m.createdAt).toISOString(),
      status: m.status,
      statusLabel: m.statusLabel,
    })),
    templates: listEmailTemplates(),
  };
}

export const meta: MetaFunction = () => [{ title: "Demo-mailbox – Kom erbij" }, { name: "robots", content: "noindex" }];

export default function DemoMailbox() {
  const { messages, templates } = useLoaderData<typeof loader>();
  const waiting = messages.some((m) => m.status === "pending" || m.status === "sending");
  const revalidator = useRevalidator();
  // A message waiting to be sent shows up within a couple of seconds; with JavaScript the list updates itself.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2_000);
    return () => clearInterval(timer);
  }, [waiting, revalidator]);

  return (
    <>
      <h1>Demo-mailbox</h1>
      <p>
        Dit is een demo. De website verstuurt geen echte e-mail. Alle berichten die de website zou versturen, staan hier. Zo kun
        je bijvoorbeeld inloggen met de code uit de e-mail.
      </p>
      {messages.length === 0 ? (
        <p>
          Er zijn nog geen berichten. Vraag bijvoorbeeld een <Link to="/inloggen">inlogcode</Link> aan.
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Verstuurde berichten, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Onderwerp</th>
                <th scope="col">Aan</th>
                <th scope="col">Tijd</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/demo/mailbox/${m.id}`}>{m.subject}</Link>
                  </th>
                  <td>{m.to}</td>
                  <td>{formatDateTime(m.at)}</td>
                  <td>
                    <span className="status">{m.statusLabel}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {waiting ? (
        <p role="status">
          Er wacht nog een bericht. Het staat er binnen een paar seconden.{" "}
          <Link to="/demo/mailbox" reloadDocument>
            Pagina vernieuwen
          </Link>
        </p>
      ) : null}
      <h2>Voorbeelden van alle e-mails</h2>
      <p>Zo zien de e-mails van de website eruit, met verzonnen gegevens.</p>
      <ul>
        {templates.map((t) => (
          <li key={t.name}>
            <Link to={`/demo/mailbox/voorbeeld/${t.name}`}>{t.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
