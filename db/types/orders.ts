// The order's vocabulary, at the bottom of the house: storage speaks it, and lib/ builds its rules on
// it (lib/orders/status.ts is the one place that says which status may follow which). Pure: no imports.

/** Every status an order can have, in the order the kitchen walks them (canceled last: it is an exit). */
export const ORDER_STATUSES = ['queued', 'prepping', 'toasting', 'ready', 'delivered', 'canceled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
