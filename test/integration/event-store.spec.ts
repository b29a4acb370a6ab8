import pg from 'pg';
import { v4 as uuidv4 } from 'uuid';
import {
  CheckpointedConsumer,
  databaseUnavailability,
  ConcurrencyError,
  EventNotifications,
  EventStoreInputError,
  IdempotencyConflictError,
  PostgresEventStore,
  READ_ALL_SQL,
  START,
  verifyChains,
  type Checkpoint,
  type StoredEvent,
} from '../../src/event-store/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

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

const ev = (type = 'Thing', data: unknown = { n: 1 }) => ({ type, data });
const countEvents = async (where = 'true', params: unknown[] = []) =>
  (await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE ${where}`, params)).rows[0].n as number;

/** Another suite's open transaction anywhere in the cluster holds the read horizon back: wait, never skip. */
async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readEverything(from: Checkpoint = START): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let cp = from;
  for (;;) {
    const batch = await store.readAll(cp, 1000);
    if (!batch.length) return out;
    out.push(...batch);
    const last = batch[batch.length - 1];
    cp = { transactionId: last.transactionId, position: last.globalPosition };
  }
}

describe('append and read', () => {
  it('appends to a new stream and reads it back in order with all columns', async () => {
    const r = await store.append('s-basic', [ev('A', { a: 'Житомир' }), ev('B', { b: [1, 2] })], {
      expectedVersion: 'no_stream',
    });
    expect(r.nextVersion).toBe(2);
    expect(r.events.map((e) => e.streamVersion)).toEqual([1, 2]);
    expect(r.events[1].globalPosition).toBeGreaterThan(r.events[0].globalPosition);
    expect(r.duplicate).toBe(false);
    const read = await store.readStream('s-basic');
    expect(read.map((e) => [e.type, e.streamVersion])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect(read[0].data).toEqual({ a: 'Житомир' });
    expect(read[0].prevHash).toBeNull();
    expect(read[1].prevHash).toBe(read[0].hash);
    expect(read[0].recordedAt).toBeInstanceOf(Date);
    // The append tells its caller the recorded time a read would give (the writer's cache folds it).
    expect(r.events.map((e) => e.recordedAt.toISOString())).toEqual(read.map((e) => e.recordedAt.toISOString()));
    expect(await store.streamVersion('s-basic')).toBe(2);
    expect(await store.streamVersion('s-missing')).toBe(0);
  });

  it('keeps business time and metadata', async () => {
    await store.append('s-meta', [
      {
        type: 'AidDelivered',
        data: {},
        occurredAt: '2022-05-01T00:00:00Z',
        metadata: { actor: 'office', correlationId: 'c1', requestId: 'r1' },
      },
    ]);
    const [e] = await store.readStream('s-meta');
    expect(e.occurredAt?.toISOString()).toBe('2022-05-01T00:00:00.000Z');
    expect(e.metadata).toEqual({ actor: 'office', correlationId: 'c1', requestId: 'r1' });
  });

  it('honours every expected-version mode', async () => {
    await expect(store.append('s-modes', [ev()], { expectedVersion: 'stream_exists' })).rejects.toBeInstanceOf(ConcurrencyError);
    await store.append('s-modes', [ev()], { expectedVersion: 'no_stream' });
    await expect(store.append('s-modes', [ev()], { expectedVersion: 'no_stream' })).rejects.toMatchObject({
      actual: 1,
      expected: 'no_stream',
    });
    await store.append('s-modes', [ev()], { expectedVersion: 'stream_exists' });
    await store.append('s-modes', [ev()], { expectedVersion: 2 });
    await expect(store.append('s-modes', [ev()], { expectedVersion: 2 })).rejects.toMatchObject({ expected: 2, actual: 3 });
    await store.append('s-modes', [ev()], { expectedVersion: 'any' });
    expect(await store.streamVersion('s-modes')).toBe(4);
  });

  it('reads a range backwards with a limit', async () => {
    await store.append(
      's-range',
      [1, 2, 3, 4, 5].map((n) => ev('N', { n })),
    );
    const back = await store.readStream('s-range', { direction: 'backward', limit: 2 });
    expect(back.map((e) => e.streamVersion)).toEqual([5, 4]);
    const mid = await store.readStream('s-range', { fromVersion: 2, toVersion: 3 });
    expect(mid.map((e) => (e.data as { n: number }).n)).toEqual([2, 3]);
  });

  it('refuses UPDATE and DELETE on the events table', async () => {
    await store.append('s-immutable', [ev()]);
    await expect(db.pool.query(`UPDATE events SET type = 'X' WHERE stream_id = 's-immutable'`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM events WHERE stream_id = 's-immutable'`)).rejects.toThrow(/append-only/);
  });
});

