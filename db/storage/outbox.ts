// The outbox of calls we owe KitchenHub: claimed one at a time under a lease (see pick.ts). Calls are
// queued inside the units of work that cause them (orders, kitchenhub), not through this contract.
import { sqliteOutbox } from '../sqlite/outbox';
import { pgOutbox } from '../pg/outbox';
import type { CallQuery, CallResult, CallWithOrder, OutboxCall } from '../types/outbox';
import { pick } from './pick';

export type { CallWithOrder } from '../types/outbox';

export interface OutboxStorage {
  /**
   * Claims the oldest due call, leasing it for `leaseMs` and counting the attempt. A call waits while an
   * older call for the same order is still pending (accept goes before complete).
   */
  claimDueCall: (now: number, leaseMs: number) => Promise<OutboxCall | undefined>;
  /** Records how an attempt went and releases the lease. */
  finishCall: (id: number, result: CallResult, now: number) => Promise<void>;
  /** A failed or waiting call goes again now, with a fresh run of attempts. Returns it, or undefined if unknown. */
  retryCallNow: (id: number, now: number) => Promise<OutboxCall | undefined>;
  /** One call; undefined for an unknown id. */
  getCall: (id: number) => Promise<OutboxCall | undefined>;
  /** When the next pending call comes due (null when none is pending). */
  nextDueAt: () => Promise<number | null>;
  /** Calls, newest first, with the order they are about; `open` keeps the pending and failed ones only. */
  listCalls: (opts?: CallQuery) => Promise<CallWithOrder[]>;
  /** How many calls are stuck: failed, or waiting after a failure. */
  countStuckCalls: () => Promise<number>;
}

export const outboxStorage = pick<OutboxStorage>(sqliteOutbox, pgOutbox);
export const { claimDueCall, finishCall, retryCallNow, getCall, nextDueAt, listCalls, countStuckCalls } = outboxStorage;
