// Issue 12: the rules behind the holes, each checked where it lives.
import { describe, expect, it } from "vitest";
import { activityFormSchema } from "~/models/activity";
import { AttendanceReportSchema } from "~/models/attendance";
import { KitSettingsSchema } from "~/models/kit-order";
import { deliverDueEmails } from "~/models/outbox-sender.server";
import { enqueueEmail } from "~/models/outbox.server";
import { now } from "~/utils/clock.server";
import { getUserByEmail } from "~/models/user.server";
import { loader as teamEmail } from "~/routes/beheer.e-mail";
import { loader as mailbox } from "~/routes/demo.mailbox._index";
import { db, schema } from "~/utils/db.server";
import { createDemoMailboxTransport } from "~/utils/email.server";
import { env, parseEnv } from "~/utils/env.server";
import { formDataProblem } from "~/utils/form-data.server";
import { isCalendarDate } from "~/utils/form-values";
import { foldIcsByOctets } from "~/utils/ics-lines.server";
import { safeRedirect } from "~/utils/redirect.server";
import { isWebLink } from "~/utils/web-link";
import { get, sessionCookie } from "../helpers/requests";

describe("same-site redirects (hole 2)", () => {
  it.each([
    ["/\t/evil.example/phish", "/home"],
    ["/\\evil.example", "/home"],
    ["//evil.example", "/home"],
    ["/\r\nSet-Cookie: x=1", "/home"],
    ["https://evil.example", "/home"],
    ["javascript:alert(1)", "/home"],
    ["/activiteiten?q=café#kaart", "/activiteiten?q=caf%C3%A9#kaart"],
    ["/organisator/pakketten", "/organisator/pakketten"],
  ])("%j → %j", (target, expected) => expect(safeRedirect(target, "/home")).toBe(expected));
});

describe("form limits before any array is built (hole 1)", () => {
  const fd = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };
  it("refuses huge or odd list indexes and too many fields, accepts normal forms", () => {
    expect(formDataProblem(fd([["targetGroups[1000000]", "iedereen"]]))).toBe("list index out of range");
    expect(formDataProblem(fd([["contents[50][item]", "x"]]))).toBe("list index out of range");
    expect(formDataProblem(fd([["contents[-1][item]", "x"]]))).toBe("list index out of range");
    expect(formDataProblem(fd(Array.from({ length: 1001 }, (_, i) => [`f${i}`, "1"] as [string, string])))).toBe(
      "too many fields",
    );
    expect(
      formDataProblem(
        fd([
          ["contents[49][quantity]", "5"],
          ["targetGroups", "iedereen"],
          ["targetGroups", "ouderen"],
        ]),
      ),
    ).toBeNull();
  });
});

