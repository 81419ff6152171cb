import { describe, expect, test } from 'vitest';
import { parseEnv } from './env';

describe('configuration', () => {
  test('defaults make a working restaurant', () => {
    const env = parseEnv({ STORE_TIMEZONE: 'UTC' });
    expect(env).toMatchObject({
      PORT: 3000,
      DATABASE_PATH: './data/kds.sqlite',
      RATE_LIMIT_PER_MINUTE: 120,
      MAX_BODY_BYTES: 65536,
      TRUST_PROXY: 0,
    });
    expect(env.SEED_DEMO).toBeUndefined(); // npm start seeds demo data into a new database, a bare server does not
    expect(env.KITCHENHUB_SANDBOX).toBeUndefined();
  });

  test('a bad value stops start-up with a message naming the variable', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => parseEnv({ STORE_TIMEZONE: 'Mars/Base' })).toThrow(/STORE_TIMEZONE/);
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
    expect(() => parseEnv({ KITCHENHUB_SANDBOX: 'yes' })).toThrow(/KITCHENHUB_SANDBOX/);
  });
});
