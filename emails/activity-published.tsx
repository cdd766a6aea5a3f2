import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, EmailLayout, P } from "./components/layout";

const schema = z.object({ title: z.string().min(1), publicUrl: z.string().url() });

function ActivityPublishedEmail({ title, publicUrl }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`"${title}" staat online`} heading="Je activiteit staat online">
      <P>{`Goed nieuws: "${title}" staat nu op Kom erbij. Iedereen kan je activiteit vinden op de kaart en in de lijst.`}</P>
      <P>Deel de link met je buurt, je vrijwilligers en je netwerk. Zo weten meer mensen dat ze welkom zijn.</P>
      <CallToAction href={publicUrl}>Bekijk je activiteit</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ title }) => `Je activiteit staat online: ${title}`,
  Component: ActivityPublishedEmail,
  previewProps: { title: "Koffie en een praatje in de bibliotheek", publicUrl: "http://localhost:3000/activiteiten/123" },
});
