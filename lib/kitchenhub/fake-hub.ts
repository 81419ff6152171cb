// A fake KitchenHub: the API we call (token grants, order reads, accept/reject/cancel/complete) with
// the rules a real one would apply (a bearer token that expires, a rotating refresh token, 409 when
// an order has moved on), plus a control API to record calls, fail on demand and send webhooks.
// It is a Web-standard handler, so it runs two ways: as a standalone HTTP server
// (scripts/fake-kitchenhub.ts, which tests use) and, in demo mode only, mounted in this app as the
// sandbox the demo's calls go to (app/api/kitchenhub/sandbox), so `npm start` shows the whole flow.
import { createHmac, randomBytes } from 'node:crypto';
import { sampleHubOrder, toHubJson, webhookEnvelope, type SampleOptions } from './sample';

export type FakeHubOptions = {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds?: number;
  /** Where webhooks go and the secret they are signed with (looked up per send: the app's may change). */
  webhook?: () => Promise<{ url: string; secret: string | null } | null>;
  /** Send an OrderUpdated webhook after each accepted call, as KitchenHub would (default true). */
  notify?: boolean;
  /**
   * Take calls about orders the fake did not send (as new orders it has not seen change), instead of
   * 404: the demo's sandbox, where a manager may also post the seed's example to the webhook by hand.
   */
  adoptUnknownOrders?: boolean;
  /**
   * Answer every API call this many milliseconds late (a hanging KitchenHub). A caller that gave up
   * meanwhile (its request's signal aborted) is dropped unhandled, as a proxy drops a closed
   * connection, and counted in `dropped`.
   */
  delayMs?: number;
};

export type RecordedCall = { at: number; method: string; path: string; authorized: boolean; body: unknown; status: number };
export type Failure = { status: number; times: number; path?: string; message?: string };
export type SentWebhook = { at: number; hubOrderId: string; status: string; httpStatus: number | null; error: string | null };

type HubOrderJson = Record<string, unknown> & { order: Record<string, unknown> & { id: string; status: string } };

const json = (body: unknown, status = 200) => Response.json(body, { status });
const problem = (status: number, error: string, message: string) => json({ error, message }, status);
const token = () => randomBytes(18).toString('base64url');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Which statuses each of our calls may move an order from, and to what. */
const RULES: Record<string, { from: readonly string[]; to: string; stamp: string }> = {
  accept: { from: ['new', 'scheduled'], to: 'accepted', stamp: 'accepted_at' },
  reject: { from: ['new', 'scheduled'], to: 'cancelled', stamp: 'cancelled_at' },
  cancel: { from: ['new', 'scheduled', 'accepted'], to: 'cancelled', stamp: 'cancelled_at' },
  complete: { from: ['accepted'], to: 'completed', stamp: 'completed_at' },
};

const PAST: Record<string, string> = { accept: 'accepted', reject: 'rejected', cancel: 'canceled', complete: 'completed' };

export class FakeKitchenHub {
  readonly orders = new Map<string, HubOrderJson>();
  readonly calls: RecordedCall[] = [];
  readonly webhooks: SentWebhook[] = [];
  failures: Failure[] = [];
  tokenGrants = 0;
  /** Calls whose caller gave up while `delayMs` held them: never handled. */
  dropped = 0;
  /** Calls being held by `delayMs` right now. */
  inFlight = 0;
  private tokens = new Map<string, number>();
  private refreshTokens = new Set<string>();

  constructor(private options: FakeHubOptions) {}

  reset(): void {
    this.orders.clear();
    this.calls.length = 0;
    this.webhooks.length = 0;
    this.failures = [];
    this.tokenGrants = 0;
    this.tokens.clear();
    this.refreshTokens.clear();
  }

  configure(patch: Partial<FakeHubOptions>): void {
    this.options = { ...this.options, ...patch };
  }

  /** Makes the next `times` calls (to paths containing `path`, if given) answer `status`. */
  failNext(f: Failure): void {
    this.failures.push({ ...f });
  }

