// Registering on behalf of an organiser creates their account; when the registration fails, that
// new account must not stay behind (nothing half-saved), but an account in use is never removed.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findOrCreateOrganiser, removeUnusedOrganiser } from "~/models/user.server";
import { db, schema as t } from "~/utils/db.server";
import { amsterdamToUtc } from "~/utils/time";

const account = (email: string) => db.select().from(t.users).where(eq(t.users.email, email)).get();

describe("an account made for a registration on someone's behalf", () => {
  it("is created once, and removed again when it ends up unused", () => {
    const first = findOrCreateOrganiser(" Nieuw@Example.org ", "Nieuwe Organisator");
    expect(first.created).toBe(true);
    expect(findOrCreateOrganiser("nieuw@example.org", null)).toMatchObject({ id: first.id, created: false });
    removeUnusedOrganiser(first.id);
    expect(account("nieuw@example.org")).toBeUndefined();
  });

  it("stays when it owns an activity", () => {
    const owner = findOrCreateOrganiser("bezet@example.org", "Bezet");
    const edition = db.select().from(t.editions).where(eq(t.editions.year, 2027)).get()!;
    db.insert(t.activities)
      .values({
        editionId: edition.id,
        ownerId: owner.id,
        organisationName: "Buurthuis",
        organisationKind: "welzijn",
        title: "Koffie",
        description: "Kom erbij.",
        type: "ontmoeting",
        startsAt: amsterdamToUtc(edition.weekStart, "10:00"),
        endsAt: amsterdamToUtc(edition.weekStart, "12:00"),
        municipalityCode: "GM0344",
        privateContactName: "Bezet",
        privateContactEmail: "bezet@example.org",
        status: "pending",
      })
      .run();
    removeUnusedOrganiser(owner.id);
    expect(account("bezet@example.org")).toMatchObject({ id: owner.id });
  });
});
