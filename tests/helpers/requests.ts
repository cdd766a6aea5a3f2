// Real Requests for loaders and actions, as Remix would hand them over.
import { sessionStorage } from "~/utils/session.server";
import { getUserByEmail } from "~/models/user.server";

/** A session cookie for a user, given by e-mail address or id, as the login would set it. */
export async function sessionCookie(user: string | number) {
  const userId = typeof user === "number" ? user : getUserByEmail(user)?.id;
  if (userId === undefined) throw new Error(`no user ${user}`);
  const session = await sessionStorage.getSession();
  session.set("userId", userId);
  return (await sessionStorage.commitSession(session)).split(";")[0];
}

export function get(url: string, cookie?: string, params: Record<string, string> = {}) {
  return { request: new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} }), params, context: {} };
}

/** A form post as the browser sends it: with the (empty) honeypot field our forms always include. */
export function post(
  url: string,
  fields: Record<string, string | string[]>,
  cookie?: string,
  params: Record<string, string> = {},
  context: { clientIp?: string } = {},
) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  if (!body.has("name__confirm")) body.append("name__confirm", "");
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie) headers.Cookie = cookie;
  return { request: new Request(`http://localhost${url}`, { method: "POST", body, headers }), params, context };
}

/** The status and body of what a loader/action returned or threw (Response or single-fetch data()). */
export async function outcome(
  promise: Promise<unknown>,
): Promise<{ status: number; data: any; location?: string | null; setCookie?: string | null }> {
  let value: unknown;
  try {
    value = await promise;
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* plain text */
    }
    return { status: value.status, data, location: value.headers.get("Location"), setCookie: value.headers.get("Set-Cookie") };
  }
  if (value && typeof value === "object" && "type" in value && (value as { type: string }).type === "DataWithResponseInit") {
    const d = value as unknown as { data: unknown; init: ResponseInit | null };
    return { status: d.init?.status ?? 200, data: d.data };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value };
}
