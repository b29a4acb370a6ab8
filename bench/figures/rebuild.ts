// Figure 3: projection rebuild of N events (1,000,000; --quick 100,000) into the status and timeline
// projections, with the engine in this process, against a bulk INSERT … SELECT of the same number
// of rows into a table of the timeline's shape. Runs in a database of its own so the event count is
// exactly N. The process's RSS is sampled every 100 ms during the rebuild.
import pg from 'pg';
import { openDatabase } from '../../src/config/database.js';
import { poolOf } from '../../src/config/database.js';
import { PostgresEventStore, ProjectionEngine } from '../../src/event-store/index.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { generate } from '../lib/generate.js';

export interface RebuildParams {
  partnerships: number;
  eventsPerPartnership: number;
}

export interface RebuildFigure {
  events: number;
  partnerships: number;
  eventsPerPartnership: number;
  generateSeconds: number;
  rebuild: {
    seconds: number;
    eventsPerSecond: number;
    /** what the engine itself reported (its clock starts after the new tables are created) */
    engineEventsPerSecond: number;
    done: number;
    version: number;
    timelineRows: number;
    statusRows: number;
    /** seconds since the start of the rebuild when it passed 25/50/75% of the events (a rate that falls quarter by quarter means per-batch cost grows with the log) */
    secondsAt: { 25: number | null; 50: number | null; 75: number | null; 100: number };
    rssMiB: { before: number; peak: number; at25: number | null; at50: number | null; at75: number | null; at100: number; samples: number };
  };
  baseline: { what: string; rows: number; seconds: number; rowsPerSecond: number };
  /** rebuild events/s ÷ bulk-insert rows/s */
  ratio: number;
}

const MiB = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

// The same columns the projector writes for a milestone entry, computed in SQL.
const BULK_INSERT = `INSERT INTO timeline_copy (event_id, partnership_id, stream_version, type, occurred_on, sort_date, fold_date,
    planned, data, original, corrections, retracted, retraction, recorded_at, actor, changed_at, organisation_id)
  SELECT event_id, stream_id, stream_version, type, data->'occurredOn',
         to_date(rpad(data->'occurredOn'->>'date', 10, '-01'), 'YYYY-MM-DD'),
         to_date(rpad(data->'occurredOn'->>'date', 10, '-01'), 'YYYY-MM-DD'), false,
         data, data, '[]'::jsonb, false, NULL, recorded_at, metadata->>'actor', recorded_at, organisation_id
    FROM events`;

async function sql(url: string, fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}

