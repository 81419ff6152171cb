// What a new database needs to be usable, inserted once (see pick.ts; the rows come from lib/seed.ts).
import { sqliteBasics } from '../sqlite/basics';
import { pgBasics } from '../pg/basics';
import type { Basics } from '../types/basics';
import { pick } from './pick';

export type { Basics } from '../types/basics';

export interface BasicsStorage {
  /**
   * Inserts the rows of `basics` that are not there yet, in one transaction. True when the database was
   * empty (no menu) before: of several instances seeding one new database at once, exactly one sees that.
   */
  seedBasics: (basics: Basics) => Promise<boolean>;
  /** True when nothing has been seeded or used yet (no menu). */
  isEmpty: () => Promise<boolean>;
}

export const basicsStorage = pick<BasicsStorage>(sqliteBasics, pgBasics);
export const { seedBasics, isEmpty } = basicsStorage;
