// A fake KitchenHub that speaks exactly KitchenHub's public API v2 (lib/kitchenhub/api/openapi-v2.json)
// and nothing else: any other path or method is 404, every request is checked against the spec (422
// when it does not conform) and every answer of ours too (one that does not conform is a bug in the
// fake: recorded in `violations`, answered 500 so a test notices). Behind the spec it applies the
// rules KitchenHub documents: a token pair whose access token expires (refresh gives only a new access
// token), 409 when an order has moved on, 403 for an account that is not the main one, 501 when the
// order's provider lacks the capability, and webhooks to the configs registered through /v2/webhooks/
// carrying their authorization_headers. Tests drive KitchenHub's own side in-process (createOrder,
// setStatus, failNext, expireAccessTokens...).
// It is a Web-standard handler, so it runs two ways: over node:http (scripts/fake-kitchenhub.ts,
// which tests use) and, with demo data or KITCHENHUB_SANDBOX on, mounted in the app as the sandbox
// (sandbox/kitchenhub/sandbox.ts guards it and bounds its records through `maxRecords`).
import { randomBytes, randomUUID } from 'node:crypto';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import spec from '@/lib/kitchenhub/api/openapi-v2.json';
import type { components } from '@/lib/kitchenhub/api/schema';
import {
  hubTime,
  sampleHubOrder,
  SAMPLE_PROVIDERS,
  SAMPLE_STORE_ID,
  toHubJson,
  webhookEnvelope,
  type HubOrderJson,
  type HubOrderStatus,
  type SampleOptions,
} from './sample';

export type { HubOrderJson, HubOrderStatus, SampleOptions } from './sample';

type Schemas = components['schemas'];
type WebhookConfig = Schemas['ClientWebhookConfigDTO'];
type ProviderInfo = Schemas['ProviderGeneralInfoSerializer'];
type IntegrationAccount = Schemas['GetProviderAccountRetrieveResponseSerializer'];
type OnlineStatusAnswer = Schemas['StoreOnlineStatusResponseSerializer'];

export type FakeHubOptions = {
  clientId: string;
  clientSecret: string;
  /** Access token lifetime (default 60). Token answers give lifetimes in whole minutes, rounded up. */
  accessTtlMinutes?: number;
  /** Refresh token lifetime (default 1440). */
  refreshTtlMinutes?: number;
  /**
   * Answer every API call this many milliseconds late (a hanging KitchenHub). A caller that gave up
   * meanwhile (its request's signal aborted) is dropped unhandled, as a proxy drops a closed
   * connection: counted in `dropped`, answered 499 to nobody, not recorded in `calls`.
   */
  delayMs?: number;
  /** Send an OrderUpdated webhook after each status change made through the API (default true). */
  notify?: boolean;
  /**
   * A status PUT or GET on an order the fake does not know creates it (status new) instead of 404:
   * the demo's sandbox, where a manager may also post the seed's example to the webhook by hand.
   */
  adoptUnknownOrders?: boolean;
  /** GET /v2/orders/ page size (default 50; KitchenHub does not document its own). */
  pageSize?: number;
  /**
   * Keep at most this many of each kind of record (orders, recorded calls, sent webhooks, tokens,
   * webhook configs), dropping the oldest: the demo's sandbox, which anyone on the internet may
   * reach, must not grow without bound. Unset (the tests' fake), everything is kept.
   */
  maxRecords?: number;
};

export type RecordedCall = {
  at: number;
  method: string;
  path: string;
  /** The spec operation it matched, e.g. 'PUT /v2/orders/{order_id}/status/'; null for a 404. */
  operation: string | null;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  authorized: boolean;
  body: unknown;
  status: number;
};
export type SentWebhook = {
  at: number;
  webhookId: string;
  url: string;
  hubOrderId: string;
  status: string;
  httpStatus: number | null;
  error: string | null;
};
export type Failure = {
  status: number;
  times: number;
  /** a substring of the path */ path?: string;
  method?: string;
  message?: string;
};
export type OnlineStatus = {
  online: 'online' | 'offline';
  offline_reason?: string;
  pausedUntil: number | null;
  pauseDuration: number | null;
};
export type Capability =
  'accept_order' | 'cancel_order' | 'complete_order' | 'get_online_status' | 'update_online_status';

// ---------------------------------------------------------------------------------------------
// The spec, loaded once per process

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
type SpecOperation = { operationId?: string; security?: Record<string, string[]>[] };
type SpecDocument = {
  security?: Record<string, string[]>[];
  paths: Record<string, Partial<Record<(typeof METHODS)[number], SpecOperation>>>;
};

const API_KEY = Symbol.for('kds.fakehub.api');
const holder = globalThis as unknown as { [API_KEY]?: Promise<OpenAPIBackend> };

/** openapi-backend over the spec: one per process, on globalThis (Next bundles this module several times). */
function specApi(): Promise<OpenAPIBackend> {
  return (holder[API_KEY] ??= buildSpecApi().catch((err: unknown) => {
    delete holder[API_KEY]; // let the next call try again rather than fail for ever
    throw err;
  }));
}

// The spec declares these formats; Ajv knows none of them by itself (without them it warns and skips them).
const FORMATS: Record<string, (s: string) => boolean> = {
  'date-time': (s) =>
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)),
  time: (s) => /^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/.test(s),
};

