// Where to go after logging in. Only a path on this site is accepted, judged the way a browser
// would: parsed against our own origin. Tabs, backslashes and encoded tricks that make a browser
// leave the site (`/\t/evil.example`) fail that test and go to the fallback.

const BASE = "http://komerbij.invalid";

/** A same-origin path (with query and fragment) for `target`, or `fallback`. Never throws. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.length > 1000) return fallback;
  // Browsers strip tabs and newlines from URLs before resolving them; judge what they would see.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  // The serialised URL is ASCII-only (non-Latin-1 is percent-encoded), so it is a valid Location header.
  return url.pathname + url.search + url.hash;
}
