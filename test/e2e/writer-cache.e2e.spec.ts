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

it('a revoked key is refused at once, though keys are cached', async () => {
  const admin = await keyFor(t, 'admin');
  const created = await post(t, admin, '/api/v1/keys', { name: 'short-lived', role: 'council' }).expect(201);
  await request(t.http).get(API).set('Authorization', `Bearer ${created.body.key}`).expect(200);
  await request(t.http).delete(`/api/v1/keys/${created.body.id}`).set('Authorization', `Bearer ${admin}`).expect(204);
  await request(t.http).get(API).set('Authorization', `Bearer ${created.body.key}`).expect(401);
});
