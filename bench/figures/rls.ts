// Figure 5: the cost of row-level security (issue 23). The same store on the same database, the
// same run: appends and reads as system work (the connecting role, policies bypassed) against the
// same work as request work (the service's role, policies applied, the organisation set per
// transaction in the statement's own round trip). Data: many organisations, each with its
// partnerships, so the policies' filters have something to filter.
import { randomUUID } from 'node:crypto';
import { openDatabase, poolOf } from '../../src/config/database.js';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { runAsRequest } from '../../src/shared/db-scope.js';
import { runClosedLoop, type RunResult } from '../lib/driver.js';
import { aidDelivered } from '../lib/workload.js';

export interface RlsParams {
  organisations: number;
  partnershipsPerOrganisation: number;
  eventsPerPartnership: number;
  writers: number;
  /** alternating rounds of each side */
  rounds: number;
  warmupMs: number;
  durationMs: number;
}

interface RlsPair {
  system: RunResult;
  request: RunResult;
  /** request / system, operations per second (1.0 = no cost) */
  ratio: number;
}

export interface RlsFigure {
  organisations: number;
  partnerships: number;
  events: number;
  writers: number;
  append: RlsPair;
  /** readStream of one partnership's whole stream */
  readStream: RlsPair;
  /** an organisation's newest 50 events (a list read) */
  recent: RlsPair;
}

export async function benchRls(url: string, p: RlsParams, log: (s: string) => void): Promise<RlsFigure> {
  const ds = await openDatabase(url, { migrate: false, poolSize: p.writers });
  const pool = poolOf(ds);
  const store = new PostgresEventStore(pool);
  try {
    const orgs = Array.from({ length: p.organisations }, () => randomUUID());
    for (const [i, id] of orgs.entries())
      await pool.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $2)`, [id, `bench-rls-${i}`]);
    const streams = orgs.map((org, i) => Array.from({ length: p.partnershipsPerOrganisation }, (_, k) => `rls-${i}-${k}`));
    log(
      `  rls: writing ${p.organisations} organisations × ${p.partnershipsPerOrganisation} partnerships × ${p.eventsPerPartnership} events`,
    );
    const batch = Array.from({ length: p.eventsPerPartnership }, (_, n) => aidDelivered(n));
    for (const [i, org] of orgs.entries())
      for (const s of streams[i]) {
        await store.append(s, batch, { expectedVersion: 'no_stream', organisationId: org });
        await pool.query(`INSERT INTO partnership_access (organisation_id, partnership_id, stream_id, side) VALUES ($1, $2, $2, 'own')`, [
          org,
          s,
        ]);
      }
    await pool.query('ANALYZE events');
    await pool.query('ANALYZE partnership_access');
    const events = p.organisations * p.partnershipsPerOrganisation * p.eventsPerPartnership;
    const orgOf = (w: number) => w % p.organisations;
    const versions = new Map<string, number>();
    for (const list of streams) for (const s of list) versions.set(s, p.eventsPerPartnership);

    const run = (scoped: boolean, op: (w: number, i: number) => Promise<unknown>) =>
      runClosedLoop({ concurrency: p.writers, warmupMs: p.warmupMs, durationMs: p.durationMs }, (w, i) =>
        scoped ? runAsRequest(() => op(w, i), [orgs[orgOf(w)]]) : op(w, i),
      );
    // Rounds alternate (system, request, request, system, …) so the machine's drift falls on both alike.
    const pair = async (name: string, op: (w: number, i: number) => Promise<unknown>): Promise<RlsPair> => {
      const system: RunResult[] = [];
      const request: RunResult[] = [];
      for (let round = 0; round < p.rounds; round++)
        for (const scoped of round % 2 === 0 ? [false, true] : [true, false]) {
          log(`  rls: ${name}, ${scoped ? 'request' : 'system'} work, round ${round + 1}`);
          (scoped ? request : system).push(await run(scoped, op));
        }
      const rate = (rs: RunResult[]) => rs.reduce((n, r) => n + r.opsPerSecond, 0) / rs.length;
      return { system: merged(system), request: merged(request), ratio: rate(request) / rate(system) };
    };
    // Each writer appends to streams of its organisation no other writer touches.
    const mine = (w: number, i: number) => streams[orgOf(w)][(Math.floor(w / p.organisations) * 7 + i) % p.partnershipsPerOrganisation];
    // The streams the append phase writes, each its organisation's own (the events' insert policy checks it).
    const appendStream = (w: number, i: number) => `${mine(w, 0)}-w${w}-${i % 4}`;
    for (let w = 0; w < p.writers; w++)
      for (let k = 0; k < 4; k++)
        await pool.query(`INSERT INTO partnership_access (organisation_id, partnership_id, stream_id, side) VALUES ($1, $2, $2, 'own')`, [
          orgs[orgOf(w)],
          appendStream(w, k),
        ]);
    const append = await pair('append', async (w, i) => {
      const s = appendStream(w, i);
      const v = versions.get(s) ?? 0;
      const r = await store.append(s, [aidDelivered(i)], { expectedVersion: v === 0 ? 'no_stream' : v, organisationId: orgs[orgOf(w)] });
      versions.set(s, r.nextVersion);
    });
    const readStream = await pair('readStream', (w, i) => store.readStream(mine(w, i)));
    const recent = await pair('recent events', (w) =>
      pool.query(
        `SELECT event_id, stream_id, type, recorded_at FROM events WHERE organisation_id = $1
          ORDER BY transaction_id DESC, global_position DESC LIMIT 50`,
        [orgs[orgOf(w)]],
      ),
    );
    return {
      organisations: p.organisations,
      partnerships: p.organisations * p.partnershipsPerOrganisation,
      events,
      writers: p.writers,
      append,
      readStream,
      recent,
    };
  } finally {
    store.close();
    await ds.destroy();
  }
}

/** Several rounds as one: rates averaged, the worst tail kept. */
function merged(rs: RunResult[]): RunResult {
  const avg = (f: (r: RunResult) => number) => rs.reduce((n, r) => n + f(r), 0) / rs.length;
  return {
    ...rs[0],
    ops: rs.reduce((n, r) => n + r.ops, 0),
    errors: rs.reduce((n, r) => n + r.errors, 0),
    opsPerSecond: avg((r) => r.opsPerSecond),
    p50Ms: avg((r) => r.p50Ms),
    p99Ms: Math.max(...rs.map((r) => r.p99Ms)),
    maxMs: Math.max(...rs.map((r) => r.maxMs)),
  };
}
