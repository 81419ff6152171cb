import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import { DEMO_BANNER_HEIGHT, DemoBanner } from '@/components/ui/demo-banner';
import { demoOn } from '@/lib/demo';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PB&J Kitchen Display', template: '%s · PB&J Kitchen' },
  description: 'Orders API, kitchen screen, customer tracking and manager console for a PB&J kitchen.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#09090b' };

/** Whether demo data is on, read per request (never baked in at build); a store that is down shows no banner. */
async function showDemoBanner(): Promise<boolean> {
  await connection();
  try {
    return await demoOn();
  } catch {
    return false;
  }
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const demo = await showDemoBanner();
  return (
    <html lang="en" style={demo ? ({ '--demo-banner': DEMO_BANNER_HEIGHT } as React.CSSProperties) : undefined}>
      <body className="min-h-dvh font-sans">
        {demo && <DemoBanner />}
        {children}
      </body>
    </html>
  );
}
