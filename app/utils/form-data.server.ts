// The one door for reading a submitted form. Every action reads its body through here, so the
// limits below hold for every form: conform builds arrays from field names like
// `targetGroups[1000000]`, which must never reach it (a 700-byte body made a million-entry array).
// The request body as a whole is limited by the server (app/server.mjs, BODY_LIMIT_KB).

/** No form on the platform has more fields than this (the activity form has about 40; bulk lists tick up to a few hundred). */
export const MAX_FORM_FIELDS = 1000;
/** Repeated rows (target groups, kit contents) stay below this many entries. */
export const MAX_LIST_ITEMS = 50;
const MAX_NAME_LENGTH = 100;
const MAX_VALUE_LENGTH = 20_000;
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** A 400 with a plain Dutch explanation; thrown, like the other guards. */
export const badRequest = (message = "Dit formulier kon niet worden verwerkt. Laad de pagina opnieuw en probeer het nog eens.") =>
  new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Checks that every name and value fits the limits; returns the problem, or null. */
export function formDataProblem(formData: FormData | URLSearchParams): string | null {
  let fields = 0;
  for (const [name, value] of formData) {
    if (++fields > MAX_FORM_FIELDS) return "too many fields";
    if (name.length > MAX_NAME_LENGTH) return "field name too long";
    if (typeof value !== "string") return "unexpected file";
    if (value.length > MAX_VALUE_LENGTH) return "value too long";
    for (const [, part] of name.matchAll(/\[([^\]]*)\]/g)) {
      if (/^[A-Za-z_]\w*$/.test(part)) continue; // an object key: contents[0][item]
      if (!/^\d{1,2}$/.test(part) || Number(part) >= MAX_LIST_ITEMS) return "list index out of range";
    }
  }
  return null;
}

/**
 * Reads the posted form: only real form encodings, within the limits above. Anything else (JSON,
 * a broken body, a huge list) is a 400 before any schema or array is built.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type")?.split(";")[0].trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(type)) throw badRequest();
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest();
  }
  if (formDataProblem(formData)) throw badRequest();
  return formData;
}
