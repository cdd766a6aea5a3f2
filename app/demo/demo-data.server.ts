import { count, sql } from "drizzle-orm";
import { TARGET_GROUPS, type ActivityType, type TargetGroup } from "~/models/activity";
import { MUNICIPALITIES_2025, schema as t, type AppDatabase } from "~/utils/db.server";
import { addDays, amsterdamToUtc, utcToAmsterdam } from "~/utils/time";
import { LANGUAGE_VALUES } from "~/models/activity-features";
import { hashBrowserKey } from "~/models/activity-interest.server";

const DEMO_LANGUAGES = LANGUAGE_VALUES;

export const DEMO_ORGANISER_EMAIL = "organisator@example.nl";
export const DEMO_TEAM_EMAIL = "programmateam@example.nl";
export const DEMO_COORDINATOR_EMAIL = "gemeente.utrecht@example.nl";

// ---------------------------------------------------------------------------------------------
// The demo generator (not part of the running server: `npm start` and tests load it on purpose).
// Demo data: fictional organisers (example.org addresses) and realistic activities, spread over
// the country roughly in proportion to population. Deterministic, so every install looks alike.

function random(seedValue: number) {
  let a = seedValue >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

// Approximate populations (thousands, 2025) of the largest municipalities; the rest count as 25k.
// Only used to spread demo activities realistically.
const POPULATION_K: Record<string, number> = {
  GM0363: 930,
  GM0599: 670,
  GM0518: 570,
  GM0344: 375,
  GM0772: 245,
  GM0014: 240,
  GM0034: 225,
  GM0855: 230,
  GM0758: 185,
  GM0268: 185,
  GM0200: 170,
  GM0202: 165,
  GM0392: 165,
  GM0153: 160,
  GM0796: 160,
  GM0307: 160,
  GM0394: 160,
  GM0479: 165,
  GM0193: 135,
  GM0637: 130,
  GM0546: 130,
  GM0935: 125,
  GM0080: 125,
  GM0228: 120,
  GM0361: 110,
  GM0439: 95,
  GM0503: 105,
  GM0150: 105,
  GM0983: 100,
  GM0484: 115,
  GM0513: 75,
  GM0606: 80,
  GM0622: 75,
  GM0141: 75,
  GM0603: 55,
};

const STREETS = [
  "Dorpsstraat",
  "Kerkstraat",
  "Molenweg",
  "Stationsplein",
  "Marktplein",
  "Schoolstraat",
  "Julianalaan",
  "Beatrixstraat",
  "Lindenlaan",
  "Parkweg",
  "Wilhelminastraat",
  "Nieuwstraat",
  "Oranjestraat",
  "Emmalaan",
  "Raadhuisplein",
];
const VENUES = [
  "Buurthuis De Schakel",
  "Wijkcentrum Het Anker",
  "Dorpshuis De Linde",
  "Bibliotheek",
  "Ontmoetingscentrum De Brug",
  "Zorgcentrum Het Zonnehuis",
  "Speeltuingebouw",
  "Kerkzaal De Ark",
  "Sporthal Centrum",
  "Stadstuin",
  "Theehuis in het park",
  "Buurtkamer Samen",
];
const ORG_PREFIXES = [
  "Stichting Welzijn",
  "Bibliotheek",
  "Buurtinitiatief Samen",
  "Gemeente",
  "Vrijwilligerscentrale",
  "Coalitie Eén tegen eenzaamheid",
  "Stichting Ouderenwerk",
  "Jongerenwerk",
];
const ORG_KINDS: Record<string, string> = {
  "Stichting Welzijn": "welzijn",
  Bibliotheek: "bibliotheek",
  "Buurtinitiatief Samen": "initiatief",
  Gemeente: "gemeente",
  Vrijwilligerscentrale: "initiatief",
  "Coalitie Eén tegen eenzaamheid": "anders",
  "Stichting Ouderenwerk": "welzijn",
  Jongerenwerk: "welzijn",
};
const FIRST_NAMES = [
  "Anna",
  "Bram",
  "Carla",
  "Daan",
  "Esra",
  "Fatima",
  "Gerrit",
  "Hanna",
  "Ilse",
  "Joost",
  "Karim",
  "Lotte",
  "Mila",
  "Noah",
  "Olga",
  "Pieter",
  "Roos",
  "Sanne",
  "Tom",
  "Yara",
];
const LAST_NAMES = [
  "de Vries",
  "Jansen",
  "Bakker",
  "Visser",
  "Smit",
  "Meijer",
  "de Boer",
  "Mulder",
  "de Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "Dekker",
  "Yilmaz",
  "El Amrani",
];

const TITLES: Record<ActivityType, string[]> = {
  ontmoeting: ["Koffieochtend voor de buurt", "Inloopmiddag: kom erbij!", "Buurtborrel", "Open huis in de buurtkamer"],
  "samen-eten": ["Samen eten aan de lange tafel", "Buurtmaaltijd", "Soep en een praatje", "High tea voor iedereen"],
  "wandelen-bewegen": ["Wandeling met koffie na afloop", "Samen fietsen door de polder", "Stoelyoga", "Ommetje door de wijk"],
  creatief: ["Creatieve middag: kaarten maken", "Samen breien en haken", "Schilderen voor beginners", "Bloemschikken"],
  "muziek-cultuur": ["Meezingmiddag met het koor", "Muziek en verhalen", "Filmmiddag met nagesprek", "Dansmiddag"],
  spel: ["Spelletjesmiddag", "Bingo in de buurt", "Sjoelen en klaverjassen", "Schaakcafé"],
  "gesprek-lezing": [
    "Gesprek: eenzaamheid bespreekbaar",
    "Lezing over verbinding",
    "Verhalencafé",
    "Praatgroep voor mantelzorgers",
  ],
  online: ["Online koffie-uurtje", "Digitaal spelletjescafé", "Online gesprek voor jongeren"],
  anders: ["Buurtmarkt met ontmoeting", "Repair café met koffie", "Moestuinmiddag"],
};
const TYPE_WEIGHTS: [ActivityType, number][] = [
  ["ontmoeting", 30],
  ["samen-eten", 18],
  ["wandelen-bewegen", 12],
  ["creatief", 10],
  ["muziek-cultuur", 9],
  ["spel", 8],
  ["gesprek-lezing", 7],
  ["online", 2],
  ["anders", 4],
];

function weighted<T>(r: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries[entries.length - 1][0];
}

const postcode = (r: Random) =>
  `${r.int(1000, 9999)} ${String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25))}`.replace(/S[ADS]$|SS$/, "AB");

type EditionRow = typeof t.editions.$inferSelect;

// Per year: activities, share with an order, share of finished activities that reported, mean participants.
const VOLUMES: Record<number, { activities: number; orderShare: number; reportShare: number; meanParticipants: number }> = {
  2024: { activities: 760, orderShare: 0.925, reportShare: 0.78, meanParticipants: 92 },
  2025: { activities: 790, orderShare: 0.92, reportShare: 0.8, meanParticipants: 95 },
  2026: { activities: 840, orderShare: 0.9, reportShare: 0.62, meanParticipants: 97 },
  2027: { activities: 48, orderShare: 0.3, reportShare: 0, meanParticipants: 0 },
};

/**
 * Loads the demo data into a database that has no users yet (safe to run twice). `now` is the demo's
 * "today": what lies before it has happened (orders shipped, attendance reported).
 */
export function seedDemoData(db: AppDatabase, now: Date): { demo: boolean } {
  const [{ users }] = db.select({ users: count() }).from(t.users).all();
  if (users > 0) return { demo: false };
  insertDemoData(db, now);
  return { demo: true };
}

function insertDemoData(db: AppDatabase, now: Date) {
  const r = random(20100930);
  db.transaction((tx) => {
    const insertUser = (
      email: string,
      name: string,
      role: "organiser" | "programme_team" | "coordinator",
      municipalityCode?: string,
    ) => tx.insert(t.users).values({ email, name, role, municipalityCode }).returning({ id: t.users.id }).get().id;

    const demoOrganiserId = insertUser(DEMO_ORGANISER_EMAIL, "Demi Organisator", "organiser");
    const teamId = insertUser(DEMO_TEAM_EMAIL, "Pim Programmateam", "programme_team");
    insertUser(DEMO_COORDINATOR_EMAIL, "Gert Gemeente", "coordinator", "GM0344");

    const municipalityWeights = MUNICIPALITIES_2025.map((m) => [m, POPULATION_K[m[0]] ?? 25] as const);
    const organisers: {
      id: number;
      organisation: string;
      kind: string;
      municipality: (typeof MUNICIPALITIES_2025)[number];
      name: string;
    }[] = [];
    for (let i = 1; i <= 260; i++) {
      const municipality = weighted(r, municipalityWeights);
      const prefix = r.pick(ORG_PREFIXES);
      const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
      const id = insertUser(`organisator-${String(i).padStart(3, "0")}@example.org`, name, "organiser");
      organisers.push({ id, organisation: `${prefix} ${municipality[1]}`, kind: ORG_KINDS[prefix], municipality, name });
    }

    const editions = tx.select().from(t.editions).orderBy(t.editions.year).all();
    for (const edition of editions) {
      const volume = VOLUMES[edition.year];
      if (!volume) continue;
      // About a quarter of the municipalities organise nothing in a given year ("witte vlekken").
      const silent = new Set(MUNICIPALITIES_2025.filter(() => r.chance(0.24)).map((m) => m[0]));
      const active = organisers.filter((o) => !silent.has(o.municipality[0]));
      for (let n = 0; n < volume.activities; n++) {
        const owner =
          n < 3
            ? {
                ...organisers[0],
                id: demoOrganiserId,
                organisation: "Stichting Samen in de Wijk Utrecht",
                kind: "welzijn",
                municipality: MUNICIPALITIES_2025.find((m) => m[0] === "GM0344")!,
                name: "Demi Organisator",
              }
            : r.pick(active);
        seedActivity(tx as unknown as AppDatabase, r, edition, owner, volume, now, teamId, n);
      }
    }
    seedReviewExamples(tx as unknown as AppDatabase, demoOrganiserId, now);
  });
}

/**
 * Shows the review of issue 13 in the demo: one of the demo organiser's published 2027 activities has a
 * change waiting (title and description), and one pending activity was registered twice.
 */
function seedReviewExamples(db: AppDatabase, demoOrganiserId: number, now: Date) {
  const edition2027 = sql`(select id from editions where year = 2027)`;
  const published = db
    .select({ id: t.activities.id, title: t.activities.title, description: t.activities.description })
    .from(t.activities)
    .where(
      sql`${t.activities.ownerId} = ${demoOrganiserId} and ${t.activities.status} = 'published' and ${t.activities.editionId} = ${edition2027}`,
    )
    .orderBy(sql`${t.activities.id} desc`)
    .get();
  if (published)
    db.insert(t.activityRevisions)
      .values({
        activityId: published.id,
        // A partial snapshot is fine: only the reviewed columns it names are applied on approval.
        proposed: {
          title: `${published.title} – nu ook met soep`,
          description: `${published.description}\n\nNieuw: na afloop eten we samen een kom soep. Kijk op https://example.org/soep voor het recept.`,
        },
        submittedById: demoOrganiserId,
        submittedAt: new Date(now.getTime() - 3 * 3_600_000),
        updatedAt: new Date(now.getTime() - 3 * 3_600_000),
      })
      .run();
  const pending = db
    .select({ id: t.activities.id })
    .from(t.activities)
    .where(
      sql`${t.activities.status} = 'pending' and ${t.activities.ownerId} <> ${demoOrganiserId} and ${t.activities.editionId} = ${edition2027}`,
    )
    .orderBy(t.activities.id)
    .get();
  if (!pending) return;
  // The same activity sent twice, a day apart: the queue marks the pair and offers "samenvoegen".
  const copyId = db.get<{ id: number }>(sql`
    insert into activities (edition_id, owner_id, organisation_name, organisation_kind, title, description, type, starts_at, ends_at,
      is_online, online_url, venue_name, street, house_number, postcode, place, municipality_code, lat, lon, location_approximate,
      wheelchair_accessible, hearing_loop, quiet_space, transport, host_at_door, easy_dutch, languages, is_free, price_cents, sign_up_required, sign_up_info,
      max_participants, public_contact_name, public_contact_email, public_contact_phone, private_contact_name,
      private_contact_email, private_contact_phone, status, created_at)
    select edition_id, owner_id, organisation_name, organisation_kind, title || '!', description, type, starts_at, ends_at,
      is_online, online_url, venue_name, street, house_number, postcode, place, municipality_code, lat, lon, location_approximate,
      wheelchair_accessible, hearing_loop, quiet_space, transport, host_at_door, easy_dutch, languages, is_free, price_cents, sign_up_required, sign_up_info,
      max_participants, public_contact_name, public_contact_email, public_contact_phone, private_contact_name,
      private_contact_email, private_contact_phone, 'pending', created_at + 86400000
    from activities where id = ${pending.id}
    returning id`);
  db.run(sql`insert into activity_target_groups (activity_id, target_group)
    select ${copyId.id}, target_group from activity_target_groups where activity_id = ${pending.id}`);
  db.run(sql`insert into activity_sessions (activity_id, starts_at, ends_at)
    select ${copyId.id}, starts_at, ends_at from activity_sessions where activity_id = ${pending.id}`);
}

function seedActivity(
  db: AppDatabase,
  r: Random,
  edition: EditionRow,
  owner: { id: number; organisation: string; kind: string; municipality: (typeof MUNICIPALITIES_2025)[number]; name: string },
  volume: (typeof VOLUMES)[number],
  now: Date,
  teamId: number,
  n: number,
) {
  const [code, place, , lat, lon, minLat, minLon, maxLat, maxLon] = owner.municipality;
  const type = weighted(r, TYPE_WEIGHTS);
  const isOnline = type === "online";
  const day = addDays(edition.weekStart, r.int(0, 6));
  const startHour = r.int(9, 19);
  const startsAt = amsterdamToUtc(day, `${String(startHour).padStart(2, "0")}:${r.pick(["00", "30"])}`);
  const endsAt = new Date(startsAt.getTime() + r.int(3, 6) * 30 * 60_000);
  const createdAt = new Date(
    edition.registrationOpensAt.getTime() +
      r.next() * (Math.min(startsAt.getTime(), now.getTime()) - edition.registrationOpensAt.getTime()) * 0.9,
  );
  const upcoming = startsAt > now;
  const demoOwned = n < 3;
  const status = demoOwned
    ? n === 1 && upcoming
      ? "pending"
      : "published"
    : upcoming && r.chance(0.3)
      ? "pending"
      : r.chance(0.025)
        ? "cancelled"
        : "published";
  // Scatter around the centre, kept inside the municipality's bounding box.
  const spread = (centre: number, min: number, max: number) =>
    Math.min(max, Math.max(min, centre + (r.next() - 0.5) * (max - min) * 0.5));
  const free = r.chance(0.8);
  const signUp = r.chance(0.45);
  const first = n < 3 && edition.year === 2026 ? "Koffieochtend in de Wijk" : r.pick(TITLES[type]);
  const venue = r.pick(VENUES);
  const contactName = owner.name;

  // Issue 17's fields come from their own random stream, so the rest of the demo data stays as it was.
  const low = random(edition.year * 100_000 + n);
  const demoShowcase = n === 0;
  const continues = demoShowcase || low.chance(0.2);
  const lowThreshold = {
    hostAtDoor: demoShowcase || low.chance(0.5),
    easyDutch: low.chance(0.3),
    languages: low.chance(0.2) ? [low.pick(DEMO_LANGUAGES)] : [],
    showInterest: demoShowcase || low.chance(0.6),
    continuesAfterWeek: continues,
    continuesSchedule: continues
      ? low.pick(["Elke dinsdagochtend van 10 tot 12 uur", "Elke eerste zondag van de maand", "Om de week op donderdagmiddag"])
      : null,
    continuesContact: continues ? (low.chance(0.5) ? "Bel het buurthuis: 030-1234567" : "https://www.example.org/meedoen") : null,
  };

  const activity = db
    .insert(t.activities)
    .values({
      editionId: edition.id,
      ownerId: owner.id,
      organisationName: owner.organisation,
      organisationKind: owner.kind,
      title: `${first} ${isOnline ? "" : `in ${place}`}`.trim(),
      description: `${first}. Iedereen is welkom om even aan te schuiven, een kopje koffie of thee te drinken en anderen te ontmoeten. Je hoeft niets voor te bereiden. Kom gerust alleen: er is altijd iemand die je welkom heet.`,
      type,
      startsAt,
      endsAt,
      isOnline,
      onlineUrl: isOnline ? "https://meet.example.org/kom-erbij" : null,
      venueName: isOnline ? null : venue === "Bibliotheek" ? `Bibliotheek ${place}` : venue,
      street: isOnline ? null : r.pick(STREETS),
      houseNumber: isOnline ? null : String(r.int(1, 180)),
      postcode: isOnline ? null : postcode(r),
      place: isOnline ? null : place,
      municipalityCode: code,
      lat: isOnline ? null : spread(lat, minLat, maxLat),
      lon: isOnline ? null : spread(lon, minLon, maxLon),
      wheelchairAccessible: r.chance(0.7),
      hearingLoop: r.chance(0.2),
      quietSpace: r.chance(0.25),
      transport: r.chance(0.15) ? "pickup" : isOnline ? null : low.chance(0.3) ? "public_transport" : null,
      ...lowThreshold,
      isFree: free,
      priceCents: free ? null : r.pick([200, 300, 500, 750]),
      signUpRequired: signUp,
      signUpInfo: signUp ? "Meld je aan bij de balie of bel ons tijdens kantooruren." : null,
      maxParticipants: signUp ? r.pick([15, 20, 30, 40, 60]) : null,
      publicContactName: r.chance(0.7) ? `${owner.organisation}` : null,
      publicContactEmail: r.chance(0.6)
        ? `info@${owner.organisation
            .toLowerCase()
            .replace(/[^a-z]+/g, "-")
            .replace(/^-|-$/g, "")}.example.org`
        : null,
      publicContactPhone: r.chance(0.4) ? `0${r.int(10, 79)}-${r.int(1000000, 9999999)}` : null,
      privateContactName: contactName,
      privateContactEmail: `prive.${owner.id}@example.org`,
      privateContactPhone: `06-${r.int(10000000, 99999999)}`,
      status,
      moderatedAt: status === "pending" ? null : new Date(createdAt.getTime() + 86_400_000),
      moderatedById: status === "pending" ? null : teamId,
      cancelReason: status === "cancelled" ? "Helaas te weinig vrijwilligers beschikbaar." : null,
      cancelledAt: status === "cancelled" ? new Date(startsAt.getTime() - 3 * 86_400_000) : null,
      createdAt,
    })
    .returning({ id: t.activities.id })
    .get();

  const sessionIds = seedSessions(db, edition, activity.id, { startsAt, endsAt }, n);

  const groups = new Set<TargetGroup>([r.chance(0.55) ? "iedereen" : r.pick(Object.keys(TARGET_GROUPS) as TargetGroup[])]);
  if (r.chance(0.35)) groups.add(r.pick(Object.keys(TARGET_GROUPS) as TargetGroup[]));
  for (const targetGroup of groups) db.insert(t.activityTargetGroups).values({ activityId: activity.id, targetGroup }).run();

  // The demo organiser's activities stay without order/report so every flow can be tried.
  if (status === "published" && !demoOwned && r.chance(volume.orderShare)) {
    // Orders pile up towards the deadline: skew the moment towards the end of the window.
    const windowEnd = Math.min(edition.orderingClosesAt.getTime(), now.getTime());
    const orderedAt = new Date(
      Math.max(createdAt.getTime(), edition.orderingOpensAt.getTime()) +
        Math.sqrt(r.next()) * Math.max(0, windowEnd - Math.max(createdAt.getTime(), edition.orderingOpensAt.getTime())),
    );
    const shipped = edition.orderingClosesAt < now;
    db.insert(t.kitOrders)
      .values({
        reference: `KE${edition.year}-${String(activity.id).padStart(5, "0")}`,
        editionId: edition.id,
        activityId: activity.id,
        orderedById: owner.id,
        deliveryName: contactName,
        deliveryOrganisation: owner.organisation,
        street: r.pick(STREETS),
        houseNumber: String(r.int(1, 180)),
        postcode: postcode(r),
        place,
        expectedParticipants: r.int(15, 120),
        status: shipped ? "shipped" : "ordered",
        shippedOn: shipped ? addDays(edition.orderingClosesAt.toISOString().slice(0, 10), r.int(1, 10)) : null,
        createdAt: orderedAt,
      })
      .run();
  }

  // Anonymous "ik kom" presses (only hashes of fictional browser ids), for published activities, spread
  // over its sessions.
  if (status === "published") {
    const pressed = demoShowcase ? 14 : low.int(0, 25);
    for (let i = 0; i < pressed; i++)
      db.insert(t.activityInterest)
        .values({
          sessionId: sessionIds[i % sessionIds.length],
          browserKeyHash: hashBrowserKey(`demo-${activity.id}-${i}`),
          createdAt,
        })
        .run();
  }

  if (status === "published" && !demoOwned && endsAt < now && r.chance(volume.reportShare)) {
    const participants = Math.max(4, Math.round(volume.meanParticipants * (0.25 + 1.5 * r.next() * r.next() * 2)));
    const report = db
      .insert(t.attendanceReports)
      .values({
        activityId: activity.id,
        participants,
        volunteers: r.int(1, 12),
        firstTimers: r.chance(0.6) ? Math.round(participants * r.next() * 0.4) : null,
        remarks: r.chance(0.3) ? "Fijne sfeer, een aantal mensen spreekt opnieuw af." : null,
        newcomersReturned: continues ? low.pick(["yes", "yes", "no", "unknown"] as const) : null,
        reportedAt: new Date(endsAt.getTime() + r.int(1, 40) * 86_400_000),
        reportedById: owner.id,
      })
      .returning({ id: t.attendanceReports.id })
      .get();
    // Several sessions: the total split over them, as the per-session form would have stored it.
    if (sessionIds.length > 1)
      sessionIds.forEach((sessionId, i) => {
        const share = Math.floor(participants / sessionIds.length) + (i < participants % sessionIds.length ? 1 : 0);
        db.insert(t.attendanceSessionCounts).values({ reportId: report.id, sessionId, participants: share }).run();
      });
  }
}

/**
 * Every activity gets its sessions (issue 17): most one, some 2–5 on other days of the Week at the same
 * time; the demo organiser's first 2027 activity on five days, the third on two days.
 * From their own random stream, so the rest of the demo data stays as it was. Returns the session ids.
 */
function seedSessions(
  db: AppDatabase,
  edition: EditionRow,
  activityId: number,
  first: { startsAt: Date; endsAt: Date },
  n: number,
) {
  const rs = random(edition.year * 100_000 + n + 50_000_000);
  // The demo organiser's activities (n < 3) of the upcoming 2027 Week; their earlier years stay single (browser tests use them).
  const demoOwned = n < 3;
  const times = demoOwned ? (edition.year === 2027 && n !== 1 ? (n === 0 ? 5 : 2) : 1) : rs.chance(0.08) ? rs.int(2, 5) : 1;
  const firstDay = utcToAmsterdam(first.startsAt).date;
  const days = Array.from({ length: 7 }, (_, i) => addDays(edition.weekStart, i)).filter(
    (d) => d !== firstDay && d >= edition.activityWindowStart && d <= edition.activityWindowEnd,
  );
  const otherDays = (n === 2 ? days.filter((_, i) => i % 3 === 0) : days.sort(() => rs.next() - 0.5)).slice(0, times - 1);
  const shift = (d: string) => amsterdamToUtc(d, utcToAmsterdam(first.startsAt).time).getTime() - first.startsAt.getTime();
  const sessions = [
    first,
    ...otherDays.map((d) => ({
      startsAt: new Date(first.startsAt.getTime() + shift(d)),
      endsAt: new Date(first.endsAt.getTime() + shift(d)),
    })),
  ];
  sessions.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  const ids = sessions.map(
    (x) =>
      db
        .insert(t.activitySessions)
        .values({ activityId, ...x })
        .returning({ id: t.activitySessions.id })
        .get().id,
  );
  // activities.starts_at/ends_at are the first session (db/schema.ts).
  db.update(t.activities)
    .set(sessions[0])
    .where(sql`${t.activities.id} = ${activityId}`)
    .run();
  return ids;
}

/** Counts used by the seed CLI and tests to show what is in a database. */
export function describeDatabase(db: AppDatabase) {
  const one = (q: ReturnType<typeof sql>) => db.get<{ n: number }>(q).n;
  return {
    municipalities: one(sql`select count(*) as n from municipalities`),
    provinces: one(sql`select count(distinct province) as n from municipalities`),
    editions: one(sql`select count(*) as n from editions`),
    users: one(sql`select count(*) as n from users`),
    activities: one(sql`select count(*) as n from activities`),
    kitOrders: one(sql`select count(*) as n from kit_orders`),
    attendanceReports: one(sql`select count(*) as n from attendance_reports`),
    participants2024: one(
      sql`select coalesce(sum(participants), 0) as n from attendance_reports r join activities a on a.id = r.activity_id join editions e on e.id = a.edition_id where e.year = 2024`,
    ),
    orders2024: one(sql`select count(*) as n from kit_orders o join editions e on e.id = o.edition_id where e.year = 2024`),
  };
}
