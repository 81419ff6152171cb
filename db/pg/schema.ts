import { sql } from 'drizzle-orm';
import { ORDER_STATUSES, type Attention } from '../types/orders';
import { bigint, boolean, index, integer, json, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

// The PostgreSQL twin of db/schema.ts: the same tables, columns and indexes, so both databases return the
// same rows. Times are bigint milliseconds since the epoch (numbers in JS); JSON columns are json (text kept as written: key order survives, unlike jsonb).
const ms = (name: string) => bigint(name, { mode: 'number' });
/** The event log's and other tables' growing ids (numbers in JS: 2^53 is far off). */
const serial = (name: string) => bigint(name, { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

export const apiClients = pgTable('api_clients', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: ms('created_at').notNull(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => apiClients.id),
    name: text('name').notNull(),
    /** SHA-256 hex of the plain key: the plain key is never stored. */
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, shown to managers to tell keys apart. */
    prefix: text('prefix').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    createdAt: ms('created_at').notNull(),
    lastUsedAt: ms('last_used_at'),
    revokedAt: ms('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_idx').on(t.keyHash)],
);

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    source: text('source', { enum: ['api', 'kitchenhub'] }).notNull(),
    clientId: text('client_id').references(() => apiClients.id),
    provider: text('provider'),
    customerId: text('customer_id'),
    customerName: text('customer_name'),
    orderType: text('order_type', { enum: ['pickup', 'delivery', 'dinein'] })
      .notNull()
      .default('pickup'),
    businessDate: text('business_date').notNull(),
    dailyNumber: integer('daily_number').notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    bread: text('bread'),
    peanutButter: text('peanut_butter'),
    jelly: text('jelly'),
    toast: text('toast'),
    cut: text('cut'),
    extras: json('extras').$type<string[]>(),
    /** KitchenHub items with options, kept exactly as received. */
    items: json('items').$type<unknown[]>(),
    notes: text('notes'),
    canceledBy: text('canceled_by', { enum: ['customer', 'kitchen', 'provider'] }),
    /** A change the kitchen must acknowledge (an edit, a cancel it did not make itself), or null. */
    attention: json('attention').$type<Attention>(),
    /** Marked rush by a manager or expo: first on the line and in the ETA. */
    rush: boolean('rush').notNull().default(false),
    /** For a multi-item (delivery-app) order: which items (by index in `items`) the kitchen has done. */
    itemsDone: json('items_done').$type<number[]>(),
    version: integer('version').notNull().default(1),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    /** When the order entered its current status (ETA and ticket timers). */
    statusAt: ms('status_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_daily_number_idx').on(t.businessDate, t.dailyNumber),
    index('orders_client_created_idx').on(t.clientId, t.createdAt, t.id),
    index('orders_status_idx').on(t.status, t.createdAt),
  ],
);

export const orderEvents = pgTable(
  'order_events',
  {
    seq: serial('seq'),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    type: text('type', { enum: ['created', 'status', 'edited', 'acknowledged', 'rushed', 'item'] }).notNull(),
    action: text('action'),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** Who did it: `api:<client>`, `staff:<id>`, `tracker`, `kitchenhub`, `system`. */
    actor: text('actor').notNull(),
    /** For edits: {field: {from, to}}. */
    changes: json('changes').$type<Record<string, { from: unknown; to: unknown }>>(),
    version: integer('version').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.seq)],
);

export const menuOptions = pgTable(
  'menu_options',
  {
    type: text('type', { enum: ['bread', 'peanut_butter', 'jelly', 'toast', 'cut', 'extras'] }).notNull(),
    option: text('option').notNull(),
    label: text('label').notNull(),
    inStock: boolean('in_stock').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.option] })],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => apiClients.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: text('response_body').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

export const rateLimits = pgTable('rate_limits', {
  bucket: text('bucket').primaryKey(),
  windowStart: ms('window_start').notNull(),
  count: integer('count').notNull(),
});

export const staff = pgTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['kitchen', 'manager'] }).notNull(),
  /** scrypt of the PIN with a per-member salt: `salt:hash`, both hex. */
  pinHash: text('pin_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ms('created_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 hex of the session token carried in the cookie. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: json('value').notNull(),
  updatedAt: ms('updated_at')
    .notNull()
    .default(sql`0`),
});

/** Every KitchenHub webhook delivery, stored raw before anything else happens to it. */
export const hubDeliveries = pgTable(
  'hub_deliveries',
  {
    id: serial('id'),
    receivedAt: ms('received_at').notNull(),
    body: text('body').notNull(),
    /** The headers that matter for audit (content type, signature present, user agent, event ids). */
    headers: json('headers').$type<Record<string, string>>().notNull(),
    bodyHash: text('body_hash').notNull(),
    eventType: text('event_type'),
    hubOrderId: text('hub_order_id'),
    hubStatus: text('hub_status'),
    /** applied | duplicate | stale | ignored | invalid | unauthorized */
    outcome: text('outcome').notNull(),
    error: text('error'),
    /** How it reached us: webhook | reconciliation (found by polling GET /v2/orders/) | replay | reread (after a 409). */
    source: text('source', { enum: ['webhook', 'reconciliation', 'replay', 'reread'] })
      .notNull()
      .default('webhook'),
  },
  (t) => [index('hub_deliveries_hash_idx').on(t.bodyHash), index('hub_deliveries_order_idx').on(t.hubOrderId, t.id)],
);

