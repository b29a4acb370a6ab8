// Property: one definition of the state on a business date. For random histories — recorded in a
// random order the decider accepts, then with corrections that move entries in time and retractions —
// the projection's status history, the as-of fold of the stream and a rebuild all give the same state
// on every date. PROPERTY_RUNS sets the number of histories (default 200).
import fc from 'fast-check';
import { v5 as uuidv5 } from 'uuid';
import { PostgresEventStore, ProjectionEngine } from '../../src/event-store/index.js';
import { decide, DomainError, fold, stateAt, type PartnershipCommand, type RecordedEvent } from '../../src/partnerships/domain/index.js';
import { HISTORY_NOW, daysToCompare, historyArb, recordInOrder, type Step } from '../../src/partnerships/domain/testing/histories.js';
import { toRecorded } from '../../src/partnerships/recorded.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { caughtUp } from '../support/projections.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261201);
const NS = '4f0b2a4e-61d4-4c0c-9a4f-2d3b8e7c1a55';

let db: TestDatabase;
let store: PostgresEventStore;
let engine: ProjectionEngine;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new PostgresEventStore(db.pool);
  engine = new ProjectionEngine(store, null, { batchSize: 300 });
});
afterAll(async () => {
  store?.close();
  await db?.drop();
});

interface Generated {
  id: string;
  order: Step[];
  /** after the history: corrections and retractions the decider accepts, as far as they go */
  afterwards: ('move' | 'retract')[];
  picks: number[];
}

const generatedArb = (n: number): fc.Arbitrary<Generated> => {
  const id = `bt-${n}`;
  return historyArb(id).chain((steps) =>
    fc.record({
      id: fc.constant(id),
      order: fc
        .shuffledSubarray(steps.slice(1), { minLength: steps.length - 1, maxLength: steps.length - 1 })
        .map((rest) => [steps[0], ...rest]),
      afterwards: fc.array(fc.constantFrom('move' as const, 'retract' as const), { maxLength: 3 }),
      picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    }),
  );
};

/**
 * Writes one history: its steps in the generated order (the date order if that one is refused); then
 * `afterwards()` writes its corrections and retractions, after the projection has applied the rest,
 * so they reach it as changes to rows it already holds.
 */
async function write(g: Generated): Promise<{ afterwards: () => Promise<void> }> {
  const recorded =
    recordInOrder(g.order) ?? recordInOrder([...g.order].sort((a, b) => Number(a.id.split('-').at(-1)) - Number(b.id.split('-').at(-1))));
  if (!recorded) throw new Error(`history ${g.id} was refused in date order`);
  const events: RecordedEvent[] = [];
  let history = recorded.history;
  for (const [i, what] of g.afterwards.entries()) {
    const targets = history.entryOrder.filter((e) => !history.entries[e].retracted && history.entries[e].type !== 'PartnershipInitiated');
    const targetId = targets.filter((e) => !['EntryCorrected', 'EntryRetracted'].includes(history.entries[e].type))[
      g.picks[i] % Math.max(1, targets.length)
    ];
    if (!targetId) break;
    const target = history.entries[targetId];
    const on = target.data.occurredOn as { date: string } | undefined;
    const command: PartnershipCommand =
      what === 'retract' || !on
        ? { type: 'RetractEntry', partnershipId: g.id, data: { eventId: targetId, reason: 'property' } }
        : {
            type: 'CorrectEntry',
            partnershipId: g.id,
            // Move it a year back or forward in business time.
            data: {
              eventId: targetId,
              reason: 'property',
              changes: {
                occurredOn: { date: `${Number(on.date.slice(0, 4)) + (g.picks[i] % 2 ? 1 : -1)}${on.date.slice(4)}`, precision: 'day' },
              },
            },
          };
    try {
      const decided = decide(command, history, { now: HISTORY_NOW });
      const withIds = decided.map((e, k) => ({ ...e, eventId: `${g.id}-a${i}-${k}`, recordedAt: HISTORY_NOW }) as RecordedEvent);
      history = fold(withIds, history);
      events.push(...withIds);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  // The store wants uuids: derive them from the step ids, the same on every run.
  const uuid = (x: unknown) => (typeof x === 'string' ? uuidv5(x, NS) : x);
  const append = async (list: RecordedEvent[]) => {
    for (const e of list) {
      const data = { ...(e.data as unknown as Record<string, unknown>) };
      if ('targetEventId' in data) data.targetEventId = uuid(data.targetEventId);
      await store.append(g.id, [{ eventId: uuidv5(e.eventId, NS), type: e.type, data, metadata: { actor: 'property' } }]);
    }
  };
  await append(recorded.events);
  return { afterwards: () => append(events) };
}

/** The state the projection holds for a partnership on a day, and the state the fold of its stream gives. */
async function compare(id: string, days: string[]): Promise<void> {
  const stream = fold((await store.readStream(id)).map(toRecorded));
  const { rows } = await db.pool.query(
    `SELECT d.day::text AS day, h.state FROM unnest($2::date[]) AS d(day)
       LEFT JOIN LATERAL (SELECT state FROM partnership_status_history WHERE partnership_id = $1 AND valid_from <= d.day
                           ORDER BY valid_from DESC LIMIT 1) h ON true ORDER BY d.day`,
    [id, days],
  );
  for (const r of rows as { day: string; state: unknown }[]) {
    const { entries: _e, entryOrder: _o, version: _v, ...folded } = stateAt(stream, r.day);
    const want = folded.exists ? JSON.parse(JSON.stringify(folded)) : null;
    expect({ id, day: r.day, state: r.state }).toEqual({ id, day: r.day, state: want });
  }
}

async function snapshot() {
  const q = async (sql: string) => (await db.pool.query(sql)).rows;
  return {
    history: await q(`SELECT partnership_id, valid_from::text, state FROM partnership_status_history ORDER BY partnership_id, valid_from`),
    status: await q(
      `SELECT partnership_id, version, tier, standing, state, summary - 'updatedAt' AS summary FROM partnership_status ORDER BY partnership_id`,
    ),
    calendar: await q(`SELECT * FROM calendar_items ORDER BY partnership_id, uid`),
    aid: await q(`SELECT * FROM aid_ledger ORDER BY event_id`),
    obligations: await q(`SELECT * FROM obligations ORDER BY organisation_id, partnership_id, obligation_id`),
  };
}

it(
  `projection, as-of fold and rebuild agree on every generated history (${RUNS} histories)`,
  async () => {
    // One sample per history, each from its own seed, so every stream and event id is unique.
    const generated = Array.from({ length: RUNS }, (_, i) => fc.sample(generatedArb(i), { numRuns: 1, seed: SEED + i })[0]);
    const days = new Map<string, string[]>();
    const afterwards: (() => Promise<void>)[] = [];
    for (const g of generated) {
      afterwards.push((await write(g)).afterwards);
      days.set(g.id, daysToCompare(g.order));
    }
    await caughtUp(engine, 600);
    for (const then of afterwards) await then();
    await caughtUp(engine, 600);
    for (const g of generated) await compare(g.id, days.get(g.id)!);
    const live = await snapshot();
    expect(live.history.length).toBeGreaterThan(RUNS);
    expect(live.obligations.length).toBeGreaterThan(0);
    await engine.rebuild(partnershipsProjection);
    expect(await snapshot()).toEqual(live);
  },
  120_000 + RUNS * 1_000,
);
