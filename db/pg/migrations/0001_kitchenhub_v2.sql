CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub_deliveries" ADD COLUMN "source" text DEFAULT 'webhook' NOT NULL;