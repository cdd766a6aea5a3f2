import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, EmailLayout, P, Quote } from "./components/layout";

const schema = z.object({ title: z.string().min(1), reason: z.string().min(1), editUrl: z.string().url() });

function ActivityRejectedEmail({ title, reason, editUrl }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`"${title}" kunnen we zo niet plaatsen`} heading="We kunnen je activiteit zo niet plaatsen">
      <P>{`Bedankt voor het aanmelden van "${title}". Het programmateam heeft je activiteit bekeken. We kunnen hem nog niet online zetten.`}</P>
      <P>Dit is de reden:</P>
      <Quote>{reason}</Quote>
      <P>Je kunt de activiteit aanpassen en opnieuw aanmelden. Daarna kijken we er nog een keer naar.</P>
      <CallToAction href={editUrl}>Activiteit aanpassen</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ title }) => `Je activiteit is niet geplaatst: ${title}`,
  Component: ActivityRejectedEmail,
  previewProps: {
    title: "Koffie en een praatje in de bibliotheek",
    reason: "De datum valt buiten de Week tegen Eenzaamheid. Kies een dag tussen 23 september en 6 oktober.",
    editUrl: "http://localhost:3000/organisator/activiteiten/123/bewerken",
  },
});
