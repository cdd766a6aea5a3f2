// Reading what a URL names (ids, the edition) the same way in every route: a value that is not
// there, malformed or unknown is a 404, never a silent fallback or a 500.

export const notFound = (what = "Niet gevonden") => new Response(what, { status: 404 });

/** An id from a route parameter: plain digits for a positive safe integer, else a thrown 404. */
export function idParam(value: string | undefined): number {
  const id = value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id)) throw notFound();
  return id;
}

/** The value of `?editie=` (the one query parameter that names an edition), or null. */
export const editionParam = (url: URL | string) => new URL(url).searchParams.get("editie");

/** Guard: the value, or a thrown 404 when it is null. */
export function orNotFound<T>(value: T | null | undefined, what?: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}
