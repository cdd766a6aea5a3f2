import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// The Week's house style (app/styles/app.css): brand red, warm off-white, dark ink.
export const colors = {
  brand: "#b3261e",
  brandDark: "#8c1d17",
  ink: "#1d1d2c",
  muted: "#4a4a5e",
  bg: "#fffdf8",
  panel: "#f6f1e7",
  line: "#d6cfc0",
};
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function EmailLayout({ preview, heading, children }: { preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang="nl">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.bg, color: colors.ink, fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container
          style={{
            maxWidth: "560px",
            backgroundColor: "#ffffff",
            border: `1px solid ${colors.line}`,
            borderRadius: "8px",
            overflow: "hidden",
          }}
        >
          <Section style={{ backgroundColor: colors.brand, padding: "16px 24px" }}>
            <Text style={{ color: "#ffffff", fontSize: "20px", fontWeight: 800, margin: 0, lineHeight: "1.2" }}>Kom erbij!</Text>
            <Text style={{ color: "#ffffff", fontSize: "14px", margin: 0 }}>Week tegen Eenzaamheid</Text>
          </Section>
          <Section style={{ padding: "8px 24px 16px" }}>
            <Heading as="h1" style={{ fontSize: "24px", lineHeight: "1.25", margin: "16px 0" }}>
              {heading}
            </Heading>
            {children}
          </Section>
          <Hr style={{ borderColor: colors.line, margin: 0 }} />
          <Section style={{ backgroundColor: colors.panel, padding: "12px 24px" }}>
            <Text style={{ color: colors.muted, fontSize: "13px", margin: 0 }}>
              Deze e-mail komt van Kom erbij, het platform van de Week tegen Eenzaamheid. Je kunt niet antwoorden op deze e-mail.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function P({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: "16px", lineHeight: "1.55", margin: "0 0 14px" }}>{children}</Text>;
}

export function SubHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={{ fontSize: "18px", margin: "20px 0 8px" }}>
      {children}
    </Heading>
  );
}

/** A button plus the same link written out, for mail apps that hide buttons. */
export function CallToAction({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.brand,
          color: "#ffffff",
          borderRadius: "8px",
          padding: "12px 20px",
          fontSize: "16px",
          fontWeight: 600,
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
      <Text style={{ fontSize: "14px", color: colors.muted, margin: "12px 0 0" }}>
        Werkt de knop niet? Gebruik dan deze link:{" "}
        <Link href={href} style={{ color: colors.brandDark }}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

/** A quoted block, e.g. the reason the programme team gave. */
export function Quote({ children }: { children: ReactNode }) {
  return (
    <Section
      style={{ borderLeft: `4px solid ${colors.brand}`, backgroundColor: colors.panel, padding: "8px 16px", margin: "0 0 14px" }}
    >
      <Text style={{ fontSize: "16px", margin: 0, whiteSpace: "pre-line" }}>{children}</Text>
    </Section>
  );
}
