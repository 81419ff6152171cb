'use client';
// Alert sounds made with Web Audio (no files to load). Browsers only allow sound after a tap, so the
// kitchen screen asks for one.

let ctx: AudioContext | null = null;

export async function enableSound(): Promise<boolean> {
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') await ctx.resume();
  return ctx.state === 'running';
}

export const soundEnabled = () => ctx?.state === 'running';

function tone(freq: number, start: number, duration: number, type: OscillatorType = 'sine', gain = 0.25) {
  if (!ctx) return;
  const osc = ctx.createOscillator();
  const g = ctx.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  g.gain.setValueAtTime(0, ctx.currentTime + start);
  g.gain.linearRampToValueAtTime(gain, ctx.currentTime + start + 0.02);
  g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + start + duration);
  osc.connect(g).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + duration + 0.05);
}

export type Alert = 'new' | 'edited' | 'canceled';

/** New: a bright two-note chime. Edited: three quick mid notes. Canceled: a low buzz, three times. */
export function playAlert(kind: Alert): void {
  if (!soundEnabled()) return;
  if (kind === 'new') {
    tone(880, 0, 0.25);
    tone(1320, 0.18, 0.35);
  } else if (kind === 'edited') {
    [0, 0.15, 0.3].forEach((t) => tone(660, t, 0.12, 'triangle'));
  } else {
    [0, 0.3, 0.6].forEach((t) => tone(180, t, 0.25, 'sawtooth', 0.2));
  }
}
