// This process's name among the instances sharing one database: what it writes as a lease holder.
import { randomBytes } from 'node:crypto';
import os from 'node:os';

const KEY = Symbol.for('kds.instanceId');
const holder = globalThis as unknown as { [KEY]?: string };

/** `<host>:<pid>:<random>`, made once per process (every module copy shares it). */
export function instanceId(): string {
  return (holder[KEY] ??= `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`);
}

/** A lease holder for one piece of work: unique even between two tasks of this process. */
export const taskHolder = (): string => `${instanceId()}:${randomBytes(4).toString('hex')}`;
