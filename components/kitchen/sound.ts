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
export type AlertEventDetail = { kind: Alert; escalated: boolean; audible: boolean };
/** Every alert also fires this window event (a visual flash, an external buzzer or a test can follow it). */
export const ALERT_EVENT = 'kds:alert';

/**
 * New: a bright two-note chime. Edited: three quick mid notes. Canceled: a low buzz, three times.
 * Escalated: louder, and each pattern played twice.
 */
export function playAlert(kind: Alert, opts: { volume?: number; escalated?: boolean } = {}): void {
  const escalated = opts.escalated ?? false;
  const audible = soundEnabled();
  if (typeof window !== 'undefined')
    window.dispatchEvent(new CustomEvent<AlertEventDetail>(ALERT_EVENT, { detail: { kind, escalated, audible } }));
  if (!audible) return;
  const gain = Math.min(1, (opts.volume ?? 0.6) * (escalated ? 1.6 : 1));
  const pattern = (offset: number) => {
    if (kind === 'new') {
      tone(880, offset, 0.25, 'sine', 0.4 * gain);
      tone(1320, offset + 0.18, 0.35, 'sine', 0.4 * gain);
    } else if (kind === 'edited') {
      [0, 0.15, 0.3].forEach((t) => tone(660, offset + t, 0.12, 'triangle', 0.4 * gain));
    } else {
      [0, 0.3, 0.6].forEach((t) => tone(180, offset + t, 0.25, 'sawtooth', 0.35 * gain));
    }
  };
  pattern(0);
  if (escalated) pattern(0.9);
}
