// One behaviour for what a URL names: an unknown or malformed edition or id is a 404 on every
// route (no silent fallback to another edition, no 500), and a known one is used.
import { describe, expect, it } from "vitest";
import { loader as search } from "~/routes/_index";
import { loader as activityPage } from "~/routes/activiteiten.$id";
import { loader as mapData } from "~/routes/api.kaart";
import { loader as figures } from "~/routes/beheer.cijfers._index";
import { loader as compare } from "~/routes/beheer.cijfers.vergelijken";
import { loader as kitSettings } from "~/routes/beheer.edities.$year.pakket";
import { loader as fulfilment } from "~/routes/beheer.pakketten._index";
import { db, schema } from "~/utils/db.server";
import { get, outcome, sessionCookie } from "../helpers/requests";

const team = db
  .insert(schema.users)
  .values({ email: "params-team@example.org", name: "Team", role: "programme_team" })
  .returning()
  .get();

describe("which edition a URL means", () => {
  it.each(["1999", "2099", "abc", "2027x", "20277"])("?editie=%s is a 404 everywhere", async (year) => {
    const cookie = await sessionCookie(team.email);
    const answers = await Promise.all([
      outcome(search(get(`/?editie=${year}`))),
      outcome(Promise.resolve(mapData(get(`/api/kaart?editie=${year}&lat=52.09&lon=5.12&straal=10`)))),
      outcome(figures(get(`/beheer/cijfers?editie=${year}`, cookie))),
      outcome(compare(get(`/beheer/cijfers/vergelijken?kaart=${year}`, cookie))),
      outcome(fulfilment(get(`/beheer/pakketten?editie=${year}`, cookie))),
      outcome(kitSettings(get(`/beheer/edities/${year}/pakket`, cookie, { year }))),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
  });

  it("uses the named edition, and the audience's default without one", async () => {
    const cookie = await sessionCookie(team.email);
    expect((await outcome(search(get("/?editie=2025")))).data.edition.year).toBe(2025);
    expect((await outcome(search(get("/")))).data.edition.year).toBe(2027);
    expect((await outcome(fulfilment(get("/beheer/pakketten?editie=2026", cookie)))).data.filters.year).toBe(2026);
    expect((await outcome(kitSettings(get("/beheer/edities/2026/pakket", cookie, { year: "2026" })))).data.year).toBe(2026);
  });
});

describe("ids in the URL", () => {
  it.each(["0", "-1", "1.5", "1e3", "0x10", "12abc", "99999999999999999999"])("/activiteiten/%s is a 404", async (id) => {
    expect((await outcome(activityPage(get(`/activiteiten/${id}`, undefined, { id })))).status).toBe(404);
  });
});
