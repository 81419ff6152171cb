// What the pages accept from our own server, parsed with zod at the boundary (SSE messages included).
// Each shape is defined once, beside the server code that produces it, and re-exported here: the
// page parses with the very schema object the handler's type is inferred from (schemas.test.ts).
// All of them are zod/mini, which tree-shakes (see lib/orders/views.ts).

// ——— The kitchen screen and the public pages: lib/orders/views.ts ———

export {
  attentionSchema,
  boardEntrySchema,
  boardSchema,
  cancelRefusalSchema,
  conflictSchema,
  eventViewSchema,
  hubItemSchema,
  menuOptionSchema,
  orderMessageSchema,
  pickupBoardSchema,
  stockSchema,
  ticketHistorySchema,
  ticketResponseSchema,
  ticketSchema,
  trackingViewSchema,
  type Attention,
  type Board,
  type BoardEntry,
  type MenuOptionEntry as MenuOptionView,
  type OrderMessage,
  type PickupBoard,
  type Stock,
  type Ticket,
  type TrackingView,
} from '../orders/views';

// ——— Manager console: lib/manager/views.ts ———

export {
  apiKeyListSchema,
  createdKeySchema,
  dayNumbersSchema,
  pauseSchema,
  staffListSchema,
  storeControlsSchema,
  type ApiKeyView,
  type DayNumbers,
  type StaffView,
  type StoreControls,
} from '../manager/views';

// ——— Manager: the KitchenHub deliveries log, lib/kitchenhub/delivery-log.ts ———

export {
  deliveryLogSchema,
  deliveryViewSchema,
  PROBLEM_OUTCOMES,
  replayResultSchema,
  type DeliveryLog,
  type DeliveryView,
  type ReplayResult,
} from '../kitchenhub/delivery-log';
