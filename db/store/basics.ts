// basics: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/basics';
import * as pg from '../pg/basics';
import { twin } from './twin';

export type { Basics } from '../types/basics';

export const { seedBasics, isEmpty } = twin(sqlite, pg, ['seedBasics', 'isEmpty']);
