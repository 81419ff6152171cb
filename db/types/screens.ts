// Kitchen screens and what they have shown, as storage keeps them. Pure: no imports.

/** A kitchen screen's last heartbeat (the screens table). */
export type ScreenRow = {
  id: string;
  station: string;
  staffName: string | null;
  userAgent: string | null;
  /** The last event sequence number the screen has applied. */
  lastSeq: number;
  /** How many tickets it shows. */
  showing: number;
  /** Whether its tickets matched the server's at the last heartbeat (null: events were in flight). */
  inSync: boolean | null;
  lastSeenAt: number;
  createdAt: number;
};

export type UnseenOrder = {
  id: string;
  dailyNumber: number;
  customerName: string | null;
  status: string;
  createdAt: number;
  source: string;
};

/** When an order was first shown on a kitchen screen, and by which. */
export type Sighting = { firstShownAt: number; screenId: string };
