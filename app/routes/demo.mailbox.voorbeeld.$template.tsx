import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { previewEmail, templateLabel } from "~/models/outbox.server";
import { isDemoMailbox } from "~/utils/env.server";

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isDemoMailbox()) throw new Response("Niet gevonden", { status: 404 });
  const email = await previewEmail(params.template ?? "");
  if (!email) throw new Response("Niet gevonden", { status: 404 });
  return { label: templateLabel(params.template!), subject: email.subject, html: email.html, text: email.text };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Voorbeeld: ${data?.label ?? "e-mail"} – Demo-mailbox – Kom erbij` },
  { name: "robots", content: "noindex" },
];

export default function EmailPreview() {
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/demo/mailbox">Terug naar de demo-mailbox</Link>
      </p>
      <h1>Voorbeeld: {m.label}</h1>
      <p>Zo ziet deze e-mail eruit, met verzonnen gegevens.</p>
      <dl>
        <dt>Onderwerp</dt>
        <dd>{m.subject}</dd>
      </dl>
      <h2>Zo ziet de e-mail eruit</h2>
      <iframe
        title={`Voorbeeld van de e-mail: ${m.subject}`}
        srcDoc={m.html}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
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
  );
}
