import { z } from "zod";
import { defineEmail } from "./components/define";
import { deadlineSchema, formatDeadline } from "./components/format";
import { CallToAction, EmailLayout, P } from "./components/layout";

const schema = z.object({ activityTitle: z.string().min(1), reportUrl: z.string().url(), deadline: deadlineSchema });

function AttendanceReminderEmail({ activityTitle, reportUrl, deadline }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`Herinnering: geef de opkomst van "${activityTitle}" door`} heading="Wil je de opkomst nog doorgeven?">
      <P>{`We hebben nog niet gehoord hoeveel mensen er naar "${activityTitle}" kwamen.`}</P>
      <P>{`Je kunt het aantal nog doorgeven ${formatDeadline(deadline)}. Een schatting is goed.`}</P>
      <CallToAction href={reportUrl}>Opkomst doorgeven</CallToAction>
      <P>Heb je het al doorgegeven? Dan kun je deze e-mail negeren.</P>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ activityTitle }) => `Herinnering: geef de opkomst door van ${activityTitle}`,
  Component: AttendanceReminderEmail,
  previewProps: {
    activityTitle: "Koffie en een praatje in de bibliotheek",
    reportUrl: "http://localhost:3000/organisator/activiteiten/123/opkomst",
    deadline: "2026-10-31T23:00:00.000Z",
  },
});
