// Property: a rebuild's bulk paths (rows of unamended entries copied from the events table, the
// status history sent a state per parameter) give exactly the rows the live projection gives when it
// applies the log one event per transaction. Random histories recorded in a random order (late
// entries), then corrections that move entries in business time, retractions, aid receipts, and
// entries with personal values whose subjects are partly erased (their keys deleted). Every column
// of every table of the projection is compared, after rebuilds with two batch sizes (so corrections
// land in the batch of their target and in a later one). PROPERTY_RUNS sets the number of histories.
import fc from 'fast-check';
import { v5 as uuidv5 } from 'uuid';
import { PostgresEventStore, ProjectionEngine } from '../../src/event-store/index.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { decide, DomainError, fold, type PartnershipCommand, type RecordedEvent } from '../../src/partnerships/domain/index.js';
import { HISTORY_NOW, historyArb, recordInOrder, type Step } from '../../src/partnerships/domain/testing/histories.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { sealEvents } from '../../src/privacy/sealing.js';
import { caughtUp } from '../support/projections.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261205);
const NS = '0d6c1f7e-3b2a-4f59-8c0e-5a9b7d3e2f14';
const PEOPLE = ['Office Tester', 'Council Clerk', 'Youth Worker', 'Interpreter'];

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

type Later = 'move' | 'retract' | 'receipt' | 'activity';

interface Generated {
  id: string;
  order: Step[];
  afterwards: Later[];
  picks: number[];
}

const generatedArb = (n: number): fc.Arbitrary<Generated> => {
  const id = `br-${n}`;
  return historyArb(id).chain((steps) =>
    fc.record({
      id: fc.constant(id),
      order: fc
        .shuffledSubarray(steps.slice(1), { minLength: steps.length - 1, maxLength: steps.length - 1 })
        .map((rest) => [steps[0], ...rest]),
      afterwards: fc.array(fc.constantFrom<Later>('move', 'retract', 'receipt', 'activity'), { maxLength: 5 }),
      picks: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    }),
  );
};

/** The command a later step records against the history so far, or null when none fits. */
function laterCommand(g: Generated, what: Later, pick: number, history: ReturnType<typeof fold>, i: number): PartnershipCommand | null {
  const live = history.entryOrder.filter(
    (e) => !history.entries[e].retracted && !['PartnershipInitiated', 'EntryCorrected', 'EntryRetracted'].includes(history.entries[e].type),
  );
  if (what === 'activity') {
    const people = [PEOPLE[pick % PEOPLE.length], PEOPLE[(pick + 1 + i) % PEOPLE.length]];
    return {
      type: 'RecordActivity',
      partnershipId: g.id,
      data: {
        occurredOn: { date: `2019-0${(pick % 9) + 1}`, precision: 'month' },
        title: `Exchange ${i}`,
        participants: people,
        contactPerson: people[0],
      },
    } as PartnershipCommand;
  }
  if (what === 'receipt') {
    const deliveries = live.filter((e) => history.entries[e].type === 'AidDelivered');
    const deliveryId = deliveries[pick % Math.max(1, deliveries.length)];
    if (!deliveryId) return null;
    const on = history.entries[deliveryId].data.occurredOn;
    return {
      type: 'ConfirmAidReceipt',
      partnershipId: g.id,
      data:
        pick % 2
          ? { occurredOn: on, deliveryId, received: 'all' }
          : { occurredOn: on, deliveryId, received: 'part', discrepancies: 'one box short' },
    } as PartnershipCommand;
  }
  const targetId = live[pick % Math.max(1, live.length)];
  if (!targetId) return null;
  const on = history.entries[targetId].data.occurredOn as { date: string } | undefined;
  if (what === 'retract' || !on) return { type: 'RetractEntry', partnershipId: g.id, data: { eventId: targetId, reason: 'property' } };
  return {
    type: 'CorrectEntry',
    partnershipId: g.id,
    data: {
      eventId: targetId,
      reason: 'property',
      changes: { occurredOn: { date: `${Number(on.date.slice(0, 4)) + (pick % 2 ? 1 : -1)}${on.date.slice(4)}`, precision: 'day' } },
    },
  };
}

/** Writes one history as the command path would (personal values sealed), one append per event. */
async function write(g: Generated): Promise<void> {
  const recorded =
    recordInOrder(g.order) ?? recordInOrder([...g.order].sort((a, b) => Number(a.id.split('-').at(-1)) - Number(b.id.split('-').at(-1))));
  if (!recorded) throw new Error(`history ${g.id} was refused in date order`);
  let history = recorded.history;
  const events: RecordedEvent[] = [...recorded.events];
  for (const [i, what] of g.afterwards.entries()) {
    const command = laterCommand(g, what, g.picks[i], history, i);
    if (!command) continue;
    try {
      const decided = decide(command, history, { now: HISTORY_NOW });
      const withIds = decided.map((e, k) => ({ ...e, eventId: `${g.id}-a${i}-${k}`, recordedAt: HISTORY_NOW }) as RecordedEvent);
      history = fold(withIds, history);
      events.push(...withIds);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  const uuid = (x: unknown) => (typeof x === 'string' ? uuidv5(x, NS) : x);
  for (const e of events) {
    const data = { ...(e.data as unknown as Record<string, unknown>) };
    if ('targetEventId' in data) data.targetEventId = uuid(data.targetEventId);
    if ('deliveryId' in data) data.deliveryId = uuid(data.deliveryId);
    const [sealed] = await sealEvents(db.pool, INSTANCE_ORGANISATION_ID, [{ type: e.type, data }]);
    await store.append(g.id, [{ eventId: uuidv5(e.eventId, NS), type: e.type, data: sealed.data, metadata: { actor: 'property' } }]);
  }
}

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
    const generated = Array.from({ length: RUNS }, (_, i) => fc.sample(generatedArb(i), { numRuns: 1, seed: SEED + i })[0]);
    for (const g of generated) await write(g);
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

    await new ProjectionEngine(store, null).rebuild(partnershipsProjection);
    expect(await snapshot()).toEqual(live);
    await new ProjectionEngine(store, null, { rebuildBatchSize: 37 }).rebuild(partnershipsProjection);
    expect(await snapshot()).toEqual(live);
  },
  120_000 + RUNS * 2_000,
);
