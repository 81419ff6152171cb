// Storage's configuration: which database, where it is, how many connections. The variables are declared
// here, at the bottom of the house, and lib/env.ts puts this shape into the one schema that validates
// every variable at start; db/ reads them through storageConfig(), never through lib/.
import { z } from 'zod';

/** The storage variables (lib/env.ts spreads this into its schema: one schema, one error message). */
export const storageEnvShape = {
  DATABASE_PATH: z.string().min(1).default('./data/kds.sqlite'),
  /** postgres://user:pass@host:port/db selects PostgreSQL (several instances, one database); unset, the SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Connections each instance keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
};

const schema = z.object(storageEnvShape);
export type StorageConfig = z.infer<typeof schema>;

let cached: StorageConfig | undefined;
/** Storage's configuration, validated once (a bad value throws naming the variable). */
export function storageConfig(): StorageConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  return (cached = parsed.data);
}
