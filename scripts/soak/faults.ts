// The faults, one at a time in a shuffled round, so every kind comes up equally often: each
// records when it ended and how long the API processes took to answer ready again.
import pg from 'pg';
import type { PrivatePostgres, PrivateRedis } from './cluster.js';
import type { FaultProxy } from './fault-proxy.js';
import { sleep, untilReady, type ServiceProcess } from './processes.js';

export const FAULT_KINDS = [
  'kill-api',
  'kill-worker',
  'redis-flushall',
  'redis-restart',
  'postgres-restart-immediate',
  'lock-events-30s',
  'drop-after-commit',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRecord {
  kind: FaultKind;
  at: number;
  /** ms the fault itself took (a kill includes the restart, the lock its 30 s) */
  lastedMs: number;
  /** ms from the fault's end until every API answered ready, null if it did not within the limit */
  recoveryMs: number | null;
  note?: string;
}

export interface FaultTargets {
  apis: ServiceProcess[];
  workers: ServiceProcess[];
  proxies: FaultProxy[];
  redis: PrivateRedis;
  postgres: PrivatePostgres | null;
  databaseUrl: string;
  lockMs: number;
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function holdLock(url: string, ms: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN');
    // The mode an append conflicts with; taking it assigns no transaction id, so only writers wait.
    await client.query('LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE');
    await sleep(ms);
    await client.query('COMMIT');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function inject(kind: FaultKind, t: FaultTargets): Promise<FaultRecord> {
  const at = Date.now();
  let note: string | undefined;
  switch (kind) {
    case 'kill-api': {
      const api = pick(t.apis);
      await api.kill();
      note = `${api.spec.name} restarted in ${await api.start()} ms`;
      break;
    }
    case 'kill-worker': {
      const w = pick(t.workers);
      await w.kill();
      note = `${w.spec.name} restarted in ${await w.start()} ms`;
      break;
    }
    case 'redis-flushall':
      await t.redis.flushAll();
      break;
    case 'redis-restart':
      await t.redis.stop();
      await sleep(2000);
      await t.redis.start();
      break;
    case 'postgres-restart-immediate':
      if (!t.postgres) throw new Error('no private PostgreSQL to restart');
      await t.postgres.restartImmediate();
      break;
    case 'lock-events-30s':
      await holdLock(t.databaseUrl, t.lockMs);
      break;
    case 'drop-after-commit': {
      // Appends commit on their own statement; report requests and completions end in COMMIT.
      const marker = Math.random() < 0.6 ? 'append_events' : 'COMMIT';
      const proxy = marker === 'append_events' ? pick(t.proxies.slice(0, t.apis.length)) : pick(t.proxies);
      const dropped = await proxy.drop(marker, 30_000);
      note = `${marker}: ${dropped ? 'reply dropped' : 'no such statement within 30 s'}`;
      break;
    }
  }
  const end = Date.now();
  return { kind, at, lastedMs: end - at, recoveryMs: await untilReady(t.apis, end), note };
}

/** Runs shuffled rounds of every kind until `until`, with a pause of 2–8 s after each recovery. */
export async function faultLoop(
  t: FaultTargets,
  kinds: FaultKind[],
  until: () => boolean,
  log: (r: FaultRecord) => void,
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  while (!until()) {
    const round = [...kinds].sort(() => Math.random() - 0.5);
    for (const kind of round) {
      if (until()) break;
      await sleep(2000 + Math.random() * 6000);
      if (until()) break;
      let r: FaultRecord;
      try {
        r = await inject(kind, t);
      } catch (err) {
        // A fault that could not be made (e.g. a restart that did not come up) is recorded, not fatal.
        const end = Date.now();
        r = { kind, at: end, lastedMs: 0, recoveryMs: await untilReady(t.apis, end), note: `error: ${(err as Error).message}` };
      }
      records.push(r);
      log(r);
    }
  }
  return records;
}
