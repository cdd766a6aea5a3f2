import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, EmailLayout, P } from "./components/layout";

const schema = z.object({ title: z.string().min(1), myActivitiesUrl: z.string().url(), editionYear: z.number().int() });

function ActivityReceivedEmail({ title, myActivitiesUrl, editionYear }: z.infer<typeof schema>) {
  return (
    <EmailLayout preview={`We hebben "${title}" ontvangen`} heading="Bedankt! We hebben je activiteit ontvangen">
      <P>{`Je hebt de activiteit "${title}" aangemeld voor de Week tegen Eenzaamheid ${editionYear}.`}</P>
      <P>
        Het programmateam kijkt of alles klopt. Dat duurt meestal een paar werkdagen. Staat je activiteit online? Dan krijg je een
        e-mail.
      </P>
      <P>Wil je nog iets veranderen? Dat kan via je eigen pagina.</P>
      <CallToAction href={myActivitiesUrl}>Naar mijn activiteiten</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ title }) => `We hebben je activiteit ontvangen: ${title}`,
  Component: ActivityReceivedEmail,
  previewProps: {
    title: "Koffie en een praatje in de bibliotheek",
    myActivitiesUrl: "http://localhost:3000/organisator",
    editionYear: 2027,
  },
});
