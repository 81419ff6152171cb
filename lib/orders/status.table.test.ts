// The status machine, written out: for every action, every status and both kinds of order, where the
// order goes. Read this table to learn the rules; change it (on purpose) when a rule changes. It is
// typed by hand, never computed by the code it checks.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  canCancel,
  canEdit,
  canMarkItems,
  canRush,
  isBeingMade,
  isOpen,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  stepsFor,
  transition,
  type OrderAction,
  type OrderStatus,
} from './status';

// toast: "yes" is a toasted PB&J ('light'); "no" is toast 'none' and every KitchenHub order (toast null).
// A cell is where the action takes an order in that column's status; "-" means refused (a 409, or for
// KitchenHub's own news: nothing happens). The status itself back means allowed, but no move.
const TABLE = `
action        toast  queued    prepping  toasting  ready      delivered  canceled
advance       yes    prepping  toasting  ready     delivered  -          -
advance       no     prepping  ready     -         delivered  -          -
undo          yes    -         queued    prepping  toasting   ready      -
undo          no     -         queued    -         prepping   ready      -
cancel        yes    canceled  canceled  -         -          -          -
cancel        no     canceled  canceled  -         -          -          -
item_done     yes    prepping  prepping  -         -          -          -
item_done     no     prepping  prepping  -         -          -          -
item_undone   yes    queued    prepping  -         -          -          -
item_undone   no     queued    prepping  -         -          -          -
items_done    yes    toasting  toasting  -         -          -          -
items_done    no     ready     ready     -         -          -          -
hub_cancel    yes    canceled  canceled  canceled  canceled   -          -
hub_cancel    no     canceled  canceled  canceled  canceled   -          -
hub_complete  yes    delivered delivered delivered -          -          -
hub_complete  no     delivered delivered delivered -          -          -
close         yes    delivered delivered delivered delivered  -          -
close         no     delivered delivered delivered delivered  -          -
void          yes    canceled  canceled  canceled  canceled   -          -
void          no     canceled  canceled  canceled  canceled   -          -
`;
// Notes on the rows:
// - advance/undo: one step along the order's line; a no-toast order has no toasting step at all.
// - undo from delivered is the kitchen's recall of a ticket handed off by mistake; nothing reopens a cancel.
// - items_done: the last item of a delivery-app order marked done makes it ready, straight from queued
//   when nobody tapped Start. Those orders never toast; a toasted one would still go to the toaster.
// - hub_complete leaves a ready ticket alone: it waits for its courier, and "Handed off" closes it.
// - close/void: a manager resolving an order left open from an earlier day.

type Row = { action: OrderAction; toasted: boolean; to: Record<OrderStatus, OrderStatus | null> };

function parse(table: string): Row[] {
  const [header, ...lines] = table.trim().split('\n');
  const columns = header!.trim().split(/\s+/).slice(2);
  expect(columns).toEqual([...ORDER_STATUSES]);
  return lines.map((line) => {
    const [action, toast, ...cells] = line.trim().split(/\s+/);
    expect(ORDER_ACTIONS).toContain(action);
    expect(['yes', 'no']).toContain(toast);
    expect(cells).toHaveLength(ORDER_STATUSES.length);
    const to = Object.fromEntries(
      ORDER_STATUSES.map((s, i) => {
        const cell = cells[i]!;
        if (cell !== '-') expect(ORDER_STATUSES).toContain(cell);
        return [s, cell === '-' ? null : (cell as OrderStatus)];
      }),
    ) as Row['to'];
    return { action: action as OrderAction, toasted: toast === 'yes', to };
  });
}

const rows = parse(TABLE);

describe('the status machine, every (action, status, toast) written out', () => {
  test('the table covers every action once with and once without toast', () => {
    const keys = rows.map((r) => `${r.action}/${r.toasted ? 'yes' : 'no'}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(ORDER_ACTIONS.flatMap((a) => [`${a}/no`, `${a}/yes`]).sort());
  });

  test.each(rows.map((r) => [r.action, r.toasted ? 'toasted' : 'not toasted', r] as const))(
    '%s, %s',
    (action, _kind, row) => {
      const toasts = row.toasted ? ['light', 'dark'] : ['none', null];
      for (const toast of toasts)
        for (const status of ORDER_STATUSES)
          expect({ status, toast, to: transition({ status, toast }, action) }).toEqual({
            status,
            toast,
            to: row.to[status],
          });
    },
  );
});

describe('the questions the screens and handlers ask, per status', () => {
  test('edit, cancel and item marks share the window before toasting; rush lasts until ready', () => {
    const table = Object.fromEntries(
      ORDER_STATUSES.map((s) => [
        s,
        { edit: canEdit(s), cancel: canCancel(s), mark: canMarkItems(s), rush: canRush(s) },
      ]),
    );
    expect(table).toEqual({
      queued: { edit: true, cancel: true, mark: true, rush: true },
      prepping: { edit: true, cancel: true, mark: true, rush: true },
      toasting: { edit: false, cancel: false, mark: false, rush: true },
      ready: { edit: false, cancel: false, mark: false, rush: false },
      delivered: { edit: false, cancel: false, mark: false, rush: false },
      canceled: { edit: false, cancel: false, mark: false, rush: false },
    });
  });

  test('open: the kitchen still has it; being made: open and not yet ready', () => {
    expect(ORDER_STATUSES.filter(isOpen)).toEqual(['queued', 'prepping', 'toasting', 'ready']);
    expect(ORDER_STATUSES.filter(isBeingMade)).toEqual(['queued', 'prepping', 'toasting']);
  });

  test('the question and the machine agree: cancel and item marks are refused exactly where the predicate says no', () => {
    for (const status of ORDER_STATUSES) {
      expect(transition({ status, toast: 'light' }, 'cancel') !== null).toBe(canCancel(status));
      expect(transition({ status, toast: null }, 'item_undone') !== null).toBe(canMarkItems(status));
    }
  });
});

describe('any sequence of actions', () => {
  const toasts = fc.constantFrom('none', 'light', 'dark', null);
  const actions = fc.array(fc.constantFrom(...ORDER_ACTIONS), { maxLength: 40 });

  test('never toasts a no-toast order, never skips a tap-step, and only a recall reopens a closed order', () => {
    fc.assert(
      fc.property(actions, toasts, (taps, toast) => {
        let o: { status: OrderStatus; toast: string | null } = { status: 'queued', toast };
        for (const action of taps) {
          const to = transition(o, action);
          if (to === null) continue; // a refused action changes nothing
          if (to !== 'canceled') expect(stepsFor(o)).toContain(to); // its own line: toasting only if toasted
          if (!isOpen(o.status)) expect([o.status, action]).toEqual(['delivered', 'undo']);
          if (action === 'advance' || action === 'undo') {
            const line = stepsFor(o);
            expect(Math.abs(line.indexOf(to) - line.indexOf(o.status))).toBe(1);
          }
          o = { ...o, status: to };
        }
      }),
      { numRuns: 2000 },
    );
  });
});
