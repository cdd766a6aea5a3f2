import type { ReactElement } from "react";
import type { z } from "zod";

/** One message: the shape of its props (checked at send time), its subject and its body. */
export type EmailDefinition<S extends z.ZodTypeAny> = {
  schema: S;
  subject: (props: z.infer<S>) => string;
  Component: (props: z.infer<S>) => ReactElement;
  /** Example data, used to preview the message. */
  previewProps: z.infer<S>;
};

export const defineEmail = <S extends z.ZodTypeAny>(definition: EmailDefinition<S>) => definition;
