// Figure 4: reads at 32 concurrent readers, over HTTP against the app (child process, council key):
//   - GET /api/v1/partnerships/{id}/timeline of a partnership with 500 entries: the default page,
//     the whole timeline, and the same request with If-None-Match (→ 304);
//   - GET /public/default/{id} (the public page of the same partnership, no key; its target is
//     within 2× of the 304 above);
//   - GET /api/v1/partnerships/{id}?validAt=… on streams of 50, 500 and 5,000 events (the cost curve
//     of as-of status reads).
// Baseline: the read floor (bench/floors/server.ts) answering the same page from one SQL query that
// builds the JSON in PostgreSQL. The streams are written with append_events() and the projection is
// caught up (engine.catchUp) before measuring. A store-level line (readStream + fold in this process,
// against readStream alone) shows what folding the 5,000 events would cost instead.
import pg from 'pg';
import { PostgresEventStore, ProjectionEngine, type NewEvent } from '../../src/event-store/index.js';
import { openDatabase } from '../../src/config/database.js';
import { poolOf } from '../../src/config/database.js';
import { fold } from '../../src/partnerships/domain/index.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { toRecorded } from '../../src/partnerships/recorded.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { grantOwn } from '../../src/organisations/access.js';
import { MILESTONES_AND_AID, setPublicSettings } from '../../src/public/settings.js';
import { createKey, startApp, startFloor } from '../lib/app.js';
import { runClosedLoop, type RunResult } from '../lib/driver.js';
import { writeEvents } from '../lib/generate.js';
import { aidDelivered } from '../lib/workload.js';

export interface ReadParams {
  readers: number;
  timelineEntries: number;
  foldStreamEvents: number;
  /** stream lengths of the as-of curve (the last is foldStreamEvents, the middle timelineEntries) */
  asOfStreams: number[];
  warmupMs: number;
  durationMs: number;
  /** run the store-level fold line at `readers` too (secondary; --quick only times one read and one fold) */
  storeConcurrent: boolean;
}

interface StoreFold {
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
  /** the read floor: the default page's entries as JSON built by one SQL query, bare node:http */
  floor: { entries: number; responseBytes: number; result: RunResult };
  /** the read floor on the whole 500-entry timeline (the baseline of timelineFull) */
  floorFull: { entries: number; responseBytes: number; result: RunResult };
  /** GET …/timeline (the default page) */
  timeline: { partnershipId: string; entries: number; responseBytes: number; result: RunResult; oneRequestMs: number };
  /** GET …/timeline?limit=<all> (the whole 500-entry timeline; the default page if the API does not page) */
  timelineFull: { entries: number; responseBytes: number; result: RunResult };
  /** GET …/timeline with If-None-Match: the current ETag (→ 304) */
  notModified: { result: RunResult };
  /** GET /public/default/{id}: the public page of the 500-entry partnership, no key */
  publicPage: { path: string; responseBytes: number; result: RunResult };
  /** GET /api/v1/partnerships/{id}?validAt=… per stream length */
  asOf: { streamEvents: number; partnershipId: string; result: RunResult; oneRequestMs: number }[];
  validAt: string;
  store: StoreFold;
}

const asOfStream = (n: number) => (n === 500 ? TIMELINE_STREAM : n === 5000 ? FOLD_STREAM : `bench-asof-${n}`);

const TIMELINE_STREAM = 'bench-timeline-500';
const FOLD_STREAM = 'bench-fold-5000';
/** After the last business date of partnershipHistory, so the validAt fold covers every event. */
const VALID_AT = '2026-12-31';

