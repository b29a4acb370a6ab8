// Figure 4: reads at 32 concurrent readers. The HTTP timeline and validAt endpoints are measured
// when they exist; the store-level fold (readStream of a 5,000-event stream + the domain fold) is
// always measured, against readStream alone so the ratio shows what the fold costs.
import pg from 'pg';
import { PostgresEventStore, type NewEvent, type StoredEvent } from '../../src/event-store/index.js';
import { openDatabase } from '../../src/config/database.js';
import { poolOf } from '../../src/event-store/event-store.module.js';
import { fold, type RecordedEvent } from '../../src/partnerships/domain/index.js';
import { runClosedLoop, type RunResult } from '../lib/driver.js';
import { aidDelivered } from '../lib/workload.js';

export interface ReadParams {
  readers: number;
  foldStreamEvents: number;
  warmupMs: number;
  durationMs: number;
}

export interface FoldFigure {
  streamEvents: number;
  readers: number;
  /** null when one fold alone takes so long that 32 of them cannot finish in the phase (see projectedP50Ms) */
  readAndFold: RunResult | null;
  /** 32 folds share one event loop, so a reader waits for all of them: readers × one fold */
  projectedP50Ms: number;
  readOnly: RunResult;
  /** readAndFold / readOnly, reads per second */
  ratio: number;
  /** one fold of the stream alone, ms (median of up to 5, fewer when each takes long) */
  foldOnlyMs: number;
}

export const FOLD_STREAM = 'bench-fold-5000';

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
    const month = `20${22 + Math.floor(i / 1200)}-${String(((i / 100) | 0) % 12 + 1).padStart(2, '0')}`;
    if (i % 10 === 3) events.push({ type: 'NoteAdded', data: { occurredOn: { date: month, precision: 'month' }, text: `Call with the partner office, item ${i}.` } });
    else if (i % 50 === 7) events.push({ type: 'CooperationAreaAdded', data: { occurredOn: { date: month, precision: 'month' }, area: `area ${i}` } });
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

export async function prepareFoldStream(store: PostgresEventStore, n: number): Promise<void> {
  const events = partnershipHistory(FOLD_STREAM, n);
  let version = 0;
  for (let i = 0; i < events.length; i += 500) {
    const r = await store.append(FOLD_STREAM, events.slice(i, i + 500), { expectedVersion: version === 0 ? 'no_stream' : version });
    version = r.nextVersion;
  }
}

export async function benchFold(url: string, p: ReadParams, log: (s: string) => void): Promise<FoldFigure> {
  const ds = await openDatabase(url, { migrate: false, poolSize: p.readers });
  const store = new PostgresEventStore(poolOf(ds));
  try {
    log(`reads: writing a ${p.foldStreamEvents}-event stream`);
    await prepareFoldStream(store, p.foldStreamEvents);
    const sample = (await store.readStream(FOLD_STREAM)).map(toRecorded);
    const times: number[] = [];
    // Median of up to 5 folds, but stop after ~2 s so a slow fold cannot blow the quick run's budget.
    for (let i = 0, spent = 0; i < 5 && spent < 2000; i++) {
      const t = performance.now();
      const s = fold(sample);
      times.push(performance.now() - t);
      spent += times[i];
      if (s.version !== p.foldStreamEvents) throw new Error(`fold saw ${s.version} events, expected ${p.foldStreamEvents}`);
    }
    const foldOnlyMs = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    log(`  fold alone: ${foldOnlyMs.toFixed(1)} ms`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('VACUUM ANALYZE events');
    await c.end();
    const opts = { concurrency: p.readers, warmupMs: p.warmupMs, durationMs: p.durationMs };
    const readOnly = await runClosedLoop(opts, async () => {
      const events = await store.readStream(FOLD_STREAM);
      if (events.length !== p.foldStreamEvents) throw new Error(`read ${events.length} events`);
    });
    log(`  readStream only: ${readOnly.opsPerSecond.toFixed(1)}/s p50 ${readOnly.p50Ms.toFixed(1)} p99 ${readOnly.p99Ms.toFixed(1)}`);
    const projectedP50Ms = foldOnlyMs * p.readers + readOnly.p50Ms;
    let readAndFold: RunResult | null = null;
    if (foldOnlyMs * p.readers > p.durationMs) {
      log(`  readStream + fold: skipped — one fold takes ${foldOnlyMs.toFixed(0)} ms, so ${p.readers} readers would wait ~${(projectedP50Ms / 1000).toFixed(0)} s each`);
    } else {
      readAndFold = await runClosedLoop(opts, async () => {
        const state = fold((await store.readStream(FOLD_STREAM)).map(toRecorded));
        if (state.version !== p.foldStreamEvents) throw new Error(`folded ${state.version} events`);
      });
      log(`  readStream + fold: ${readAndFold.opsPerSecond.toFixed(1)}/s p50 ${readAndFold.p50Ms.toFixed(1)} p99 ${readAndFold.p99Ms.toFixed(1)}`);
    }
    return {
      streamEvents: p.foldStreamEvents,
      readers: p.readers,
      readAndFold,
      projectedP50Ms,
      readOnly,
      ratio: readAndFold ? readAndFold.opsPerSecond / readOnly.opsPerSecond : NaN,
      foldOnlyMs,
    };
  } finally {
    store.close();
    await ds.destroy();
  }
}
