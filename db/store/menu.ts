// menu: see twin.ts. The SQLite and PostgreSQL implementations share these signatures.
import * as sqlite from '../sqlite/menu';
import * as pg from '../pg/menu';
import { twin } from './twin';

export const { listMenu, findMenuOptions, setStock } = twin(sqlite, pg, ['listMenu', 'findMenuOptions', 'setStock']);