/**
 * Named leases shared by every instance: one holder at a time does a periodic job (polling
 * KitchenHub, refreshing its token, registering the webhook) until `until`, then anyone may take it.
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  until: ms('until').notNull(),
});

/**
 * A KitchenHub order as the manager sees it: pending until accepted (then a kitchen ticket, now or at
 * its firing time for scheduled orders) or rejected. `hub_order_id` is KitchenHub's id as exact text.
 */
export const hubOrders = pgTable(
  'hub_orders',
  {
    hubOrderId: text('hub_order_id').primaryKey(),
    orderId: text('order_id').references(() => orders.id),
    /** pending | scheduled | accepted | rejected | canceled | completed */
    state: text('state', { enum: ['pending', 'scheduled', 'accepted', 'rejected', 'canceled', 'completed'] }).notNull(),
    /** The highest KitchenHub status seen: new | scheduled | accepted | completed | canceled. */
    hubStatus: text('hub_status').notNull(),
    providerId: text('provider_id').notNull(),
    providerName: text('provider_name').notNull(),
    number: text('number'),
    hubDailyNumber: integer('hub_daily_number'),
    orderType: text('order_type', { enum: ['pickup', 'delivery', 'dinein'] }).notNull(),
    asap: boolean('asap').notNull(),
    customerName: text('customer_name'),
    notes: text('notes'),
    placedAt: ms('placed_at'),
    pickupAt: ms('pickup_at'),
    scheduledFor: ms('scheduled_for'),
    /** The latest Order object as received (big ids kept as text). */
    data: json('data').$type<Record<string, unknown>>().notNull(),
    prepTimeMinutes: integer('prep_time_minutes'),
    fireAt: ms('fire_at'),
    decidedBy: text('decided_by'),
    decidedAt: ms('decided_at'),
    rejectReason: text('reject_reason'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    index('hub_orders_state_idx').on(t.state, t.createdAt),
    index('hub_orders_fire_idx').on(t.state, t.fireAt),
    uniqueIndex('hub_orders_order_idx').on(t.orderId),
  ],
);

/**
 * Calls we owe KitchenHub (accept, reject, cancel, complete), written in the same transaction as the
 * decision that causes them and sent by a background worker with retries: nothing is lost across a
 * restart, and each call is made once per order (the unique index), however often it is caused.
 */
export const hubOutbox = pgTable(
  'hub_outbox',
  {
    id: serial('id'),
    hubOrderId: text('hub_order_id')
      .notNull()
      .references(() => hubOrders.hubOrderId),
    /** accept | reject | cancel | complete */
    action: text('action', { enum: ['accept', 'reject', 'cancel', 'complete'] }).notNull(),
    /** KitchenHub's request body (PUT /v2/orders/{id}/status/), e.g. {"status": "accept", "prep_time": 15}. */
    payload: json('payload').$type<Record<string, unknown>>().notNull(),
    /**
     * pending (to send, perhaps after a failure) | sent | failed (gave up; a manager may retry) |
     * conflict (409: re-read instead) | unsupported (the provider cannot take this call: not sent)
     */
    state: text('state', { enum: ['pending', 'sent', 'failed', 'conflict', 'unsupported'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    /** A worker's claim: until then no other worker (or instance) sends this call. */
    lockedUntil: ms('locked_until')
      .notNull()
      .default(sql`0`),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdBy: text('created_by').notNull(),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    sentAt: ms('sent_at'),
  },
  (t) => [
    uniqueIndex('hub_outbox_call_idx').on(t.hubOrderId, t.action),
    index('hub_outbox_due_idx').on(t.state, t.nextAttemptAt),
  ],
);

/**
 * Kitchen screens as their heartbeats describe them (design: no silent missing orders). A tablet
 * keeps its random id in localStorage; every heartbeat upserts its row.
 */
export const screens = pgTable(
  'screens',
  {
    id: text('id').primaryKey(),
    station: text('station').notNull(),
    staffName: text('staff_name'),
    userAgent: text('user_agent'),
    /** The last event sequence number the screen has applied. */
    lastSeq: integer('last_seq').notNull(),
    /** How many tickets it shows. */
    showing: integer('showing').notNull(),
    /** Whether its tickets matched the server's at the last heartbeat (null: events were in flight). */
    inSync: boolean('in_sync'),
    lastSeenAt: ms('last_seen_at').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('screens_seen_idx').on(t.lastSeenAt)],
);

/** When an order was first shown on any kitchen screen (reported by heartbeats). */
export const orderSightings = pgTable('order_sightings', {
  orderId: text('order_id')
    .primaryKey()
    .references(() => orders.id),
  firstShownAt: ms('first_shown_at').notNull(),
  screenId: text('screen_id').notNull(),
});
