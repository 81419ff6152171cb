// Kitchen screens' heartbeats and which orders they have shown: "no silent missing orders" (see pick.ts).
import { sqliteScreens } from '../sqlite/screens';
import { pgScreens } from '../pg/screens';
import type { ScreenRow, Sighting, UnseenOrder } from '../types/screens';
import { pick } from './pick';

export type { ScreenRow, UnseenOrder } from '../types/screens';

export interface ScreensStorage {
  /** Records a heartbeat: upserts the screen and notes the first sighting of each order it shows (one transaction). */
  recordHeartbeat: (screen: Omit<ScreenRow, 'createdAt'>, shown: readonly string[], now: number) => Promise<void>;
  /** Screens heard from since `since`, most recently heard first. */
  listScreens: (since: number) => Promise<ScreenRow[]>;
  /** Open orders placed at or before `placedBy` that no screen has shown yet, oldest first. */
  unseenOpenOrders: (placedBy: number, limit: number) => Promise<UnseenOrder[]>;
  /** When (and by which screen) an order was first shown, if it was. */
  sightingOf: (orderId: string) => Promise<Sighting | undefined>;
}

export const screensStorage = pick<ScreensStorage>(sqliteScreens, pgScreens);
export const { recordHeartbeat, listScreens, unseenOpenOrders, sightingOf } = screensStorage;
