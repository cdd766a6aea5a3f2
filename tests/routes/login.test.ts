import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as requestCode } from "~/routes/inloggen._index";
import { action as enterCode } from "~/routes/inloggen.code";
import { action as followLink } from "~/routes/inloggen.link";
import { getUserByEmail } from "~/models/user.server";
import { db, schema } from "~/utils/db.server";
import { outcome, post } from "../helpers/requests";

function lastLoginMail(to: string) {
  const row = db
    .select()
    .from(schema.emailOutbox)
    .where(eq(schema.emailOutbox.toAddress, to))
    .orderBy(desc(schema.emailOutbox.id))
    .get();
  return row as unknown as { template: string; props: { code: string; link: string } };
}

describe("passwordless login", () => {
  it("sends a code and a link, and a new address becomes an organiser after the code", async () => {
    const email = "Nieuwe.Organisator@Example.org";
    const asked = await outcome(requestCode(post("/inloggen", { email })));
    expect(asked.status).toBe(302);
    expect(asked.location).toMatch(/^\/inloggen\/code\?email=Nieuwe.Organisator%40Example.org/);
    const aanvraag = new URL(asked.location!, "http://localhost").searchParams.get("aanvraag")!;
    const mail = lastLoginMail("nieuwe.organisator@example.org");
    expect(mail.template).toBe("login-code");
    expect(mail.props.code).toMatch(/^\d{6}$/);
    expect(getUserByEmail(email)).toBeNull(); // not before confirming

    const wrong = await outcome(
      enterCode(post("/inloggen/code", { email, aanvraag, code: mail.props.code === "000000" ? "111111" : "000000" })),
    );
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.data)).toContain(
      "Deze code klopt niet. Controleer de code in de nieuwste e-mail. Je kunt het nog 4 keer proberen.",
    );

    const right = await outcome(enterCode(post("/inloggen/code", { email, aanvraag, code: mail.props.code })));
    expect(right.status).toBe(302);
    expect(right.location).toBe("/organisator/activiteiten");
    expect(right.setCookie).toMatch(/__komerbij_sessie=.+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(getUserByEmail(email)?.role).toBe("organiser");

    const again = await outcome(enterCode(post("/inloggen/code", { email, aanvraag, code: mail.props.code })));
    expect(again.status).toBe(400); // single use
  });

  it("logs in once through the e-mailed link (on POST), not twice", async () => {
    await outcome(requestCode(post("/inloggen", { email: "link@example.org" })));
    const token = new URL(lastLoginMail("link@example.org").props.link).searchParams.get("token")!;
    expect((await outcome(followLink(post("/inloggen/link", { token })))).status).toBe(302);
    const second = await outcome(followLink(post("/inloggen/link", { token })));
    expect(second.status).toBe(400);
    expect(second.data.error).toContain("verlopen of al gebruikt");
  });

  it("rejects a malformed address with a Dutch message next to the field", async () => {
    const result = await outcome(requestCode(post("/inloggen", { email: "geen-adres" })));
    expect(result.status).toBe(400);
    expect(result.data.error.email).toEqual(["Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."]);
  });

  it("caps codes per address at 8 an hour and says how long to wait, while the e-mailed link keeps working", async () => {
    const email = "veel@example.org";
    for (let i = 0; i < 8; i++)
      expect(
        (await outcome(requestCode(post("/inloggen", { email }, undefined, {}, { clientIp: `198.51.100.${i}` })))).status,
      ).toBe(302);
    const limited = await outcome(requestCode(post("/inloggen", { email }, undefined, {}, { clientIp: "198.51.100.99" })));
    expect(limited.status).toBe(429);
    expect(limited.data.error.email[0]).toContain(
      "klik op de knop Inloggen in de nieuwste e-mail. Of probeer het over 60 minuten opnieuw.",
    );
    const token = new URL(lastLoginMail(email).props.link).searchParams.get("token")!;
    expect((await outcome(followLink(post("/inloggen/link", { token })))).status).toBe(302);
  });

  it("limits code requests per client address, whatever X-Forwarded-For says", async () => {
    const from = (i: number) => {
      const args = post("/inloggen", { email: `ip${i}@example.org` }, undefined, {}, { clientIp: "203.0.113.7" });
      args.request.headers.set("X-Forwarded-For", `10.0.${i}.1`);
      return args;
    };
    for (let i = 0; i < 20; i++) expect((await outcome(requestCode(from(i)))).status).toBe(302);
    const limited = await outcome(requestCode(from(99)));
    expect(limited.status).toBe(429);
    expect(limited.data.error.email[0]).toContain("Probeer het over 15 minuten opnieuw.");
  });

  it("an attacker's wrong codes never lock out the owner: each code dies alone after 5 wrong tries", async () => {
    const email = "eigenaar@example.org";
    const ask = async (clientIp: string) => {
      const asked = await outcome(requestCode(post("/inloggen", { email }, undefined, {}, { clientIp })));
      return {
        aanvraag: new URL(asked.location!, "http://localhost").searchParams.get("aanvraag")!,
        code: lastLoginMail(email).props.code,
      };
    };
    const owner = await ask("192.0.2.1");
    const attacker = await ask("192.0.2.66");
    const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");
    // Guessing without a request handle, with a forged one, or with the owner's id and no signature: refused, nothing counted.
    for (const aanvraag of ["", "1.abc", owner.aanvraag.split(".")[0]])
      expect((await outcome(enterCode(post("/inloggen/code", { email, aanvraag, code: wrongFor(owner.code) })))).status).toBe(
        400,
      );
    for (let i = 0; i < 5; i++)
      await outcome(enterCode(post("/inloggen/code", { email, aanvraag: attacker.aanvraag, code: wrongFor(owner.code) })));
    const dead = await outcome(enterCode(post("/inloggen/code", { email, aanvraag: attacker.aanvraag, code: attacker.code })));
    expect(dead.status).toBe(400);
    expect(JSON.stringify(dead.data)).toContain("Vraag een nieuwe code aan.");
    const ownerIn = await outcome(enterCode(post("/inloggen/code", { email, aanvraag: owner.aanvraag, code: owner.code })));
    expect(ownerIn.status).toBe(302);
  });

  it("drops a form whose honeypot was filled in", async () => {
    const result = await outcome(requestCode(post("/inloggen", { email: "bot@example.org", name__confirm: "spam" })));
    expect(result.status).toBe(400);
  });

  it("drops a form that leaves the honeypot field out (bots posting directly)", async () => {
    const request = new Request("http://localhost/inloggen", {
      method: "POST",
      body: new URLSearchParams({ email: "bot@example.org" }),
    });
    expect((await outcome(requestCode({ request, params: {}, context: {} }))).status).toBe(400);
    expect(lastLoginMail("bot@example.org")).toBeUndefined();
  });
});
