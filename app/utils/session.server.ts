import { randomBytes } from "node:crypto";
import { createCookie, createSessionStorage, redirect } from "@remix-run/node";
import { deleteSession, insertSession, readSession, updateSession } from "~/models/session.server";
import { getUserById, type UserRole, type SessionUser } from "~/models/user.server";
import { now } from "./clock.server";
import { env } from "./env.server";

const SESSION_DAYS = 30;

const sessionCookie = createCookie("__komerbij_sessie", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env.NODE_ENV === "production" && env.PUBLIC_URL.startsWith("https:"),
  secrets: [env.SESSION_SECRET],
  maxAge: SESSION_DAYS * 24 * 60 * 60,
});

// The row's expiry follows the platform clock. Remix hands over an `expires` computed from the
// cookie's maxAge with the wall clock, which is not the platform's "now" when FAKE_NOW is set (a
// demo clock a year ahead would create sessions that expired before they were made).
const sessionExpiry = () => new Date(now().getTime() + SESSION_DAYS * 86_400_000);

// Database-backed sessions: the cookie holds only a signed random id; logging out deletes the row.
export const sessionStorage = createSessionStorage<{ userId: number }>({
  cookie: sessionCookie,
  async createData(data) {
    const id = randomBytes(24).toString("base64url");
    insertSession(id, Number(data.userId), sessionExpiry());
    return id;
  },
  async readData(id) {
    return readSession(id, now());
  },
  async updateData(id, data, expires) {
    updateSession(id, data, expires ? sessionExpiry() : undefined);
  },
  async deleteData(id) {
    deleteSession(id);
  },
});

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  const userId = session.get("userId");
  return userId ? getUserById(userId) : null;
}

/** Guard: throws a redirect to the login page (remembering where to return) when not logged in. */
export async function requireUser(request: Request, roles?: UserRole[]): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (roles && !roles.includes(user.role)) throw new Response("Geen toegang", { status: 403 });
  return user;
}

export const requireProgrammeTeam = (request: Request) => requireUser(request, ["programme_team"]);

export async function createUserSession(userId: number, redirectTo: string) {
  const session = await sessionStorage.getSession();
  session.set("userId", userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionStorage.commitSession(session) } });
}

export async function logout(request: Request) {
  const session = await sessionStorage.getSession(request.headers.get("Cookie"));
  return redirect("/", { headers: { "Set-Cookie": await sessionStorage.destroySession(session) } });
}
