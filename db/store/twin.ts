// The storage switch (design.md "Storage"): lib/ imports db/store/<area>, whose functions run on
// PostgreSQL when DATABASE_URL is set and on the SQLite file otherwise. Decided per call, from the
// validated configuration, so nothing above db/ knows which store is underneath.
import { storageConfig } from '../config';

export type StoreKind = 'sqlite' | 'postgres';

export const storeKind = (): StoreKind => (storageConfig().DATABASE_URL ? 'postgres' : 'sqlite');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function's parameters: the twin keeps each one's own type
type AsyncFn = (...args: any[]) => Promise<unknown>;

/**
 * The functions `keys` of two implementations of one storage area, each calling the configured one.
 * The PostgreSQL module must match the SQLite module's signatures exactly (checked here).
 */
export function twin<M extends Record<K, AsyncFn>, K extends keyof M & string>(
  sqlite: M,
  pg: Pick<M, K>,
  keys: readonly K[],
): Pick<M, K> {
  const out = {} as Pick<M, K>;
  for (const key of keys) {
    const a = sqlite[key];
    const b = pg[key];
    out[key] = ((...args: unknown[]) => (storeKind() === 'postgres' ? b : a)(...args)) as M[K];
  }
  return out;
}
