// The change feed under concurrent writers: a reader that follows the cursor sees every committed
// event exactly once, in the store's global order, with no gaps or repeats, although transactions
// commit out of the order they began in (the late commit the horizon exists for) and some roll back.
// PROPERTY_RUNS scales the runs (npm run test:properties); the default keeps npm test quick.
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { ChangeFeed } from '../../src/changes/change-feed.js';
import { changesCursor, placeOf } from '../../src/changes/changes.cursor.js';
import { EventNotifications, PostgresEventStore, type Checkpoint } from '../../src/event-store/index.js';
import { withTransaction } from '../../src/event-store/transaction.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const RUNS = Math.max(4, Math.round(Number(process.env.PROPERTY_RUNS ?? 40) / 5));
const SEED = Number(process.env.PROPERTY_SEED ?? 20261204);
const SECRET = 'change-feed-property-secret';

let db: TestDatabase;
let store: PostgresEventStore;
let notifications: EventNotifications;

beforeAll(async () => {
  db = await createTestDatabase();
  store = new PostgresEventStore(db.pool);
  notifications = new EventNotifications(db.url, store);
  await notifications.start();
});
afterAll(async () => {
  await notifications?.stop();
  store?.close();
  await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One writer's step: events for a stream, appended alone or inside a transaction held open a while. */
const step = fc.record({
  stream: fc.integer({ min: 0, max: 3 }),
  count: fc.integer({ min: 1, max: 4 }),
  // held: the transaction takes its id, sleeps, then appends and commits; others commit meanwhile.
  held: fc.option(fc.integer({ min: 5, max: 60 }), { nil: undefined }),
  rollback: fc.boolean(),
  pause: fc.integer({ min: 0, max: 15 }),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
const writers = fc.array(fc.array(step, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 5 });

async function write(run: number, w: number, steps: Step[]) {
  let n = 0;
  for (const s of steps) {
    const events = Array.from({ length: s.count }, () => ({
      eventId: uuidv7(),
      type: 'ChangeFeedProbe',
      data: { run, writer: w, n: n++ },
    }));
    // Each writer its own streams: the property is about the global order, not version conflicts.
    const streamId = `feed-${run}-${w}-${s.stream}`;
    if (s.held === undefined && !s.rollback) await store.append(streamId, events);
    else {
      await withTransaction(store.pool, async (client) => {
        // The transaction id is taken now; its events become visible only at commit.
        await client.query('SELECT pg_current_xact_id()');
        await sleep(s.held ?? 0);
        await store.append(streamId, events, { client });
        if (s.rollback) throw new RolledBack();
      }).catch((err) => {
        if (!(err instanceof RolledBack)) throw err;
      });
    }
    await sleep(s.pause);
  }
}
class RolledBack extends Error {}

it('a reader following the cursor sees every committed event once, in order', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(writers, fc.integer({ min: 1, max: 7 }), async (plan, limit) => {
      run++;
      const feed = new ChangeFeed(store, notifications, { pollMs: 50 });
      // Start where the log is now: earlier runs' events are not this run's business.
      let cursor = changesCursor(SECRET, await store.latestCommitted());
      const seen: { eventId: string; transactionId: string; globalPosition: number; run: number }[] = [];
      // Set when the writers are done: the place of the last committed event, which the reader must reach.
      let target: Checkpoint | null = null;
      let stopped = false;
      const reached = (at: Checkpoint, t: Checkpoint) => at.transactionId === t.transactionId && at.position === t.position;
      const reader = (async () => {
        while (!stopped) {
          const page = await feed.next(placeOf(SECRET, cursor, 'after'), limit, 30);
          for (const e of page.events) seen.push({ ...e, run: (e.data as { run: number }).run });
          cursor = changesCursor(SECRET, page.next);
          // Committed events stay unread while an older transaction anywhere on the server runs (the
          // horizon), so the reader stops at the writers' last event, not at the first empty page.
          if (target && reached(page.next, target)) return;
        }
      })();
      try {
        await Promise.all(plan.map((steps, w) => write(run, w, steps)));
        target = await store.latestCommitted();
        await reader;
      } finally {
        stopped = true;
        await reader.catch(() => undefined);
      }

      const { rows } = await db.pool.query(`SELECT event_id FROM events WHERE stream_id LIKE $1 ORDER BY transaction_id, global_position`, [
        `feed-${run}-%`,
      ]);
      expect(seen.every((e) => e.run === run)).toBe(true);
      expect(seen.map((e) => e.eventId)).toEqual(rows.map((r) => r.event_id));
      const committed = plan
        .flat()
        .filter((s) => !s.rollback)
        .reduce((sum, s) => sum + s.count, 0);
      expect(seen).toHaveLength(committed);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]];
        expect(
          BigInt(a.transactionId) < BigInt(b.transactionId) || (a.transactionId === b.transactionId && a.globalPosition < b.globalPosition),
        ).toBe(true);
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
