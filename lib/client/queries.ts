// All page data comes through here: query keys from one factory, so no invalidation misses.
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './fetch';
import { accountsSchema, hubCallsSchema, hubSettingsSchema, incomingSchema } from './kitchenhub';
import {
  apiKeyListSchema,
  boardSchema,
  ticketHistorySchema,
  dayNumbersSchema,
  deliveryLogSchema,
  pickupBoardSchema,
  PROBLEM_OUTCOMES,
  staffListSchema,
  stockSchema,
  storeControlsSchema,
  trackingViewSchema,
  type Board,
  type PickupBoard,
  type Ticket,
  type TrackingView,
} from './schemas';
import { screensOverviewSchema } from './screens';
import { isOpen, STATUS } from '../orders/status';
import { backoffMs, getFresh, shouldRetry, type Fresh } from './tracking';

export const orderKeys = {
  all: ['orders'] as const,
  board: () => [...orderKeys.all, 'board'] as const,
  detail: (orderId: string) => [...orderKeys.all, 'detail', orderId] as const,
  history: (orderId: string, version: number) => [...orderKeys.all, 'history', orderId, version] as const,
};

/** One ticket's events in words; keyed by version, so a change to the ticket reads it again. */
export const ticketHistoryQuery = (orderId: string, version: number) =>
  queryOptions({
    queryKey: orderKeys.history(orderId, version),
    staleTime: Infinity,
    queryFn: ({ signal }) => getJson(`/api/orders/${encodeURIComponent(orderId)}/history`, ticketHistorySchema, signal),
  });

/** The kitchen board as fetched, with this tablet's clock at the moment it arrived. */
export type KitchenBoardData = Board & { received_at: number };

export const boardQuery = () =>
  queryOptions({
    queryKey: orderKeys.board(),
    staleTime: Infinity, // the stream keeps it fresh; polling takes over while the stream is down
    // received_at is this tablet's clock when server_time was read: their difference is the clock offset,
    // and it survives the pushed tickets that setQueryData adds later.
    queryFn: async ({ signal }): Promise<KitchenBoardData> => ({
      ...(await getJson('/api/tickets', boardSchema, signal)),
      received_at: Date.now(),
    }),
  });

/** Where a ticket belongs on the board: open (or canceled and unacknowledged) tickets, else recall. */
const onBoard = (t: Ticket) => isOpen(t.status) || (t.status === STATUS.canceled && t.attention !== null);

/**
 * Puts a pushed or returned ticket into the board, ignoring anything older than what is cached, so
 * mutation results and stream messages can land in either order.
 */
export function upsertTicket<B extends Board>(board: B, ticket: Ticket): B {
  const cached =
    board.tickets.find((t) => t.order_id === ticket.order_id) ??
    board.recent.find((t) => t.order_id === ticket.order_id);
  if (cached && cached.version >= ticket.version) return board;
  const tickets = board.tickets.filter((t) => t.order_id !== ticket.order_id);
  const recent = board.recent.filter((t) => t.order_id !== ticket.order_id);
  if (onBoard(ticket)) {
    tickets.push(ticket);
    tickets.sort(
      (a, b) => Number(b.rush) - Number(a.rush) || a.created_at - b.created_at || a.order_id.localeCompare(b.order_id),
    ); // as the server: rush first
  } else {
    recent.unshift(ticket);
    recent.splice(20);
  }
  return { ...board, tickets, recent };
}

// ——— Public pages (tracker, pickup board): their own keys, apart from the staff screens' ———

export const publicKeys = {
  all: ['public'] as const,
  tracking: (orderId: string) => [...publicKeys.all, 'tracking', orderId] as const,
  pickupBoard: () => [...publicKeys.all, 'pickup-board'] as const,
};

/**
 * One order for its customer. Polls send If-None-Match (304 keeps the cached view), a poll answer
 * older than a pushed view is ignored, and failures retry with backoff (Retry-After respected).
 */
export const trackingQuery = (orderId: string) =>
  queryOptions({
    queryKey: publicKeys.tracking(orderId),
    staleTime: Infinity, // the stream keeps it fresh; the page decides when to poll
    retry: shouldRetry,
    retryDelay: backoffMs,
    queryFn: async ({ client, queryKey, signal }): Promise<Fresh<TrackingView>> => {
      const cached = client.getQueryData<Fresh<TrackingView>>(queryKey);
      const fetched = await getFresh(`/api/track/${encodeURIComponent(orderId)}`, trackingViewSchema, cached, signal);
      // Read the cache again: a pushed change may have landed while this GET was on its way, and an
      // answer read before it must not put the old status back (the tracker would show it until the next poll).
      const now = client.getQueryData<Fresh<TrackingView>>(queryKey);
      return now && now.data.version > fetched.data.version ? now : fetched;
    },
  });

/** The lobby's pickup board: preparing and ready orders by number and first name. */
export const pickupBoardQuery = () =>
  queryOptions({
    queryKey: publicKeys.pickupBoard(),
    staleTime: Infinity,
    retry: shouldRetry,
    retryDelay: backoffMs,
    queryFn: ({ client, queryKey, signal }): Promise<Fresh<PickupBoard>> =>
      getFresh('/api/board', pickupBoardSchema, client.getQueryData<Fresh<PickupBoard>>(queryKey), signal),
  });

