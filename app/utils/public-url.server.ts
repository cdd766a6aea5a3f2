import { env } from "./env.server";

/** The absolute URL of a path on the platform, for e-mails, feeds and calendar files (one way, one slash). */
export function absoluteUrl(path: string): string {
  return new URL(path.replace(/^\/*/, "/"), `${env.PUBLIC_URL.replace(/\/+$/, "")}/`).toString();
}
