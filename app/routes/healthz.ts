import { checkDatabase } from "~/models/health.server";

export async function loader() {
  try {
    checkDatabase();
    return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unreachable", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}
