// A connection that breaks after the append was sent: the server may have committed it while the
// service never heard back. A proxy in front of this suite's database swallows the append's reply
// (or the append itself) and then cuts the connection; the service must find out what happened and
// say so — 201 when the events are there, a retry of its own when they are known not to be, and 503
// outcome_unknown when the database cannot be asked — and a retry with the same key never writes twice.
import request, { type Response } from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { FaultProxy } from '../../scripts/soak/fault-proxy.js';
import { until } from '../e2e/reporting-helpers.js';
import { initiate, keyFor } from '../e2e/partnerships-helpers.js';
import { adminPool, eventCount, printTallies, recordAid, tally, type Tally } from './database-fault-helpers.js';

const MARKER = 'append_events';
const results: Tally[] = [];
let proxy: FaultProxy;
let a: TestApp;
let admin: ReturnType<typeof adminPool>;
let office: string;

beforeAll(async () => {
  proxy = new FaultProxy(5432);
  await proxy.start();
  a = await createTestApp({ viaPostgresPort: proxy.port, env: { WORKERS_ENABLED: 'false', DIGEST_ENABLED: 'false' } });
  admin = adminPool(a);
  office = await keyFor(a, 'office');
});
afterAll(async () => {
  printTallies(results);
  await admin?.end();
  await a?.close();
  await proxy?.stop();
});

/** Sends now (supertest starts a request only when awaited). */
const send = (p: PromiseLike<Response>): Promise<Response> => Promise.resolve(p);

async function committed(id: string, count: number) {
  await until(async () => (await eventCount(admin, [id])) === count, 10_000, 'the append to commit on the server');
}

it('reply lost after the commit: 201 with the recorded event; a retry with the same key replays it and writes nothing', async () => {
  const id = await initiate(a, office);
  const before = await eventCount(admin, [id]);
  const trap = proxy.arm(MARKER, 'swallow-reply');
  const pending = send(recordAid(a, office, id, 'lost-reply'));
  const trapped = await trap;
  await committed(id, before + 1); // the server has it; the service has not heard
  trapped.cut();
  const first = await pending;
  expect(first.status).toBe(201);
  const { rows } = await admin.query('SELECT event_id FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1', [id]);
  expect(first.body.events).toEqual([expect.objectContaining({ eventId: rows[0].event_id, type: 'AidDelivered' })]);

  const retry = await recordAid(a, office, id, 'lost-reply');
  expect(retry.status).toBe(201);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(retry.body.events[0].eventId).toBe(rows[0].event_id);
  const stored = (await eventCount(admin, [id])) - before;
  expect(stored).toBe(1);
  results.push(
    tally('reply lost after COMMIT (with Idempotency-Key), then a retry', [first, retry], stored, 'first answer 201; retry replayed'),
  );
});

it('reply lost after the commit without an Idempotency-Key: still 201, exactly one event', async () => {
  const id = await initiate(a, office);
  const before = await eventCount(admin, [id]);
  const trap = proxy.arm(MARKER, 'swallow-reply');
  const pending = send(recordAid(a, office, id));
  const trapped = await trap;
  await committed(id, before + 1);
  trapped.cut();
  const answer = await pending;
  expect(answer.status).toBe(201);
  const stored = (await eventCount(admin, [id])) - before;
  expect(stored).toBe(1);
  results.push(tally('reply lost after COMMIT (no Idempotency-Key)', [answer], stored));
});

it('the append itself lost: the service learns nothing was written, appends again, and answers 201 once', async () => {
  const id = await initiate(a, office);
  const before = await eventCount(admin, [id]);
  const trap = proxy.arm(MARKER, 'swallow-request');
  const pending = send(recordAid(a, office, id));
  (await trap).cut();
  const answer = await pending;
  expect(answer.status).toBe(201);
  const stored = (await eventCount(admin, [id])) - before;
  expect(stored).toBe(1);
  results.push(tally('append lost before reaching the server', [answer], stored, 'written once by the service’s own retry'));
});

it('reply lost and the database out of reach: 503 outcome_unknown with Retry-After; the keyed retry finds the write', async () => {
  const id = await initiate(a, office);
  const before = await eventCount(admin, [id]);
  const trap = proxy.arm(MARKER, 'swallow-reply');
  const pending = send(recordAid(a, office, id, 'unknowable'));
  await trap;
  await committed(id, before + 1);
  await proxy.stop(); // cuts the connection and refuses the lookup's
  let answer: Response;
  try {
    answer = await pending;
  } finally {
    await proxy.start();
  }
  expect(answer.status).toBe(503);
  expect(answer.headers['retry-after']).toMatch(/^\d+$/);
  expect(answer.body).toMatchObject({ code: 'outcome_unknown', partnershipId: id, eventIds: [expect.any(String)] });
  expect(answer.body.detail).toMatch(/may have been/);
  expect(answer.body.detail).toMatch(/same Idempotency-Key/);
  expect(answer.body.detail).not.toMatch(/nothing was written/i);

  const retry = await until(
    async () => {
      const r = await recordAid(a, office, id, 'unknowable');
      return r.status === 201 ? r : null;
    },
    15_000,
    'the retry to be answered once the database is back',
  );
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(retry.body.events[0].eventId).toBe(answer.body.eventIds[0]);
  const stored = (await eventCount(admin, [id])) - before;
  expect(stored).toBe(1);
  results.push(tally('reply lost, database unreachable for the lookup, then a keyed retry', [answer, retry], stored, 'retry replayed'));
});

it('readiness is back once the proxy is', async () => {
  const res = await until(async () => {
    const r = await request(a.http).get('/health/ready');
    return r.status === 200 ? r : null;
  });
  expect(res.body.details.postgres.status).toBe('up');
});
