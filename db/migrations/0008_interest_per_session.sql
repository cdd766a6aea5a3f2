PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_activity_interest` (
	`session_id` integer NOT NULL,
	`browser_key_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`session_id`, `browser_key_hash`),
	FOREIGN KEY (`session_id`) REFERENCES `activity_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- An activity written outside the model may have no session row yet: give it its own dates as one,
-- so none of its presses is lost.
INSERT INTO `activity_sessions` (`activity_id`, `starts_at`, `ends_at`) SELECT a.`id`, a.`starts_at`, a.`ends_at` FROM `activities` a
	WHERE EXISTS (SELECT 1 FROM `activity_interest` i WHERE i.`activity_id` = a.`id`)
	AND NOT EXISTS (SELECT 1 FROM `activity_sessions` s WHERE s.`activity_id` = a.`id`);--> statement-breakpoint
-- Every existing press counts for its activity's first session.
INSERT INTO `__new_activity_interest`("session_id", "browser_key_hash", "created_at") SELECT
	(SELECT s.`id` FROM `activity_sessions` s WHERE s.`activity_id` = i.`activity_id` ORDER BY s.`starts_at`, s.`id` LIMIT 1),
	i.`browser_key_hash`, i.`created_at` FROM `activity_interest` i;--> statement-breakpoint
DROP TABLE `activity_interest`;--> statement-breakpoint
ALTER TABLE `__new_activity_interest` RENAME TO `activity_interest`;--> statement-breakpoint
PRAGMA foreign_keys=ON;