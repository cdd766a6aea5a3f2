CREATE TABLE `activity_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "activity_sessions_time_order" CHECK("activity_sessions"."starts_at" < "activity_sessions"."ends_at")
);
--> statement-breakpoint
CREATE INDEX `activity_sessions_activity` ON `activity_sessions` (`activity_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `activity_sessions_starts` ON `activity_sessions` (`starts_at`);--> statement-breakpoint
CREATE TABLE `attendance_session_counts` (
	`report_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`participants` integer NOT NULL,
	PRIMARY KEY(`report_id`, `session_id`),
	FOREIGN KEY (`report_id`) REFERENCES `attendance_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `activity_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "attendance_session_participants" CHECK("attendance_session_counts"."participants" >= 0)
);
--> statement-breakpoint
-- Every existing activity keeps its date: its one session is its starts_at/ends_at.
INSERT INTO `activity_sessions` (`activity_id`, `starts_at`, `ends_at`) SELECT `id`, `starts_at`, `ends_at` FROM `activities` ORDER BY `id`;
