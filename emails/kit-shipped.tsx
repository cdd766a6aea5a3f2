import { z } from "zod";
import { defineEmail } from "./components/define";
import { formatShortDate } from "./components/format";
import { EmailLayout, P } from "./components/layout";

const schema = z.object({
  reference: z.string().min(1),
  activityTitle: z.string().min(1),
  shippedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

function KitShippedEmail({ reference, activityTitle, shippedOn }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`Bestelling ${reference} is onderweg`} heading="Je Kom Erbij-pakket is onderweg">
      <P>{`We hebben het pakket voor "${activityTitle}" verstuurd op ${formatShortDate(shippedOn)}.`}</P>
      <P>{`Je bestelnummer is ${reference}. Meestal komt het pakket binnen een paar werkdagen aan.`}</P>
      <P>Heb je het pakket na een week nog niet? Neem dan contact op met het programmateam en noem je bestelnummer.</P>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ reference }) => `Je pakket is onderweg (bestelling ${reference})`,
  Component: KitShippedEmail,
  previewProps: { reference: "KE-2027-0042", activityTitle: "Koffie en een praatje in de bibliotheek", shippedOn: "2027-09-02" },
});
