// The strip on every page while demo data is on (the seed's key and PINs work, so nothing here is
// safe for real orders). Rendered by the root layout; its height is the --demo-banner CSS variable,
// which full-screen pages (the kitchen, the board) subtract from the viewport.
export const DEMO_BANNER_HEIGHT = '1.75rem';

export function DemoBanner() {
  return (
    <aside
      aria-label="Demo data"
      data-testid="demo-banner"
      className="flex h-7 items-center justify-center gap-2 overflow-hidden bg-amber-300 px-3 text-sm font-bold whitespace-nowrap text-zinc-950"
    >
      Demo data: do not use for real orders.
      <span className="font-medium max-sm:hidden">A manager switches it off under Manager → Store.</span>
    </aside>
  );
}
