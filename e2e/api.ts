import type { APIRequestContext } from '@playwright/test';
import { SEED_EXAMPLE_ORDER } from '../test/seed-order';

export const DEMO_API_KEY = 'pbj_test_8dd1f2';
export { SEED_EXAMPLE_ORDER };

export type OrderView = {
  order_id: string;
  status: string;
  daily_number: number;
  version: number;
  customer_name: string | null;
  canceled_by: string | null;
};

/** The public API as an ordering app calls it. */
export class OrdersApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly key = DEMO_API_KEY,
  ) {}
  private headers() {
    return { 'X-API-Key': this.key };
  }
  async createOrder(overrides: Record<string, unknown> = {}): Promise<OrderView> {
    const res = await this.request.post('/v1/orders', {
      headers: this.headers(),
      data: { ...SEED_EXAMPLE_ORDER, ...overrides },
    });
    if (res.status() !== 201) throw new Error(`POST /v1/orders → ${res.status()}: ${await res.text()}`);
    return (await res.json()) as OrderView;
  }
  async getOrder(id: string): Promise<OrderView> {
    const res = await this.request.get(`/v1/orders/${id}`, { headers: this.headers() });
    return (await res.json()) as OrderView;
  }
  async editOrder(id: string, changes: Record<string, unknown>): Promise<OrderView> {
    const res = await this.request.put(`/v1/orders/${id}`, { headers: this.headers(), data: changes });
    if (!res.ok()) throw new Error(`PUT → ${res.status()}: ${await res.text()}`);
    return (await res.json()) as OrderView;
  }
  async cancelOrder(id: string): Promise<OrderView> {
    const res = await this.request.delete(`/v1/orders/${id}`, { headers: this.headers() });
    if (!res.ok()) throw new Error(`DELETE → ${res.status()}: ${await res.text()}`);
    return (await res.json()) as OrderView;
  }
}