describe('concurrency', () => {
  it('64 concurrent appends with the same expected version: exactly one wins', async () => {
    await store.append('s-race', [ev()], { expectedVersion: 'no_stream' });
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) => store.append('s-race', [ev('Race', { i })], { expectedVersion: 1 })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(63);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(ConcurrencyError);
      expect(l.reason).toMatchObject({ expected: 1, actual: 2 });
    }
    const versions = (await store.readStream('s-race')).map((e) => e.streamVersion);
    expect(versions).toEqual([1, 2]);
  });

  it('32 writers x 200 appends with expectedVersion any: every event once, versions contiguous', async () => {
    const streams = Array.from({ length: 20 }, (_, i) => `s-any-${i}`);
    const written: string[] = [];
    await Promise.all(
      Array.from({ length: 32 }, async (_, w) => {
        for (let i = 0; i < 200; i++) {
          const eventId = uuidv4();
          written.push(eventId);
          const stream = streams[Math.floor(Math.random() * streams.length)];
          await store.append(stream, [{ eventId, type: 'W', data: { w, i } }], { expectedVersion: 'any' });
        }
      }),
    );
    expect(written).toHaveLength(6400);
    const { rows } = await db.pool.query(`SELECT event_id::text FROM events WHERE stream_id LIKE 's-any-%'`);
    expect(rows).toHaveLength(6400);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(written));
    const gaps = await db.pool.query(
      `SELECT stream_id, count(*)::int AS n, max(stream_version) AS max, min(stream_version) AS min
         FROM events WHERE stream_id LIKE 's-any-%' GROUP BY stream_id`,
    );
    for (const g of gaps.rows) expect([g.min, g.max]).toEqual([1, g.n]);
    expect((await verifyChains(db.pool)).ok).toBe(true);
  }, 120_000);
});

