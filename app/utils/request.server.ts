import type { AppLoadContext } from "@remix-run/node";
import { clientAddress } from "./client-ip.server";
import { safeRedirect as sameOriginPath } from "./redirect.server";

/** A same-site path to return to after login; anything else falls back. */
export const safeRedirect = sameOriginPath;

/** The client's address as the server established it (see client-ip.server.ts). */
export function clientIp(_request: Request, context?: AppLoadContext): string {
  return clientAddress(context);
}
