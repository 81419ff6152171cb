// leases: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/leases';
import * as pg from '../pg/leases';
import { twin } from './twin';

export const { tryLease, releaseLease, readLease } = twin(sqlite, pg, ['tryLease', 'releaseLease', 'readLease']);
