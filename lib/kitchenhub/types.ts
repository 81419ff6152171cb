// KitchenHub's stored types live at the bottom of the house, in db/types/kitchenhub.ts and
// db/types/outbox.ts (storage speaks them); lib/ and components/ keep importing them from here.
export type {
  HubState,
  HubOrder,
  DeliveryOutcome,
  DeliverySource,
  Delivery,
  TicketMove,
  HubPlan,
} from '@/db/types/kitchenhub';
export type { HubCall, HubCallAction, OutboxState, OutboxCall } from '@/db/types/outbox';
