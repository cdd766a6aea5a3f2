import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { KIT_ORDER_STATUS_VALUES } from "./kit-order-statuses";

// Instants are stored as UTC milliseconds; calendar dates of an edition as "YYYY-MM-DD"
// (a date in Europe/Amsterdam, not an instant).
const instant = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  instant("created_at")
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

export type KitItem = { item: string; quantity: number };

export const editions = sqliteTable(
  "editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    year: integer("year").notNull().unique(),
    number: integer("number").notNull().unique(),
    weekStart: text("week_start").notNull(),
    weekEnd: text("week_end").notNull(),
    activityWindowStart: text("activity_window_start").notNull(),
    activityWindowEnd: text("activity_window_end").notNull(),
    registrationOpensAt: instant("registration_opens_at").notNull(),
    registrationClosesAt: instant("registration_closes_at").notNull(),
    orderingOpensAt: instant("ordering_opens_at").notNull(),
    orderingClosesAt: instant("ordering_closes_at").notNull(),
    reportDeadline: instant("report_deadline").notNull(),
    kitStock: integer("kit_stock").notNull().default(0),
    kitContents: text("kit_contents", { mode: "json" }).$type<KitItem[]>().notNull().default([]),
    kitLimitPerActivity: integer("kit_limit_per_activity").notNull().default(1),
    kitLimitPerOrganisation: integer("kit_limit_per_organisation"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at"),
  },
  (t) => [
    check("editions_week_order", sql`${t.weekStart} <= ${t.weekEnd}`),
    check("editions_window_order", sql`${t.activityWindowStart} <= ${t.activityWindowEnd}`),
    check("editions_stock_positive", sql`${t.kitStock} >= 0`),
  ],
);

export const municipalities = sqliteTable(
  "municipalities",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    province: text("province").notNull(),
    lat: real("lat").notNull(),
    lon: real("lon").notNull(),
    minLat: real("min_lat").notNull(),
    minLon: real("min_lon").notNull(),
    maxLat: real("max_lat").notNull(),
    maxLon: real("max_lon").notNull(),
  },
  (t) => [index("municipalities_name").on(t.name), index("municipalities_province").on(t.province)],
);

// What a coordinator publishes about their municipality: the local contact residents can reach.
export const municipalityContacts = sqliteTable("municipality_contacts", {
  municipalityCode: text("municipality_code")
    .primaryKey()
    .references(() => municipalities.code),
  name: text("name").notNull(),
  email: text("email"),
  phone: text("phone"),
  website: text("website"),
  updatedAt: instant("updated_at").notNull(),
  updatedById: integer("updated_by_id").notNull(),
});

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull().unique(),
    name: text("name"),
    role: text("role", { enum: ["organiser", "programme_team", "coordinator"] })
      .notNull()
      .default("organiser"),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    // A coordinator may review (approve/reject) activities of their own municipality when the team allows it.
    canReview: flag("can_review"),
    createdAt: createdAt(),
    lastLoginAt: instant("last_login_at"),
  },
  (t) => [index("users_role").on(t.role)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_expires").on(t.expiresAt)],
);

// One-time login codes: only hashes are stored, so a database leak does not hand out logins.
export const loginCodes = sqliteTable(
  "login_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    codeHash: text("code_hash").notNull(),
    linkTokenHash: text("link_token_hash").notNull().unique(),
    role: text("role", { enum: ["organiser", "programme_team", "coordinator"] }),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    requestedFromIp: text("requested_from_ip"),
    createdAt: createdAt(),
  },
  (t) => [index("login_codes_email").on(t.email, t.createdAt)],
);

