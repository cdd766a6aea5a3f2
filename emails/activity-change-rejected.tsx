import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, EmailLayout, P, Quote } from "./components/layout";

const schema = z.object({ title: z.string().min(1), reason: z.string().min(1), editUrl: z.string().url() });

function ActivityChangeRejectedEmail({ title, reason, editUrl }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`Je wijziging van "${title}" is niet geplaatst`} heading="We kunnen je wijziging zo niet plaatsen">
      <P>{`Het programmateam heeft je wijziging van "${title}" bekeken. Op de site blijft de vorige versie staan.`}</P>
      <P>Dit is de reden:</P>
      <Quote>{reason}</Quote>
      <P>Je kunt je activiteit opnieuw aanpassen. Daarna kijken we er nog een keer naar.</P>
      <CallToAction href={editUrl}>Activiteit aanpassen</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ title }) => `Je wijziging is niet geplaatst: ${title}`,
  Component: ActivityChangeRejectedEmail,
  previewProps: {
    title: "Koffie en een praatje in de bibliotheek",
    reason: "De nieuwe link in de beschrijving gaat naar een winkel. Haal de link weg of kies een link over de activiteit.",
    editUrl: "http://localhost:3000/organisator/activiteiten/123/bewerken",
  },
});
