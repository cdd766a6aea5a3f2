import { render } from "@react-email/render";
import { createElement } from "react";
import type { EmailDefinition } from "./components/define";
import activityCancelled from "./activity-cancelled";
import activityChangeApproved from "./activity-change-approved";
import activityChangeRejected from "./activity-change-rejected";
import activityPublished from "./activity-published";
import activityReceived from "./activity-received";
import activityRejected from "./activity-rejected";
import attendanceReminder from "./attendance-reminder";
import attendanceRequest from "./attendance-request";
import kitOrderCancelled from "./kit-order-cancelled";
import kitOrderConfirmation from "./kit-order-confirmation";
import kitShipped from "./kit-shipped";
import loginCode from "./login-code";
import teamInvite from "./team-invite";

/** Every message the platform sends, by the template name stored in the outbox. */
export const emailTemplates = {
  "login-code": loginCode,
  "team-invite": teamInvite,
  "activity-received": activityReceived,
  "activity-published": activityPublished,
  "activity-rejected": activityRejected,
  "activity-cancelled": activityCancelled,
  "activity-change-approved": activityChangeApproved,
  "activity-change-rejected": activityChangeRejected,
  "kit-order-confirmation": kitOrderConfirmation,
  "kit-shipped": kitShipped,
  "kit-order-cancelled": kitOrderCancelled,
  "attendance-request": attendanceRequest,
  "attendance-reminder": attendanceReminder,
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;
/** The props a template takes, as its schema accepts them. */
export type EmailProps<T extends EmailTemplateName> = import("zod").input<(typeof emailTemplates)[T]["schema"]>;
export const emailTemplateNames = Object.keys(emailTemplates) as EmailTemplateName[];

export type RenderedEmail = { subject: string; html: string; text: string };

export const isEmailTemplate = (name: string): name is EmailTemplateName => Object.hasOwn(emailTemplates, name);

/** Renders a message to subject, HTML and plain text. Throws on an unknown template or props that do not fit it. */
export async function renderEmail(template: string, props: unknown): Promise<RenderedEmail> {
  if (!isEmailTemplate(template)) throw new Error(`Unknown e-mail template "${template}"`);
  // The registry's entries differ in props; each is checked against its own schema here.
  const definition = emailTemplates[template] as unknown as EmailDefinition<import("zod").ZodTypeAny>;
  const parsed = definition.schema.safeParse(props);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "props"}: ${i.message}`).join("; ");
    throw new Error(`Invalid props for e-mail template "${template}": ${issues}`);
  }
  const element = createElement(definition.Component, parsed.data);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(parsed.data), html, text };
}

/** The example data of a template, to preview it. */
export function previewProps(template: EmailTemplateName): unknown {
  return emailTemplates[template].previewProps;
}