describe("impossible values (hole 9) and unsafe links (hole 3)", () => {
  it("knows real calendar days", () => {
    for (const day of ["2027-10-00", "0000-00-00", "2027-02-29", "2027-13-01", "2027-10-1"])
      expect(isCalendarDate(day), day).toBe(false);
    for (const day of ["2028-02-29", "2027-10-01", "2026-12-31"]) expect(isCalendarDate(day), day).toBe(true);
  });

  it("takes counts only as plain decimal integers", () => {
    const report = (participants: string) => AttendanceReportSchema.safeParse({ participants, volunteers: "2" });
    expect(report("1e3").success).toBe(false);
    expect(report("0x10").success).toBe(false);
    expect(report("12.5").success).toBe(false);
    expect(report(" 40 ").success).toBe(true);
    const settings = KitSettingsSchema.safeParse({
      opensDate: "0000-00-00",
      opensTime: "09:00",
      closesDate: "2027-08-31",
      closesTime: "23:59",
      kitStock: 900,
      contents: [{ item: "Placemats", quantity: 5 }],
    });
    expect(settings.success).toBe(false);
    expect(settings.error?.issues.map((i) => i.path.join("."))).toContain("opensDate");
  });

  it("refuses an activity date that does not exist and links that are not web links", () => {
    const schema = activityFormSchema({ activityWindowStart: "2027-09-30", activityWindowEnd: "2027-10-06" }, "in de Week");
    const base = {
      title: "Online koffie",
      description: "Samen koffie drinken en kennismaken, online.",
      type: "online",
      targetGroups: ["iedereen"],
      date: "2027-10-02",
      startTime: "10:00",
      endTime: "11:00",
      isOnline: "on",
      onlineUrl: "https://meet.example.org/koffie",
      isFree: "ja",
      organisationName: "Buurtinitiatief",
      organisationKind: "initiatief",
      privateContactName: "Eva",
      privateContactEmail: "eva@example.org",
    };
    expect(schema.safeParse(base).success).toBe(true);
    expect(schema.safeParse({ ...base, date: "2027-10-00" }).success).toBe(false);
    for (const onlineUrl of ["javascript:alert(1)", "data:text/html,hoi", "ftp://files.example.org", "https://"]) {
      const result = schema.safeParse({ ...base, onlineUrl });
      expect(result.success, onlineUrl).toBe(false);
      expect(result.error?.issues[0].message).toBe("Vul een volledige link in, die begint met https://");
    }
    expect(isWebLink("JAVASCRIPT:alert(1)")).toBe(false);
    expect(isWebLink("http://example.org")).toBe(true);
  });
});

describe("configuration (holes 6 and 10)", () => {
  it("refuses real e-mail with the public demo secret, also in demo mode", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DEMO_MODE: "true", RESEND_API_KEY: "re_live" })).toThrow(
      /SESSION_SECRET: is required when RESEND_API_KEY is set/,
    );
    expect(() => parseEnv({ NODE_ENV: "development", RESEND_API_KEY: "re_live" })).toThrow(/SESSION_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
  });

  it("derives the e-mail base URL from PORT", () => {
    expect(parseEnv({ PORT: "4123" }).PUBLIC_URL).toBe("http://localhost:4123");
    expect(parseEnv({ PORT: "4123", PUBLIC_URL: "https://kom-erbij.example" }).PUBLIC_URL).toBe("https://kom-erbij.example");
  });

  it("shows the demo mailbox only in demo mode", async () => {
    env.DEMO_MODE = false;
    try {
      await expect(mailbox(get("/demo/mailbox"))).rejects.toMatchObject({ status: 404 });
    } finally {
      env.DEMO_MODE = true;
    }
    expect(await mailbox(get("/demo/mailbox"))).toBeTruthy();
  });
});

describe("login codes on team pages (hole 5)", () => {
  it("the team's e-mail page never shows a code or a one-time link", async () => {
    db.transaction((tx) =>
      enqueueEmail(
        tx,
        {
          template: "login-code",
          to: "organisator@example.nl",
          props: { code: "295788", link: "http://localhost:3000/inloggen/link?token=geheim-token", expiresInMinutes: 15 },
        },
        now(),
      ),
    );
    await deliverDueEmails({ transport: createDemoMailboxTransport() });
    if (!getUserByEmail("team.e-mail@example.org"))
      db.insert(schema.users).values({ email: "team.e-mail@example.org", role: "programme_team" }).run();
    const cookie = await sessionCookie("team.e-mail@example.org");
    const page = await teamEmail(get("/beheer/e-mail", cookie));
    const shown = JSON.stringify(page);
    expect(shown).toContain("Je inlogcode voor Kom erbij: [verborgen]");
    expect(shown).not.toContain("295788");
    expect(shown).not.toContain("geheim-token");
  });
});

describe(".ics lines (hole 10)", () => {
  it("folds at 75 octets without splitting a character", () => {
    const long = `DESCRIPTION:${"Café 😀 één ".repeat(40)}`;
    const folded = foldIcsByOctets(`BEGIN:VCALENDAR\r\n${long}\r\nEND:VCALENDAR`);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toContain(long);
  });
});
