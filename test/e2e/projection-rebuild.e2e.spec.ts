import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, newId, post } from './partnerships-helpers.js';

let t: TestApp;
let admin: string;
let office: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await keyFor(t, 'admin');
  office = await keyFor(t, 'office');
});
afterAll(async () => t?.close());

it('an admin rebuild runs as a BullMQ job and switches to the next version with the same answers', async () => {
  const id = await initiate(t, office, newId('rb'));
  for (let i = 0; i < 5; i++)
    await post(t, office, `${API}/${id}/aid-deliveries`, {
      occurredOn: `2022-0${i + 1}`,
      receiver: { en: 'Mykolaiv' },
      value: { amount: '10.00', currency: 'EUR' },
      modality: 'cash',
    }).expect(201);
  const get = (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${admin}`);
  const before = (await get(`${API}/${id}/timeline`).expect(200)).body;

  const res = await request(t.http).post('/api/v1/projections/partnerships/rebuild').set('Authorization', `Bearer ${admin}`).expect(202);
  expect(res.body).toMatchObject({ projection: 'partnerships', status: 'queued', jobId: expect.any(String) });

  let status: { activeVersion: number; rebuilding: unknown } | undefined;
  for (let i = 0; i < 100; i++) {
    [status] = (await get('/api/v1/projections').expect(200)).body;
    if (status!.activeVersion === 2 && status!.rebuilding === null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toMatchObject({ activeVersion: 2, rebuilding: null });
  const after = (await get(`${API}/${id}/timeline`).expect(200)).body;
  expect(after.entries).toEqual(before.entries);
  expect((await get(`${API}/${id}`).expect(200)).body.aidDelivered).toEqual({ EUR: '50.00' });

  const unknown = await request(t.http).post('/api/v1/projections/nope/rebuild').set('Authorization', `Bearer ${admin}`).expect(404);
  expect(unknown.body.code).toBe('projection_not_found');
});
