// The order's types live at the bottom of the house, in db/types/orders.ts (storage speaks them);
// lib/ and components/ keep importing them from here.
export { MENU_TYPES } from '@/db/types/orders';
export type {
  MenuType,
  OrderSource,
  OrderType,
  CanceledBy,
  Order,
  NewOrderInput,
  SandwichChoices,
  EventType,
  FieldChanges,
  Attention,
  OrderEvent,
  Changed,
  MenuOption,
  KitchenSettings,
} from '@/db/types/orders';
