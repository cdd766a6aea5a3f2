CREATE TABLE `activity_interest` (
	`activity_id` integer NOT NULL,
	`browser_key_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`activity_id`, `browser_key_hash`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `activities` ADD `host_at_door` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `transport` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `easy_dutch` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `languages` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `show_interest` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `continues_after_week` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `continues_schedule` text;--> statement-breakpoint
ALTER TABLE `activities` ADD `continues_contact` text;--> statement-breakpoint
ALTER TABLE `attendance_reports` ADD `newcomers_returned` text;--> statement-breakpoint
-- Data: the old "hulp bij vervoer" flag becomes "we kunnen je ophalen".
UPDATE `activities` SET `transport` = 'pickup' WHERE `transport_help` = 1;--> statement-breakpoint
ALTER TABLE `activities` DROP COLUMN `transport_help`;
