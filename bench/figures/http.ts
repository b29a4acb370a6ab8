// Figure 2: POST /api/v1/partnerships/{id}/aid-deliveries over 1,000 partnerships at 32 connections,
// with auth, validation and the rate-limit guard on, against the app started as a child process on
// a free port (its own event loop, as in production). autocannon drives it from this process.
// Baseline: the HTTP floor (bench/floors/server.ts) on the same requests. Then, with the same app
// running its projection, the projection lag: events committed at a fixed rate through the store
// (not over HTTP, whose own ceiling here is below that rate), each timed from its commit until the
// app's status row shows it.
import pg from 'pg';
import { openDatabase, poolOf } from '../../src/config/database.js';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { aidDelivered } from '../lib/workload.js';
import { AID, aidDeliveries, createPartnerships, officeHeaders, projectionCaughtUp, sql } from '../lib/aid-load.js';
import { cannon, type HttpResult } from '../lib/cannon.js';
import { createKey, startApp, startFloor } from '../lib/app.js';
import { cpuPer, type CpuShare } from '../lib/cpu.js';
import { runClosedLoop, summarize, type RunResult } from '../lib/driver.js';

export interface HttpParams {
  connections: number;
  partnerships: number;
  warmupMs: number;
  durationMs: number;
}

export interface HttpFigure {
  connections: number;
  partnerships: number;
  result: HttpResult;
  /** the bare node:http floor: JSON.parse + one INSERT of the same row, same pool size */
  floor: HttpResult;
  /** ours ÷ floor, 2xx per second */
  vsFloor: number;
  /**
   * µs of CPU per 2xx answer of the command figure (warm-up included, counted at the measured rate):
   * the server process, PostgreSQL, the load generator; null without /proc
   */
  cpu: { ours: CpuShare | null; floor: CpuShare | null };
  /**
   * The same commands on an app with its projections and workers off (nothing consumes the events
   * during the phase): the request path alone, and its CPU per answer. Diagnostic, no target.
   */
  requestPath: { result: HttpResult; vsFloor: number; cpu: CpuShare | null };
  lag: LagFigure;
  mixed: MixedFigure;
}

/** 70% reads (the default timeline page), 30% commands (an aid delivery), across a few partnerships. */
interface MixedFigure {
  partnerships: number;
  readShare: number;
  result: RunResult;
  /** the same mix against the floors: the read floor's page and the command floor's INSERT */
  floor: RunResult;
  vsFloor: number;
}

const MIXED_PARTNERSHIPS = 50;
/** Of every ten requests, these are commands (30%); the rest read. */
const MIXED_COMMANDS = new Set([0, 3, 6]);

interface LagFigure {
  /** commits per second asked for (open loop) and achieved */
  targetRate: number;
  achievedRate: number;
  /** the appends themselves (call → committed) */
  commands: RunResult;
  /** commit → the version visible in partnership_status; p50/p99 in ms */
  lag: RunResult;
  /** commits whose version did not show within 10 s of the end */
  unseen: number;
  pollIntervalMs: number;
}

/**
 * The mixed workload as a closed loop of fetch() clients (autocannon cannot switch a connection
 * between GET and POST): request i is a command when i % 10 is 0, 3 or 6, else a read; both
 * against the same 50 partnerships. Counts a request only if it answers 2xx.
 */
function mixedLoop(
  base: string,
  p: HttpParams,
  headers: Record<string, string>,
  paths: { read: (id: string) => string; command: (id: string) => string },
): Promise<RunResult> {
  let n = 0;
  return runClosedLoop({ concurrency: p.connections, warmupMs: p.warmupMs, durationMs: p.durationMs }, async () => {
    const i = n++;
    const id = `bench-p-${i % MIXED_PARTNERSHIPS}`;
    const command = MIXED_COMMANDS.has(i % 10);
    const r = command
      ? await fetch(base + paths.command(id), { method: 'POST', headers, body: JSON.stringify(AID) })
      : await fetch(base + paths.read(id), { headers });
    await r.arrayBuffer();
    if (r.status >= 300) throw new Error(`${command ? 'POST' : 'GET'} answered ${r.status}`);
  });
}