async function buildSpecApi(): Promise<OpenAPIBackend> {
  // The JSON module's inferred type is not openapi-types' Document (e.g. `type` is string, not a union).
  const definition = structuredClone(spec) as unknown as SpecDocument;
  // The spec has no operationIds, and openapi-backend keys its validators by them: name each operation
  // "METHOD /path" (the handler table's keys), in this copy only.
  for (const [path, item] of Object.entries(definition.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) op.operationId = `${method.toUpperCase()} ${path}`;
    }
  }
  const api = new OpenAPIBackend({
    definition: definition as unknown as Document,
    validate: true,
    // quick: validators compile on first use (the full set takes ~2 s), and the document is not checked
    // against the OpenAPI meta-schema, which it fails on one point: OrderDetailSerializer has a title beside its $ref.
    quick: true,
    // Every path in the spec but one ends in a slash; a client that drops it is calling another path.
    ignoreTrailingSlashes: false,
    customizeAjv: (ajv) => {
      for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
      return ajv;
    },
  });
  await api.init();
  return api;
}

/** Whether an operation needs the bearer token: its own `security`, else the document's. */
function needsToken(op: Operation): boolean {
  const security = (op as SpecOperation).security ?? (spec as unknown as SpecDocument).security ?? [];
  return security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0);
}

/** What the spec declares for one status of an operation: its description and whether it has a body. */
function declaredResponse(op: Operation, status: number): { description: string; content: boolean } | null {
  const r = op.responses?.[String(status)] ?? op.responses?.default;
  if (!r || '$ref' in r) return null;
  return { description: r.description.trim(), content: Object.keys(r.content ?? {}).length > 0 };
}

type AjvError = { instancePath: string; message?: string; params?: Record<string, unknown> };
/** "body.version must be integer": Ajv's errors, with openapi-backend's wrapper names made readable. */
const describeErrors = (errors: readonly AjvError[] | null | undefined, whole: 'request' | 'body') =>
  (errors ?? [])
    .map((e) => {
      const where = e.instancePath
        .replace(/^\/requestBody/, '/body')
        .replace(/^\//, '')
        .replaceAll('/', '.');
      const extra = e.params?.additionalProperty; // Ajv's message does not name it
      return `${where || whole} ${e.message ?? 'is invalid'}${typeof extra === 'string' ? ` (${extra})` : ''}`;
    })
    .join('; ');

// ---------------------------------------------------------------------------------------------
// Answers

/** An answer before it is checked against the spec: a JSON value, or JSON text (orders, whose ids are bare numbers). */
type Reply = { status: number; body?: unknown; text?: string; injected?: boolean };

const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_error',
  424: 'provider_error',
  429: 'too_many_requests',
  500: 'internal_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'gateway_timeout',
};
const ok = (body: unknown, status = 200): Reply => ({ status, body });
const fail = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { error: ERROR_CODES[status] ?? 'error', message, ...extra },
});
const jsonResponse = (text: string, status: number) =>
  new Response(text, { status, headers: { 'Content-Type': 'application/json' } });

const token = () => randomBytes(24).toString('base64url');
/** A KitchenHub-like order id: 17 digits, beyond 2^53, kept as a string. */
const newOrderId = () => `9007199${String(randomBytes(6).readUIntBE(0, 6) % 1e10).padStart(10, '0')}`;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy without null-valued fields, at any depth: the spec has no nullable, real payloads have nulls. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  return value;
}

/** An order as the API answers it: nulls stripped, its id a bare JSON number. */
const orderText = (order: HubOrderJson) => toHubJson(withoutNulls(order), order.order.id);

