// Who is asking, for rate limits. The server (app/server.mjs) puts the client's address in the load
// context: the socket address, or the address a proxy reports only when TRUST_PROXY names that
// proxy. Headers like X-Forwarded-For are never read here: a client can write anything in them.

declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string | null;
  }
}

/** Stands for every caller without a known address (direct calls in tests): they share one budget. */
export const UNKNOWN_CLIENT = "unknown";

export function clientAddress(context: { clientIp?: string | null } | undefined): string {
  const ip = context?.clientIp?.trim();
  if (!ip) return UNKNOWN_CLIENT;
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
