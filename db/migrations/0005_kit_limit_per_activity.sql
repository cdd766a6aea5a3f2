DROP INDEX `kit_orders_one_live_per_activity`;--> statement-breakpoint
CREATE INDEX `kit_orders_activity_status` ON `kit_orders` (`activity_id`,`status`);