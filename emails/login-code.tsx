import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, colors, EmailLayout, P } from "./components/layout";

const schema = z.object({ code: z.string().min(1), link: z.string().url(), expiresInMinutes: z.number().int().positive() });

function LoginCodeEmail({ code, link, expiresInMinutes }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`Je inlogcode is ${code}`} heading="Je inlogcode">
      <P>Je wilt inloggen bij Kom erbij. Vul deze code in op de website:</P>
      <Text
        style={{
          fontSize: "32px",
          fontWeight: 800,
          letterSpacing: "6px",
          color: colors.ink,
          backgroundColor: colors.panel,
          padding: "12px 16px",
          borderRadius: "8px",
          textAlign: "center",
          margin: "0 0 16px",
        }}
      >
        {code}
      </Text>
      <P>Of klik op de knop. Dan ben je meteen ingelogd.</P>
      <CallToAction href={link}>Inloggen</CallToAction>
      <P>{`De code en de knop werken ${expiresInMinutes} minuten.`}</P>
      <P>Heb je niet zelf om deze code gevraagd? Dan hoef je niets te doen. Zonder de code kan niemand inloggen.</P>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ code }) => `Je inlogcode voor Kom erbij: ${code}`,
  Component: LoginCodeEmail,
  previewProps: { code: "482913", link: "http://localhost:3000/inloggen/link?token=voorbeeld-token", expiresInMinutes: 15 },
});