  /** Forgets every issued access token, as if they had expired (refresh tokens still work). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** Creates an order and, unless `send` is false, posts it to the app's webhook. */
  async createOrder(opts: SampleOptions & { send?: boolean } = {}): Promise<{ order: HubOrderJson; webhook: SentWebhook | null }> {
    const order = sampleHubOrder(opts) as HubOrderJson;
    this.orders.set(order.order.id, order);
    const webhook = opts.send === false ? null : await this.sendWebhook(order.order.id, true);
    return { order, webhook };
  }

  /** KitchenHub's side moves an order (e.g. the customer cancels in the app) and tells the app. */
  async setStatus(hubOrderId: string, status: string, send = true): Promise<SentWebhook | null> {
    const order = this.orders.get(hubOrderId);
    if (!order) throw new Error(`the fake knows no order ${hubOrderId}`);
    order.order.status = status;
    return send ? this.sendWebhook(hubOrderId, false) : null;
  }

  async sendWebhook(hubOrderId: string, created: boolean): Promise<SentWebhook> {
    const order = this.orders.get(hubOrderId);
    const target = await this.options.webhook?.();
    const sent: SentWebhook = { at: Date.now(), hubOrderId, status: String(order?.order.status), httpStatus: null, error: null };
    if (!order || !target) {
      sent.error = order ? 'no webhook URL configured' : 'unknown order';
    } else {
      const body = toHubJson(webhookEnvelope(order, created), hubOrderId);
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'KitchenHub-Fake/1.0' };
      if (target.secret) headers['X-KitchenHub-Signature'] = `sha256=${createHmac('sha256', target.secret).update(body).digest('hex')}`;
      try {
        const res = await fetch(target.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
        sent.httpStatus = res.status;
        if (!res.ok) sent.error = (await res.text()).slice(0, 300);
        else await res.body?.cancel();
      } catch (err) {
        sent.error = err instanceof Error ? err.message : String(err);
      }
    }
    this.webhooks.push(sent);
    return sent;
  }

