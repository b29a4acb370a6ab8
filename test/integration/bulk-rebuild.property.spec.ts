// Property: a rebuild's bulk paths (rows of unamended entries copied from the events table, the
// status history sent a state per parameter) give exactly the rows the live projection gives when it
// applies the log one event per transaction. Random histories recorded in a random order (late
// entries), then corrections that move entries in business time, retractions, aid receipts, and
// entries with personal values whose subjects are partly erased (their keys deleted). Every column
// of every table of the projection is compared, after rebuilds with two batch sizes (so corrections
// land in the batch of their target and in a later one). PROPERTY_RUNS sets the number of histories.
import fc from 'fast-check';
import { PostgresEventStore, ProjectionEngine } from '../../src/event-store/index.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { caughtUp } from '../support/projections.js';
import { generatedArb, writeGenerated } from '../support/random-histories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261205);

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

/** Every row of every table of the projection, every column, in a stable order. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of partnershipsProjection.tables) {
    const { rows } = await db.pool.query(`SELECT to_jsonb(x)::text AS r FROM ${table} x`);
    out[table] = rows.map((r) => r.r as string).sort();
  }
  return out;
}

it(
  `a rebuild's bulk load equals the event-by-event projection on every generated history (${RUNS} histories)`,
  async () => {
    const generated = Array.from({ length: RUNS }, (_, i) => fc.sample(generatedArb(`br-${i}`), { numRuns: 1, seed: SEED + i })[0]);
    for (const g of generated) await writeGenerated(store, g);
    // Erase one person: their values read as "[erased]" in the projection and in every rebuild.
    await db.pool.query(
      `DELETE FROM subject_keys WHERE subject_id IN (SELECT subject_id FROM subject_keys WHERE lookup IS NOT NULL ORDER BY subject_id LIMIT 1)`,
    );
    await caughtUp(new ProjectionEngine(store, null, { batchSize: 1 }), 100_000);
    const live = await snapshot();
    const { rows } = await db.pool.query(
      `SELECT count(*) FILTER (WHERE corrections <> '[]') AS corrected, count(*) FILTER (WHERE retracted) AS retracted,
              count(*) FILTER (WHERE type = 'AidReceiptConfirmed') AS receipts, count(*) FILTER (WHERE data::text LIKE '%[erased]%') AS erased,
              count(*) FILTER (WHERE data::text ~ '(Office Tester|Council Clerk|Youth Worker|Interpreter)') AS opened
         FROM timeline_entries`,
    );
    // The histories hold every kind of change the bulk paths must leave to the event-by-event path.
    for (const n of Object.values(rows[0])) expect(Number(n)).toBeGreaterThan(0);
    // Both sides share the fold, so this oracle is the timeline's: a day's row holds exactly the
    // deliveries in force on that day, and no receipt dated after it.
    const { rows: wrong } = await db.pool.query(
      `SELECT h.partnership_id, h.valid_from::text FROM partnership_status_history h
        WHERE ARRAY(SELECT k FROM jsonb_object_keys(h.state->'deliveries') AS k ORDER BY k)
              <> ARRAY(SELECT t.event_id::text FROM timeline_entries t
                        WHERE t.partnership_id = h.partnership_id AND t.type = 'AidDelivered' AND NOT t.retracted
                          AND NOT t.planned AND t.fold_date <= h.valid_from ORDER BY 1)
           OR EXISTS (SELECT FROM jsonb_each(h.state->'deliveries') AS d(k, v), jsonb_array_elements(d.v->'confirmations') AS c
                        JOIN timeline_entries t ON t.event_id = (c->>'eventId')::uuid
                       WHERE t.fold_date > h.valid_from)`,
    );
    expect(wrong).toEqual([]);

    await new ProjectionEngine(store, null).rebuild(partnershipsProjection);
    expect(await snapshot()).toEqual(live);
    await new ProjectionEngine(store, null, { rebuildBatchSize: 37 }).rebuild(partnershipsProjection);
    expect(await snapshot()).toEqual(live);
  },
  120_000 + RUNS * 2_000,
);
