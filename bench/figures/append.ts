// Figure 1: single-event appends with an exact expected version to existing streams, at N writers,
// for our store, a plain INSERT of the same row into a table of the same shape, and the peer store.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { openDatabase } from '../../src/config/database.js';
import { poolOf } from '../../src/config/database.js';
import { runClosedLoop, type RunResult } from '../lib/driver.js';
import { aidDelivered, sha256Hex, streamsOf } from '../lib/workload.js';

export interface AppendParams {
  writers: number[];
  warmupMs: number;
  durationMs: number;
  streamsPerWriter: number;
  /** events written to every contender (and ANALYZEd) before the first measurement */
  seedEvents: number;
}

export interface AppendLevel {
  writers: number;
  ours: RunResult;
  plainInsert: RunResult;
  emmett: RunResult;
  /** ours / plain INSERT, events per second */
  vsPlainInsert: number;
  /** ours / emmett, events per second */
  vsEmmett: number;
}

const PLAIN_INSERT = `INSERT INTO plain_events (event_id, stream_id, stream_version, type, schema_version, data, metadata,
  occurred_at, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10) RETURNING global_position`;

async function checkpoint(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CHECKPOINT').catch(() => undefined); // needs superuser; harmless without
  await c.end();
}

/** Ours: PostgresEventStore.append, one round trip (a guarded INSERT hashed in the process). */
async function runOurs(url: string, writers: number, p: AppendParams, log: (s: string) => void): Promise<RunResult> {
  const ds = await openDatabase(url, { migrate: false, poolSize: writers });
  const store = new PostgresEventStore(poolOf(ds));
  try {
    const tag = randomUUID().slice(0, 8);
    const streams = Array.from({ length: writers }, (_, w) => streamsOf(`bench-${tag}`, w, p.streamsPerWriter));
    const versions = new Map<string, number>();
    log(`  ours: preparing ${writers * p.streamsPerWriter} streams`);
    for (const list of streams)
      await Promise.all(
        list.map(async (s) => versions.set(s, (await store.append(s, [aidDelivered(0)], { expectedVersion: 'no_stream' })).nextVersion)),
      );
    await checkpoint(url);
    return await runClosedLoop({ concurrency: writers, warmupMs: p.warmupMs, durationMs: p.durationMs }, async (w, i) => {
      const s = streams[w][i % p.streamsPerWriter];
      const v = versions.get(s)!;
      const r = await store.append(s, [aidDelivered(i)], { expectedVersion: v });
      versions.set(s, r.nextVersion);
    });
  } finally {
    store.close();
    await ds.destroy();
  }
}

/** Baseline (a): a plain INSERT of the same row (hash chained client-side) into a copy of the events table. */
async function runPlain(url: string, writers: number, p: AppendParams, log: (s: string) => void): Promise<RunResult> {
  const ds = await openDatabase(url, { migrate: false, poolSize: writers });
  const pool = poolOf(ds);
  try {
    const tag = randomUUID().slice(0, 8);
    const streams = Array.from({ length: writers }, (_, w) => streamsOf(`plain-${tag}`, w, p.streamsPerWriter));
    const heads = new Map<string, { version: number; hash: string | null }>();
    const insert = async (s: string, n: number) => {
      const head = heads.get(s) ?? { version: 0, hash: null };
      const e = aidDelivered(n);
      const id = randomUUID();
      const data = JSON.stringify(e.data);
      const metadata = JSON.stringify(e.metadata);
      const version = head.version + 1;
      const hash = sha256Hex((head.hash ?? '') + JSON.stringify([s, version, id, e.type, 1, data, metadata, null]));
      await pool.query({
        name: 'plain_insert',
        text: PLAIN_INSERT,
        values: [id, s, version, e.type, 1, data, metadata, null, head.hash, hash],
      });
      heads.set(s, { version, hash });
    };
    log(`  plain INSERT: preparing ${writers * p.streamsPerWriter} streams`);
    for (const list of streams) await Promise.all(list.map((s) => insert(s, 0)));
    await checkpoint(url);
    return await runClosedLoop({ concurrency: writers, warmupMs: p.warmupMs, durationMs: p.durationMs }, (w, i) =>
      insert(streams[w][i % p.streamsPerWriter], i),
    );
  } finally {
    await ds.destroy();
  }
}

