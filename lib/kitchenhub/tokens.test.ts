// KitchenHub tokens against the spec-validating fake over real HTTP, stored in this test file's real
// database: one renewal at a time however many calls want a token at once (so instances sharing the
// database never renew beside each other), refresh before a new pair, and refusals in words.
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunningFake } from '@/scripts/fake-kitchenhub';
import { startFakeHub } from '@/test/kitchenhub';
import { getSetting } from '../settings';
import { accessToken, forgetTokens } from './tokens';
import { HubConfigError, type HubApiConfig } from './transport';

let fake: RunningFake;
let api: HubApiConfig;

beforeAll(async () => {
  fake = await startFakeHub({ accessTtlMinutes: 60, refreshTtlMinutes: 120 });
  api = { url: fake.url, clientId: 'fake-client', clientSecret: 'fake-secret', source: 'env' };
});
afterEach(async () => {
  expect(fake.hub.violations).toEqual([]);
  await forgetTokens();
});

const tokenCalls = (path: string) => fake.hub.calls.filter((c) => c.path === path).length;

describe('KitchenHub tokens', () => {
  test('a pair is fetched once and stored with both lifetimes; later calls reuse it', async () => {
    const before = tokenCalls('/v2/auth/token/');
    const now = Date.now();
    const token = await accessToken(api);
    expect(await accessToken(api)).toBe(token);
    expect(tokenCalls('/v2/auth/token/')).toBe(before + 1);
    const stored = await getSetting('kitchenhub_token');
    expect(stored).toMatchObject({ apiUrl: fake.url, clientId: 'fake-client', accessToken: token });
    expect(stored!.accessExpiresAt).toBeGreaterThanOrEqual(now + 59 * 60_000);
    expect(stored!.refreshExpiresAt).toBeGreaterThanOrEqual(now + 119 * 60_000);
  });

  test('twenty callers needing a token at once cause one token request, and all get its token', async () => {
    const before = tokenCalls('/v2/auth/token/');
    const tokens = await Promise.all(Array.from({ length: 20 }, () => accessToken(api)));
    expect(new Set(tokens).size).toBe(1);
    expect(tokenCalls('/v2/auth/token/')).toBe(before + 1);
  });

  test('a token KitchenHub refused (401) is renewed once, with the refresh token, for every caller that saw it refused', async () => {
    const first = await accessToken(api);
    const refreshes = tokenCalls('/v2/auth/token/refresh/');
    const pairs = tokenCalls('/v2/auth/token/');
    const renewed = await Promise.all(Array.from({ length: 10 }, () => accessToken(api, { rejected: first })));
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(first);
    expect(tokenCalls('/v2/auth/token/refresh/')).toBe(refreshes + 1);
    expect(tokenCalls('/v2/auth/token/')).toBe(pairs);
    expect((await getSetting('kitchenhub_token'))?.refreshToken).toBeTruthy(); // the refresh token stays
  });

  test('when the refresh token is refused too, a new pair is fetched', async () => {
    const first = await accessToken(api);
    fake.hub.expireRefreshTokens();
    const pairs = tokenCalls('/v2/auth/token/');
    const next = await accessToken(api, { rejected: first });
    expect(next).not.toBe(first);
    expect(tokenCalls('/v2/auth/token/')).toBe(pairs + 1);
  });

  test('refusals are configuration errors in words: wrong secret, unknown company, blocked account', async () => {
    await expect(accessToken({ ...api, clientSecret: 'wrong' })).rejects.toThrow(HubConfigError);
    await expect(accessToken({ ...api, clientSecret: 'wrong' })).rejects.toThrow(/client secret/);
    await expect(accessToken({ ...api, clientId: 'nobody' })).rejects.toThrow(/client id/);
    fake.hub.blocked = true;
    try {
      await expect(accessToken(api)).rejects.toThrow(/blocked/);
    } finally {
      fake.hub.blocked = false;
    }
  });
});
