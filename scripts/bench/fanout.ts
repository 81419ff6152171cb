// Fan-out: N concurrent live streams held by a separate load process (fanout-client.ts): half kitchen
// streams (/api/events, staff cookie), half trackers (/api/track/{id}/events) of one order, plus a few
// trackers of another order that must hear nothing of the first. One change to the tracked order
// reaches all of them: delivery time from the staff request being sent to each stream's event, server
// RSS, dropped streams, streams still subscribed after the clients leave (/api/health live_streams),
// and the time until every stream is back after a server restart.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  fmt,
  fmtStats,
  goal,
  percentile,
  placeOrder,
  serverMemory,
  sleep,
  staffCookie,
  startServer,
  stats,
  table,
  wallMs,
  type Section,
  type Server,
} from './common';
import type { FromClient, StreamSpec, ToClient } from './fanout-client';

export type FanoutOptions = { levels: number[]; changes: number };

/** The forked load process (fanout-client.ts), asked one thing at a time over IPC. */
export class LoadProcess {
  private readonly child: ChildProcess;
  private waiting: ((m: FromClient) => void) | undefined;
  constructor() {
    this.child = fork(path.join(__dirname, 'fanout-client.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromClient) => this.waiting?.(m));
  }
  ask<T extends FromClient['type']>(msg: ToClient, reply: T): Promise<Extract<FromClient, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`load process did not answer ${msg.type}`)), 120_000);
      this.waiting = (m) => {
        if (m.type !== reply) return;
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(m as Extract<FromClient, { type: T }>); // narrowed by its `type`, checked just above
      };
      this.child.send(msg);
    });
  }
  stop(): void {
    this.child.kill();
  }
}

async function liveStreams(url: string): Promise<number> {
  const body = (await (await fetch(`${url}/api/health`)).json()) as { live_streams?: number }; // our own health answer
  return body.live_streams ?? NaN;
}

type Level = {
  n: number;
  openMs: number;
  failedOpen: number;
  p50: number[];
  p95: number[];
  max: number[];
  missed: number;
  rssIdle: number;
  rssOpen: number;
  rssPeak: number;
  dropped: number;
  leaked: number;
  strayTrackerEvents: number;
  controlHeard: boolean;
  restartMs: number;
  reconnectMs: number;
  reconnectFromUpMs: number;
  reconnected: number;
};

