// Property: the timeline page PostgreSQL builds as JSON text (timeline.json.ts, what the HTTP route
// sends) is, byte for byte once parsed and serialised again, the page the TypeScript builders give
// (rowToEntry, withActorNames, the plan and receipt annotations): on random histories with
// corrections, retractions, receipts, plans, people as actors and erased personal values, for now and
// for business dates, whole and in pages. The two definitions of an entry cannot drift apart unseen.
import fc from 'fast-check';
import { PostgresEventStore, ProjectionEngine } from '../../src/event-store/index.js';
import { projectedEntriesJson } from '../../src/partnerships/read-models/timeline/timeline.json.js';
import { TimelineQueries, type TimelineKey } from '../../src/partnerships/read-models/timeline/timeline.queries.js';
import type { PartnershipSource } from '../../src/partnerships/read-models/as-of.js';
import { caughtUp } from '../support/projections.js';
import { generatedArb, writeGenerated } from '../support/random-histories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261206);

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new PostgresEventStore(db.pool);
});
afterAll(async () => {
  store?.close();
  await db?.drop();
});

it(
  `the timeline page built in SQL equals the one the TypeScript builders give (${RUNS} histories)`,
  async () => {
    const generated = Array.from({ length: RUNS }, (_, i) => fc.sample(generatedArb(`tj-${i}`), { numRuns: 1, seed: SEED + i })[0]);
    for (const g of generated) await writeGenerated(store, g);
    await db.pool.query(
      `DELETE FROM subject_keys WHERE subject_id IN (SELECT subject_id FROM subject_keys WHERE lookup IS NOT NULL ORDER BY subject_id LIMIT 1)`,
    );
    await caughtUp(new ProjectionEngine(store, null), 1000);
    // The projection is current, so the builders read it and never need the event source.
    const queries = new TimelineQueries(db.pool, store, null as unknown as PartnershipSource);
    let compared = 0;
    const seen = { plan: 0, awaiting: 0, partlyConfirmed: 0, confirmed: 0, original: 0, retraction: 0, named: 0, recordedBy: 0 };
    for (const g of generated) {
      const { rows } = await db.pool.query(
        `SELECT DISTINCT fold_date::text AS day FROM timeline_entries WHERE partnership_id = $1 ORDER BY 1`,
        [g.id],
      );
      const days = [null, ...rows.map((r) => r.day as string).filter((_, i) => i % 3 === 1)];
      for (const day of days)
        for (const limit of [undefined, 1 + (g.picks[1] % 4)]) {
          let after: TimelineKey | undefined;
          do {
            const ts = await queries.page(g.id, day ? { validAt: day } : undefined, { limit, after });
            if ('notModified' in ts) throw new Error('no If-None-Match was sent');
            const sql = await projectedEntriesJson(db.pool, g.id, day, { limit, after });
            expect({ id: g.id, day, after, entries: JSON.stringify(JSON.parse(sql.entries)), next: sql.next }).toEqual({
              id: g.id,
              day,
              after,
              entries: JSON.stringify(ts.entries),
              next: ts.next,
            });
            for (const e of ts.entries) {
              compared++;
              if (e.plan) seen.plan++;
              if (e.receipt?.status === 'awaiting') seen.awaiting++;
              if (e.receipt?.status === 'partly_confirmed') seen.partlyConfirmed++;
              if (e.receipt?.status === 'confirmed') seen.confirmed++;
              if (e.original) seen.original++;
              if (e.retraction) seen.retraction++;
              if (e.recordedBy) seen.recordedBy++;
              if (e.actor && !e.actor.startsWith('person:') && e.actor !== 'property') seen.named++;
            }
            after = ts.next ?? undefined;
          } while (after);
        }
    }
    // Every optional part of an entry was there to compare.
    expect(compared).toBeGreaterThan(RUNS * 5);
    for (const [part, n] of Object.entries(seen)) expect([part, n > 0]).toEqual([part, true]);
  },
  120_000 + RUNS * 2_000,
);
