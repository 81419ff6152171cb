// The Next.js seam of staff access for pages (Server Components): read the session cookie, or send
// the visitor to /login and back.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { listStaff } from '@/db/storage/staff';
import { DEVICE_COOKIE, trustedDeviceId } from './device';
import { hasRole, SESSION_COOKIE, staffFromCookie, type StaffMember, type StaffRole } from './staff';

/** The signed-in staff member, or a redirect to /login?next=<path>; a lacking role goes to /login too, saying so. */
export async function requireStaffPage(path: string, role: StaffRole = 'kitchen'): Promise<StaffMember> {
  const jar = await cookies();
  const member = await staffFromCookie(jar.get(SESSION_COOKIE)?.value);
  if (!member) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!hasRole(member, role)) redirect(`/login?next=${encodeURIComponent(path)}&need=${role}`);
  return member;
}

export async function currentStaff(): Promise<StaffMember | undefined> {
  const jar = await cookies();
  return staffFromCookie(jar.get(SESSION_COOKIE)?.value);
}

/** The names to tap on the sign-in page: the active staff's, on a trusted device only (see device.ts). */
export async function signInNames(): Promise<string[] | undefined> {
  const jar = await cookies();
  if (!(await trustedDeviceId(jar.get(DEVICE_COOKIE)?.value))) return undefined;
  const names = (await listStaff()).filter((m) => m.active).map((m) => m.name);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
