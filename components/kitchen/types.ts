// Words the kitchen screen's parts share (kept apart so that the ticket card and its parts, and the
// hooks, can all use them without importing one another).

/** A menu option's label, as the board's menu names it ("Light toast" for toast:light). */
export type Label = (type: string, option: string | null) => string;
/** What a tap on a ticket does: each is a route of its own under /api/orders/{id}/. */
export type TicketAction = 'advance' | 'undo' | 'cancel' | 'acknowledge' | 'rush' | 'unrush' | 'item';
