// All page data comes through here: query keys from one factory, so no invalidation misses.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './fetch';
import { boardSchema, type Board, type Ticket } from './schemas';

export const orderKeys = {
  all: ['orders'] as const,
  board: () => [...orderKeys.all, 'board'] as const,
  detail: (orderId: string) => [...orderKeys.all, 'detail', orderId] as const,
};

export const boardQuery = () =>
  queryOptions({
    queryKey: orderKeys.board(),
    staleTime: Infinity, // the stream keeps it fresh; polling takes over while the stream is down
    queryFn: ({ signal }) => getJson('/api/tickets', boardSchema, signal),
  });

/** Where a ticket belongs on the board: open (or canceled and unacknowledged) tickets, else recall. */
const onBoard = (t: Ticket) => t.status !== 'delivered' && (t.status !== 'canceled' || t.attention !== null);

/**
 * Puts a pushed or returned ticket into the board, ignoring anything older than what is cached, so
 * mutation results and stream messages can land in either order.
 */
export function upsertTicket(board: Board, ticket: Ticket): Board {
  const cached = board.tickets.find((t) => t.order_id === ticket.order_id) ?? board.recent.find((t) => t.order_id === ticket.order_id);
  if (cached && cached.version >= ticket.version) return board;
  const tickets = board.tickets.filter((t) => t.order_id !== ticket.order_id);
  const recent = board.recent.filter((t) => t.order_id !== ticket.order_id);
  if (onBoard(ticket)) {
    tickets.push(ticket);
    tickets.sort((a, b) => a.created_at - b.created_at || a.order_id.localeCompare(b.order_id));
  } else {
    recent.unshift(ticket);
    recent.splice(20);
  }
  return { ...board, tickets, recent };
}