// ——— Manager console ———

/** Stock and pause change from other screens (a cook 86s on the kitchen tablet): poll them, cheaply. */
export const MANAGER_POLL_MS = 4_000;

export const managerKeys = {
  all: ['manager'] as const,
  stock: () => [...managerKeys.all, 'stock'] as const,
  store: () => [...managerKeys.all, 'store'] as const,
  apiKeys: () => [...managerKeys.all, 'api-keys'] as const,
  staff: () => [...managerKeys.all, 'staff'] as const,
  numbers: (date: string | null) => [...managerKeys.all, 'numbers', date ?? 'today'] as const,
};

export const stockQuery = () =>
  queryOptions({
    queryKey: managerKeys.stock(),
    refetchInterval: MANAGER_POLL_MS,
    queryFn: ({ signal }) => getJson('/api/stock', stockSchema, signal),
  });

export const storeControlsQuery = () =>
  queryOptions({
    queryKey: managerKeys.store(),
    refetchInterval: MANAGER_POLL_MS,
    queryFn: ({ signal }) => getJson('/api/manager/store', storeControlsSchema, signal),
  });

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: managerKeys.apiKeys(),
    refetchInterval: 30_000,
    queryFn: ({ signal }) => getJson('/api/manager/keys', apiKeyListSchema, signal),
  });

export const staffQuery = () =>
  queryOptions({
    queryKey: managerKeys.staff(),
    queryFn: ({ signal }) => getJson('/api/manager/staff', staffListSchema, signal),
  });

/** A day's numbers (null: today). Today's refresh every half minute; past days do not change. */
export const numbersQuery = (date: string | null) =>
  queryOptions({
    queryKey: managerKeys.numbers(date),
    refetchInterval: date === null ? 30_000 : false,
    queryFn: ({ signal }) =>
      getJson(`/api/manager/numbers${date ? `?date=${encodeURIComponent(date)}` : ''}`, dayNumbersSchema, signal),
  });

// ——— Manager: KitchenHub orders waiting for a decision ———

export const hubKeys = {
  all: ['kitchenhub'] as const,
  incoming: () => [...hubKeys.all, 'incoming'] as const,
  settings: () => [...hubKeys.all, 'settings'] as const,
  accounts: () => [...hubKeys.all, 'accounts'] as const,
  calls: () => [...hubKeys.all, 'calls'] as const,
};

/** Pending and scheduled KitchenHub orders, polled every few seconds so a new one is never missed. */
export const incomingQuery = () =>
  queryOptions({
    queryKey: hubKeys.incoming(),
    refetchInterval: 4_000,
    queryFn: ({ signal }) => getJson('/api/kitchenhub/orders', incomingSchema, signal),
  });

/** The KitchenHub connection settings (secrets only as set/unset). */
export const hubSettingsQuery = () =>
  queryOptions({
    queryKey: hubKeys.settings(),
    queryFn: ({ signal }) => getJson('/api/kitchenhub/settings', hubSettingsSchema, signal),
  });

/** KitchenHub's integration accounts with their online status (read from KitchenHub: not polled often). */
export const hubAccountsQuery = () =>
  queryOptions({
    queryKey: hubKeys.accounts(),
    staleTime: 30_000,
    queryFn: ({ signal }) => getJson('/api/kitchenhub/accounts', accountsSchema, signal),
  });

/** Our calls to KitchenHub, newest first, polled so a failure shows within seconds. */
export const hubCallsQuery = () =>
  queryOptions({
    queryKey: hubKeys.calls(),
    refetchInterval: 4_000,
    queryFn: ({ signal }) => getJson('/api/kitchenhub/calls', hubCallsSchema, signal),
  });

// ——— Manager: the KitchenHub deliveries log ———

/** Which deliveries the log shows: all of them, or only the ones that need the manager's eye. */
export type DeliveryFilter = 'all' | 'problems';

export const deliveryKeys = {
  all: [...hubKeys.all, 'deliveries'] as const,
  log: (filter: DeliveryFilter) => [...deliveryKeys.all, filter] as const,
};

/** Webhooks as they arrive, newest first, polled every 5 s. */
export const deliveriesQuery = (filter: DeliveryFilter) =>
  queryOptions({
    queryKey: deliveryKeys.log(filter),
    refetchInterval: 5_000,
    queryFn: ({ signal }) =>
      getJson(
        `/api/kitchenhub/deliveries${filter === 'problems' ? `?outcome=${PROBLEM_OUTCOMES.join(',')}` : ''}`,
        deliveryLogSchema,
        signal,
      ),
  });

// ——— Kitchen screens and the missing-order alarm (lib/live/screens.ts) ———

export const screenKeys = { all: ['screens'] as const };

/** Every kitchen screen's last heartbeat and the missing-order alarm, polled for the manager console. */
export const screensQuery = () =>
  queryOptions({
    queryKey: screenKeys.all,
    refetchInterval: 5_000,
    queryFn: ({ signal }) => getJson('/api/screens', screensOverviewSchema, signal),
  });
