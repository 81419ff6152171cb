// The settings contract (./settings.ts), on whichever database the run is configured for (see pick.ts).
import { describe, expect, test } from 'vitest';
import { deleteSetting, readSettings, writeSetting, writeSettingOnce } from './settings';

describe('settings', () => {
  test('readSettings reads several keys at once; unknown keys are absent', async () => {
    await writeSetting('store_paused', true, 1);
    await writeSetting('aging', { warningMinutes: 4, lateMinutes: 9 }, 1);
    expect(await readSettings(['store_paused', 'aging', 'nope'])).toEqual({
      store_paused: true,
      aging: { warningMinutes: 4, lateMinutes: 9 },
    });
    expect(await readSettings([])).toEqual({});
    await writeSetting('store_paused', false, 2);
    expect(await readSettings(['store_paused'])).toEqual({ store_paused: false }); // read fresh every time
  });

  test('every JSON value comes back as it was written, strings that look like JSON included', async () => {
    const values: Record<string, unknown> = {
      s_plain: 'hello',
      s_number: '123',
      s_bool: 'true',
      s_null: 'null',
      s_quoted: '"q"',
      s_object: '{"a":1}',
      s_empty: '',
      n_int: 42,
      n_float: 1.5,
      n_zero: 0,
      b_false: false,
      a_list: [1, 'two', null, { three: 3 }],
      o_nested: { a: { b: [true] } },
    };
    for (const [key, value] of Object.entries(values)) await writeSetting(key, value, 3);
    expect(await readSettings(Object.keys(values))).toEqual(values);
    expect(await writeSettingOnce('s_number', 'other', 4)).toBe('123');
  });

  test('writeSettingOnce keeps the first value and returns whichever is stored', async () => {
    expect(await writeSettingOnce('secret_once', 'first', 5)).toBe('first');
    expect(await writeSettingOnce('secret_once', 'second', 6)).toBe('first');
    expect(await readSettings(['secret_once'])).toEqual({ secret_once: 'first' });
    await writeSetting('secret_once', 'replaced', 7); // writeSetting still overwrites
    expect(await writeSettingOnce('secret_once', 'third', 8)).toBe('replaced');
  });

  test('writeSettingOnce: of callers racing on a new key, one wins and every caller reads its value', async () => {
    const racers = Array.from({ length: 30 }, (_, i) => `value-${i}`);
    const results = await Promise.all(racers.map((v, i) => writeSettingOnce('race_once', v, 10 + i)));
    const winner = results[0];
    expect(racers).toContain(winner);
    expect(results).toEqual(racers.map(() => winner));
    expect(await readSettings(['race_once'])).toEqual({ race_once: winner });
  });

  test('deleteSetting removes a key (it reads as absent); deleting a missing key is no error', async () => {
    await writeSetting('to_delete', { a: 1 }, 1);
    await deleteSetting('to_delete');
    expect(await readSettings(['to_delete'])).toEqual({});
    await deleteSetting('never_there');
  });
});
