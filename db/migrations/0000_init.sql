CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`organisation_name` text NOT NULL,
	`organisation_kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`type` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`is_online` integer DEFAULT false NOT NULL,
	`online_url` text,
	`venue_name` text,
	`street` text,
	`house_number` text,
	`postcode` text,
	`place` text,
	`municipality_code` text,
	`lat` real,
	`lon` real,
	`location_approximate` integer DEFAULT false NOT NULL,
	`wheelchair_accessible` integer DEFAULT false NOT NULL,
	`hearing_loop` integer DEFAULT false NOT NULL,
	`quiet_space` integer DEFAULT false NOT NULL,
	`transport_help` integer DEFAULT false NOT NULL,
	`is_free` integer DEFAULT true NOT NULL,
	`price_cents` integer,
	`sign_up_required` integer DEFAULT false NOT NULL,
	`sign_up_info` text,
	`max_participants` integer,
	`public_contact_name` text,
	`public_contact_email` text,
	`public_contact_phone` text,
	`private_contact_name` text NOT NULL,
	`private_contact_email` text NOT NULL,
	`private_contact_phone` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`moderation_reason` text,
	`moderated_at` integer,
	`moderated_by_id` integer,
	`cancel_reason` text,
	`cancelled_at` integer,
	`copied_from_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "activities_time_order" CHECK("activities"."starts_at" < "activities"."ends_at"),
	CONSTRAINT "activities_place" CHECK("activities"."is_online" = 1 OR "activities"."municipality_code" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `activities_edition_status` ON `activities` (`edition_id`,`status`);--> statement-breakpoint
CREATE INDEX `activities_owner` ON `activities` (`owner_id`,`edition_id`);--> statement-breakpoint
CREATE INDEX `activities_municipality` ON `activities` (`municipality_code`,`edition_id`);--> statement-breakpoint
CREATE TABLE `activity_target_groups` (
	`activity_id` integer NOT NULL,
	`target_group` text NOT NULL,
	PRIMARY KEY(`activity_id`, `target_group`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_target_groups_group` ON `activity_target_groups` (`target_group`,`activity_id`);--> statement-breakpoint
CREATE TABLE `attendance_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`participants` integer NOT NULL,
	`volunteers` integer DEFAULT 0 NOT NULL,
	`first_timers` integer,
	`remarks` text,
	`reported_at` integer NOT NULL,
	`reported_by_id` integer,
	`updated_at` integer,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_participants" CHECK("attendance_reports"."participants" >= 0),
	CONSTRAINT "attendance_volunteers" CHECK("attendance_reports"."volunteers" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_reports_activity_id_unique` ON `attendance_reports` (`activity_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`details` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`week_start` text NOT NULL,
	`week_end` text NOT NULL,
	`activity_window_start` text NOT NULL,
	`activity_window_end` text NOT NULL,
	`registration_opens_at` integer NOT NULL,
	`registration_closes_at` integer NOT NULL,
	`ordering_opens_at` integer NOT NULL,
	`ordering_closes_at` integer NOT NULL,
	`report_deadline` integer NOT NULL,
	`kit_stock` integer DEFAULT 0 NOT NULL,
	`kit_contents` text DEFAULT '[]' NOT NULL,
	`kit_limit_per_activity` integer DEFAULT 1 NOT NULL,
	`kit_limit_per_organisation` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	CONSTRAINT "editions_week_order" CHECK("editions"."week_start" <= "editions"."week_end"),
	CONSTRAINT "editions_window_order" CHECK("editions"."activity_window_start" <= "editions"."activity_window_end"),
	CONSTRAINT "editions_stock_positive" CHECK("editions"."kit_stock" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_year_unique` ON `editions` (`year`);--> statement-breakpoint
CREATE UNIQUE INDEX `editions_number_unique` ON `editions` (`number`);--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text,
	`template` text NOT NULL,
	`props` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text,
	`html` text,
	`text` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`provider_message_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_outbox_dedupe_key_unique` ON `email_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `email_outbox_due` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `kit_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`edition_id` integer NOT NULL,
	`activity_id` integer NOT NULL,
	`ordered_by_id` integer NOT NULL,
	`delivery_name` text NOT NULL,
	`delivery_organisation` text,
	`street` text NOT NULL,
	`house_number` text NOT NULL,
	`house_number_addition` text,
	`postcode` text NOT NULL,
	`place` text NOT NULL,
	`expected_participants` integer NOT NULL,
	`remarks` text,
	`status` text DEFAULT 'ordered' NOT NULL,
	`status_reason` text,
	`shipped_on` text,
	`submission_key` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "kit_orders_participants" CHECK("kit_orders"."expected_participants" BETWEEN 1 AND 100000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kit_orders_reference_unique` ON `kit_orders` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `kit_orders_submission_key_unique` ON `kit_orders` (`submission_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `kit_orders_one_live_per_activity` ON `kit_orders` (`activity_id`) WHERE status NOT IN ('cancelled', 'rejected');--> statement-breakpoint
CREATE INDEX `kit_orders_edition_status` ON `kit_orders` (`edition_id`,`status`);--> statement-breakpoint
CREATE TABLE `login_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`code_hash` text NOT NULL,
	`link_token_hash` text NOT NULL,
	`role` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`requested_from_ip` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `login_codes_link_token_hash_unique` ON `login_codes` (`link_token_hash`);--> statement-breakpoint
CREATE INDEX `login_codes_email` ON `login_codes` (`email`,`created_at`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`province` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`min_lat` real NOT NULL,
	`min_lon` real NOT NULL,
	`max_lat` real NOT NULL,
	`max_lon` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `municipalities_name` ON `municipalities` (`name`);--> statement-breakpoint
CREATE INDEX `municipalities_province` ON `municipalities` (`province`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`role` text DEFAULT 'organiser' NOT NULL,
	`municipality_code` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_login_at` integer,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role` ON `users` (`role`);