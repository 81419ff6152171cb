// The Next.js seam of staff access for pages (Server Components): read the session cookie, or send
// the visitor to /login and back.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
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
