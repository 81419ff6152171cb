// What the manager console's KitchenHub sections read (Incoming, the connection, our calls), parsed at
// the boundary with the very schemas the server's views are typed by: lib/kitchenhub/views.ts.
export {
  accountsSchema,
  connectResultSchema,
  hubCallSchema,
  hubCallsSchema,
  hubOrderViewSchema,
  hubSettingsSchema,
  incomingSchema,
  pendingHubOrderSchema,
  pollResultSchema,
  simulatedSchema,
  type Accounts,
  type CallView as HubCallView,
  type HubOrderView,
  type HubSettingsView as HubSettings,
  type Incoming,
  type PendingHubOrder,
} from '../kitchenhub/views';
