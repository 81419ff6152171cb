import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  canCancel,
  canEdit,
  isOpen,
  ORDER_STATUSES,
  stepsFor,
  transition,
  type OrderAction,
  type OrderStatus,
} from './status';

const toasts = fc.constantFrom('none', 'light', 'dark', null);
const actions = fc.array(fc.constantFrom<OrderAction>('advance', 'undo', 'cancel', 'hub_cancel'), { maxLength: 30 });

describe('the status machine', () => {
  test('a toasted order walks queued → prepping → toasting → ready → delivered, one tap each', () => {
    let o = { status: 'queued' as OrderStatus, toast: 'light' };
    const seen: OrderStatus[] = [o.status];
    for (let to = transition(o, 'advance'); to; to = transition(o, 'advance')) {
      o = { ...o, status: to };
      seen.push(to);
    }
    expect(seen).toEqual(['queued', 'prepping', 'toasting', 'ready', 'delivered']);
  });

  test('toasting is skipped for toast "none" and for KitchenHub orders (toast null)', () => {
    expect(transition({ status: 'prepping', toast: 'none' }, 'advance')).toBe('ready');
    expect(transition({ status: 'prepping', toast: null }, 'advance')).toBe('ready');
    expect(stepsFor({ toast: null })).not.toContain('toasting');
  });

  test('undo moves back exactly one step and never before queued', () => {
    expect(transition({ status: 'ready', toast: 'light' }, 'undo')).toBe('toasting');
    expect(transition({ status: 'ready', toast: 'none' }, 'undo')).toBe('prepping');
    expect(transition({ status: 'delivered', toast: 'none' }, 'undo')).toBe('ready');
    expect(transition({ status: 'queued', toast: 'none' }, 'undo')).toBeNull();
    expect(transition({ status: 'canceled', toast: 'none' }, 'undo')).toBeNull();
  });

  test('cancel and edit only while queued or prepping; a KitchenHub cancel in any open status', () => {
    const table = Object.fromEntries(
      ORDER_STATUSES.map((s) => [
        s,
        [canCancel(s), canEdit(s), transition({ status: s, toast: 'light' }, 'hub_cancel')],
      ]),
    );
    expect(table).toEqual({
      queued: [true, true, 'canceled'],
      prepping: [true, true, 'canceled'],
      toasting: [false, false, 'canceled'],
      ready: [false, false, 'canceled'],
      delivered: [false, false, null],
      canceled: [false, false, null],
    });
  });

  test("KitchenHub's completed closes a ticket still in the kitchen, but a ready one waits for its courier", () => {
    const table = Object.fromEntries(
      ORDER_STATUSES.map((s) => [s, transition({ status: s, toast: null }, 'hub_complete')]),
    );
    expect(table).toEqual({
      queued: 'delivered',
      prepping: 'delivered',
      toasting: 'delivered',
      ready: null,
      delivered: null,
      canceled: null,
    });
  });

  test('no tap sequence cancels after prepping, toasts a no-toast order, skips a step or leaves a closed order', () => {
    fc.assert(
      fc.property(actions, toasts, (taps, toast) => {
        let o: { status: OrderStatus; toast: string | null } = { status: 'queued', toast };
        for (const action of taps) {
          const to = transition(o, action);
          if (to === null) continue; // a refused action changes nothing
          if (action === 'cancel') expect(['queued', 'prepping']).toContain(o.status);
          if (to === 'toasting') expect(['none', null]).not.toContain(toast);
          if (!isOpen(o.status)) expect(action).toBe('undo'); // only a recall reopens a closed order
          if (action === 'advance' || action === 'undo') {
            const line = stepsFor(o);
            expect(Math.abs(line.indexOf(to) - line.indexOf(o.status))).toBe(1);
          }
          o = { ...o, status: to };
        }
        expect(ORDER_STATUSES).toContain(o.status);
      }),
      { numRuns: 2000 },
    );
  });
});
