// A report request while the database is unreachable: a clear 503 with Retry-After, not a 500, and
// nothing is kept (there is nowhere to keep it). The database back, the same request is accepted.
import { createTestApp, type TestApp } from '../support/app.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { keyFor } from './partnerships-helpers.js';
import { REPORTS, requestReport } from './reporting-helpers.js';
import request from 'supertest';

let t: TestApp;
const proxy = new TcpProxy(5432);
let port = 0;
let up = true;

beforeAll(async () => {
  port = await proxy.start();
  t = await createTestApp({ env: { DIGEST_ENABLED: 'false' }, viaPostgresPort: port });
});
afterAll(async () => {
  if (!up) await proxy.start(port);
  await t?.close();
  await proxy.stop();
});

it('answers 503 reports_unavailable while the database is unreachable, and 202 once it is back', async () => {
  const key = await keyFor(t, 'reporting');
  // The key is checked now and cached for a few seconds, so the request below reaches the controller.
  expect((await request(t.http).get(REPORTS).set('Authorization', `Bearer ${key}`)).status).toBe(200);
  await proxy.stop();
  up = false;
  const refused = await requestReport(t, key, { type: 'reminders' });
  expect(refused.status).toBe(503);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body.code).toBe('reports_unavailable');
  expect(refused.body.detail).toMatch(/nothing was kept/);
  expect(refused.headers['retry-after']).toBe('5');

  await proxy.start(port);
  up = true;
  const accepted = await requestReport(t, key, { type: 'reminders' });
  expect(accepted.status).toBe(202);
});