describe('gap-safe global order', () => {
  it('delivers an event whose transaction took a lower position but committed later', async () => {
    // Reader starts from the current head.
    let cp = (await store.head()).checkpoint;
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      // Takes the lower global position and keeps its transaction open.
      await slow.query(`SELECT * FROM append_events('s-gap-slow', 'any', $1::jsonb)`, [
        JSON.stringify([{ event_id: uuidv4(), type: 'Slow', schema_version: 1, data: {}, metadata: {}, occurred_at: null }]),
      ]);
      const fast = await store.append('s-gap-fast', [ev('Fast')]);
      const seen: StoredEvent[] = [];
      // While the slow transaction is open, the reader must not move past it.
      for (let i = 0; i < 3; i++) {
        const batch = await store.readAll(cp, 100);
        seen.push(...batch);
        if (batch.length) cp = { transactionId: batch.at(-1)!.transactionId, position: batch.at(-1)!.globalPosition };
      }
      expect(seen.map((e) => e.type)).not.toContain('Fast');
      // The readable head stops before the open transaction; the latest committed event is past it.
      expect((await store.latestCommitted()).position).toBe(fast.events[0].globalPosition);
      expect((await store.head()).checkpoint.position).toBeLessThan(fast.events[0].globalPosition);
      await slow.query('COMMIT');
      await eventually(
        async () => {
          const batch = await store.readAll(cp, 100);
          seen.push(...batch);
          if (batch.length) cp = { transactionId: batch.at(-1)!.transactionId, position: batch.at(-1)!.globalPosition };
          return seen;
        },
        (all) => all.some((e) => e.type === 'Slow') && all.some((e) => e.type === 'Fast'),
      );
      const types = seen.map((e) => e.type);
      expect(types).toContain('Slow');
      expect(types).toContain('Fast');
      const slowEvent = seen.find((e) => e.type === 'Slow')!;
      expect(slowEvent.globalPosition).toBeLessThan(fast.events[0].globalPosition);
    } finally {
      await slow.end();
    }
  });

  it('a subscribed consumer that reads meanwhile still gets the late commit (pg_sleep)', async () => {
    const name = 'gap-consumer';
    const got: StoredEvent[] = [];
    const notifications = new EventNotifications(db.url, store);
    await notifications.start();
    const consumer = new CheckpointedConsumer(
      store,
      notifications,
      { handle: async (events) => void got.push(...events) },
      { name, batchSize: 50, pollMs: 50 },
    );
    await consumer.drain();
    got.length = 0;
    consumer.start();
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    const slowId = uuidv4();
    // One statement: take a position, then sleep before the commit lands.
    const slowDone = slow.query(
      `WITH a AS (SELECT * FROM append_events('s-gap-sleep', 'any', $1::jsonb)) SELECT a.*, pg_sleep(0.6) FROM a`,
      [JSON.stringify([{ event_id: slowId, type: 'Slow', schema_version: 1, data: {}, metadata: {}, occurred_at: null }])],
    );
    await new Promise((r) => setTimeout(r, 150));
    for (let i = 0; i < 10; i++) await store.append('s-gap-many', [ev('Fast', { i })]);
    await slowDone;
    await slow.end();
    const deadline = Date.now() + 20_000;
    while (got.length < 11 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await consumer.stop();
    await notifications.stop();
    expect(got.map((e) => e.eventId)).toContain(slowId);
    expect(got.filter((e) => e.type === 'Fast')).toHaveLength(10);
    expect(new Set(got.map((e) => e.eventId)).size).toBe(got.length);
  });

  it('readAll returns every event once across pages', async () => {
    const total = await countEvents();
    const all = await eventually(
      () => readEverything(),
      (a) => a.length >= total,
    );
    expect(all.length).toBe(total);
    expect(new Set(all.map((e) => e.eventId)).size).toBe(all.length);
  });
});

describe('idempotent retries', () => {
  it('a retry with the same ids writes nothing and returns the original positions', async () => {
    const batch = [
      { eventId: uuidv4(), type: 'A', data: { x: 1 } },
      { eventId: uuidv4(), type: 'B', data: { y: 'z' } },
    ];
    const first = await store.append('s-idem', batch, { expectedVersion: 'no_stream' });
    const before = await countEvents();
    const again = await store.append('s-idem', batch, { expectedVersion: 'no_stream' });
    expect(again.duplicate).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.nextVersion).toBe(2);
    expect(await countEvents()).toBe(before);
  });

  it('concurrent retries with one id write exactly one event', async () => {
    const e = { eventId: uuidv4(), type: 'Once', data: { k: 1 } };
    const results = await Promise.all(Array.from({ length: 20 }, () => store.append('s-idem-race', [e], { expectedVersion: 'any' })));
    expect(new Set(results.map((r) => r.events[0].globalPosition)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await countEvents('stream_id = $1', ['s-idem-race'])).toBe(1);
  });

  it('the same id with other content is a conflict', async () => {
    const id = uuidv4();
    await store.append('s-idem2', [{ eventId: id, type: 'A', data: { v: 1 } }]);
    await expect(store.append('s-idem2', [{ eventId: id, type: 'A', data: { v: 2 } }])).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(store.append('s-other', [{ eventId: id, type: 'A', data: { v: 1 } }])).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect(await countEvents('event_id = $1', [id])).toBe(1);
  });
});