export async function benchHttp(
  root: string,
  url: string,
  p: HttpParams & { lagRate: number },
  log: (s: string) => void,
): Promise<HttpFigure> {
  const key = await createKey(root, url, 'office');
  const app = await startApp(root, url, { poolSize: p.connections });
  let result: HttpResult;
  let lag: LagFigure;
  let mixed: RunResult;
  let cpuOurs: CpuShare | null;
  // CPU is read around warm-up and measurement both; the answers of both, at the measured rate.
  const answered = (r: HttpResult) => (r.opsPerSecond * (p.warmupMs + p.durationMs)) / 1000;
  try {
    const headers = officeHeaders(key);
    log(`http: creating ${p.partnerships} partnerships`);
    await createPartnerships(app.base, headers, 'bench-p-', p.partnerships);
    log(`http: warm-up ${p.warmupMs / 1000}s, measuring ${p.durationMs / 1000}s at ${p.connections} connections`);
    ({ result, cpu: cpuOurs } = await cpuPer(app.pid, () => aidDeliveries(app.base, headers, { ...p, prefix: 'bench-p-' }), answered));
    log(`  http: ${result.opsPerSecond.toFixed(0)} req/s (2xx) p50 ${result.p50Ms} p99 ${result.p99Ms} errors ${result.errors}`);
    await projectionCaughtUp(url);
    log(`http: projection lag at ${p.lagRate} commits/s for ${p.durationMs / 1000}s`);
    lag = await measureLag(url, p);
    log(
      `  lag: ${lag.achievedRate.toFixed(0)} commits/s, lag p50 ${lag.lag.p50Ms.toFixed(1)} p99 ${lag.lag.p99Ms.toFixed(1)} ms, append p99 ${lag.commands.p99Ms.toFixed(1)} ms, errors ${lag.commands.errors}, unseen ${lag.unseen}`,
    );
    log(`http: mixed workload (70% timeline reads, 30% commands over ${MIXED_PARTNERSHIPS} partnerships) at ${p.connections} connections`);
    mixed = await mixedLoop(app.base, p, headers, {
      read: (id) => `/api/v1/partnerships/${id}/timeline`,
      command: (id) => `/api/v1/partnerships/${id}/aid-deliveries`,
    });
    log(`  mixed: ${mixed.opsPerSecond.toFixed(0)} req/s (2xx) p50 ${mixed.p50Ms} p99 ${mixed.p99Ms} errors ${mixed.errors}`);
  } finally {
    await app.stop();
  }
  // After the app above stopped, so that no projection of it runs beside this phase.
  const bare = await startApp(root, url, { poolSize: p.connections, env: { WORKERS_ENABLED: 'false', PROJECTIONS_ENABLED: 'false' } });
  let requestPath: { result: HttpResult; cpu: CpuShare | null };
  try {
    log(`http: the same commands, projections and workers off`);
    requestPath = await cpuPer(bare.pid, () => aidDeliveries(bare.base, officeHeaders(key), { ...p, prefix: 'bench-p-' }), answered);
    const r = requestPath.result;
    log(`  request path alone: ${r.opsPerSecond.toFixed(0)} req/s (2xx) p50 ${r.p50Ms} p99 ${r.p99Ms} errors ${r.errors}`);
  } finally {
    await bare.stop();
  }

  await sql(url, (c) => c.query('CREATE TABLE IF NOT EXISTS floor_events (LIKE events INCLUDING ALL)'));
  const floorApp = await startFloor(root, url, { poolSize: p.connections });
  try {
    let next = 0;
    log(`http floor: warm-up ${p.warmupMs / 1000}s, measuring ${p.durationMs / 1000}s at ${p.connections} connections`);
    const { result: floor, cpu: cpuFloor } = await cpuPer(
      floorApp.pid,
      () =>
        cannon(floorApp.base, {
          connections: p.connections,
          warmupMs: p.warmupMs,
          durationMs: p.durationMs,
          headers: { 'content-type': 'application/json' },
          requests: [
            {
              method: 'POST',
              setupRequest: (req) => ({ ...req, path: `/cmd/bench-p-${next++ % p.partnerships}`, body: JSON.stringify(AID) }),
            },
          ],
        }),
      answered,
    );
    log(`  floor: ${floor.opsPerSecond.toFixed(0)} req/s p50 ${floor.p50Ms} p99 ${floor.p99Ms} errors ${floor.errors}`);
    const mixedFloor = await mixedLoop(
      floorApp.base,
      p,
      { 'content-type': 'application/json' },
      { read: (id) => `/timeline/${id}?limit=100`, command: (id) => `/cmd/${id}` },
    );
    log(
      `  mixed floor: ${mixedFloor.opsPerSecond.toFixed(0)} req/s p50 ${mixedFloor.p50Ms} p99 ${mixedFloor.p99Ms} errors ${mixedFloor.errors}`,
    );
    return {
      connections: p.connections,
      partnerships: p.partnerships,
      result,
      floor,
      vsFloor: result.opsPerSecond / floor.opsPerSecond,
      cpu: { ours: cpuOurs, floor: cpuFloor },
      requestPath: { ...requestPath, vsFloor: requestPath.result.opsPerSecond / floor.opsPerSecond },
      lag,
      mixed: {
        partnerships: MIXED_PARTNERSHIPS,
        readShare: 0.7,
        result: mixed,
        floor: mixedFloor,
        vsFloor: mixed.opsPerSecond / mixedFloor.opsPerSecond,
      },
    };
  } finally {
    await floorApp.stop();
  }
}

