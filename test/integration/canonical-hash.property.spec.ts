// Property: the client's hash is the database's. For random JSON values (quotes, backslashes,
// controls, non-ASCII keys and text, astral characters, doubles of every size), jsonbText() gives
// byte for byte the text of `::jsonb::text`, and eventHash() equals event_hash() of the migration,
// so events hashed by the client verify with the SQL function. PROPERTY_RUNS scales the runs.
import fc from 'fast-check';
import { eventHash, jsonbText, NotReproducible } from '../../src/event-store/canonical.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const RUNS = Math.max(20, Math.round(Number(process.env.PROPERTY_RUNS ?? 200) / 5));
const SEED = Number(process.env.PROPERTY_SEED ?? 20261202);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0001', '\u001f') },
  { weight: 2, arbitrary: fc.constantFrom('\u007f', '\u0080', 'é', 'ß', 'Ж', '€', '\u2028', '\ufeff', '\uffff', '😀', '𝄞') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const text = fc.string({ unit, maxLength: 12 });
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 1.5, 1e20, 123456789012345680000, Number.MAX_SAFE_INTEGER, 2 ** 60, 1e-6, 1e-7, 1e21),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(text, tie('json'), { maxKeys: 5 }),
  ),
}));

function tryText(v: unknown): string | null {
  try {
    return jsonbText(v);
  } catch (err) {
    if (err instanceof NotReproducible) return null;
    throw err;
  }
}

test('jsonbText gives the text PostgreSQL gives for the same jsonb', async () => {
  let compared = 0;
  let declined = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(json, { minLength: 50, maxLength: 50 }), async (values) => {
      // The store refuses NUL before anything is hashed (jsonb cannot hold it).
      const kept = values.filter((v) => !JSON.stringify(v).includes('\\u0000'));
      const ours = kept.map(tryText);
      const sendable = kept.filter((_, i) => ours[i] !== null);
      declined += kept.length - sendable.length;
      const { rows } = await db.pool.query('SELECT t::jsonb::text AS text FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n', [
        sendable.map((v) => JSON.stringify(v)),
      ]);
      const expected = rows.map((r) => r.text as string);
      expect(ours.filter((t) => t !== null)).toEqual(expected);
      compared += expected.length;
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(compared).toBeGreaterThan(RUNS * 40);
  // Declining (exponent forms, lone surrogates) sends the event to the database's hash: it must stay rare.
  expect(declined).toBeLessThan(compared / 4);
});

test('exponent forms and lone surrogates are declined, not guessed', () => {
  for (const v of [1e21, 1e-7, -2.5e-10, 'a\ud800b', { k: '\udc00' }]) expect(() => jsonbText(v)).toThrow(NotReproducible);
  expect(jsonbText({ b: 1, a: [true, null, 'x"y'], aa: {} })).toBe('{"a": [true, null, "x\\"y"], "b": 1, "aa": {}}');
});

test('eventHash equals event_hash() for the same event', async () => {
  const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) });
  const event = fc.record({
    prev: fc.option(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), { nil: null }),
    streamId: fc.string({ unit: fc.constantFrom('p', '-', 'é', '"', '\\', '😀', '1'), minLength: 1, maxLength: 20 }),
    version: fc.integer({ min: 1, max: 2_000_000_000 }),
    eventId: fc.uuid(),
    type: fc.constantFrom('AidDelivered', 'Partnership.Renamed', 'x_1:y-z'),
    schemaVersion: fc.integer({ min: 1, max: 1000 }),
    data: json,
    metadata: fc.dictionary(text, json, { maxKeys: 4 }),
    occurredAtMs: fc.option(instant, { nil: null }),
    recordedAtMs: instant,
  });
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(event, { minLength: 20, maxLength: 20 }), async (events) => {
      const ok = events.filter((e) => tryText(e.data) !== null && tryText(e.metadata) !== null && !JSON.stringify(e).includes('\\u0000'));
      const ours = ok.map((e) => eventHash(e.prev, e));
      const { rows } = await db.pool.query(
        `SELECT event_hash(e->>'prev', e->>'stream_id', (e->>'version')::int, (e->>'event_id')::uuid, e->>'type',
                           (e->>'schema_version')::int, e->'data', e->'metadata',
                           'epoch'::timestamptz + (e->>'occurred_ms')::bigint * interval '1 millisecond',
                           'epoch'::timestamptz + (e->>'recorded_ms')::bigint * interval '1 millisecond') AS hash
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n)
          ORDER BY n`,
        [
          JSON.stringify(
            ok.map((e) => ({
              prev: e.prev,
              stream_id: e.streamId,
              version: e.version,
              event_id: e.eventId,
              type: e.type,
              schema_version: e.schemaVersion,
              data: e.data,
              metadata: e.metadata,
              occurred_ms: e.occurredAtMs,
              recorded_ms: e.recordedAtMs,
            })),
          ),
        ],
      );
      expect(ours).toEqual(rows.map((r) => r.hash as string));
      compared += ours.length;
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(compared).toBeGreaterThan(RUNS * 10);
});
