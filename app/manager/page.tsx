import { redirect } from 'next/navigation';

/** The console opens on incoming delivery-app orders: the section that cannot wait. */
export default function ManagerHome() {
  redirect('/manager/incoming');
}
