// Web app manifests for the screens that hang on a wall: "Add to home screen" on the kitchen tablet
// or the pickup-board TV opens them full-screen, in landscape, with our icon, straight to their page.
import type { Metadata } from 'next';

const ICONS = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
];

export type WallScreen = { id: string; name: string; shortName: string; startUrl: string; description: string };

export const KITCHEN_SCREEN: WallScreen = {
  id: '/kitchen',
  name: 'PB&J Kitchen screen',
  shortName: 'Kitchen',
  startUrl: '/kitchen',
  description: 'Live kitchen tickets for the line.',
};
export const BOARD_SCREEN: WallScreen = {
  id: '/board',
  name: 'PB&J Pickup board',
  shortName: 'Pickup',
  startUrl: '/board',
  description: 'Order numbers that are being made and ready for pickup.',
};

/** The manifest's JSON (served as application/manifest+json). */
export function webManifest(s: WallScreen) {
  return {
    id: s.id,
    name: s.name,
    short_name: s.shortName,
    description: s.description,
    start_url: s.startUrl,
    scope: s.startUrl,
    display: 'fullscreen',
    display_override: ['fullscreen', 'standalone'],
    orientation: 'landscape',
    background_color: '#09090b',
    theme_color: '#09090b',
    icons: ICONS,
  };
}

/** The page metadata that links a wall screen's manifest (and lets iOS open it full-screen too). */
export const wallScreenMetadata = (s: WallScreen, title: string): Metadata => ({
  title,
  manifest: `${s.startUrl}/manifest.webmanifest`,
  appleWebApp: { capable: true, title: s.shortName, statusBarStyle: 'black-translucent' },
});

export const manifestResponse = (s: WallScreen) =>
  new Response(JSON.stringify(webManifest(s)), {
    headers: { 'Content-Type': 'application/manifest+json', 'Cache-Control': 'public, max-age=3600' },
  });
