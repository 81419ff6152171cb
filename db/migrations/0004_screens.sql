CREATE TABLE `order_sightings` (
	`order_id` text PRIMARY KEY NOT NULL,
	`first_shown_at` integer NOT NULL,
	`screen_id` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `screens` (
	`id` text PRIMARY KEY NOT NULL,
	`station` text NOT NULL,
	`staff_name` text,
	`user_agent` text,
	`last_seq` integer NOT NULL,
	`showing` integer NOT NULL,
	`in_sync` integer,
	`last_seen_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `screens_seen_idx` ON `screens` (`last_seen_at`);