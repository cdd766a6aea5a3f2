import { z } from "zod";
import { defineEmail } from "./components/define";
import { EmailLayout, P, Quote } from "./components/layout";

const schema = z.object({
  reference: z.string().min(1),
  activityTitle: z.string().min(1),
  reason: z.string().min(1),
  // Who cancelled: the team (or the platform, when the activity was cancelled) or the organiser themself.
  cancelledBy: z.enum(["team", "organiser"]).default("team"),
});

function KitOrderCancelledEmail({ reference, activityTitle, reason, cancelledBy }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`Bestelling ${reference} is geannuleerd`} heading="Je bestelling is geannuleerd">
      {cancelledBy === "organiser" ? (
        <P>{`Je hebt je bestelling ${reference} van een Kom Erbij-pakket voor "${activityTitle}" geannuleerd. We sturen dit pakket niet. Wil je toch een pakket? Bestel dan opnieuw zolang bestellen open is.`}</P>
      ) : (
        <P>{`Je bestelling ${reference} van een Kom Erbij-pakket voor "${activityTitle}" is geannuleerd. We sturen dit pakket niet.`}</P>
      )}
      <P>{cancelledBy === "organiser" ? "Je gaf deze reden op:" : "Dit is de reden:"}</P>
      <Quote>{reason}</Quote>
      <P>Heb je vragen? Neem dan contact op met het programmateam en noem je bestelnummer.</P>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ reference }) => `Je bestelling ${reference} is geannuleerd`,
  Component: KitOrderCancelledEmail,
  previewProps: {
    reference: "KE-2027-0042",
    activityTitle: "Koffie en een praatje in de bibliotheek",
    reason: "De activiteit is afgelast.",
    cancelledBy: "team",
  },
});