/** A partnership with `n` events: initiated, then aid deliveries, notes and cooperation areas. */
function partnershipHistory(streamId: string, n: number): NewEvent[] {
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
  const streams = new Map<string, number>([
    [TIMELINE_STREAM, p.timelineEntries],
    [FOLD_STREAM, p.foldStreamEvents],
  ]);
  for (const n of p.asOfStreams) streams.set(asOfStream(n), n);
  try {
    log(`reads: writing partnerships of ${[...streams.values()].join(', ')} events with append_events()`);
    for (const [id, n] of streams) {
      await writeEvents(store.pool, id, partnershipHistory(id, n));
      // The command path grants this with the first event; the bench's key reads as that organisation.
      await grantOwn(store.pool, INSTANCE_ORGANISATION_ID, id);
    }
    const engine = new ProjectionEngine(store, null);
    // A transaction elsewhere in the cluster (a shared machine) can hold the read horizon for a
    // while, ending a catch-up early: try again for up to a minute.
    let applied = 0;
    let v = new Map<string, number>();
    for (const until = Date.now() + 60_000; ;) {
      applied += await engine.catchUp(partnershipsProjection);
      const { rows } = await store.pool.query<{ partnership_id: string; version: number }>(
        'SELECT partnership_id, version FROM partnership_status WHERE partnership_id = ANY($1)',
        [[...streams.keys()]],
      );
      v = new Map(rows.map((r) => [r.partnership_id, r.version]));
      if ([...streams].every(([id, n]) => v.get(id) === n) || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if ([...streams].some(([id, n]) => v.get(id) !== n))
      throw new Error(
        `the projection did not catch up (${JSON.stringify(Object.fromEntries(v))}); is a transaction elsewhere holding the read horizon?`,
      );
    log(`  projection caught up (${applied} events applied)`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('VACUUM ANALYZE events');
    await c.query('VACUUM ANALYZE timeline_entries_v1');
    await c.query('VACUUM ANALYZE partnership_status_v1');
    await c.query('VACUUM ANALYZE partnership_status_history_v1');
    await c.end();
    // The instance's organisation publishes (milestones and aid), so the public page has something to show.
    await setPublicSettings(store.pool, INSTANCE_ORGANISATION_ID, { enabled: true, defaultPublicKinds: MILESTONES_AND_AID });
    store_ = await storeFold(store, p, log);
  } finally {
    store.close();
    await ds.destroy();
  }

  // A closed loop of `readers` fetch() clients rather than autocannon: autocannon counts only
  // requests that finish inside its window (slow ones fall out); runClosedLoop counts every request
  // that starts inside it.
  const loop = (base: string, path: string, headers: Record<string, string>, status = 200) =>
    runClosedLoop({ concurrency: p.readers, warmupMs: p.warmupMs, durationMs: p.durationMs }, async () => {
      const r = await fetch(base + path, { headers });
      await r.arrayBuffer();
      if (r.status !== status) throw new Error(`GET ${path} answered ${r.status}`);
    });
  const show = (name: string, r: RunResult) =>
    log(
      `    ${name}: ${r.opsPerSecond.toFixed(0)} req/s p50 ${r.p50Ms.toFixed(1)} p99 ${r.p99Ms.toFixed(1)} errors ${r.errors} (${r.ops} requests)`,
    );

  const key = await createKey(root, url, 'council');
  const app = await startApp(root, url, { poolSize: p.readers });
  let figure: Omit<ReadsFigure, 'floor' | 'floorFull'>;
  try {
    const headers = { authorization: `Bearer ${key}` };
    const timelinePath = `/api/v1/partnerships/${TIMELINE_STREAM}/timeline`;
    // One of each first: right answer, and its size.
    const tr = await fetch(app.base + timelinePath, { headers });
    const tBody = await tr.text();
    const etag = tr.headers.get('etag') ?? '';
    const entries = tr.ok ? ((JSON.parse(tBody) as { entries?: unknown[] }).entries?.length ?? -1) : -1;
    if (entries <= 0 || entries > p.timelineEntries)
      throw new Error(`timeline answered ${tr.status} with ${entries} entries: ${tBody.slice(0, 300)}`);
    // The whole timeline in one answer: ?limit= where the API pages, else the default already is.
    const fullPath = entries < p.timelineEntries ? `${timelinePath}?limit=${p.timelineEntries}` : timelinePath;
    const fr = await fetch(app.base + fullPath, { headers });
    const fBody = await fr.text();
    const fullEntries = fr.ok ? ((JSON.parse(fBody) as { entries?: unknown[] }).entries?.length ?? -1) : -1;
    if (fullEntries !== p.timelineEntries) throw new Error(`${fullPath} answered ${fr.status} with ${fullEntries} entries`);
    const nm = await fetch(app.base + timelinePath, { headers: { ...headers, 'if-none-match': etag } });
    await nm.arrayBuffer();
    if (nm.status !== 304) throw new Error(`If-None-Match: ${etag} answered ${nm.status}`);
    const oneTimelineMs = await median5(async () => (await fetch(app.base + timelinePath, { headers })).text());

    log(
      `  http timeline default page (${entries} entries, ${tBody.length} bytes, one request alone ${oneTimelineMs.toFixed(1)} ms) @${p.readers}`,
    );
    const timeline = await loop(app.base, timelinePath, headers);
    show('timeline page', timeline);
    log(`  http timeline whole (${fullEntries} entries, ${fBody.length} bytes) @${p.readers}`);
    const timelineFull = await loop(app.base, fullPath, headers);
    show('timeline whole', timelineFull);
    log(`  http timeline If-None-Match ${etag} (304) @${p.readers}`);
    const notModified = await loop(app.base, timelinePath, { ...headers, 'if-none-match': etag }, 304);
    show('304', notModified);
    const publicPath = `/public/default/${TIMELINE_STREAM}?lang=en`;
    const pr = await fetch(app.base + publicPath);
    const pBody = await pr.text();
    if (pr.status !== 200 || !pBody.includes('<html lang="en">'))
      throw new Error(`${publicPath} answered ${pr.status}: ${pBody.slice(0, 300)}`);
    log(`  http public page (${pBody.length} bytes, no key) @${p.readers}`);
    const publicPage = await loop(app.base, publicPath, {});
    show('public page', publicPage);

    const asOf: ReadsFigure['asOf'] = [];
    for (const n of p.asOfStreams) {
      const id = asOfStream(n);
      const path = `/api/v1/partnerships/${id}?validAt=${VALID_AT}`;
      const vr = await fetch(app.base + path, { headers });
      const vBody = await vr.text();
      const version = vr.ok ? (JSON.parse(vBody) as { version: number }).version : -1;
      if (version !== n) throw new Error(`validAt answered ${vr.status} with version ${version}: ${vBody.slice(0, 300)}`);
      const oneRequestMs = await median5(async () => (await fetch(app.base + path, { headers })).text());
      log(`  http as-of status, ${n}-event stream (${vBody.length} bytes, one request alone ${oneRequestMs.toFixed(1)} ms) @${p.readers}`);
      const result = await loop(app.base, path, headers);
      show(`as-of ${n}`, result);
      asOf.push({ streamEvents: n, partnershipId: id, result, oneRequestMs });
    }
    figure = {
      readers: p.readers,
      timeline: { partnershipId: TIMELINE_STREAM, entries, responseBytes: tBody.length, result: timeline, oneRequestMs: oneTimelineMs },
      timelineFull: { entries: fullEntries, responseBytes: fBody.length, result: timelineFull },
      notModified: { result: notModified },
      publicPage: { path: publicPath, responseBytes: pBody.length, result: publicPage },
      asOf,
      validAt: VALID_AT,
      store: store_,
    };
  } finally {
    await app.stop();
  }

  const floorApp = await startFloor(root, url, { poolSize: p.readers });
  try {
    const path = `/timeline/${TIMELINE_STREAM}?limit=${figure.timeline.entries}`;
    const r = await fetch(floorApp.base + path);
    const body = await r.text();
    const n = r.ok ? ((JSON.parse(body) as { entries: unknown[] }).entries?.length ?? -1) : -1;
    if (n !== figure.timeline.entries) throw new Error(`the read floor answered ${r.status} with ${n} entries: ${body.slice(0, 300)}`);
    log(`  read floor (${n} entries, ${body.length} bytes) @${p.readers}`);
    const result = await loop(floorApp.base, path, {});
    show('read floor', result);
    const fullPath = `/timeline/${TIMELINE_STREAM}?limit=${figure.timelineFull.entries}`;
    const full = await (await fetch(floorApp.base + fullPath)).text();
    const fullEntries = (JSON.parse(full) as { entries: unknown[] }).entries.length;
    if (fullEntries !== figure.timelineFull.entries)
      throw new Error(`the read floor answered ${fullEntries} entries for the whole timeline`);
    const resultFull = await loop(floorApp.base, fullPath, {});
    show('read floor, whole timeline', resultFull);
    return {
      ...figure,
      floor: { entries: n, responseBytes: body.length, result },
      floorFull: { entries: fullEntries, responseBytes: full.length, result: resultFull },
    };
  } finally {
    await floorApp.stop();
  }
}
