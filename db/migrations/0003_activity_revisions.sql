CREATE TABLE `activity_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`proposed` text NOT NULL,
	`submitted_by_id` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`reviewed_by_id` integer,
	`reviewed_at` integer,
	`reason` text,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_revisions_one_pending` ON `activity_revisions` (`activity_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `activity_revisions_status` ON `activity_revisions` (`status`,`submitted_at`);