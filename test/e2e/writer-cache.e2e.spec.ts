import request from 'supertest';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, newId, post } from './partnerships-helpers.js';

let t: TestApp;
let office: string;
beforeAll(async () => {
  t = await createTestApp();
  office = await keyFor(t, 'office');
});
afterAll(async () => t?.close());

it('a writer that cached a partnership still decides on what another process appended since', async () => {
  const id = await initiate(t, office, newId('cache'));
  const aid = { occurredOn: '2024-01', receiver: { en: 'Kharkiv' }, value: { amount: '1.00', currency: 'EUR' }, modality: 'cash' };
  await post(t, office, `${API}/${id}/aid-deliveries`, aid).expect(201);
  // Another process suspends the partnership behind this process' back.
  await t.app
    .get(PostgresEventStore)
    .append(id, [{ type: 'PartnershipSuspended', data: { occurredOn: { date: '2024-02', precision: 'month' }, reason: 'elsewhere' } }], {
      expectedVersion: 2,
    });
  // Dated while that suspension is in force (business time: aid dated before it would still be accepted).
  const refused = await post(t, office, `${API}/${id}/aid-deliveries`, { ...aid, occurredOn: '2024-02' }).expect(409);
  expect(refused.body.code).toBe('transition_not_allowed');
  expect(refused.body.detail).toMatch(/suspended/);
  await post(t, office, `${API}/${id}/resumption`, { occurredOn: '2024-03' }).expect(201);
  const ok = await post(t, office, `${API}/${id}/aid-deliveries`, aid).expect(201);
  expect(ok.headers.etag).toBe('"5"');
});

it('an If-Match newer than the cached history is checked on a fresh read, not refused from the cache', async () => {
  const id = await initiate(t, office, newId('cache-if-match'));
  const aid = { occurredOn: '2024-01', receiver: { en: 'Kharkiv' }, value: { amount: '1.00', currency: 'EUR' }, modality: 'cash' };
  await post(t, office, `${API}/${id}/aid-deliveries`, aid).expect(201); // this process now caches version 2
  await t.app
    .get(PostgresEventStore)
    .append(id, [{ type: 'AidDelivered', data: { ...aid, occurredOn: { date: '2024-01', precision: 'month' } } }], { expectedVersion: 2 });
  // The client saw version 3 elsewhere: that is the stream's version, so the command goes through.
  const ok = await post(t, office, `${API}/${id}/aid-deliveries`, aid, { 'If-Match': '"3"' }).expect(201);
  expect(ok.headers.etag).toBe('"4"');
  // And an If-Match the stream has moved past is still a 412 with the version it is at.
  const stale = await post(t, office, `${API}/${id}/aid-deliveries`, aid, { 'If-Match': '"3"' }).expect(412);
  expect(JSON.stringify(stale.body)).toMatch(/4/);
});

it('a command that records nothing from the cached history is checked on a fresh read', async () => {
  const id = await initiate(t, office, newId('cache-noop'));
  const aid = { occurredOn: '2024-01', receiver: { en: 'Kharkiv' }, value: { amount: '1.00', currency: 'EUR' }, modality: 'cash' };
  const entry = (await post(t, office, `${API}/${id}/aid-deliveries`, aid).expect(201)).body.events[0].eventId;
  const correct = (sector: string) =>
    post(t, office, `${API}/${id}/entries/${entry}/corrections`, { reason: 'sector', changes: { sector } });
  await correct('health').expect(201); // this process caches the entry with sector "health"
  // Another process corrects it to "education", copying the shape of the stored correction.
  const store = t.app.get(PostgresEventStore);
  const [mine] = await store.readStream(id, { fromVersion: 3 });
  const data = mine.data as { changes: Record<string, unknown> };
  await store.append(id, [{ type: mine.type, data: { ...data, changes: { ...data.changes, sector: 'education' } } }], {
    expectedVersion: 3,
  });
  // From the cache, "health" is already the value (nothing to record); the stream says otherwise.
  const again = await correct('health').expect(201);
  expect(again.body.events).toHaveLength(1);
  expect(await store.streamVersion(id)).toBe(5);
});

it('a revoked key is refused at once, though keys are cached', async () => {
  const admin = await keyFor(t, 'admin');
  const created = await post(t, admin, '/api/v1/keys', { name: 'short-lived', role: 'council' }).expect(201);
  await request(t.http).get(API).set('Authorization', `Bearer ${created.body.key}`).expect(200);
  await request(t.http).delete(`/api/v1/keys/${created.body.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
  await request(t.http).get(API).set('Authorization', `Bearer ${created.body.key}`).expect(401);
});