export const activities = sqliteTable(
  "activities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id),
    organisationName: text("organisation_name").notNull(),
    organisationKind: text("organisation_kind").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    type: text("type").notNull(),
    // The FIRST session (issue 17): activity_sessions is the source of truth for when. These two are a
    // copy of its earliest session, written only by app/models/activity.server.ts in the same transaction
    // as the sessions, so sorting, the window rules, kit-order deadlines and reports keep one date to use.
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    isOnline: flag("is_online"),
    onlineUrl: text("online_url"),
    venueName: text("venue_name"),
    street: text("street"),
    houseNumber: text("house_number"),
    postcode: text("postcode"),
    place: text("place"),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    lat: real("lat"),
    lon: real("lon"),
    locationApproximate: flag("location_approximate"),
    wheelchairAccessible: flag("wheelchair_accessible"),
    hearingLoop: flag("hearing_loop"),
    quietSpace: flag("quiet_space"),
    // Low threshold (issue 17; labels in app/models/activity-features.ts).
    hostAtDoor: flag("host_at_door"),
    transport: text("transport", { enum: ["pickup", "public_transport"] }),
    easyDutch: flag("easy_dutch"),
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default([]),
    // The organiser allows residents to see how many pressed "ik kom".
    showInterest: flag("show_interest"),
    continuesAfterWeek: flag("continues_after_week"),
    continuesSchedule: text("continues_schedule"),
    continuesContact: text("continues_contact"),
    isFree: integer("is_free", { mode: "boolean" }).notNull().default(true),
    priceCents: integer("price_cents"),
    signUpRequired: flag("sign_up_required"),
    signUpInfo: text("sign_up_info"),
    maxParticipants: integer("max_participants"),
    publicContactName: text("public_contact_name"),
    publicContactEmail: text("public_contact_email"),
    publicContactPhone: text("public_contact_phone"),
    privateContactName: text("private_contact_name").notNull(),
    privateContactEmail: text("private_contact_email").notNull(),
    privateContactPhone: text("private_contact_phone"),
    status: text("status", { enum: ["pending", "published", "rejected", "cancelled"] })
      .notNull()
      .default("pending"),
    moderationReason: text("moderation_reason"),
    moderatedAt: instant("moderated_at"),
    moderatedById: integer("moderated_by_id").references(() => users.id),
    cancelReason: text("cancel_reason"),
    cancelledAt: instant("cancelled_at"),
    copiedFromId: integer("copied_from_id"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at"),
  },
  (t) => [
    index("activities_edition_status").on(t.editionId, t.status),
    index("activities_owner").on(t.ownerId, t.editionId),
    index("activities_municipality").on(t.municipalityCode, t.editionId),
    check("activities_time_order", sql`${t.startsAt} < ${t.endsAt}`),
    check("activities_place", sql`${t.isOnline} = 1 OR ${t.municipalityCode} IS NOT NULL`),
  ],
);

// When an activity takes place: one row per date and time in the Week ("meerdere keren in de Week").
// activities.starts_at/ends_at mirror the earliest row (see there).
export const activitySessions = sqliteTable(
  "activity_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
  },
  (t) => [
    index("activity_sessions_activity").on(t.activityId, t.startsAt),
    index("activity_sessions_starts").on(t.startsAt),
    check("activity_sessions_time_order", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const activityTargetGroups = sqliteTable(
  "activity_target_groups",
  {
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    targetGroup: text("target_group").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.targetGroup] }),
    index("activity_target_groups_group").on(t.targetGroup, t.activityId),
  ],
);

// "Ik kom (waarschijnlijk)": anonymous, one per browser. Only a hash of the browser's random cookie
// id is kept; no IP address, no name, no time finer than the press.
export const activityInterest = sqliteTable(
  "activity_interest",
  {
    // One press per session of an activity (issue 17); the activity is the session's.
    sessionId: integer("session_id")
      .notNull()
      .references(() => activitySessions.id, { onDelete: "cascade" }),
    browserKeyHash: text("browser_key_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.browserKeyHash] })],
);

export const kitOrders = sqliteTable(
  "kit_orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    editionId: integer("edition_id")
      .notNull()
      .references(() => editions.id),
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id),
    orderedById: integer("ordered_by_id")
      .notNull()
      .references(() => users.id),
    deliveryName: text("delivery_name").notNull(),
    deliveryOrganisation: text("delivery_organisation"),
    street: text("street").notNull(),
    houseNumber: text("house_number").notNull(),
    houseNumberAddition: text("house_number_addition"),
    postcode: text("postcode").notNull(),
    place: text("place").notNull(),
    expectedParticipants: integer("expected_participants").notNull(),
    remarks: text("remarks"),
    status: text("status", { enum: KIT_ORDER_STATUS_VALUES }).notNull().default("ordered"),
    statusReason: text("status_reason"),
    shippedOn: text("shipped_on"),
    submissionKey: text("submission_key").unique(),
    createdAt: createdAt(),
    updatedAt: instant("updated_at"),
  },
  (t) => [
    // How many live orders an activity may have is the edition's setting (kit_limit_per_activity),
    // checked in the same IMMEDIATE transaction as the insert (app/models/kit-ordering.server.ts).
    index("kit_orders_activity_status").on(t.activityId, t.status),
    index("kit_orders_edition_status").on(t.editionId, t.status),
    check("kit_orders_participants", sql`${t.expectedParticipants} BETWEEN 1 AND 100000`),
  ],
);

