// API clients and their keys as storage keeps them (only a key's SHA-256 is stored). Pure: no imports.

export type ApiKeyRecord = {
  id: string;
  clientId: string;
  clientName: string;
  name: string;
  prefix: string;
  mode: 'test' | 'live';
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

/** A key as the manager's console lists it. */
export type ApiKeyListing = ApiKeyRecord;

export type NewApiKey = {
  id: string;
  clientId: string;
  clientName: string;
  name: string;
  keyHash: string;
  prefix: string;
  mode: 'test' | 'live';
  now: number;
};
