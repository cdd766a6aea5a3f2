import { Text } from "@react-email/components";
import { z } from "zod";
import { defineEmail } from "./components/define";
import { CallToAction, colors, EmailLayout, P, SubHeading } from "./components/layout";

const schema = z.object({
  reference: z.string().min(1),
  activityTitle: z.string().min(1),
  address: z.object({
    name: z.string().min(1),
    organisation: z.string().nullish(),
    street: z.string().min(1),
    houseNumber: z.string().min(1),
    addition: z.string().nullish(),
    postcode: z.string().min(1),
    place: z.string().min(1),
  }),
  contents: z.array(z.object({ item: z.string().min(1), quantity: z.number().int().positive() })).min(1),
  orderUrl: z.string().url(),
});

function KitOrderConfirmationEmail({ reference, activityTitle, address, contents, orderUrl }: z.infer<typeof schema>) {
  const addressLines = [
    address.name,
    address.organisation,
    `${address.street} ${address.houseNumber}${address.addition ? ` ${address.addition}` : ""}`,
    `${address.postcode} ${address.place}`,
  ].filter((line): line is string => Boolean(line));
  return (
    <EmailLayout preview={`Bestelling ${reference}: je Kom Erbij-pakket`} heading="Je hebt een Kom Erbij-pakket besteld">
      <P>{`Bedankt! We hebben je bestelling ontvangen voor de activiteit "${activityTitle}".`}</P>
      <P>{`Je bestelnummer is ${reference}. We sturen je een e-mail als het pakket onderweg is.`}</P>
      <SubHeading>We sturen het pakket naar</SubHeading>
      <Text
        style={{
          fontSize: "16px",
          lineHeight: "1.5",
          backgroundColor: colors.panel,
          padding: "10px 16px",
          borderRadius: "8px",
          margin: "0 0 14px",
        }}
      >
        {addressLines.map((line, i) => (
          <span key={i}>
            {line}
            {i < addressLines.length - 1 ? <br /> : null}
          </span>
        ))}
      </Text>
      <SubHeading>In het pakket zit</SubHeading>
      <ul style={{ fontSize: "16px", lineHeight: "1.55", margin: "0 0 14px", paddingLeft: "20px" }}>
        {contents.map((c) => (
          <li key={c.item}>{`${c.quantity} × ${c.item}`}</li>
        ))}
      </ul>
      <P>Klopt het adres niet? Pas het dan snel aan, zolang het pakket nog niet is verstuurd.</P>
      <CallToAction href={orderUrl}>Bekijk je bestelling</CallToAction>
    </EmailLayout>
  );
}

export default defineEmail({
  schema,
  subject: ({ reference }) => `Bevestiging van je bestelling ${reference}`,
  Component: KitOrderConfirmationEmail,
  previewProps: {
    reference: "KE-2027-0042",
    activityTitle: "Koffie en een praatje in de bibliotheek",
    address: {
      name: "Anna de Vries",
      organisation: "Bibliotheek Midden",
      street: "Stationsstraat",
      houseNumber: "12",
      addition: "A",
      postcode: "3511 AB",
      place: "Utrecht",
    },
    contents: [
      { item: "placemats", quantity: 50 },
      { item: "gesprekskaartjes", quantity: 2 },
      { item: "posters", quantity: 5 },
      { item: "uitnodigingskaarten", quantity: 50 },
    ],
    orderUrl: "http://localhost:3000/organisator/bestellingen/42",
  },
});
