// The SSRF guard with the default policy (no WEBHOOK_ALLOW_PRIVATE): private, loopback, link-local,
// CGNAT, unique-local and metadata addresses are refused at registration (422 naming url) and, for
// a name that re-resolves to one later (DNS rebinding), at delivery, before any connection is made.
import type { LookupAddress } from 'node:dns';
import request from 'supertest';
import { NotificationWorker } from '../../src/notifications/notification-worker.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { initiate, keyFor, post } from './partnerships-helpers.js';
import { dispatchAll } from './notifications-helpers.js';

const HOOKS = '/api/v1/webhooks';

let t: TestApp;
let admin: string;
let office: string;
let worker: NotificationWorker;
let receiver: Receiver;
/** What the injected resolver answers per name; nothing here ever leaves this machine. */
const dns: Record<string, LookupAddress[]> = {};

beforeAll(async () => {
  receiver = await startReceiver();
  t = await createTestApp({ env: { WORKERS_ENABLED: 'false', WEBHOOK_ALLOW_HTTP: 'true' } });
  worker = t.app.get(NotificationWorker);
  worker.resolver = (host) =>
    dns[host] ? Promise.resolve(dns[host]) : Promise.reject(Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
  [admin, office] = await Promise.all([keyFor(t, 'admin'), keyFor(t, 'office')]);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

describe('registering', () => {
  it.each([
    ['http://127.0.0.1/hook', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://[::1]/hook', 'loopback'],
    ['http://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['http://10.1.2.3/hook', 'private'],
    ['http://100.64.0.1/hook', 'carrierGradeNat'],
    ['http://[fd00:ec2::254]/hook', 'uniqueLocal'],
    ['http://[fe80::1]/hook', 'linkLocal'],
    ['http://0.0.0.0/hook', 'unspecified'],
    ['http://localhost:8080/hook', 'this machine'],
    ['http://intranet.rathaus.test/hook', 'private'],
  ])('refuses %s', async (url, why) => {
    dns['intranet.rathaus.test'] = [{ address: '192.168.10.20', family: 4 }];
    const res = await post(t, admin, HOOKS, { url, events: ['*'] });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'webhook_url_refused', errors: [{ field: 'url', reason: expect.stringContaining(why) }] });
    expect((await request(t.http).get(HOOKS).set('Authorization', `Bearer ${admin}`)).body).toEqual([]);
  });
});

describe('delivering', () => {
  it('refuses a name that resolves to a loopback address by now, without connecting', async () => {
    const port = new URL(receiver.url).port;
    dns['hooks.rebind.test'] = [{ address: '93.184.215.14', family: 4 }];
    const res = await post(t, admin, HOOKS, { url: `http://hooks.rebind.test:${port}/in`, events: ['*'] });
    expect(res.status).toBe(201);
    dns['hooks.rebind.test'] = [{ address: '127.0.0.1', family: 4 }]; // the name now points here

    await initiate(t, office);
    await dispatchAll(t);
    await worker.drain();
    const [delivery] = (await request(t.http).get(`${HOOKS}/${res.body.id}/deliveries`).set('Authorization', `Bearer ${admin}`)).body;
    const detail = (await request(t.http).get(`${HOOKS}/${res.body.id}/deliveries/${delivery.id}`).set('Authorization', `Bearer ${admin}`))
      .body;
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({ outcome: 'refused', statusCode: null, error: expect.stringContaining('127.0.0.1 is in a loopback range') }),
    ]);
    expect(receiver.received).toEqual([]);
  });
});

describe('readiness without SMTP_URL', () => {
  it('says mail is off, and stays up', async () => {
    const res = await request(t.http).get('/health/ready/details').set('Authorization', `Bearer ${admin}`);
    expect(res.body.details.notifications).toMatchObject({ status: 'up', mail: 'off (SMTP_URL is not set)' });
  });
});
