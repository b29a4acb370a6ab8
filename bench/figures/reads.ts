// Figure 4: reads at 32 concurrent readers, over HTTP against the app (child process, council key):
//   - GET /api/v1/partnerships/{id}/timeline of a partnership with 500 entries (from the projection);
//   - GET /api/v1/partnerships/{id}?validAt=… of a 5,000-event stream (readStream + domain fold).
// Both streams are written with append_events() and the projection is caught up (engine.catchUp)
// before measuring. A store-level line (readStream + fold in this process, against readStream
// alone) shows how much of the validAt figure is the read and how much the fold.
import pg from 'pg';
import { PostgresEventStore, ProjectionEngine, type NewEvent, type StoredEvent } from '../../src/event-store/index.js';
import { openDatabase } from '../../src/config/database.js';
import { poolOf } from '../../src/config/database.js';
import { fold, type RecordedEvent } from '../../src/partnerships/domain/index.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { createKey, startApp } from '../lib/app.js';
import { runClosedLoop, type RunResult } from '../lib/driver.js';
import { writeEvents } from '../lib/generate.js';
import { aidDelivered } from '../lib/workload.js';

export interface ReadParams {
  readers: number;
  timelineEntries: number;
  foldStreamEvents: number;
  warmupMs: number;
  durationMs: number;
  /** run the store-level fold line at `readers` too (secondary; --quick only times one read and one fold) */
  storeConcurrent: boolean;
}

export interface StoreFold {
  /** readStream + fold in this process, `readers` at a time (null in --quick) */
  readAndFold: RunResult | null;
  /** readStream alone (null in --quick) */
  readOnly: RunResult | null;
  /** one fold of the stream alone (events already in memory), ms, median of 5 */
  foldOnlyMs: number;
  /** one readStream alone, ms, median of 5 */
  readOnlyMs: number;
}

export interface ReadsFigure {
  readers: number;
  timeline: { partnershipId: string; entries: number; responseBytes: number; result: RunResult; oneRequestMs: number };
  validAt: { partnershipId: string; streamEvents: number; validAt: string; responseBytes: number; result: RunResult; oneRequestMs: number };
  store: StoreFold;
}

export const TIMELINE_STREAM = 'bench-timeline-500';
export const FOLD_STREAM = 'bench-fold-5000';
/** After the last business date of partnershipHistory, so the validAt fold covers every event. */
export const VALID_AT = '2026-12-31';

/** A partnership with `n` events: initiated, then aid deliveries, notes and cooperation areas. */
export function partnershipHistory(streamId: string, n: number): NewEvent[] {
  const events: NewEvent[] = [
    {
      type: 'PartnershipInitiated',
      data: {
        partnershipId: streamId,
        occurredOn: { date: '2022', precision: 'year' },
        ownMunicipality: { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' },
        counterpart: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
        counterpartCountry: 'UA',
        tier: 'contact',
      },
    },
  ];
  for (let i = 1; i < n; i++) {
    const month = `20${22 + Math.floor(i / 1200)}-${String((((i / 100) | 0) % 12) + 1).padStart(2, '0')}`;
    if (i % 10 === 3)
      events.push({
        type: 'NoteAdded',
        data: { occurredOn: { date: month, precision: 'month' }, text: `Call with the partner office, item ${i}.` },
      });
    else if (i % 50 === 7)
      events.push({ type: 'CooperationAreaAdded', data: { occurredOn: { date: month, precision: 'month' }, area: `area ${i}` } });
    else {
      const e = aidDelivered(i);
      events.push({ type: e.type, data: { ...e.data, occurredOn: { date: month, precision: 'month' } }, metadata: e.metadata });
    }
  }
  return events;
}

export function toRecorded(e: StoredEvent): RecordedEvent {
  return { eventId: e.eventId, type: e.type, data: e.data, recordedAt: e.recordedAt.toISOString() } as RecordedEvent;
}

async function median5(fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2];
}

async function storeFold(store: PostgresEventStore, p: ReadParams, log: (s: string) => void): Promise<StoreFold> {
  const sample = (await store.readStream(FOLD_STREAM)).map(toRecorded);
  const foldOnlyMs = await median5(() => {
    const s = fold(sample);
    if (s.version !== p.foldStreamEvents) throw new Error(`fold saw ${s.version} events, expected ${p.foldStreamEvents}`);
  });
  const readOnlyMs = await median5(() => store.readStream(FOLD_STREAM));
  log(`  store: one fold ${foldOnlyMs.toFixed(1)} ms, one readStream ${readOnlyMs.toFixed(1)} ms`);
  if (!p.storeConcurrent) return { readAndFold: null, readOnly: null, foldOnlyMs, readOnlyMs };
  const opts = { concurrency: p.readers, warmupMs: p.warmupMs, durationMs: p.durationMs };
  const readOnly = await runClosedLoop(opts, async () => {
    const events = await store.readStream(FOLD_STREAM);
    if (events.length !== p.foldStreamEvents) throw new Error(`read ${events.length} events`);
  });
  log(
    `  store readStream only @${p.readers}: ${readOnly.opsPerSecond.toFixed(1)}/s p50 ${readOnly.p50Ms.toFixed(1)} p99 ${readOnly.p99Ms.toFixed(1)}`,
  );
  const readAndFold = await runClosedLoop(opts, async () => {
    const state = fold((await store.readStream(FOLD_STREAM)).map(toRecorded));
    if (state.version !== p.foldStreamEvents) throw new Error(`folded ${state.version} events`);
  });
  log(
    `  store readStream + fold @${p.readers}: ${readAndFold.opsPerSecond.toFixed(1)}/s p50 ${readAndFold.p50Ms.toFixed(1)} p99 ${readAndFold.p99Ms.toFixed(1)}`,
  );
  return { readAndFold, readOnly, foldOnlyMs, readOnlyMs };
}

