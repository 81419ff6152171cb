// The storage switch (design.md "Storage"): lib/ imports db/storage/<area>, whose functions run on
// PostgreSQL when DATABASE_URL is set and on the SQLite file otherwise. Each area declares its
// contract once, as an interface in db/storage/<area>.ts; db/sqlite/<area>.ts and db/pg/<area>.ts each
// export one object implementing it, and pick() joins the two. Decided per call, from the validated
// configuration, so nothing above db/ knows which database is underneath.
import { storageConfig } from '../config';

export type StorageKind = 'sqlite' | 'postgres';

export const storageKind = (): StorageKind => (storageConfig().DATABASE_URL ? 'postgres' : 'sqlite');

/** Any async method (never[]: every parameter list is assignable to it). */
type AsyncFn = (...args: never[]) => Promise<unknown>;

/**
 * One storage area's contract `S`, each method calling the configured implementation. Both arguments
 * must implement the whole contract (checked here): the driver modules never import each other.
 */
export function pick<S extends { [K in keyof S]: AsyncFn }>(sqlite: S, pg: S): S {
  const out = {} as S;
  for (const key of Object.keys(sqlite) as Array<keyof S>) {
    out[key] = ((...args: never[]) => (storageKind() === 'postgres' ? pg : sqlite)[key](...args)) as S[keyof S];
  }
  return out;
}
