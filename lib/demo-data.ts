// The demo data's well-known secrets and rows (lib/seed.ts creates them; lib/demo.ts removes them).
// Public on purpose: the README and, while demo data is on, the docs name them.
export const DEMO_API_KEY = 'pbj_test_8dd1f2';
export const DEMO_CLIENT_ID = 'cli_demo';
export const DEMO_PINS = { kitchen: '1111', manager: '9999' } as const;
/** Who signs in with DEMO_PINS (sign-in takes a name and a PIN). */
export const DEMO_NAMES = { kitchen: 'Casey', manager: 'Morgan' } as const;
export const DEMO_KEY_ID = 'key_demo';
export const DEMO_STAFF_IDS: readonly string[] = ['stf_kitchen', 'stf_manager'];
