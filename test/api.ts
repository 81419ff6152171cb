// Clients for API tests: each test gets its own API key (so it sees only its own orders) and staff
// sessions signed in through the real /api/session endpoint.
import { insertApiKey } from '@/db/storage/api-keys';
import { DEMO_NAMES, DEMO_PINS } from '@/lib/seed';
import { randomBase32, sha256 } from '@/lib/auth/crypto';
import type { OrderStatus } from '@/lib/orders/status';
import { SEED_EXAMPLE_ORDER } from './seed-order';

export { SEED_EXAMPLE_ORDER };

type Headers = Record<string, string>;

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly key: string,
    readonly clientId: string,
  ) {}

  send(method: string, path: string, body?: unknown, headers: Headers = {}): Promise<Response> {
    const h: Headers = { 'X-API-Key': this.key, ...headers };
    if (body !== undefined && !('Content-Type' in h)) h['Content-Type'] = 'application/json';
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Sends and returns the JSON body, failing the test on a non-2xx answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them
  async json(method: string, path: string, body?: unknown, headers?: Headers): Promise<any> {
    const res = await this.send(method, path, body, headers);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text);
  }

  createOrder(overrides: Record<string, unknown> = {}) {
    return this.json('POST', '/v1/orders', { ...SEED_EXAMPLE_ORDER, ...overrides });
  }
}

/** A new API client with its own key, written straight into the server's database. */
export async function newApiClient(baseUrl: string, mode: 'test' | 'live' = 'test'): Promise<ApiClient> {
  const suffix = randomBase32(12);
  const key = `pbj_${mode}_${suffix}`;
  const clientId = `cli_${suffix}`;
  await insertApiKey({
    id: `key_${suffix}`,
    clientId,
    clientName: `Test client ${suffix}`,
    name: 'test',
    keyHash: sha256(key),
    prefix: key.slice(0, 12),
    mode,
    now: Date.now(),
  });
  return new ApiClient(baseUrl, key, clientId);
}

export class StaffClient {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  send(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Cookie: this.cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response bodies loosely and assert on them
  async json(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.send(method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  async ticket(orderId: string): Promise<{ status: OrderStatus; version: number }> {
    const board = await this.json('GET', '/api/tickets');
    const all = [...board.tickets, ...board.recent] as Array<{
      order_id: string;
      status: OrderStatus;
      version: number;
    }>;
    const t = all.find((x) => x.order_id === orderId);
    if (!t) throw new Error(`ticket ${orderId} is not on the kitchen board`);
    return t;
  }

  /** Taps the ticket forward, as a cook would, until it reaches `status`. */
  async advanceTo(orderId: string, status: OrderStatus): Promise<void> {
    for (let i = 0; i < 6; i++) {
      const t = await this.ticket(orderId);
      if (t.status === status) return;
      await this.json('POST', `/api/orders/${orderId}/advance`, { version: t.version });
    }
    throw new Error(`could not advance ${orderId} to ${status}`);
  }
}

export async function signInStaff(baseUrl: string, role: keyof typeof DEMO_PINS): Promise<StaffClient> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: DEMO_NAMES[role], pin: DEMO_PINS[role] }),
  });
  if (!res.ok) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return new StaffClient(baseUrl, cookie);
}