describe('hash chain', () => {
  it('verifies, and names the event whose data was changed behind the store', async () => {
    await store.append('s-chain', [ev('A', { v: 1 }), ev('B', { v: 2 }), ev('C', { v: 3 })]);
    expect(await verifyChains(db.pool, { streamId: 's-chain' })).toMatchObject({ ok: true, eventsChecked: 3, streamsChecked: 1 });
    const [, second] = await store.readStream('s-chain');
    const client = await db.pool.connect();
    try {
      // A superuser can switch the append-only trigger off; the chain still tells.
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE events SET data = '{"v": 99}' WHERE event_id = $1`, [second.eventId]);
      await client.query(`SET session_replication_role = DEFAULT`);
    } finally {
      client.release();
    }
    const result = await verifyChains(db.pool, { streamId: 's-chain' });
    expect(result.ok).toBe(false);
    expect(result.broken).toEqual([
      expect.objectContaining({
        eventId: second.eventId,
        streamVersion: 2,
        problems: [expect.objectContaining({ code: 'hash_mismatch' })],
      }),
    ]);
    const whole = await verifyChains(db.pool);
    expect(whole.ok).toBe(false);
    expect(whole.broken.map((b) => b.eventId)).toEqual([second.eventId]);
    expect(whole.brokenStreams).toEqual(['s-chain']);
  });
});

describe('the append builds on the head it knows', () => {
  const behindTheStore = async (sql: string, params: unknown[]) => {
    const client = await db.pool.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(sql, params);
      await client.query(`SET session_replication_role = DEFAULT`);
    } finally {
      client.release();
    }
  };

  it('hashes as event_hash() would, and leaves to the database what it cannot reproduce', async () => {
    await store.append('s-canon', [
      ev('A', { zé: 'x"\\\n\u0001', b: [1.5, -0, 2 ** 60, null, true], aa: { ü: '😀', a: {} } }),
      ev('B', { small: 1e-7, big: 1e21 }), // exponent forms: numbered and hashed by append_events()
      ev('C', 'plain text'),
    ]);
    await store.append('s-canon', [ev('D', { after: 'the fallback' })], { expectedVersion: 3 });
    const { rows } = await db.pool.query(
      `SELECT stream_version, hash = event_hash(prev_hash, stream_id, stream_version, event_id, type, schema_version, data, metadata,
              occurred_at, recorded_at) AS same FROM events WHERE stream_id = 's-canon' ORDER BY stream_version`,
    );
    expect(rows).toEqual([1, 2, 3, 4].map((v) => ({ stream_version: v, same: true })));
    expect(await verifyChains(db.pool, { streamId: 's-canon' })).toMatchObject({ ok: true, eventsChecked: 4 });
  });

  it("another process's appends and a vanished head cost a retry, never a wrong chain", async () => {
    const a = new PostgresEventStore(db.pool);
    const b = new PostgresEventStore(db.pool);
    try {
      await a.append('s-heads', [ev(), ev()]);
      expect((await b.append('s-heads', [ev()])).nextVersion).toBe(3);
      // a still remembers version 2: its append meets version 3 and retries on the real head.
      expect((await a.append('s-heads', [ev()])).nextVersion).toBe(4);
      expect((await a.append('s-heads', [ev()], { expectedVersion: 4 })).nextVersion).toBe(5);
      await expect(b.append('s-heads', [ev()], { expectedVersion: 3 })).rejects.toMatchObject({ actual: 5 });
      // The head a remembers disappears (as a rolled-back write would): the guard inserts nothing, a asks again.
      await behindTheStore(`DELETE FROM events WHERE stream_id = 's-heads' AND stream_version = 5`, []);
      expect((await a.append('s-heads', [ev('After')])).nextVersion).toBe(5);
      const stored = await store.readStream('s-heads');
      expect(stored.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
      expect(stored[4].type).toBe('After');
      expect(await verifyChains(db.pool, { streamId: 's-heads' })).toMatchObject({ ok: true, eventsChecked: 5 });
    } finally {
      a.close();
      b.close();
    }
  });

  it('an append in a caller transaction that rolls back leaves nothing to build on', async () => {
    await store.append('s-rollback', [ev()]);
    await expect(
      store.transaction(async (client) => {
        await store.append('s-rollback', [ev(), ev()], { client, expectedVersion: 1 });
        throw new Error('caller gives up');
      }),
    ).rejects.toThrow('caller gives up');
    expect((await store.append('s-rollback', [ev()], { expectedVersion: 1 })).nextVersion).toBe(2);
    expect(await verifyChains(db.pool, { streamId: 's-rollback' })).toMatchObject({ ok: true, eventsChecked: 2 });
  });
});

describe('concurrent appends share statements', () => {
  it('appends to different streams go in together, each with its own result and error', async () => {
    const s = new PostgresEventStore(db.pool, { appendConcurrency: 1 });
    try {
      const streams = Array.from({ length: 20 }, (_, i) => `s-co-${i}`);
      await Promise.all(streams.map((st) => s.append(st, [ev()])));
      const results = await Promise.allSettled([
        ...streams.map((st, i) => s.append(st, [ev('Second', { i })], { expectedVersion: 1 })),
        s.append('s-co-0', [ev('Stale')], { expectedVersion: 5 }),
      ]);
      expect(results.slice(0, 20).map((r) => (r.status === 'fulfilled' ? r.value.nextVersion : r.reason))).toEqual(streams.map(() => 2));
      expect(results[20]).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
      const { rows } = await db.pool.query(
        `SELECT count(DISTINCT transaction_id)::int AS commits, count(*)::int AS n FROM events WHERE stream_id LIKE 's-co-%' AND stream_version = 2`,
      );
      // One statement in flight: the first append goes alone, the others wait and share commits.
      expect(rows[0]).toEqual({ commits: expect.any(Number), n: 20 });
      expect(rows[0].commits).toBeLessThan(20);
      for (const st of streams) expect(await verifyChains(db.pool, { streamId: st })).toMatchObject({ ok: true, eventsChecked: 2 });
    } finally {
      s.close();
    }
  });

  it('large appends neither wait for the slot nor share a statement', async () => {
    const s = new PostgresEventStore(db.pool, { appendConcurrency: 1 });
    try {
      const blocker = s.append('s-big-first', [ev()]); // holds the one slot
      const big = (i: number) => Array.from({ length: 25 }, (_, k) => ev('Big', { i, k }));
      const results = await Promise.all([1, 2, 3].map((i) => s.append(`s-big-${i}`, big(i), { expectedVersion: 'no_stream' })));
      await blocker;
      expect(results.map((r) => r.nextVersion)).toEqual([25, 25, 25]);
      const { rows } = await db.pool.query(
        `SELECT stream_id, count(DISTINCT transaction_id)::int AS commits FROM events WHERE stream_id LIKE 's-big-%' GROUP BY stream_id`,
      );
      const txs = await db.pool.query(`SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id LIKE 's-big-%'`);
      expect(rows.every((r) => r.commits === 1)).toBe(true);
      expect(txs.rows[0].n).toBe(4); // the blocker and each large append in a commit of its own
    } finally {
      s.close();
    }
  });

  it('an append that waits for a busy slot gives up after the pool connect timeout, writing nothing', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 4, connectionTimeoutMillis: 300 });
    const s = new PostgresEventStore(pool, { appendConcurrency: 1 });
    const lock = await db.pool.connect();
    try {
      await s.append('s-slot-a', [ev()]);
      await lock.query('BEGIN; LOCK TABLE events IN EXCLUSIVE MODE');
      const stuck = s.append('s-slot-a', [ev()]); // holds the one slot, waiting on the lock
      const waiting = await s.append('s-slot-b', [ev()]).then(
        () => null,
        (err: unknown) => err,
      );
      expect(databaseUnavailability(waiting)).toMatchObject({ reason: 'pool_exhausted' });
      await lock.query('ROLLBACK');
      expect((await stuck).nextVersion).toBe(2);
      expect(await countEvents(`stream_id = 's-slot-b'`)).toBe(0);
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
      s.close();
      await pool.end();
    }
  });

  it("one append's reused event id fails that append alone", async () => {
    const s = new PostgresEventStore(db.pool, { appendConcurrency: 1 });
    try {
      const taken = (await s.append('s-co-taken', [ev()])).events[0].eventId;
      const blocker = s.append('s-co-first', [ev()]); // holds the one slot, so the rest go together
      const results = await Promise.allSettled([
        ...[1, 2, 3].map((i) => s.append(`s-co-ok-${i}`, [ev()])),
        s.append('s-co-reuse', [{ eventId: taken, type: 'Other', data: {} }]),
      ]);
      await blocker;
      expect(results.slice(0, 3).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      expect(results[3]).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyConflictError) });
      expect(await countEvents(`stream_id = 's-co-reuse'`)).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe('bad input writes nothing', () => {
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    ['empty event list', () => store.append('s-bad', []), /events: must be a non-empty array/],
    ['unknown expected-version mode', () => store.append('s-bad', [ev()], { expectedVersion: 'latest' as never }), /expectedVersion/],
    ['negative expected version', () => store.append('s-bad', [ev()], { expectedVersion: -1 }), /expectedVersion/],
    ['stream id over 200 characters', () => store.append('x'.repeat(201), [ev()]), /streamId: must be at most 200/],
    ['stream id with control characters', () => store.append('s-bad\n1', [ev()]), /streamId: must not contain control/],
    ['empty stream id', () => store.append('', [ev()]), /streamId/],
    ['a function in data', () => store.append('s-bad', [{ type: 'A', data: { f: () => 1 } }]), /events\[0\]\.data\.f/],
    ['a bigint in data', () => store.append('s-bad', [{ type: 'A', data: { n: 10n } }]), /bigint/],
    ['NaN in data', () => store.append('s-bad', [{ type: 'A', data: { n: NaN } }]), /not representable/],
    [
      'a circular structure',
      () => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return store.append('s-bad', [{ type: 'A', data: o }]);
      },
      /circular/,
    ],
    ['a class instance', () => store.append('s-bad', [{ type: 'A', data: { m: new Map() } }]), /plain JSON/],
    ['a NUL character', () => store.append('s-bad', [{ type: 'A', data: { s: 'a\u0000b' } }]), /NUL/],
    ['a malformed event id', () => store.append('s-bad', [{ eventId: 'nope', type: 'A', data: {} }]), /eventId: must be a UUID/],
    [
      'a duplicated event id',
      () => {
        const id = uuidv4();
        return store.append('s-bad', [
          { eventId: id, type: 'A', data: {} },
          { eventId: id, type: 'A', data: {} },
        ]);
      },
      /used twice/,
    ],
    ['a bad type', () => store.append('s-bad', [{ type: '', data: {} }]), /type/],
    ['an invalid occurredAt', () => store.append('s-bad', [{ type: 'A', data: {}, occurredAt: 'not a date' }]), /occurredAt/],
  ];
  it.each(cases)('%s', async (_name, call, message) => {
    const before = await countEvents();
    const err = await call().then(
      () => null,
      (e) => e,
    );
    expect(err).toBeInstanceOf(EventStoreInputError);
    expect(String(err.message)).toMatch(message);
    expect(await countEvents()).toBe(before);
  });
});

describe('checkpointed consumer', () => {
  it('rolls back a batch that fails halfway and replays it exactly once', async () => {
    await db.pool.query('CREATE TABLE IF NOT EXISTS consumer_out (event_id uuid PRIMARY KEY)');
    let failOnce = true;
    const consumer = new CheckpointedConsumer(
      store,
      null,
      {
        async handle(events, client) {
          for (const [i, e] of events.entries()) {
            await client.query('INSERT INTO consumer_out VALUES ($1)', [e.eventId]);
            if (failOnce && i === Math.floor(events.length / 2)) {
              failOnce = false;
              throw new Error('crash mid-batch');
            }
          }
        },
      },
      { name: 'out', batchSize: 10_000 },
    );
    const total = await countEvents();
    // The first batch may be empty while another suite holds the horizon; wait for the crash.
    const first = await eventually(
      () =>
        consumer.processBatch().then(
          () => null,
          (e) => e as Error,
        ),
      (e) => e !== null,
    );
    expect(first?.message).toBe('crash mid-batch');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM consumer_out')).rows[0].n).toBe(0);
    const applied = await eventually(
      async () => (await consumer.drain(), (await db.pool.query('SELECT count(*)::int AS n FROM consumer_out')).rows[0].n as number),
      (n) => n >= total,
    );
    expect(applied).toBe(total);
  });

  it('two owners never apply the same batch', async () => {
    await db.pool.query('CREATE TABLE IF NOT EXISTS consumer_twice (event_id uuid, owner int)');
    const mk = (owner: number) =>
      new CheckpointedConsumer(
        store,
        null,
        {
          async handle(events, client) {
            for (const e of events) await client.query('INSERT INTO consumer_twice VALUES ($1, $2)', [e.eventId, owner]);
            await new Promise((r) => setTimeout(r, 20));
          },
        },
        { name: 'twice', batchSize: 100 },
      );
    const a = mk(1);
    const b = mk(2);
    const total = await countEvents();
    const count = async () =>
      (await db.pool.query('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM consumer_twice')).rows[0];
    const rows = [
      await eventually(
        async () => (await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]), count()),
        (r) => r.n >= total,
      ),
    ];
    expect(rows[0].n).toBe(rows[0].d);
    expect(rows[0].d).toBe(total);
  });
});

describe('global order is by transaction id as a number', () => {
  it('orders across a digit boundary of transaction ids and reads through the index without sorting', async () => {
    const own = await createTestDatabase();
    try {
      // Three ids around the largest power of ten below the read horizon (99/100/101 on a cluster
      // created minutes ago, 99999/100000/100001 on an older one): smaller as numbers, not as text.
      const { rows } = await own.pool.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
      const xmin = BigInt(rows[0].xmin);
      let boundary = 10n;
      while (boundary * 10n + 1n < xmin) boundary *= 10n;
      expect(boundary + 1n).toBeLessThan(xmin);
      const [below, at, above] = [boundary - 1n, boundary, boundary + 1n].map(String);
      expect([below, at, above].sort()).not.toEqual([below, at, above]); // text order differs
      for (const [xid, pos] of [
        [at, 1],
        [below, 2],
        [above, 3],
      ] as const) {
        await own.pool.query(
          `INSERT INTO events (event_id, stream_id, stream_version, type, data, hash, transaction_id, organisation_id)
           OVERRIDING SYSTEM VALUE VALUES ($1, 'order', $2, 'T', '{}', 'h', $3::xid8, '00000000-0000-4000-8000-000000000001')`,
          [uuidv4(), pos, xid],
        );
      }
      const ownStore = new PostgresEventStore(own.pool);
      const read = await ownStore.readAll(START, 10);
      expect(read.map((e) => e.transactionId)).toEqual([below, at, above]);
      const next = await ownStore.readAll({ transactionId: below, position: read[0].globalPosition }, 10);
      expect(next.map((e) => e.transactionId)).toEqual([at, above]);
      const { checkpoint } = await ownStore.head();
      expect(checkpoint.transactionId).toBe(above);
      const client = await own.pool.connect();
      let plan = '';
      try {
        // A three-row table would be scanned anyway; what matters is that the index can serve the order.
        await client.query('SET enable_seqscan = off');
        plan = JSON.stringify(
          (await client.query(`EXPLAIN (FORMAT JSON) ${READ_ALL_SQL.replace('$1', `'0'`).replace('$2', '0').replace('$3', '10')}`)).rows,
        );
      } finally {
        await client.query('RESET enable_seqscan');
        client.release();
      }
      expect(plan).toContain('events_tx_position_idx');
      expect(plan).not.toContain('"Node Type":"Sort"');
      ownStore.close();
    } finally {
      await own.drop();
    }
  });
});