/** Baseline (b): the peer store on the same workload, in a database of its own. */
async function runEmmett(url: string, writers: number, p: AppendParams, log: (s: string) => void): Promise<RunResult> {
  const pool = new pg.Pool({ connectionString: url, max: writers, application_name: 'bench-emmett' });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  try {
    const tag = randomUUID().slice(0, 8);
    const streams = Array.from({ length: writers }, (_, w) => streamsOf(`partnership-${tag}`, w, p.streamsPerWriter));
    const versions = new Map<string, bigint>();
    log(`  emmett: preparing ${writers * p.streamsPerWriter} streams`);
    await store.appendToStream(`partnership-${tag}-schema`, [aidDelivered(0)]); // runs its schema migration once
    for (const list of streams)
      await Promise.all(
        list.map(async (s) =>
          versions.set(
            s,
            (await store.appendToStream(s, [aidDelivered(0)], { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' }))
              .nextExpectedStreamVersion,
          ),
        ),
      );
    await checkpoint(url);
    return await runClosedLoop({ concurrency: writers, warmupMs: p.warmupMs, durationMs: p.durationMs }, async (w, i) => {
      const s = streams[w][i % p.streamsPerWriter];
      const r = await store.appendToStream(s, [aidDelivered(i)], { expectedStreamVersion: versions.get(s)! });
      versions.set(s, r.nextExpectedStreamVersion);
    });
  } finally {
    await store.close();
    await pool.end().catch(() => undefined);
  }
}

export async function createPlainTable(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // Same columns, defaults, identity, constraints and indexes as `events`; no function, no trigger.
    await c.query('CREATE TABLE plain_events (LIKE events INCLUDING ALL)');
    // The store's rows go to the instance's first organisation when the append names none; so do these.
    await c.query(`ALTER TABLE plain_events ALTER COLUMN organisation_id SET DEFAULT '00000000-0000-4000-8000-000000000001'`);
  } finally {
    await c.end();
  }
}

/**
 * Seeds every contender with the same history (streams of 25 events) and ANALYZEs it, so the runs
 * measure a ledger in steady state. (Against a freshly created, never-analyzed table our function's
 * cached plans can go bad as the table grows; see bench/README.md.)
 */
async function seed(urls: { ours: string; emmett: string }, events: number, log: (s: string) => void): Promise<void> {
  const perStream = 25;
  const streams = Math.ceil(events / perStream);
  log(`seeding ${streams * perStream} events in ${streams} streams per contender`);
  const ds = await openDatabase(urls.ours, { migrate: false, poolSize: 4 });
  const store = new PostgresEventStore(poolOf(ds));
  const batch = (s: number) => Array.from({ length: perStream }, (_, i) => aidDelivered(s * perStream + i));
  for (let s = 0; s < streams; s += 4)
    await Promise.all(
      [0, 1, 2, 3].filter((k) => s + k < streams).map((k) => store.append(`seed-${s + k}`, batch(s + k), { expectedVersion: 'no_stream' })),
    );
  await ds.query(`INSERT INTO plain_events (event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash)
                  SELECT event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash FROM events`);
  await ds.query('VACUUM ANALYZE events');
  await ds.query('VACUUM ANALYZE plain_events');
  store.close();
  await ds.destroy();
  const pool = new pg.Pool({ connectionString: urls.emmett, max: 4 });
  const emmett = getPostgreSQLEventStore(urls.emmett, { connectionOptions: { pool } });
  for (let s = 0; s < streams; s += 4)
    await Promise.all(
      [0, 1, 2, 3]
        .filter((k) => s + k < streams)
        .map((k) => emmett.appendToStream(`seed-${s + k}`, batch(s + k), { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' })),
    );
  await pool.query('VACUUM ANALYZE');
  await emmett.close();
  await pool.end().catch(() => undefined);
}

export async function benchAppend(
  urls: { ours: string; emmett: string },
  p: AppendParams,
  log: (s: string) => void,
): Promise<AppendLevel[]> {
  const levels: AppendLevel[] = [];
  await seed(urls, p.seedEvents, log);
  for (const writers of p.writers) {
    log(`append @ ${writers} writer(s)`);
    const ours = await runOurs(urls.ours, writers, p, log);
    log(`  ours: ${ours.opsPerSecond.toFixed(0)} ev/s p50 ${ours.p50Ms.toFixed(2)} p99 ${ours.p99Ms.toFixed(2)} errors ${ours.errors}`);
    const plainInsert = await runPlain(urls.ours, writers, p, log);
    log(
      `  plain: ${plainInsert.opsPerSecond.toFixed(0)} ev/s p50 ${plainInsert.p50Ms.toFixed(2)} p99 ${plainInsert.p99Ms.toFixed(2)} errors ${plainInsert.errors}`,
    );
    const emmett = await runEmmett(urls.emmett, writers, p, log);
    log(
      `  emmett: ${emmett.opsPerSecond.toFixed(0)} ev/s p50 ${emmett.p50Ms.toFixed(2)} p99 ${emmett.p99Ms.toFixed(2)} errors ${emmett.errors}`,
    );
    levels.push({
      writers,
      ours,
      plainInsert,
      emmett,
      vsPlainInsert: ours.opsPerSecond / plainInsert.opsPerSecond,
      vsEmmett: ours.opsPerSecond / emmett.opsPerSecond,
    });
  }
  return levels;
}

export interface BatchFigure {
  writers: number;
  eventsPerCall: number;
  /** events per second (calls × eventsPerCall) */
  ours: RunResult;
  multiRowInsert: RunResult;
  /** ours ÷ multi-row INSERT, events per second */
  ratio: number;
}

/** Events/s of a run whose ops each wrote `n` events (latencies stay per call). */
const perEvent = (r: RunResult, n: number): RunResult => ({ ...r, opsPerSecond: r.opsPerSecond * n });

/**
 * Batched append: each call appends `eventsPerCall` events to one stream with an exact expected
 * version, against one multi-row INSERT of the same rows (hash chained client-side) into plain_events.
 */
export async function benchBatch(
  url: string,
  p: { writers: number; eventsPerCall: number; warmupMs: number; durationMs: number },
  log: (s: string) => void,
): Promise<BatchFigure> {
  const opts = { concurrency: p.writers, warmupMs: p.warmupMs, durationMs: p.durationMs };
  const tag = randomUUID().slice(0, 8);
  const batch = (i: number) => Array.from({ length: p.eventsPerCall }, (_, k) => aidDelivered(i * p.eventsPerCall + k));
  log(`batched append: ${p.eventsPerCall} events per call @ ${p.writers} writers`);
  let ours: RunResult;
  {
    const ds = await openDatabase(url, { migrate: false, poolSize: p.writers });
    const store = new PostgresEventStore(poolOf(ds));
    try {
      const versions = new Map<number, number>();
      await checkpoint(url);
      ours = perEvent(
        await runClosedLoop(opts, async (w, i) => {
          const r = await store.append(`batch-${tag}-w${w}`, batch(i), { expectedVersion: versions.get(w) ?? 'no_stream' });
          versions.set(w, r.nextVersion);
        }),
        p.eventsPerCall,
      );
    } finally {
      store.close();
      await ds.destroy();
    }
  }
  log(`  ours: ${ours.opsPerSecond.toFixed(0)} ev/s p50 ${ours.p50Ms.toFixed(2)} p99 ${ours.p99Ms.toFixed(2)} errors ${ours.errors}`);
  let multiRowInsert: RunResult;
  {
    const ds = await openDatabase(url, { migrate: false, poolSize: p.writers });
    const pool = poolOf(ds);
    const cols = 10;
    const placeholders = Array.from(
      { length: p.eventsPerCall },
      (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}${c === 5 || c === 6 ? '::jsonb' : ''}`).join(', ')})`,
    ).join(', ');
    const text = `INSERT INTO plain_events (event_id, stream_id, stream_version, type, schema_version, data, metadata,
      occurred_at, prev_hash, hash) VALUES ${placeholders}`;
    try {
      const heads = new Map<number, { version: number; hash: string | null }>();
      await checkpoint(url);
      multiRowInsert = perEvent(
        await runClosedLoop(opts, async (w, i) => {
          const s = `mbatch-${tag}-w${w}`;
          let head = heads.get(w) ?? { version: 0, hash: null };
          const values: unknown[] = [];
          for (const e of batch(i)) {
            const id = randomUUID();
            const data = JSON.stringify(e.data);
            const metadata = JSON.stringify(e.metadata);
            const version = head.version + 1;
            const hash = sha256Hex((head.hash ?? '') + JSON.stringify([s, version, id, e.type, 1, data, metadata, null]));
            values.push(id, s, version, e.type, 1, data, metadata, null, head.hash, hash);
            head = { version, hash };
          }
          await pool.query({ name: 'multi_row_insert', text, values });
          heads.set(w, head);
        }),
        p.eventsPerCall,
      );
    } finally {
      await ds.destroy();
    }
  }
  log(
    `  multi-row INSERT: ${multiRowInsert.opsPerSecond.toFixed(0)} ev/s p50 ${multiRowInsert.p50Ms.toFixed(2)} p99 ${multiRowInsert.p99Ms.toFixed(2)}`,
  );
  return {
    writers: p.writers,
    eventsPerCall: p.eventsPerCall,
    ours,
    multiRowInsert,
    ratio: ours.opsPerSecond / multiRowInsert.opsPerSecond,
  };
}
