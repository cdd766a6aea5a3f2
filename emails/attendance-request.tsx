import { z } from "zod";
import { defineEmail } from "./components/define";
import { deadlineSchema, formatDeadline } from "./components/format";
import { CallToAction, EmailLayout, P } from "./components/layout";

const schema = z.object({ activityTitle: z.string().min(1), reportUrl: z.string().url(), deadline: deadlineSchema });

function AttendanceRequestEmail({ activityTitle, reportUrl, deadline }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`Hoeveel mensen kwamen er naar "${activityTitle}"?`} heading="Hoeveel mensen kwamen er?">
      <P>{`Bedankt dat je "${activityTitle}" hebt georganiseerd in de Week tegen Eenzaamheid!`}</P>
      <P>Wil je ons laten weten hoeveel mensen er meededen? Een schatting is goed. Het kost je maar een minuut.</P>
      <P>Met deze cijfers laten we zien hoeveel mensen de Week samen bereikt. Zo kan de Week ook volgend jaar weer doorgaan.</P>
      <P>{`Je kunt het aantal doorgeven ${formatDeadline(deadline)}.`}</P>
      <CallToAction href={reportUrl}>Opkomst doorgeven</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ activityTitle }) => `Hoeveel mensen kwamen er? ${activityTitle}`,
  Component: AttendanceRequestEmail,
  previewProps: {
    activityTitle: "Koffie en een praatje in de bibliotheek",
    reportUrl: "http://localhost:3000/organisator/activiteiten/123/opkomst",
    deadline: "2026-10-31T23:00:00.000Z",
  },
});
