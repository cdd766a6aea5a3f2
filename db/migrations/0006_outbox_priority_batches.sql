DROP INDEX `email_outbox_due`;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `priority` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `batch_key` text;--> statement-breakpoint
CREATE INDEX `email_outbox_claim` ON `email_outbox` (`status`,`priority`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_batch` ON `email_outbox` (`batch_key`);--> statement-breakpoint
CREATE INDEX `email_outbox_unrendered` ON `email_outbox` (`priority`,`id`) WHERE subject IS NULL;--> statement-breakpoint
-- Messages already queued: login codes and team invites are the ones someone is waiting for (0);
-- attendance requests and reminders are the scheduler's bulk mail (2); the rest stays 1.
UPDATE `email_outbox` SET `priority` = 0 WHERE `template` IN ('login-code', 'team-invite');--> statement-breakpoint
UPDATE `email_outbox` SET `priority` = 2 WHERE `template` IN ('attendance-request', 'attendance-reminder');
