CREATE TABLE `hub_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hub_order_id` text NOT NULL,
	`action` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer DEFAULT 0 NOT NULL,
	`last_status` integer,
	`last_error` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`hub_order_id`) REFERENCES `hub_orders`(`hub_order_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hub_outbox_call_idx` ON `hub_outbox` (`hub_order_id`,`action`);--> statement-breakpoint
CREATE INDEX `hub_outbox_due_idx` ON `hub_outbox` (`state`,`next_attempt_at`);