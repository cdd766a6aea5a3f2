import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, EmailLayout, P } from "./components/layout";

const schema = z.object({ title: z.string().min(1), publicUrl: z.string().url() });

function ActivityChangeApprovedEmail({ title, publicUrl }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`Je wijziging van "${title}" staat online`} heading="Je wijziging staat online">
      <P>{`Het programmateam heeft je wijziging van "${title}" bekeken en goedgekeurd. Iedereen ziet nu de nieuwe versie.`}</P>
      <CallToAction href={publicUrl}>Bekijk je activiteit</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ title }) => `Je wijziging staat online: ${title}`,
  Component: ActivityChangeApprovedEmail,
  previewProps: { title: "Koffie en een praatje in de bibliotheek", publicUrl: "http://localhost:3000/activiteiten/123" },
});
