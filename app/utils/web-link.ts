// Links that people type in (and others click): only web addresses. `javascript:`, `data:` and
// friends are refused when saved, and an older stored value that is not a web link is not shown
// as a link.
import { z } from "zod";

/** True for an absolute http(s) URL with a host. */
export function isWebLink(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A form field for a web link, with a Dutch message. */
export const webLinkSchema = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `Gebruik hoogstens ${max} tekens voor de link.`)
    .refine(isWebLink, "Vul een volledige link in, die begint met https://");

/** rel for links that users wrote: no access to our window, no ranking credit (user-generated content). */
export const USER_LINK_REL = "noopener noreferrer nofollow ugc";
