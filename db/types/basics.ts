// What every database needs to be usable: the menu, an API client with its key, and staff. The rows
// come from the seed (lib/seed.ts); storage only inserts whichever of them are missing. Pure: imports
// nothing outside db/types.
import type { MenuOption } from './orders';
import type { StaffWithPin } from './staff';

export type Basics = {
  menu: Array<MenuOption & { updatedAt: number }>;
  clients: Array<{ id: string; name: string; createdAt: number }>;
  keys: Array<{
    id: string;
    clientId: string;
    name: string;
    keyHash: string;
    prefix: string;
    mode: 'test' | 'live';
    createdAt: number;
  }>;
  staff: StaffWithPin[];
};
