CREATE TABLE `hub_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`body` text NOT NULL,
	`headers` text NOT NULL,
	`body_hash` text NOT NULL,
	`event_type` text,
	`hub_order_id` text,
	`hub_status` text,
	`outcome` text NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `hub_deliveries_hash_idx` ON `hub_deliveries` (`body_hash`);--> statement-breakpoint
CREATE INDEX `hub_deliveries_order_idx` ON `hub_deliveries` (`hub_order_id`,`id`);--> statement-breakpoint
CREATE TABLE `hub_orders` (
	`hub_order_id` text PRIMARY KEY NOT NULL,
	`order_id` text,
	`state` text NOT NULL,
	`hub_status` text NOT NULL,
	`provider_id` text NOT NULL,
	`provider_name` text NOT NULL,
	`number` text,
	`hub_daily_number` integer,
	`order_type` text NOT NULL,
	`asap` integer NOT NULL,
	`customer_name` text,
	`notes` text,
	`placed_at` integer,
	`pickup_at` integer,
	`scheduled_for` integer,
	`data` text NOT NULL,
	`prep_time_minutes` integer,
	`fire_at` integer,
	`decided_by` text,
	`decided_at` integer,
	`reject_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hub_orders_state_idx` ON `hub_orders` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `hub_orders_fire_idx` ON `hub_orders` (`state`,`fire_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `hub_orders_order_idx` ON `hub_orders` (`order_id`);