/** Runs every level against one database; `holder.server` is replaced by each restart. */
export async function fanout(
  holder: { server: Server },
  databasePath: string,
  opts: FanoutOptions,
  cleanups: Array<() => unknown>,
): Promise<Section> {
  console.log('\n== Fan-out');
  const load = new LoadProcess();
  cleanups.push(() => load.stop());
  const levels: Level[] = [];
  for (const n of opts.levels) {
    const server = holder.server;
    const cookie = await staffCookie(server.url);
    const tracked = await placeOrder(server.url);
    const other = await placeOrder(server.url);
    const controls = Math.max(2, Math.round(n * 0.02));
    const kitchen = Math.floor(n / 2);
    const streams: StreamSpec[] = [
      ...Array.from({ length: kitchen }, () => ({ path: '/api/events', cookie })),
      ...Array.from({ length: n - kitchen - controls }, () => ({ path: `/api/track/${tracked}/events` })),
      ...Array.from({ length: controls }, () => ({ path: `/api/track/${other}/events` })),
    ];
    const expect = streams.flatMap((s, i) => (s.path.includes(other) ? [] : [i]));
    const controlIdx = streams.flatMap((s, i) => (s.path.includes(other) ? [i] : []));
    const rssIdle = serverMemory(server.pid).rssMb;

    const t0 = wallMs();
    const opened = await load.ask({ type: 'open', base: server.url, streams }, 'opened');
    const openMs = wallMs() - t0;
    const rssOpen = serverMemory(server.pid).rssMb;
    console.log(
      `${n} streams: ${opened.ready} ready in ${fmt(openMs)} ms (${opened.failed} failed), RSS ${fmt(rssIdle)} → ${fmt(rssOpen)} MB`,
    );

    const level: Level = {
      n,
      openMs,
      failedOpen: opened.failed,
      p50: [],
      p95: [],
      max: [],
      missed: 0,
      rssIdle,
      rssOpen,
      rssPeak: rssOpen,
      dropped: 0,
      leaked: NaN,
      strayTrackerEvents: 0,
      controlHeard: false,
      restartMs: NaN,
      reconnectMs: NaN,
      reconnectFromUpMs: NaN,
      reconnected: 0,
    };
    let version = 1;
    for (let c = 0; c < opts.changes; c++) {
      await sleep(300);
      await load.ask({ type: 'mark' }, 'marked');
      const action = c % 2 === 0 ? 'advance' : 'undo'; // queued ⇄ prepping: every change reaches every stream
      const sent = wallMs();
      const res = await fetch(`${server.url}/api/orders/${tracked}/${action}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ version }),
      });
      if (!res.ok) throw new Error(`${action} answered ${res.status}: ${await res.text()}`);
      version = ((await res.json()) as { ticket: { version: number } }).ticket.version; // our own staff endpoint's answer
      const { times } = await load.ask({ type: 'collect', expect, timeoutMs: 20_000 }, 'collected');
      const got = expect
        .map((i) => (times[i] ?? NaN) - sent)
        .filter((x) => Number.isFinite(x))
        .sort((a, b) => a - b);
      level.missed += expect.length - got.length;
      if (controlIdx.some((i) => Number.isFinite(times[i] ?? NaN))) level.controlHeard = true;
      level.p50.push(percentile(got, 50));
      level.p95.push(percentile(got, 95));
      level.max.push(got[got.length - 1] ?? NaN);
      level.rssPeak = Math.max(level.rssPeak, serverMemory(server.pid).rssMb);
      console.log(
        `  change ${c + 1}: p50 ${fmt(percentile(got, 50), 1)} ms, p95 ${fmt(percentile(got, 95), 1)} ms, max ${fmt(got[got.length - 1] ?? NaN, 1)} ms, ${got.length}/${expect.length} reached`,
      );
    }
    const before = await load.ask({ type: 'summary' }, 'summary');
    level.dropped = before.dropped;
    // Trackers must hear only their own order (the kitchen hears every order).
    level.strayTrackerEvents = streams.reduce((bad, s, i) => {
      if (!s.path.startsWith('/api/track/')) return bad;
      const own = s.path.split('/')[3];
      return bad + (before.orderIds[i] ?? []).filter((id) => id !== own).length;
    }, 0);

    // Restart: SIGTERM, a new `next start` on the same port and database; the clients reconnect by themselves.
    const down = wallMs();
    await server.stop();
    const restarted = await startServer({ databasePath, port: server.port, pollMs: 20 });
    holder.server = restarted;
    level.restartMs = restarted.healthyAt - down;
    const back = await load.ask({ type: 'waitReady', since: down, timeoutMs: 30_000 }, 'reconnected');
    level.reconnected = back.ready;
    level.reconnectMs = back.lastReadyAt - down;
    level.reconnectFromUpMs = back.lastReadyAt - restarted.healthyAt;
    console.log(
      `  restart: server up after ${fmt(level.restartMs)} ms, ${back.ready}/${n} streams back after ${fmt(level.reconnectMs)} ms`,
    );

    await load.ask({ type: 'close' }, 'closed');
    let left = await liveStreams(restarted.url);
    for (let i = 0; i < 40 && left > 0; i++) {
      await sleep(50);
      left = await liveStreams(restarted.url);
    }
    level.leaked = left;
    console.log(
      `  after the clients left: ${left} streams still subscribed; dropped before restart ${level.dropped}; stray tracker events ${level.strayTrackerEvents}`,
    );
    levels.push(level);
  }
  load.stop();

  const rows = levels.map((l) => [
    String(l.n),
    fmtStats(stats(l.p50), 1),
    fmtStats(stats(l.p95), 1),
    fmtStats(stats(l.max), 1),
    String(l.missed),
    `${fmt(l.rssIdle)} → ${fmt(l.rssOpen)} (peak ${fmt(l.rssPeak)})`,
    String(l.dropped + l.failedOpen),
    fmt(l.leaked),
    `${fmt(l.reconnectFromUpMs)} (${l.reconnected}/${l.n})`,
    fmt(l.restartMs),
    fmt(l.reconnectMs),
    `${l.strayTrackerEvents === 0 && !l.controlHeard ? 'yes' : 'NO'}`,
  ]);
  const at500 = levels.find((l) => l.n === 500) ?? levels[levels.length - 1];
  const goals = at500
    ? [
        {
          name: `fan-out p95 < 100 ms at ${at500.n} streams`,
          value: `${fmtStats(stats(at500.p95), 1)} ms`,
          met: stats(at500.p95).median < 100,
        },
        {
          name: `server RSS < 300 MB at ${at500.n} streams`,
          value: `${fmt(at500.rssPeak)} MB`,
          met: at500.rssPeak < 300,
        },
        {
          name: `none dropped at ${at500.n} streams`,
          value: String(at500.dropped + at500.failedOpen + at500.missed),
          met: at500.dropped + at500.failedOpen + at500.missed === 0,
        },
        { name: `none leaked at ${at500.n} streams`, value: fmt(at500.leaked), met: at500.leaked === 0 },
        {
          name: `all ${at500.n} reconnected < 3 s after the restarted server answers`,
          value: `${fmt(at500.reconnectFromUpMs)} ms`,
          met: at500.reconnected === at500.n && at500.reconnectFromUpMs < 3000,
        },
        {
          name: 'a tracker hears only its own order',
          value: levels.every((l) => l.strayTrackerEvents === 0 && !l.controlHeard) ? 'yes' : 'no',
          met: levels.every((l) => l.strayTrackerEvents === 0 && !l.controlHeard),
        },
      ]
    : [];
  const markdown = [
    `${opts.changes} changes per level (advance, undo, … of one order), each reaching every kitchen stream and every tracker of that order; the trackers of a second order (2 %) must hear nothing. Delivery time runs from the staff request being sent to the event arriving in the load process (same machine clock); each change is one repetition, figures are the median (min–max) over the changes. RSS is VmRSS of the next-server process (MB). Restart: SIGTERM to the server, then a new \`next start\` on the same port and file as soon as the old one has exited (the bench kills it with SIGKILL 5 s after SIGTERM if it has not); reconnect counts until every stream has its \`ready\` event from the new server. The clients wait the server's \`retry\` (1–1.5 s, jittered per stream) like EventSource, so ~1.25 s of it is that wait by design.`,
    '',
    ...table(
      [
        'streams',
        'p50 ms',
        'p95 ms',
        'max ms',
        'not reached',
        'RSS idle → open (peak) MB',
        'dropped',
        'left subscribed',
        'all reconnected after the new server answers, ms',
        'SIGTERM → new server answers, ms',
        'SIGTERM → all reconnected, ms',
        'trackers hear only their order',
      ],
      ['--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '---'],
      rows,
    ),
    '',
    ...table(
      ['goal', 'measured', ''],
      ['---', '--:', '---'],
      goals.map((g) => [g.name, g.value, goal(g.met)]),
    ),
  ];
  return { title: 'Fan-out: live streams', markdown, goals };
}