export const attendanceReports = sqliteTable(
  "attendance_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    activityId: integer("activity_id")
      .notNull()
      .unique()
      .references(() => activities.id),
    participants: integer("participants").notNull(),
    volunteers: integer("volunteers").notNull().default(0),
    firstTimers: integer("first_timers"),
    // Did people who were new come back afterwards? (issue 17: contact that lasts after the Week)
    newcomersReturned: text("newcomers_returned", { enum: ["yes", "no", "unknown"] }),
    remarks: text("remarks"),
    reportedAt: instant("reported_at").notNull(),
    reportedById: integer("reported_by_id").references(() => users.id),
    updatedAt: instant("updated_at"),
  },
  (t) => [
    check("attendance_participants", sql`${t.participants} >= 0`),
    check("attendance_volunteers", sql`${t.volunteers} >= 0`),
  ],
);

// Attendance per session of an activity with several sessions; attendance_reports.participants is their sum.
export const attendanceSessionCounts = sqliteTable(
  "attendance_session_counts",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => attendanceReports.id, { onDelete: "cascade" }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => activitySessions.id, { onDelete: "cascade" }),
    participants: integer("participants").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.sessionId] }),
    check("attendance_session_participants", sql`${t.participants} >= 0`),
  ],
);

// Every e-mail is written here in the same transaction as the change that causes it;
// a background sender delivers it. dedupe_key makes "send this once" a database rule.
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dedupeKey: text("dedupe_key").unique(),
    template: text("template").notNull(),
    props: text("props", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** 0: someone is waiting for it (login code, team invite), sent alone and first; 1: confirmations; 2: bulk (attendance). */
    priority: integer("priority").notNull().default(1),
    /** The Resend batch (and its idempotency key) this message went out in; kept, so a retry sends the same batch. */
    batchKey: text("batch_key"),
    nextAttemptAt: instant("next_attempt_at").notNull(),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: createdAt(),
    sentAt: instant("sent_at"),
  },
  (t) => [
    // The sender's claim: equality on status and priority, range and order on next_attempt_at (then id, the rowid).
    index("email_outbox_claim").on(t.status, t.priority, t.nextAttemptAt),
    index("email_outbox_batch").on(t.batchKey),
    // The background renderer's queue: messages not rendered yet, urgent first.
    index("email_outbox_unrendered")
      .on(t.priority, t.id)
      .where(sql`subject IS NULL`),
    // The renderer's "how far ahead am I": rendered messages still waiting (at most a few hundred), counted
    // without walking a queue of 200,000 unrendered ones.
    index("email_outbox_ready")
      .on(t.id)
      .where(sql`status = 'pending' AND subject IS NOT NULL`),
  ],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_entity").on(t.entityType, t.entityId), index("audit_log_at").on(t.at)],
);

// A change to a published activity that the public would see waits here for review; the public keeps
// the approved row in `activities` until it is approved. `proposed` is a JSON snapshot of the
// reviewed columns (see REVIEWED_FIELDS in app/models/activity.ts), so a new column needs no
// migration here. At most one pending revision per activity: a second edit updates it.
export const activityRevisions = sqliteTable(
  "activity_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    activityId: integer("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "approved", "rejected", "withdrawn"] })
      .notNull()
      .default("pending"),
    proposed: text("proposed", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    submittedById: integer("submitted_by_id")
      .notNull()
      .references(() => users.id),
    submittedAt: instant("submitted_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    reviewedById: integer("reviewed_by_id").references(() => users.id),
    reviewedAt: instant("reviewed_at"),
    reason: text("reason"),
  },
  (t) => [
    uniqueIndex("activity_revisions_one_pending")
      .on(t.activityId)
      .where(sql`status = 'pending'`),
    index("activity_revisions_status").on(t.status, t.submittedAt),
  ],
);
