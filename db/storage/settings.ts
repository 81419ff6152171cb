// Settings: JSON values by key (see pick.ts; lib/settings.ts knows the keys and their defaults).
import { sqliteSettings } from '../sqlite/settings';
import { pgSettings } from '../pg/settings';
import { pick } from './pick';

export interface SettingsStorage {
  /** Stored values for `keys` (missing keys are absent from the result). */
  readSettings: (keys: readonly string[]) => Promise<Record<string, unknown>>;
  /** Stores `value` under `key`, replacing what was there. */
  writeSetting: (key: string, value: unknown, now: number) => Promise<void>;
  /** Stores `value` under `key` unless a value is already there; returns whichever value is stored. */
  writeSettingOnce: (key: string, value: unknown, now: number) => Promise<unknown>;
  /** Removes a setting: it reads as its default again. */
  deleteSetting: (key: string) => Promise<void>;
}

export const settingsStorage = pick<SettingsStorage>(sqliteSettings, pgSettings);
export const { readSettings, writeSetting, writeSettingOnce, deleteSetting } = settingsStorage;
