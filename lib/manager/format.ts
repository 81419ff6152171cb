// How the console writes times and durations: short, for people glancing at a tablet.

/** "3m 20s", "45s" or "1h 05m": a ticket time at a glance; "—" when there is none. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total}s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}

/** "just now", "5 min ago", "3 h ago", else the date: when a key was last used. */
export function formatAgo(at: number | null, now: number, never = 'Never'): string {
  if (at === null) return never;
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "Mon 23 Nov" for a business date (YYYY-MM-DD, a calendar day: formatted in UTC so it never shifts). */
export function formatDay(date: string): string {
  const at = Date.parse(`${date}T12:00:00Z`);
  if (Number.isNaN(at)) return date;
  return new Date(at).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** The calendar day `days` after `date` (both YYYY-MM-DD). */
export function shiftDay(date: string, days: number): string {
  const at = Date.parse(`${date}T12:00:00Z`);
  return new Date(at + days * 86_400_000).toISOString().slice(0, 10);
}

/** "09:00" for an hour of the day. */
export const formatHour = (h: number): string => `${String(h).padStart(2, '0')}:00`;