  /** Answers one request; `path` is relative to where the fake is mounted. `control` enables /_fake/*. */
  async handle(req: Request, path: string, opts: { control: boolean }): Promise<Response> {
    const text = req.method === 'GET' ? '' : await req.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    if (path.startsWith('/_fake/')) return opts.control ? this.control(req.method, path, body) : problem(404, 'not_found', 'No such endpoint.');
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
        return problem(499, 'client_closed', 'The caller gave up waiting.');
      }
    }

    const authorized = this.authorized(req);
    const record = (res: Response) => {
      this.calls.push({ at: Date.now(), method: req.method, path, authorized, body, status: res.status });
      return res;
    };
    const failure = this.failures.find((f) => f.times > 0 && (!f.path || path.includes(f.path)));
    if (failure) {
      failure.times--;
      this.failures = this.failures.filter((f) => f.times > 0);
      return record(problem(failure.status, 'injected_failure', failure.message ?? `Injected failure (${failure.status}).`));
    }
    if (req.method === 'POST' && path === '/oauth/token') return record(this.grant(body));
    if (!authorized) return record(problem(401, 'unauthorized', 'A valid bearer token is required.'));

    const m = /^\/v1\/orders\/([^/]+)(?:\/(accept|reject|cancel|complete))?$/.exec(path);
    if (!m) return record(problem(404, 'not_found', 'No such endpoint.'));
    const id = decodeURIComponent(m[1]!);
    if (!this.orders.has(id) && m[2] && this.options.adoptUnknownOrders) this.orders.set(id, { order: { id, status: m[2] === 'complete' ? 'accepted' : 'new' } });
    const order = this.orders.get(id);
    if (!order) return record(problem(404, 'not_found', `No order ${id}.`));
    if (!m[2]) return req.method === 'GET' ? record(new Response(toHubJson(order, id), { headers: { 'Content-Type': 'application/json' } })) : record(problem(405, 'method_not_allowed', 'GET only.'));
    if (req.method !== 'POST') return record(problem(405, 'method_not_allowed', 'POST only.'));
    return record(this.act(order, m[2], body));
  }

  private authorized(req: Request): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
    const expiresAt = bearer ? this.tokens.get(bearer) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  private grant(body: unknown): Response {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (b.client_id !== this.options.clientId || b.client_secret !== this.options.clientSecret) return problem(401, 'invalid_client', 'Unknown client id or secret.');
    if (b.grant_type === 'refresh_token') {
      if (typeof b.refresh_token !== 'string' || !this.refreshTokens.delete(b.refresh_token)) return problem(400, 'invalid_grant', 'The refresh token is unknown or already used.');
    } else if (b.grant_type !== 'client_credentials') {
      return problem(400, 'unsupported_grant_type', 'Use client_credentials or refresh_token.');
    }
    const ttl = this.options.tokenTtlSeconds ?? 3600;
    const access = token();
    const refresh = token();
    this.tokens.set(access, Date.now() + ttl * 1000);
    this.refreshTokens.add(refresh);
    this.tokenGrants++;
    return json({ access_token: access, token_type: 'Bearer', expires_in: ttl, refresh_token: refresh });
  }

  private act(order: HubOrderJson, action: string, body: unknown): Response {
    const rule = RULES[action]!;
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const status = order.order.status;
    if (action === 'accept') {
      const prep = b.prep_time_minutes;
      if (typeof prep !== 'number' || !Number.isInteger(prep) || prep < 1) return problem(422, 'invalid_request', 'prep_time_minutes must be a positive whole number.');
    }
    if ((action === 'reject' || action === 'cancel') && (typeof b.reason !== 'string' || !b.reason.trim())) return problem(422, 'invalid_request', 'reason is required.');
    if (status === rule.to) return json({ id: order.order.id, status }); // the same call again: nothing to do
    if (!rule.from.includes(status)) return problem(409, 'conflict', `Order ${order.order.id} is ${status}; it cannot be ${PAST[action]}.`);
    order.order.status = rule.to;
    if (action === 'accept') order.order.prep_time_minutes = b.prep_time_minutes as number;
    const stamps = (order.timestamps ??= {}) as Record<string, unknown>;
    stamps[rule.stamp] = iso(Date.now());
    if (this.options.notify !== false) void this.sendWebhook(order.order.id, false);
    return json({ id: order.order.id, status: rule.to });
  }

  private async control(method: string, path: string, body: unknown): Promise<Response> {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/_fake/calls') return json({ calls: this.calls, webhooks: this.webhooks, token_grants: this.tokenGrants });
    if (method === 'POST' && path === '/_fake/reset') return this.reset(), json({ ok: true });
    if (method === 'POST' && path === '/_fake/fail') {
      this.failNext({ status: Number(b.status ?? 503), times: Number(b.times ?? 1), path: typeof b.path === 'string' ? b.path : undefined });
      return json({ ok: true, failures: this.failures });
    }
    if (method === 'POST' && path === '/_fake/expire-tokens') return this.expireTokens(), json({ ok: true });
    if (method === 'POST' && path === '/_fake/orders') {
      const created = await this.createOrder({
        status: b.status === 'scheduled' || b.status === 'accepted' ? b.status : 'new',
        scheduledInMinutes: typeof b.scheduled_in_minutes === 'number' ? b.scheduled_in_minutes : undefined,
        type: b.type === 'pickup' || b.type === 'delivery' ? b.type : undefined,
        send: b.send !== false,
      });
      return new Response(toHubJson(created, created.order.order.id), { status: 201, headers: { 'Content-Type': 'application/json' } });
    }
    const status = /^\/_fake\/orders\/([^/]+)\/status$/.exec(path);
    if (method === 'POST' && status) {
      const id = decodeURIComponent(status[1]!);
      if (!this.orders.has(id)) return problem(404, 'not_found', `No order ${id}.`);
      return json({ webhook: await this.setStatus(id, String(b.status), b.send !== false) });
    }
    return problem(404, 'not_found', 'No such control endpoint.');
  }
}
