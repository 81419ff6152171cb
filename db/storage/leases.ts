// Named leases: which instance runs a job shared by every instance (see pick.ts).
import { sqliteLeases } from '../sqlite/leases';
import { pgLeases } from '../pg/leases';
import { pick } from './pick';

export interface LeasesStorage {
  /**
   * Takes `name` for `holder` until `now + ttlMs` when it is free (never taken, or expired) or already
   * this holder's. One statement: of two instances asking at once, exactly one gets it.
   */
  tryLease: (name: string, holder: string, now: number, ttlMs: number) => Promise<boolean>;
  /** Gives `name` back early, if `holder` still has it. */
  releaseLease: (name: string, holder: string) => Promise<void>;
  /** Who holds `name` and until when (undefined when nobody ever took it). */
  readLease: (name: string) => Promise<{ holder: string; until: number } | undefined>;
}

export const leasesStorage = pick<LeasesStorage>(sqliteLeases, pgLeases);
export const { tryLease, releaseLease, readLease } = leasesStorage;
