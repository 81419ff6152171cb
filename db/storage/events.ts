// The event log's change signal: on PostgreSQL several instances write the log, and each must hear
// of what the others wrote; on the SQLite file there is one process and in-process publishing is all.
import { watchEventLog as pgWatch } from '../pg/events';
import { storageKind } from './pick';

/** Whether other processes may write the event log (so live delivery must come from the log). */
export const sharedEventLog = (): boolean => storageKind() === 'postgres';

/** Calls `onChange` when any instance grew the log (never on SQLite). Returns a stop function. */
export function watchEventLog(onChange: () => void): () => void {
  return sharedEventLog() ? pgWatch(onChange) : () => {};
}