export async function benchReads(root: string, url: string, p: ReadParams, log: (s: string) => void): Promise<ReadsFigure> {
  const ds = await openDatabase(url, { migrate: false, poolSize: p.readers });
  const store = new PostgresEventStore(poolOf(ds));
  let store_: StoreFold;
  try {
    log(`reads: writing a ${p.timelineEntries}-entry and a ${p.foldStreamEvents}-event partnership with append_events()`);
    await writeEvents(store.pool, TIMELINE_STREAM, partnershipHistory(TIMELINE_STREAM, p.timelineEntries));
    await writeEvents(store.pool, FOLD_STREAM, partnershipHistory(FOLD_STREAM, p.foldStreamEvents));
    const engine = new ProjectionEngine(store, null);
    const applied = await engine.catchUp(partnershipsProjection);
    const { rows } = await store.pool.query<{ partnership_id: string; version: number }>(
      'SELECT partnership_id, version FROM partnership_status WHERE partnership_id = ANY($1)',
      [[TIMELINE_STREAM, FOLD_STREAM]],
    );
    const v = new Map(rows.map((r) => [r.partnership_id, r.version]));
    if (v.get(TIMELINE_STREAM) !== p.timelineEntries || v.get(FOLD_STREAM) !== p.foldStreamEvents)
      throw new Error(
        `the projection did not catch up (${JSON.stringify(Object.fromEntries(v))}); is a transaction elsewhere holding the read horizon?`,
      );
    log(`  projection caught up (${applied} events applied)`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('VACUUM ANALYZE events');
    await c.query('VACUUM ANALYZE timeline_entries_v1');
    await c.query('VACUUM ANALYZE partnership_status_v1');
    await c.end();
    store_ = await storeFold(store, p, log);
  } finally {
    store.close();
    await ds.destroy();
  }

  const key = await createKey(root, url, 'council');
  const app = await startApp(root, url, { poolSize: p.readers });
  try {
    const headers = { authorization: `Bearer ${key}` };
    const timelinePath = `/api/v1/partnerships/${TIMELINE_STREAM}/timeline`;
    const validAtPath = `/api/v1/partnerships/${FOLD_STREAM}?validAt=${VALID_AT}`;
    // One of each first: right answer, and its size.
    const tr = await fetch(app.base + timelinePath, { headers });
    const tBody = await tr.text();
    const entries = tr.ok ? ((JSON.parse(tBody) as { entries?: unknown[] }).entries?.length ?? -1) : -1;
    if (entries !== p.timelineEntries) throw new Error(`timeline answered ${tr.status} with ${entries} entries: ${tBody.slice(0, 300)}`);
    const vr = await fetch(app.base + validAtPath, { headers });
    const vBody = await vr.text();
    const version = vr.ok ? (JSON.parse(vBody) as { version: number }).version : -1;
    if (version !== p.foldStreamEvents) throw new Error(`validAt answered ${vr.status} with version ${version}: ${vBody.slice(0, 300)}`);
    const oneRequestMs = await median5(async () => (await fetch(app.base + validAtPath, { headers })).text());
    const oneTimelineMs = await median5(async () => (await fetch(app.base + timelinePath, { headers })).text());
    // A closed loop of `readers` fetch() clients rather than autocannon: a validAt read takes seconds
    // at 32 readers, and autocannon counts only requests that finish inside its window (the slow
    // ones fall out), while runClosedLoop counts every request that starts inside it.
    const run = (path: string) =>
      runClosedLoop({ concurrency: p.readers, warmupMs: p.warmupMs, durationMs: p.durationMs }, async () => {
        const r = await fetch(app.base + path, { headers });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}`);
      });
    log(`  http timeline (${entries} entries, ${tBody.length} bytes, one request alone ${oneTimelineMs.toFixed(1)} ms) @${p.readers}`);
    const timeline = await run(timelinePath);
    log(
      `    ${timeline.opsPerSecond.toFixed(0)} req/s p50 ${timeline.p50Ms.toFixed(1)} p99 ${timeline.p99Ms.toFixed(1)} errors ${timeline.errors} (${timeline.ops} requests)`,
    );
    log(
      `  http validAt fold (${p.foldStreamEvents} events, ${vBody.length} bytes, one request alone ${oneRequestMs.toFixed(1)} ms) @${p.readers}`,
    );
    const validAt = await run(validAtPath);
    log(
      `    ${validAt.opsPerSecond.toFixed(1)} req/s p50 ${validAt.p50Ms.toFixed(1)} p99 ${validAt.p99Ms.toFixed(1)} errors ${validAt.errors} (${validAt.ops} requests)`,
    );
    return {
      readers: p.readers,
      timeline: { partnershipId: TIMELINE_STREAM, entries, responseBytes: tBody.length, result: timeline, oneRequestMs: oneTimelineMs },
      validAt: {
        partnershipId: FOLD_STREAM,
        streamEvents: p.foldStreamEvents,
        validAt: VALID_AT,
        responseBytes: vBody.length,
        result: validAt,
        oneRequestMs,
      },
      store: store_,
    };
  } finally {
    await app.stop();
  }
}
