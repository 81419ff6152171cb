// The seed guide's example request body (PB&J API guide, "Example request and response"), written once:
// API tests, service tests, the Playwright specs and the bench all order with it, so what they prove
// works is a client written from the seed. (Its curl, fetch and Python snippets are run verbatim in
// app/v1/orders/seed-examples.api.test.ts.) No imports: Playwright and the bench load it too.
export const SEED_EXAMPLE_ORDER = {
  customer_id: 'cus_2048',
  bread: 'brioche',
  peanut_butter: 'smooth',
  jelly: 'grape',
  toast: 'light',
  cut: 'halves',
  extras: ['banana_slices'],
};