export async function benchRebuild(url: string, p: RebuildParams, log: (s: string) => void): Promise<RebuildFigure> {
  const events = p.partnerships * p.eventsPerPartnership;
  log(`rebuild: generating ${events} events (${p.partnerships} partnerships × ${p.eventsPerPartnership}) with append_events()`);
  let t = performance.now();
  let lastLog = 0;
  await generate(url, { prefix: 'rb', partnerships: p.partnerships, perStream: p.eventsPerPartnership, concurrency: 2 }, (n) => {
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  generated ${n}`);
    }
  });
  const generateSeconds = (performance.now() - t) / 1000;
  log(`  generated in ${generateSeconds.toFixed(1)} s; VACUUM ANALYZE`);
  await sql(url, async (c) => {
    await c.query('VACUUM ANALYZE events');
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    if (rows[0].n !== events) throw new Error(`expected ${events} events, found ${rows[0].n}`);
  });

  let baseline!: RebuildFigure['baseline'];
  // Baseline: one INSERT … SELECT of every event as a timeline-shaped row (same table definition,
  // same indexes as timeline_entries), then dropped so it does not weigh on the rebuild.
  await sql(url, async (c) => {
    await c.query('CREATE TABLE timeline_copy (LIKE timeline_entries_v1 INCLUDING ALL)');
    await c.query('CHECKPOINT').catch(() => undefined);
    log('  bulk INSERT … SELECT into timeline_copy');
    t = performance.now();
    const r = await c.query(BULK_INSERT);
    const seconds = (performance.now() - t) / 1000;
    baseline = {
      what: 'INSERT INTO timeline_copy SELECT … FROM events (LIKE timeline_entries INCLUDING ALL: same columns and 4 indexes)',
      rows: r.rowCount ?? 0,
      seconds,
      rowsPerSecond: (r.rowCount ?? 0) / seconds,
    };
    log(`  bulk insert: ${baseline.rows} rows in ${seconds.toFixed(1)} s = ${baseline.rowsPerSecond.toFixed(0)} rows/s`);
    await c.query('DROP TABLE timeline_copy');
    await c.query('CHECKPOINT').catch(() => undefined);
  });
  const ds = await openDatabase(url, { migrate: false, poolSize: 4 });
  const store = new PostgresEventStore(poolOf(ds));
  const engine = new ProjectionEngine(store, null);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  let samples = 0;
  const at: Record<25 | 50 | 75, number | null> = { 25: null, 50: null, 75: null };
  const secondsAt: Record<25 | 50 | 75, number | null> = { 25: null, 50: null, 75: null };
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    samples++;
    if (rss > peak) peak = rss;
  }, 100);
  let lastProgress = 0;
  try {
    log(`  rebuilding ${partnershipsProjection.name} in-process (RSS before ${MiB(rssBefore)} MiB)`);
    t = performance.now();
    const result = await engine.rebuild(partnershipsProjection, (pr) => {
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
      for (const q of [25, 50, 75] as const)
        if (at[q] === null && pr.done >= (pr.total * q) / 100) {
          at[q] = rss;
          secondsAt[q] = (performance.now() - t) / 1000;
        }
      if (Date.now() - lastProgress > 10_000) {
        lastProgress = Date.now();
        log(`  ${pr.done}/${pr.total} at ${pr.eventsPerSecond}/s, RSS ${MiB(rss)} MiB`);
      }
    });
    const seconds = (performance.now() - t) / 1000;
    const rssEnd = process.memoryUsage().rss;
    if (rssEnd > peak) peak = rssEnd;
    clearInterval(timer);
    if (result.done !== events)
      throw new Error(
        `the rebuild applied ${result.done} of ${events} events (a transaction elsewhere in the cluster holding the read horizon ends a rebuild early)`,
      );
    const { rows } = await store.pool.query<{ timeline: number; status: number }>(
      `SELECT (SELECT count(*)::int FROM timeline_entries) AS timeline, (SELECT count(*)::int FROM partnership_status) AS status`,
    );
    if (rows[0].timeline !== events || rows[0].status !== p.partnerships)
      throw new Error(
        `rebuild wrote ${rows[0].timeline} timeline rows and ${rows[0].status} status rows; expected ${events} and ${p.partnerships}`,
      );
    const eventsPerSecond = events / seconds;
    log(`  rebuild: ${events} events in ${seconds.toFixed(1)} s = ${eventsPerSecond.toFixed(0)} ev/s, peak RSS ${MiB(peak)} MiB`);
    return {
      events,
      partnerships: p.partnerships,
      eventsPerPartnership: p.eventsPerPartnership,
      generateSeconds,
      rebuild: {
        seconds,
        eventsPerSecond,
        engineEventsPerSecond: result.eventsPerSecond,
        done: result.done,
        version: result.version,
        timelineRows: rows[0].timeline,
        statusRows: rows[0].status,
        secondsAt: { ...secondsAt, 100: seconds },
        rssMiB: {
          before: MiB(rssBefore),
          peak: MiB(peak),
          at25: at[25] && MiB(at[25]),
          at50: at[50] && MiB(at[50]),
          at75: at[75] && MiB(at[75]),
          at100: MiB(rssEnd),
          samples,
        },
      },
      baseline,
      ratio: eventsPerSecond / baseline.rowsPerSecond,
    };
  } finally {
    clearInterval(timer);
    store.close();
    await ds.destroy();
  }
}
