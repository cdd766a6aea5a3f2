import { z } from "zod";
import { defineEmail } from "./components/define";
import { EmailLayout, P, Quote } from "./components/layout";

const schema = z.object({ title: z.string().min(1), reason: z.string().min(1) });

function ActivityCancelledEmail({ title, reason }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`"${title}" gaat niet door`} heading="Je activiteit is afgelast">
      <P>{`Je hebt de activiteit "${title}" afgelast. Hij staat niet meer op Kom erbij.`}</P>
      <P>Dit was de reden:</P>
      <Quote>{reason}</Quote>
      <P>Hadden mensen zich al aangemeld? Laat ze dan zelf weten dat de activiteit niet doorgaat.</P>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ title }) => `Je activiteit is afgelast: ${title}`,
  Component: ActivityCancelledEmail,
  previewProps: { title: "Koffie en een praatje in de bibliotheek", reason: "De zaal is niet meer beschikbaar." },
});