/** `2022-03-30T16:12:33` (UTC), the documented list filter format; a fraction and a Z are tolerated. */
function parseFilterDate(s: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,6})?Z?$/.exec(s);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}Z`);
  // Date.parse rolls 2022-02-30 over to March 2: refuse a date that does not come back the same.
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== m[1] ? null : ms;
}

const createdAt = (o: HubOrderJson) => {
  const t = o.timestamps as Record<string, unknown> | undefined;
  const ms = Date.parse(String(t?.created_at ?? t?.placed_at ?? ''));
  return Number.isNaN(ms) ? 0 : ms;
};

/** FastAPI-style booleans, as KitchenHub's `is_connected=true` is parsed. */
function queryBoolean(v: string): boolean | null {
  const s = v.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  return null;
}

// What each status change sent through PUT /v2/orders/{id}/status/ does.
const ACTIONS = {
  accept: { from: ['new', 'scheduled'], to: 'accepted', stamp: 'accepted_at', capability: 'accept_order' },
  cancel: {
    from: ['new', 'scheduled', 'accepted'],
    to: 'cancelled',
    stamp: 'cancelled_at',
    capability: 'cancel_order',
  },
  complete: { from: ['accepted'], to: 'completed', stamp: 'completed_at', capability: 'complete_order' },
} as const satisfies Record<
  string,
  { from: readonly HubOrderStatus[]; to: HubOrderStatus; stamp: string; capability: Capability }
>;
type Action = keyof typeof ACTIONS;
const isAction = (s: string): s is Action => Object.hasOwn(ACTIONS, s);

const STAMPS: Partial<Record<string, string>> = {
  accepted: 'accepted_at',
  cancelled: 'cancelled_at',
  completed: 'completed_at',
};
/** The list filter's spelling of KitchenHub's stored statuses (order_status=canceled finds "cancelled"). */
const LIST_STATUSES: Record<string, HubOrderStatus> = {
  new: 'new',
  accepted: 'accepted',
  canceled: 'cancelled',
  completed: 'completed',
};
/** GET /v2/orders/ documents these as repeatable (store_id=a&store_id=b), though the spec types them string. */
const REPEATABLE = new Set(['store_id', 'location_id', 'partner_store_id', 'partner_location_id']);
const WEBHOOK_FILTERS = new Set(['order_status', 'order_type', 'order_delivery_type']);

const supported = (is_supported: boolean, description?: string) =>
  description ? { is_supported, description } : { is_supported };

/** A provider with every capability supported (every member the schema requires, filled). */
function fullProvider(provider_id: string, provider_name: string): ProviderInfo {
  return {
    provider_id,
    provider_name,
    provider_capabilities: {
      menu: {
        pull_menu: supported(true),
        update_menu: supported(true),
        update_menu_elements_status: supported(true),
        required_for_connection: false,
        price_customization: { price: true, original_price: true },
      },
      order: { accept_order: supported(true), cancel_order: supported(true), complete_order: supported(true) },
      working_hours: {
        get_working_hours: supported(true),
        update_working_hours: supported(true),
        supported_overrides: ['DELIVERY', 'PICKUP'],
      },
      online_status: { get_online_status: supported(true), update_online_status: supported(true) },
      closing_days: { get_closing_days: supported(true), update_closing_days: supported(true) },
    },
    pos_capabilities: {
      catalog: { mapping_catalog: supported(true), pull_catalog: supported(true), allow_full_menu_update: true },
    },
    delivery_capabilities: {},
  };
}

const defaultProviders = (): ProviderInfo[] => [
  fullProvider('grubhub', 'Grubhub'),
  fullProvider('doordash', 'DoorDash'),
  fullProvider('ubereats', 'Uber Eats'),
];

const defaultAccounts = (now: number): IntegrationAccount[] =>
  SAMPLE_PROVIDERS.map((p) => ({
    integration_account_id: `ia-${p.id}`,
    store_id: SAMPLE_STORE_ID,
    provider_id: p.id,
    connection: 'connected',
    is_main_account: true,
    account_type: 'provider',
    integration_store_id: p.merchantId,
    created_at: hubTime(now),
    updated_at: hubTime(now),
  }));

type Ctx = { params: Record<string, string>; query: Record<string, string | string[]>; body: unknown };
type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

// ---------------------------------------------------------------------------------------------

export class FakeKitchenHub {
  readonly orders = new Map<string, HubOrderJson>();
  readonly calls: RecordedCall[] = [];
  readonly sentWebhooks: SentWebhook[] = [];
  /** Webhook configs registered through POST /v2/webhooks/ (kept by reset(): the fake's lifetime). */
  readonly webhooks = new Map<string, WebhookConfig>();
  /** Answers of ours that broke the spec (each also answered 500). A test expects this empty. */
  readonly violations: string[] = [];
  readonly onlineStatus = new Map<string, OnlineStatus>();
  providers: ProviderInfo[] = defaultProviders();
  integrationAccounts: IntegrationAccount[] = defaultAccounts(Date.now());
  /** False: the calling account is not the main one, so order status changes answer 403. */
  mainAccount = true;
  /** True: the company is blocked (token grants and calls answer 403). */
  blocked = false;
  failures: Failure[] = [];
  tokenGrants = 0;
  refreshes = 0;
  /** Calls whose caller gave up while `delayMs` held them: never handled. */
  dropped = 0;
  /** Calls being held by `delayMs` right now. */
  inFlight = 0;
  private accessTokens = new Map<string, number>();
  private refreshTokens = new Map<string, number>();
  private pending = new Set<Promise<unknown>>();

  constructor(private options: FakeHubOptions) {
    void specApi().catch(() => undefined); // start loading the spec now; handle() reports a failure
  }

  /** Forgets orders, calls, tokens, failures and settings; registered webhook configs stay. */
  reset(): void {
    this.orders.clear();
    this.calls.length = 0;
    this.sentWebhooks.length = 0;
    this.violations.length = 0;
    this.onlineStatus.clear();
    this.providers = defaultProviders();
    this.integrationAccounts = defaultAccounts(Date.now());
    this.mainAccount = true;
    this.blocked = false;
    this.failures = [];
    this.tokenGrants = 0;
    this.refreshes = 0;
    this.dropped = 0;
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  configure(patch: Partial<FakeHubOptions>): void {
    this.options = { ...this.options, ...patch };
  }

  /** Makes the next `times` calls (to paths containing `path`, with `method`, if given) answer `status`. */
  failNext(f: Failure): void {
    this.failures.push({ ...f });
  }

  /** Every access token issued so far stops working (401), as if it had expired; refresh tokens still work. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Every refresh token issued so far stops working (400 on refresh); a new pair is needed. */
  expireRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  /** Turns one capability of a provider on or off (GET /v2/providers/ shows it; calls needing it are refused). */
  setCapability(providerId: string, capability: Capability, isSupported: boolean): void {
    const caps = this.providers.find((p) => p.provider_id === providerId)?.provider_capabilities;
    if (!caps) throw new Error(`the fake knows no provider ${providerId}`);
    if (capability === 'get_online_status' || capability === 'update_online_status')
      caps.online_status[capability] = supported(isSupported);
    else caps.order[capability] = supported(isSupported);
  }

  /** With `maxRecords`: drops the oldest of each kind of record beyond it (Maps keep insertion order). */
  private trim(): void {
    const max = this.options.maxRecords;
    if (max === undefined) return;
    for (const list of [this.calls, this.sentWebhooks, this.violations])
      if (list.length > max) list.splice(0, list.length - max);
    for (const map of [this.orders, this.accessTokens, this.refreshTokens, this.webhooks] as Map<string, unknown>[]) {
      for (const key of map.keys()) {
        if (map.size <= max) break;
        map.delete(key);
      }
    }
  }

  /** How many records the fake holds now, of every kind (what `maxRecords` bounds). */
  recordCounts(): Record<
    'orders' | 'calls' | 'sentWebhooks' | 'violations' | 'accessTokens' | 'refreshTokens' | 'webhooks',
    number
  > {
    return {
      orders: this.orders.size,
      calls: this.calls.length,
      sentWebhooks: this.sentWebhooks.length,
      violations: this.violations.length,
      accessTokens: this.accessTokens.size,
      refreshTokens: this.refreshTokens.size,
      webhooks: this.webhooks.size,
    };
  }

  /** Whether a refresh token was issued here and has not expired (the sandbox's gate asks before the call is recorded). */
  knowsRefreshToken(refreshToken: string): boolean {
    const expiresAt = this.refreshTokens.get(refreshToken);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  /** Whether a provider supports a capability; a provider the fake does not list is taken to support all. */
  private supports(providerId: string, capability: Capability): boolean {
    const caps = this.providers.find((p) => p.provider_id === providerId)?.provider_capabilities;
    if (!caps) return true;
    return capability === 'get_online_status' || capability === 'update_online_status'
      ? caps.online_status[capability].is_supported
      : caps.order[capability].is_supported;
  }

  private providerName(providerId: string): string {
    return this.providers.find((p) => p.provider_id === providerId)?.provider_name ?? providerId;
  }

  /** KitchenHub receives an order from a provider: stored and, unless `send` is false, sent to the webhooks. */
  async createOrder(
    opts: SampleOptions & { send?: boolean } = {},
  ): Promise<{ order: HubOrderJson; webhooks: SentWebhook[] }> {
    const order = sampleHubOrder({ id: newOrderId(), ...opts });
    this.orders.set(order.order.id, order);
    this.trim();
    const webhooks = opts.send === false ? [] : await this.sendWebhook(order.order.id, true);
    return { order, webhooks };
  }

  /** KitchenHub's side moves an order (e.g. the customer cancels → 'cancelled') and, unless `send` is false, tells the webhooks. */
  async setStatus(hubOrderId: string, status: HubOrderStatus, send = true): Promise<SentWebhook[]> {
    const order = this.requireOrder(hubOrderId);
    this.moveOrder(order, status);
    return send ? this.sendWebhook(hubOrderId, false) : [];
  }

  /** Posts an order's OrderCreated/OrderUpdated webhook to every registered Order webhook whose filters it passes. */
  async sendWebhook(hubOrderId: string, created: boolean): Promise<SentWebhook[]> {
    const order = this.requireOrder(hubOrderId);
    const body = toHubJson(webhookEnvelope(order, created), hubOrderId); // as KitchenHub sends it: nulls included
    const targets = [...this.webhooks.values()].filter(
      (w) => w.webhook_type === 'Order' && passesFilters(w.filters ?? {}, order),
    );
    const delivery = Promise.all(targets.map((w) => this.deliver(w, order, body)));
    this.pending.add(delivery);
    try {
      return await delivery;
    } finally {
      this.pending.delete(delivery);
    }
  }

  /** Resolves once every webhook the fake is sending (e.g. after a status PUT) has been answered. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /** The recorded `PUT /v2/orders/{order_id}/status/` calls, of one order if given. */
  orderStatusCalls(hubOrderId?: string): RecordedCall[] {
    return this.calls.filter(
      (c) =>
        c.operation === 'PUT /v2/orders/{order_id}/status/' &&
        (hubOrderId === undefined || c.path.split('/')[3] === encodeURIComponent(hubOrderId)),
    );
  }

  /** Registers a webhook config, as POST /v2/webhooks/ does (the CLI's --webhook uses it directly). */
  addWebhook(input: Schemas['CreateClientWebhookConfig']): WebhookConfig {
    const now = hubTime(Date.now());
    const config: WebhookConfig = {
      id: randomUUID(),
      url: input.url,
      version: input.version,
      webhook_type: input.webhook_type,
      filters: input.filters ?? {},
      authorization_headers: input.authorization_headers ?? {},
      created_at: now,
      updated_at: now,
    };
    this.webhooks.set(config.id, config);
    return config;
  }

  private requireOrder(hubOrderId: string): HubOrderJson {
    const order = this.orders.get(hubOrderId);
    if (!order) throw new Error(`the fake knows no order ${hubOrderId}`);
    return order;
  }

  /** Sets an order's status with the timestamp KitchenHub keeps for it. */
  private moveOrder(order: HubOrderJson, status: HubOrderStatus): void {
    const now = hubTime(Date.now());
    order.order.status = status;
    const stamps = (isRecord(order.timestamps) ? order.timestamps : (order.timestamps = {})) as Record<string, unknown>;
    const stamp = STAMPS[status];
    if (stamp) stamps[stamp] = now;
    stamps.updated_at = now;
  }

  private async deliver(webhook: WebhookConfig, order: HubOrderJson, body: string): Promise<SentWebhook> {
    const sent: SentWebhook = {
      at: Date.now(),
      webhookId: webhook.id,
      url: webhook.url,
      hubOrderId: order.order.id,
      status: order.order.status,
      httpStatus: null,
      error: null,
    };
    // No signature: the registered authorization_headers are the only thing that authenticates KitchenHub.
    const headers = {
      ...webhook.authorization_headers,
      'Content-Type': 'application/json',
      'User-Agent': 'KitchenHub-Fake/1.0',
    };
    try {
      const res = await fetch(webhook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      sent.httpStatus = res.status;
      if (!res.ok) sent.error = (await res.text()).slice(0, 300);
      else await res.body?.cancel();
    } catch (err) {
      sent.error =
        err instanceof Error
          ? err.cause instanceof Error
            ? `${err.message}: ${err.cause.message}`
            : err.message
          : String(err);
    }
    this.sentWebhooks.push(sent);
    this.trim();
    return sent;
  }

  /** Sends a webhook without holding up the API answer that caused it; settled() waits for it. */
  private notifyLater(hubOrderId: string, created: boolean): void {
    if (this.options.notify === false && !created) return;
    const sending = this.sendWebhook(hubOrderId, created).catch((err: unknown) =>
      this.violations.push(`webhook for ${hubOrderId} failed: ${String(err)}`),
    );
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
  }

  // -------------------------------------------------------------------------------------------
  // The API

  /** Answers one request; `path` is relative to where the fake is mounted (it starts /v2/...). */
  async handle(req: Request, path: string): Promise<Response> {
    const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text; // the spec check reports it as unparsable JSON
    }
    const delay = this.options.delayMs ?? 0;
    if (delay > 0) {
      this.inFlight++;
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, delay);
        req.signal.addEventListener('abort', () => (clearTimeout(timer), resolve(null)), { once: true });
      });
      this.inFlight--;
      if (req.signal.aborted) {
        this.dropped++;
        return jsonResponse(JSON.stringify({ error: 'client_closed', message: 'The caller gave up waiting.' }), 499);
      }
    }

    const at = Date.now();
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of new URL(req.url).searchParams) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const headers = Object.fromEntries(req.headers);
    const authorized = this.authorized(req);
    const call: RecordedCall = {
      at,
      method: req.method,
      path,
      operation: null,
      query,
      headers,
      authorized,
      body,
      status: 0,
    };
    const send = (res: Response) => {
      call.status = res.status;
      this.calls.push(call);
      this.trim();
      return res;
    };

    let api: OpenAPIBackend;
    try {
      api = await specApi();
    } catch (err) {
      this.violations.push(`the spec did not load: ${String(err)}`);
      return send(
        jsonResponse(JSON.stringify({ error: 'internal_error', message: 'The fake could not load the spec.' }), 500),
      );
    }
    const op = api.matchOperation({ method: req.method, path, headers, query });
    if (!op)
      return send(
        jsonResponse(
          JSON.stringify({ error: 'not_found', message: `KitchenHub's API has no ${req.method} ${path}.` }),
          404,
        ),
      );
    const operation = `${op.method.toUpperCase()} ${op.path}`;
    call.operation = operation;

    let reply: Reply;
    try {
      reply = await this.answer(api, op, operation, { req, path, query, headers, body, text });
    } catch (err) {
      reply = { status: 500, body: { error: 'internal_error', message: 'The fake failed.' } };
      this.violations.push(
        `${operation}: the fake threw ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
    return send(this.respond(api, op, operation, reply));
  }

  /** Injected failures, then the token, then the spec's request check, then the operation's handler. */
  private async answer(
    api: OpenAPIBackend,
    op: Operation,
    operation: string,
    r: {
      req: Request;
      path: string;
      query: Record<string, string | string[]>;
      headers: Record<string, string>;
      body: unknown;
      text: string;
    },
  ): Promise<Reply> {
    const failure = this.failures.find(
      (f) =>
        f.times > 0 && (!f.path || r.path.includes(f.path)) && (!f.method || f.method.toUpperCase() === r.req.method),
    );
    if (failure) {
      failure.times--;
      this.failures = this.failures.filter((f) => f.times > 0);
      const message =
        failure.message ?? declaredResponse(op, failure.status)?.description ?? `Injected failure (${failure.status}).`;
      return { ...fail(failure.status, message), injected: true };
    }

    if (needsToken(op)) {
      if (!this.authorized(r.req))
        return fail(401, 'Unauthorized: send Authorization: Bearer <access token> with a token that has not expired.');
      if (this.blocked) return fail(403, 'Company access denied. Account is blocked');
    }

    // The spec types every query parameter string; GET /v2/orders/ documents some as repeatable, so
    // their first value stands for all in the check (every value of a query string is a string).
    const checkedQuery =
      operation === 'GET /v2/orders/'
        ? Object.fromEntries(
            Object.entries(r.query).map(([k, v]) => [k, Array.isArray(v) && REPEATABLE.has(k) ? (v[0] ?? '') : v]),
          )
        : r.query;
    if (op.requestBody && r.text && !/^application\/json\b/i.test(r.headers['content-type'] ?? ''))
      return fail(422, 'Validation error: send the body as JSON, with Content-Type: application/json.');
    const check = api.validateRequest(
      { method: r.req.method, path: r.path, headers: r.headers, query: checkedQuery, body: r.text || undefined },
      op,
    );
    if (!check.valid)
      return fail(422, `Validation error: ${describeErrors(check.errors, 'request')}`, {
        detail: (check.errors ?? []).map((e: AjvError) => ({ at: e.instancePath, message: e.message })),
      });

    const handler = this.routes[operation];
    if (!handler) return fail(501, `The fake does not implement ${operation}`);
    return handler({ params: pathParams(op.path, r.path), query: r.query, body: r.body });
  }

  /** Checks our answer against the spec: one that breaks it is recorded and becomes a 500. */
  private respond(api: OpenAPIBackend, op: Operation, operation: string, reply: Reply): Response {
    const text = reply.text ?? (reply.body === undefined ? undefined : JSON.stringify(reply.body));
    if (reply.injected) return jsonResponse(text ?? '', reply.status); // the test asked for exactly this
    const problem = (() => {
      const declared = declaredResponse(op, reply.status);
      if (!declared) return `answered ${reply.status}, which the spec does not declare`;
      if (text === undefined)
        return declared.content && reply.status !== 204
          ? `answered ${reply.status} without the body the spec declares`
          : null;
      if (!declared.content) return `answered ${reply.status} with a body, where the spec declares none`;
      const result = api.validateResponse(JSON.parse(text), op, reply.status);
      return result.valid ? null : `answered ${reply.status} off-spec: ${describeErrors(result.errors, 'body')}`;
    })();
    if (problem) {
      this.violations.push(`${operation} ${problem}`);
      return jsonResponse(
        JSON.stringify({ error: 'fake_violation', message: `The fake broke the spec: ${operation} ${problem}` }),
        500,
      );
    }
    return text === undefined ? new Response(null, { status: reply.status }) : jsonResponse(text, reply.status);
  }

  /** Whether the request carries an unexpired access token issued here (Authorization: Bearer). */
  authorized(req: Request): boolean {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
    const expiresAt = bearer ? this.accessTokens.get(bearer) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  /** A stored order, or (adoptUnknownOrders) a new one made up for a numeric id, or null. */
  private findOrder(id: string): HubOrderJson | null {
    const order = this.orders.get(id);
    if (order) return order;
    if (!this.options.adoptUnknownOrders || !/^\d{1,20}$/.test(id)) return null;
    const adopted = sampleHubOrder({ id, status: 'new' });
    this.orders.set(id, adopted);
    return adopted;
  }

  // The spec's operations the fake implements, by "METHOD /path" (any other answers 501).
  private readonly routes: Record<string, Handler> = {
    'POST /v2/auth/token/': ({ body }) => this.grantTokens(body as Schemas['ObtainTokenRequestSerializer']),
    'POST /v2/auth/token/refresh/': ({ body }) => this.refreshToken(body as Schemas['RefreshTokenRequestSerializer']),
    'GET /v2/auth/token/validate/': () => ({ status: 200 }),
    'GET /v2/providers/': () => ok(this.providers),
    'GET /v2/integration_accounts/': ({ query }) => this.listIntegrationAccounts(query),
    'GET /v2/integration_accounts/{integration_id}/status/': ({ params }) =>
      this.getOnlineStatus(params.integration_id ?? ''),
    'PUT /v2/integration_accounts/{integration_id}/status/': ({ params, body }) =>
      this.putOnlineStatus(params.integration_id ?? '', body as Schemas['UpdateStoreOnlineStatusRequestSerializer']),
    'GET /v2/orders/': ({ query }) => this.listOrders(query),
    'GET /v2/orders/{order_id}/': ({ params }) => {
      const order = this.findOrder(params.order_id ?? '');
      return order ? { status: 200, text: orderText(order) } : fail(404, 'Order not found');
    },
    'PUT /v2/orders/{order_id}/status/': ({ params, body }) =>
      this.changeOrderStatus(params.order_id ?? '', body as Schemas['OrderStatusSerializer']),
    'POST /v2/mock/order/': ({ body }) => this.mockOrder(body as Schemas['MockOrderRequestSerializer']),
    'GET /v2/webhooks/': () => ok([...this.webhooks.values()]),
    'POST /v2/webhooks/': ({ body }) => {
      const input = body as Schemas['CreateClientWebhookConfig'];
      const problem = webhookProblem(input);
      return problem ? fail(400, `Bad request: ${problem}`) : ok(this.addWebhook(input), 201);
    },
    'PATCH /v2/webhooks/{webhook_id}/': ({ params, body }) =>
      this.patchWebhook(params.webhook_id ?? '', body as Schemas['ClientWebhookPatchDTO']),
    'DELETE /v2/webhooks/{webhook_id}/': ({ params }) =>
      this.webhooks.delete(params.webhook_id ?? '') ? { status: 204 } : fail(404, 'Partner webhook not found'),
  };
  // Every handler below takes a body the spec check has passed, so its schema type holds.

  private grantTokens(body: Schemas['ObtainTokenRequestSerializer']): Reply {
    if (body.client_id !== this.options.clientId) return fail(404, 'Company not found');
    if (body.client_secret !== this.options.clientSecret) return fail(400, 'Invalid client secret key');
    if (this.blocked) return fail(403, 'Company access denied. Account is blocked');
    const now = Date.now();
    const accessTtl = this.options.accessTtlMinutes ?? 60;
    const refreshTtl = this.options.refreshTtlMinutes ?? 1440;
    const access = token();
    const refresh = token();
    this.accessTokens.set(access, now + accessTtl * 60_000);
    this.refreshTokens.set(refresh, now + refreshTtl * 60_000);
    this.tokenGrants++;
    // The spec's lifetimes are whole minutes; a test's fractional TTL still expires on time.
    const answer: Schemas['ObtainTokenResponseSerializer'] = {
      access_token: access,
      refresh_token: refresh,
      access_token_expire: Math.ceil(accessTtl),
      refresh_token_expire: Math.ceil(refreshTtl),
    };
    return ok(answer);
  }

  private refreshToken(body: Schemas['RefreshTokenRequestSerializer']): Reply {
    const expiresAt = this.refreshTokens.get(body.refresh_token);
    if (expiresAt === undefined || expiresAt <= Date.now()) return fail(400, 'Refresh token is invalid or expired');
    if (this.blocked) return fail(403, 'Company access denied. Token is banned');
    const accessTtl = this.options.accessTtlMinutes ?? 60;
    const access = token();
    this.accessTokens.set(access, Date.now() + accessTtl * 60_000);
    this.refreshes++;
    // No new refresh token: the old one stays good until it expires, then a new pair is needed.
    const answer: Schemas['RefreshTokenResponseSerializer'] = {
      access_token: access,
      access_token_expire: Math.ceil(accessTtl),
    };
    return ok(answer);
  }

  private listIntegrationAccounts(query: Record<string, string | string[]>): Reply {
    const { store_id, is_connected } = query as Record<string, string | undefined>; // repeats were refused by the spec check
    const connected = is_connected === undefined ? null : queryBoolean(is_connected);
    if (is_connected !== undefined && connected === null)
      return fail(422, 'Validation error: is_connected must be true or false');
    return ok(
      this.integrationAccounts.filter(
        (a) =>
          (store_id === undefined || a.store_id === store_id) &&
          (connected === null || (a.connection === 'connected') === connected),
      ),
    );
  }

  /** An account's online status; a pause that has run out is over. */
  private currentOnline(id: string): OnlineStatus {
    let status = this.onlineStatus.get(id) ?? { online: 'online', pausedUntil: null, pauseDuration: null };
    if (status.pausedUntil !== null && status.pausedUntil <= Date.now())
      status = { online: 'online', pausedUntil: null, pauseDuration: null };
    this.onlineStatus.set(id, status);
    return status;
  }

  private onlineAnswer(status: OnlineStatus): Reply {
    const answer: OnlineStatusAnswer = status.offline_reason
      ? { online: status.online, offline_reason: status.offline_reason }
      : { online: status.online };
    return ok(answer);
  }

  private getOnlineStatus(id: string): Reply {
    const account = this.integrationAccounts.find((a) => a.integration_account_id === id);
    if (!account) return fail(404, 'Provider account not found');
    if (!this.supports(account.provider_id, 'get_online_status'))
      return fail(501, `${this.providerName(account.provider_id)} does not support get_online_status`);
    return this.onlineAnswer(this.currentOnline(id));
  }

  private putOnlineStatus(id: string, body: Schemas['UpdateStoreOnlineStatusRequestSerializer']): Reply {
    const account = this.integrationAccounts.find((a) => a.integration_account_id === id);
    if (!account) return fail(404, 'Provider account not found');
    if (!this.supports(account.provider_id, 'update_online_status')) {
      return fail(
        409,
        `Conflict: ${this.providerName(account.provider_id)} does not support update_online_status, so its online status cannot be changed through KitchenHub`,
      );
    }
    const pause = body.pause_duration;
    if (pause !== undefined && (body.online || pause <= 0))
      return fail(400, 'Bad request: pause_duration is a positive number of seconds, sent with online: false');
    const status: OnlineStatus = body.online
      ? { online: 'online', pausedUntil: null, pauseDuration: null }
      : pause !== undefined
        ? {
            online: 'offline',
            offline_reason: 'Paused by partner',
            pausedUntil: Date.now() + pause * 1000,
            pauseDuration: pause,
          }
        : { online: 'offline', offline_reason: 'Turned off by partner', pausedUntil: null, pauseDuration: null };
    this.onlineStatus.set(id, status);
    return this.onlineAnswer(status);
  }

  private listOrders(query: Record<string, string | string[]>): Reply {
    const all = (name: string) => [query[name] ?? []].flat();
    const one = (name: string) => all(name)[0];
    const wrong = (why: string) => fail(400, `wrong query parameters: ${why}`);
    const from = one('date_from');
    const to = one('date_to');
    const fromMs = from === undefined ? null : parseFilterDate(from);
    const toMs = to === undefined ? null : parseFilterDate(to);
    if (from !== undefined && fromMs === null)
      return wrong(`date_from ${JSON.stringify(from)} is not like 2022-03-30T16:12:33`);
    if (to !== undefined && toMs === null)
      return wrong(`date_to ${JSON.stringify(to)} is not like 2022-03-30T16:12:33`);
    const statusFilter = one('order_status');
    const status = statusFilter === undefined ? null : LIST_STATUSES[statusFilter];
    if (status === undefined) return wrong(`order_status is one of ${Object.keys(LIST_STATUSES).join(', ')}`);
    const pageText = one('page') ?? '1';
    if (!/^\d+$/.test(pageText) || Number(pageText) < 1) return wrong('page is a whole number from 1');
    const page = Number(pageText);

    const pick = (o: HubOrderJson, part: string, field: string) => (isRecord(o[part]) ? o[part][field] : undefined);
    // A store_id of another company is 403; the fake's company has its accounts' stores and its orders'.
    const known = new Set<unknown>([
      ...this.integrationAccounts.map((a) => a.store_id),
      ...[...this.orders.values()].map((o) => pick(o, 'store', 'id')),
    ]);
    const foreign = all('store_id').find((s) => !known.has(s));
    if (foreign !== undefined) return fail(403, `store_id ${foreign} does not belong to your company`);

    const inList = (name: string, value: unknown) => all(name).length === 0 || all(name).includes(String(value));
    const size = this.options.pageSize ?? 50;
    const found = [...this.orders.values()]
      .map((o, i) => ({ o, i, t: createdAt(o) }))
      .filter(
        ({ o, t }) =>
          (fromMs === null || t >= fromMs) &&
          (toMs === null || t <= toMs) &&
          (status === null || o.order.status === status),
      )
      .filter(
        ({ o }) =>
          inList('store_id', pick(o, 'store', 'id')) &&
          inList('partner_store_id', pick(o, 'store', 'partner_store_id')),
      )
      .filter(
        ({ o }) =>
          inList('location_id', pick(o, 'location', 'id')) &&
          inList('partner_location_id', pick(o, 'location', 'partner_location_id')),
      )
      .sort((a, b) => b.t - a.t || b.i - a.i) // newest first; of two at the same second, the later received
      .slice((page - 1) * size, page * size);
    return { status: 200, text: `[${found.map(({ o }) => orderText(o)).join(',')}]` };
  }

  private changeOrderStatus(id: string, body: Schemas['OrderStatusSerializer']): Reply {
    const order = this.findOrder(id);
    if (!order) return fail(404, 'Order not found');
    if (!this.mainAccount) return fail(403, 'Not main account');
    if (!isAction(body.status))
      return fail(
        400,
        `body validation error: status is accept, cancel or complete, not ${JSON.stringify(body.status)}`,
      );
    if (body.status === 'accept' && (body.prep_time === undefined || body.prep_time < 1))
      return fail(400, 'body validation error: prep_time (minutes, at least 1) is required to accept');
    const action = ACTIONS[body.status];
    const providerId = String(order.provider && isRecord(order.provider) ? order.provider.id : '');
    if (!this.supports(providerId, action.capability))
      return fail(501, `${this.providerName(providerId)} does not support ${action.capability}`);
    const from = order.order.status;
    if (!(action.from as readonly string[]).includes(from))
      return fail(409, `Order status conflict: order ${id} is ${from}; it cannot ${body.status}`);
    this.moveOrder(order, action.to);
    if (body.status === 'accept') order.order.prep_time_minutes = body.prep_time;
    this.notifyLater(id, false);
    return { status: 200, text: orderText(order) };
  }

  private mockOrder(body: Schemas['MockOrderRequestSerializer']): Reply {
    const template = { store_id: body.store_id, provider_id: body.provider_id, order_type: body.order_type };
    const given = Object.entries(template).filter(([, v]) => v !== undefined);
    if (body.order_data && given.length)
      return fail(400, 'Bad request: send either order_data or store_id, provider_id and order_type, not both');
    let order: HubOrderJson;
    if (body.order_data) {
      const { order: basics, ...rest } = body.order_data;
      const { id: _ignored, ...fields } = basics; // "auto-generated, leave it empty"
      order = { order: { id: newOrderId(), ...fields, data: fields.data ?? {} }, ...rest }; // order first: toHubJson bares the first "id"
    } else {
      const missing = Object.entries(template)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k);
      if (missing.length)
        return fail(
          400,
          `Bad request: send order_data, or store_id, provider_id and order_type (missing ${missing.join(', ')})`,
        );
      if (!this.providers.some((p) => p.provider_id === body.provider_id))
        return fail(400, `Bad request: unknown provider_id ${JSON.stringify(body.provider_id)}`);
      const type = body.order_type;
      if (type !== 'delivery' && type !== 'pickup' && type !== 'dinein')
        return fail(400, 'Bad request: order_type is delivery, pickup or dinein');
      order = sampleHubOrder({
        id: newOrderId(),
        storeId: body.store_id,
        providerId: body.provider_id,
        type,
        status: 'new',
      });
    }
    this.orders.set(order.order.id, order);
    this.notifyLater(order.order.id, true);
    return { status: 201, text: orderText(order) };
  }

  private patchWebhook(id: string, body: Schemas['ClientWebhookPatchDTO']): Reply {
    const current = this.webhooks.get(id);
    if (!current) return fail(404, 'Partner webhook not found');
    const headers = body.authorization_headers ?? current.authorization_headers ?? {};
    if (Object.values(headers).some((v) => typeof v !== 'string'))
      return fail(422, 'Validation error: authorization_headers values are strings');
    const next: WebhookConfig = {
      ...current,
      url: body.url ?? current.url,
      webhook_type: body.webhook_type ?? current.webhook_type,
      authorization_headers: headers as Record<string, string>,
      filters: body.filters,
      version: body.version,
      updated_at: hubTime(Date.now()),
    };
    // This operation declares no 400: what POST calls a bad request is a validation error here.
    const problem = webhookProblem(next);
    if (problem) return fail(422, `Validation error: ${problem}`);
    this.webhooks.set(id, next);
    return ok(next);
  }
}

/** What KitchenHub refuses in a webhook config beyond the schema, or null. */
function webhookProblem(w: {
  url: string;
  version: number;
  webhook_type: string;
  filters?: Record<string, string[]>;
}): string | null {
  let url: URL | null = null;
  try {
    url = new URL(w.url);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    return `url ${JSON.stringify(w.url)} is not an absolute http(s) URL`;
  if (w.webhook_type !== 'Order' && w.version !== 1) return `${w.webhook_type} webhooks accept only version 1`;
  const unknown = Object.keys(w.filters ?? {}).filter((k) => !WEBHOOK_FILTERS.has(k));
  if (unknown.length) return `unknown filters ${unknown.join(', ')} (use ${[...WEBHOOK_FILTERS].join(', ')})`;
  return null;
}

/** Whether an order passes a webhook's filters (an empty or absent list lets everything through). */
function passesFilters(filters: Record<string, string[]>, order: HubOrderJson): boolean {
  const delivery = isRecord(order.delivery) ? order.delivery : {};
  const values: Record<string, unknown> = {
    order_status: order.order.status,
    order_type: order.order.type,
    order_delivery_type: delivery.type,
  };
  return Object.entries(filters).every(
    ([key, allowed]) => allowed.length === 0 || allowed.includes(String(values[key])),
  );
}

/** The path parameters of a request, by the names in its operation's path template. */
function pathParams(template: string, path: string): Record<string, string> {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  const values = pattern.exec(path)?.slice(1) ?? [];
  return Object.fromEntries(
    names.map((name, i) => {
      const raw = values[i] ?? '';
      try {
        return [name, decodeURIComponent(raw)];
      } catch {
        return [name, raw];
      }
    }),
  );
}
