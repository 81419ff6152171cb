import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PB&J Kitchen Display', template: '%s · PB&J Kitchen' },
  description: 'Orders API, kitchen screen, customer tracking and manager console for a PB&J kitchen.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#09090b' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
