import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, EmailLayout, P } from "./components/layout";

const schema = z.object({ inviterName: z.string().min(1), loginUrl: z.string().url() });

function TeamInviteEmail({ inviterName, loginUrl }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`${inviterName} nodigt je uit voor het programmateam`} heading="Welkom bij het programmateam">
      <P>{`${inviterName} heeft je toegevoegd aan het programmateam van de Week tegen Eenzaamheid.`}</P>
      <P>
        Als lid van het programmateam bekijk je nieuwe activiteiten, verwerk je bestellingen van pakketten en zie je hoeveel
        mensen er meededen.
      </P>
      <P>Je hebt geen wachtwoord nodig. Je logt in met een code die we naar dit e-mailadres sturen.</P>
      <CallToAction href={loginUrl}>Inloggen</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: () => "Je bent toegevoegd aan het programmateam",
  Component: TeamInviteEmail,
  previewProps: { inviterName: "Fatima el Amrani", loginUrl: "http://localhost:3000/inloggen" },
});
