CREATE TABLE "api_clients" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"mode" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "hub_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hub_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"received_at" bigint NOT NULL,
	"body" text NOT NULL,
	"headers" json NOT NULL,
	"body_hash" text NOT NULL,
	"event_type" text,
	"hub_order_id" text,
	"hub_status" text,
	"outcome" text NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "hub_orders" (
	"hub_order_id" text PRIMARY KEY NOT NULL,
	"order_id" text,
	"state" text NOT NULL,
	"hub_status" text NOT NULL,
	"provider_id" text NOT NULL,
	"provider_name" text NOT NULL,
	"number" text,
	"hub_daily_number" integer,
	"order_type" text NOT NULL,
	"asap" boolean NOT NULL,
	"customer_name" text,
	"notes" text,
	"placed_at" bigint,
	"pickup_at" bigint,
	"scheduled_for" bigint,
	"data" json NOT NULL,
	"prep_time_minutes" integer,
	"fire_at" bigint,
	"decided_by" text,
	"decided_at" bigint,
	"reject_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hub_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"hub_order_id" text NOT NULL,
	"action" text NOT NULL,
	"payload" json NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"locked_until" bigint DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"created_by" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "menu_options" (
	"type" text NOT NULL,
	"option" text NOT NULL,
	"label" text NOT NULL,
	"in_stock" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "menu_options_type_option_pk" PRIMARY KEY("type","option")
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "order_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" text NOT NULL,
	"type" text NOT NULL,
	"action" text,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"changes" json,
	"version" integer NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_sightings" (
	"order_id" text PRIMARY KEY NOT NULL,
	"first_shown_at" bigint NOT NULL,
	"screen_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"client_id" text,
	"provider" text,
	"customer_id" text,
	"customer_name" text,
	"order_type" text DEFAULT 'pickup' NOT NULL,
	"business_date" text NOT NULL,
	"daily_number" integer NOT NULL,
	"status" text NOT NULL,
	"bread" text,
	"peanut_butter" text,
	"jelly" text,
	"toast" text,
	"cut" text,
	"extras" json,
	"items" json,
	"notes" text,
	"canceled_by" text,
	"attention" json,
	"rush" boolean DEFAULT false NOT NULL,
	"items_done" json,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"status_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text PRIMARY KEY NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screens" (
	"id" text PRIMARY KEY NOT NULL,
	"station" text NOT NULL,
	"staff_name" text,
	"user_agent" text,
	"last_seq" integer NOT NULL,
	"showing" integer NOT NULL,
	"in_sync" boolean,
	"last_seen_at" bigint NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" json NOT NULL,
	"updated_at" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"pin_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_orders" ADD CONSTRAINT "hub_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_outbox" ADD CONSTRAINT "hub_outbox_hub_order_id_hub_orders_hub_order_id_fk" FOREIGN KEY ("hub_order_id") REFERENCES "public"."hub_orders"("hub_order_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_sightings" ADD CONSTRAINT "order_sightings_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_idx" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "hub_deliveries_hash_idx" ON "hub_deliveries" USING btree ("body_hash");--> statement-breakpoint
CREATE INDEX "hub_deliveries_order_idx" ON "hub_deliveries" USING btree ("hub_order_id","id");--> statement-breakpoint
CREATE INDEX "hub_orders_state_idx" ON "hub_orders" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "hub_orders_fire_idx" ON "hub_orders" USING btree ("state","fire_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_orders_order_idx" ON "hub_orders" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_outbox_call_idx" ON "hub_outbox" USING btree ("hub_order_id","action");--> statement-breakpoint
CREATE INDEX "hub_outbox_due_idx" ON "hub_outbox" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "idempotency_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_daily_number_idx" ON "orders" USING btree ("business_date","daily_number");--> statement-breakpoint
CREATE INDEX "orders_client_created_idx" ON "orders" USING btree ("client_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "screens_seen_idx" ON "screens" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "sessions_staff_idx" ON "sessions" USING btree ("staff_id");