/**
 * Open loop at `lagRate` commits/s (each appended on schedule whether or not the last returned), one
 * AidDelivered per append to the partnerships the app created, through PostgresEventStore as the
 * command handler would. A poller reads the versions of the partnerships with commits in flight every
 * POLL_MS in one query; a commit's lag is the time from append's return to the first poll that shows it.
 */
async function measureLag(url: string, p: HttpParams & { lagRate: number }): Promise<LagFigure> {
  const POLL_MS = 2;
  const pending = new Map<string, { version: number; at: number; counted: boolean }[]>();
  const lags: number[] = [];
  const commandMs: number[] = [];
  let errors = 0;
  let sent = 0;
  let counted = 0;
  const t0 = performance.now();
  const measureFrom = t0 + p.warmupMs;
  const stopAt = measureFrom + p.durationMs;
  const inFlight: Promise<void>[] = [];
  const ds = await openDatabase(url, { migrate: false, poolSize: 16 });
  const store = new PostgresEventStore(poolOf(ds));
  const send = (n: number) => {
    const id = `bench-p-${n % p.partnerships}`;
    const start = performance.now();
    const isCounted = start >= measureFrom;
    if (isCounted) counted++;
    return store
      .append(id, [aidDelivered(n)], { expectedVersion: 'any' })
      .then((r) => {
        const at = performance.now();
        if (isCounted) commandMs.push(at - start);
        const list = pending.get(id) ?? [];
        list.push({ version: r.nextVersion, at, counted: isCounted });
        pending.set(id, list);
      })
      .catch(() => {
        if (isCounted) errors++;
      });
  };
  const poller = new pg.Client({ connectionString: url });
  await poller.connect();
  let polling = true;
  const poll = (async () => {
    while (polling || pending.size) {
      if (pending.size) {
        const ids = [...pending.keys()];
        const { rows } = await poller.query<{ partnership_id: string; version: number }>(
          'SELECT partnership_id, version FROM partnership_status WHERE partnership_id = ANY($1)',
          [ids],
        );
        const now = performance.now();
        for (const r of rows) {
          const list = pending.get(r.partnership_id);
          if (!list) continue;
          const left = list.filter((c) => {
            if (c.version > r.version) return true;
            if (c.counted) lags.push(now - c.at);
            return false;
          });
          if (left.length) pending.set(r.partnership_id, left);
          else pending.delete(r.partnership_id);
        }
      }
      if (!polling && performance.now() > stopAt + 10_000) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  // Sends what is due every few ms: a steady rate, not a burst per second.
  while (performance.now() < stopAt) {
    const due = Math.floor(((performance.now() - t0) / 1000) * p.lagRate);
    while (sent < due) inFlight.push(send(sent++));
    await new Promise((r) => setTimeout(r, 4));
  }
  await Promise.all(inFlight);
  polling = false;
  await poll;
  await poller.end();
  store.close();
  await ds.destroy();
  let unseen = 0;
  for (const list of pending.values()) unseen += list.filter((c) => c.counted).length;
  const seconds = p.durationMs / 1000;
  return {
    targetRate: p.lagRate,
    achievedRate: counted / seconds,
    commands: summarize(commandMs, errors, seconds),
    lag: summarize(lags, unseen, seconds),
    unseen,
    pollIntervalMs: POLL_MS,
  };
}
