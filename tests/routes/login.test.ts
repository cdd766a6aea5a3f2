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
    const mail = lastLoginMail("nieuwe.organisator@example.org");
    expect(mail.template).toBe("login-code");
    expect(mail.props.code).toMatch(/^\d{6}$/);
    expect(getUserByEmail(email)).toBeNull(); // not before confirming

    const wrong = await outcome(
      enterCode(post("/inloggen/code", { email, code: mail.props.code === "000000" ? "111111" : "000000" })),
    );
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.data)).toContain("Deze code klopt niet of is verlopen");

    const right = await outcome(enterCode(post("/inloggen/code", { email, code: mail.props.code })));
    expect(right.status).toBe(302);
    expect(right.location).toBe("/organisator/activiteiten");
    expect(right.setCookie).toMatch(/__komerbij_sessie=.+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(getUserByEmail(email)?.role).toBe("organiser");

    const again = await outcome(enterCode(post("/inloggen/code", { email, code: mail.props.code })));
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

  it("limits code requests per address", async () => {
    const email = "veel@example.org";
    for (let i = 0; i < 3; i++) expect((await outcome(requestCode(post("/inloggen", { email })))).status).toBe(302);
    const limited = await outcome(requestCode(post("/inloggen", { email })));
    expect(limited.status).toBe(429);
    expect(limited.data.error.email[0]).toContain("wacht een kwartier");
  });

  it("limits code requests per IP address", async () => {
    const from = (i: number) => {
      const args = post("/inloggen", { email: `ip${i}@example.org` });
      args.request.headers.set("X-Forwarded-For", "203.0.113.7");
      return args;
    };
    for (let i = 0; i < 20; i++) expect((await outcome(requestCode(from(i)))).status).toBe(302);
    expect((await outcome(requestCode(from(99)))).status).toBe(429);
  });

  it("drops a form whose honeypot was filled in", async () => {
    const result = await outcome(requestCode(post("/inloggen", { email: "bot@example.org", name__confirm: "spam" })));
    expect(result.status).toBe(400);
  });
});
