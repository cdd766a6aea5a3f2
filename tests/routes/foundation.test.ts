import { describe, expect, it } from "vitest";
import { loader as health } from "~/routes/healthz";
import { loader as notFound } from "~/routes/$";
import { loader as teamHome } from "~/routes/beheer._index";
import { seedDemoData } from "~/demo/demo-data.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { get, sessionCookie } from "../helpers/requests";

describe("foundation routes", () => {
  seedDemoData(db, now());

  it("GET /healthz answers 200 when the database is reachable", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });

  it("unknown URLs are a 404", async () => {
    await expect(notFound()).rejects.toMatchObject({ status: 404 });
  });

  it("the team pages send anonymous visitors to the login page and refuse organisers", async () => {
    await expect(teamHome(get("/beheer"))).rejects.toMatchObject({ status: 302, headers: expect.any(Headers) });
    const asOrganiser = get("/beheer", await sessionCookie("organisator@example.nl"));
    await expect(teamHome(asOrganiser)).rejects.toMatchObject({ status: 403 });
  });

  it("the team sees the four editions with their phase", async () => {
    const response = await teamHome(get("/beheer", await sessionCookie("programmateam@example.nl")));
    expect(response.editions.map((e) => e.year)).toEqual([2027, 2026, 2025, 2024]);
  });
});
