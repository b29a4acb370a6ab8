// Webhooks against a receiver in-process that verifies every delivery with the standardwebhooks
// reference library. The retry schedule is walked with an injected clock (workers driven by hand);
// the receiver is on loopback, so this suite sets WEBHOOK_ALLOW_PRIVATE (the SSRF suite does not).
import request from 'supertest';
import { NotificationWorker } from '../../src/notifications/notification-worker.js';
import { RETRY_SCHEDULE_MS } from '../../src/notifications/webhook-deliveries.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp-server.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { API, initiate, keyFor, post } from './partnerships-helpers.js';
import { decide, signIn, dispatchAll } from './notifications-helpers.js';

const HOOKS = '/api/v1/webhooks';
const TIMEOUT_MS = 400;

let t: TestApp;
let clock: FixedClock;
let receiver: Receiver;
let smtp: TestSmtp;
let worker: NotificationWorker;
let admin: string;
let office: string;

const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
async function flush(): Promise<void> {
  await dispatchAll(t);
  await worker.drain();
}
const as = (key: string) => ({ get: (p: string) => request(t.http).get(p).set('Authorization', `Bearer ${key}`) });

async function register(path: string, events: string[] = ['*']) {
  const res = await post(t, admin, HOOKS, { url: `${receiver.url}${path}`, events });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

beforeAll(async () => {
  receiver = await startReceiver();
  smtp = await startSmtp();
  clock = new FixedClock(new Date());
  t = await createTestApp({
    clock,
    env: {
      WORKERS_ENABLED: 'false',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
      SMTP_URL: smtp.url,
    },
  });
  worker = t.app.get(NotificationWorker);
  [admin, office] = await Promise.all([keyFor(t, 'admin'), keyFor(t, 'office')]);
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await smtp?.close();
});

describe('registering an endpoint', () => {
  it('answers the signing secret once, for admins only, and refuses bad input by field', async () => {
    expect((await post(t, office, HOOKS, { url: `${receiver.url}/x`, events: ['*'] })).status).toBe(403);
    const bad = await post(t, admin, HOOKS, { url: `${receiver.url}/x`, events: ['NoSuchEvent'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'events[0]' })]);
    const scheme = await post(t, admin, HOOKS, { url: 'ftp://files.example.org/in', events: ['*'] });
    expect(scheme.status).toBe(422);
    expect(scheme.body).toMatchObject({
      code: 'webhook_url_refused',
      errors: [{ field: 'url', reason: expect.stringContaining('https://') }],
    });
    expect((await as(admin).get(HOOKS)).body).toEqual([]);
  });
});

describe('deliveries', () => {
  let endpoint: { id: string; secret: string };

  it('carry each new entry, verified by standardwebhooks, without personal data', async () => {
    endpoint = await register('/a');
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.secrets = [endpoint.secret];
    const listed = await as(admin).get(HOOKS).expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id: endpoint.id, state: 'enabled', events: ['*'] })]);
    expect(listed.body[0].secret).toBeUndefined();

    await initiate(t, office, 'dortmund-zhytomyr');
    await decide(t, office, 'dortmund-zhytomyr', '2022-06-15');
    await post(t, office, `${API}/dortmund-zhytomyr/activities`, {
      occurredOn: '2022-07',
      title: 'Youth exchange',
      participants: ['Office Tester', 'Council Clerk'],
    }).expect(201);
    await flush();

    // Deliveries run side by side, so they may arrive in any order; the log's order is in the body.
    receiver.received.sort((x, y) => x.body.data.globalPosition - y.body.data.globalPosition);
    expect(receiver.received.map((r) => [r.body.type, r.verifiedWith])).toEqual([
      ['PartnershipInitiated', [0]],
      ['CouncilDecided', [0]],
      ['ActivityHeld', [0]],
    ]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(3);
    for (const r of receiver.received) expect(r.id).toMatch(/^msg_[0-9a-f]{32}$/);
    const activity = receiver.received[2].body;
    expect(activity.data).toMatchObject({ streamId: 'dortmund-zhytomyr', type: 'ActivityHeld', data: { title: 'Youth exchange' } });
    expect(activity.data.data.participants).toBeUndefined();
    expect(JSON.stringify(activity)).not.toContain('Office Tester');

    const delivered = await as(admin).get(`${HOOKS}/${endpoint.id}/deliveries?state=delivered`).expect(200);
    expect(delivered.body).toHaveLength(3);
  });

  it('are signed with both secrets while a rotation lasts', async () => {
    const rotated = await post(t, admin, `${HOOKS}/${endpoint.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    expect(rotated.body.previousSecretValidUntil).toEqual(expect.any(String));
    receiver.secrets = [endpoint.secret, rotated.body.secret];
    await decide(t, office, 'dortmund-zhytomyr', '2022-08-01');
    await flush();
    const last = receiver.received[receiver.received.length - 1];
    expect(last.signature.split(' ')).toHaveLength(2);
    expect(last.verifiedWith).toEqual([0, 1]);
    endpoint.secret = rotated.body.secret;
    receiver.secrets = [endpoint.secret];
  });

  it('are retried on the schedule, dead-lettered after it, and redelivered on request', async () => {
    receiver.modes['/a'] = 'fail';
    const seen = receiver.received.length;
    await decide(t, office, 'dortmund-zhytomyr', '2022-09-01');
    await flush();
    const [pending] = (await as(admin).get(`${HOOKS}/${endpoint.id}/deliveries?state=pending`).expect(200)).body;
    expect(pending).toMatchObject({ attempts: 1, lastStatus: 500, eventType: 'CouncilDecided' });
    expect(new Date(pending.nextAttemptAt).getTime()).toBe(clock.now().getTime() + RETRY_SCHEDULE_MS[0]);

    for (const [i, wait] of RETRY_SCHEDULE_MS.entries()) {
      advance(wait - 1);
      await worker.drain();
      expect(receiver.received.length).toBe(seen + i + 1); // not due yet
      advance(1);
      if (i === 3) receiver.modes['/a'] = 'timeout';
      if (i === 4) receiver.modes['/a'] = 'fail';
      await worker.drain();
      expect(receiver.received.length).toBe(seen + i + 2);
    }
    const dead = (await as(admin).get(`${HOOKS}/${endpoint.id}/deliveries?state=dead`).expect(200)).body;
    expect(dead).toEqual([expect.objectContaining({ id: pending.id, state: 'dead', attempts: 8, nextAttemptAt: null })]);
    const detail = (await as(admin).get(`${HOOKS}/${endpoint.id}/deliveries/${pending.id}`).expect(200)).body;
    expect(detail.attemptLog.map((a: { outcome: string; statusCode: number | null }) => [a.outcome, a.statusCode])).toEqual([
      ...Array(4).fill(['http_error', 500]),
      ['timeout', null],
      ...Array(3).fill(['http_error', 500]),
    ]);
    expect(detail.attemptLog[4].durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    const times = detail.attemptLog.map((a: { attemptedAt: string }) => new Date(a.attemptedAt).getTime());
    expect(times.slice(1).map((x: number, i: number) => x - times[i])).toEqual([...RETRY_SCHEDULE_MS]);
    const failures = receiver.received.slice(seen);
    expect(new Set(failures.map((r) => r.id))).toEqual(new Set([pending.messageId]));
    expect(failures.every((r) => r.verifiedWith.length === 1)).toBe(true);

    receiver.modes['/a'] = 'ok';
    const again = await post(t, admin, `${HOOKS}/${endpoint.id}/deliveries/${pending.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await post(t, admin, `${HOOKS}/${endpoint.id}/deliveries/${pending.id}/redeliver`)).body.code).toBe('delivery_not_dead');
    await worker.drain();
    const last = receiver.received[receiver.received.length - 1];
    expect(last).toMatchObject({ id: pending.messageId, answered: 204, verifiedWith: [0] });
    expect((await as(admin).get(`${HOOKS}/${endpoint.id}/deliveries/${pending.id}`)).body.state).toBe('delivered');
    expect((await as(admin).get(`${HOOKS}/${endpoint.id}`)).body).toMatchObject({ state: 'enabled', failingSince: null });
  });
});

describe('an endpoint failing for days', () => {
  it('is disabled, its waiting deliveries dead-lettered, and the admins get a mail', async () => {
    await signIn(t, { subject: 'admin-tester', name: 'Admin Tester', email: 'admin.tester@dortmund.example', roles: ['admin'] });
    const b = await register('/b', ['CouncilDecided']);
    receiver.modes['/b'] = 'fail';
    await decide(t, office, 'dortmund-zhytomyr', '2022-10-01');
    await flush();
    advance(4 * 86_400_000);
    await decide(t, office, 'dortmund-zhytomyr', '2022-10-02');
    await flush(); // both fail; four days is not enough
    expect((await as(admin).get(`${HOOKS}/${b.id}`)).body.state).toBe('enabled');
    advance(86_400_000);
    await worker.drain();
    const after = (await as(admin).get(`${HOOKS}/${b.id}`)).body;
    expect(after).toMatchObject({ state: 'disabled', disabledReason: expect.stringContaining('only failures since') });
    expect((await as(admin).get(`${HOOKS}/${b.id}/deliveries?state=pending`)).body).toEqual([]);
    expect((await as(admin).get(`${HOOKS}/${b.id}/deliveries?state=dead`)).body).toHaveLength(2);
    await worker.drain();
    const notice = smtp.mails.filter((m) => m.subject === 'A webhook endpoint was disabled');
    expect(notice).toHaveLength(1);
    expect(notice[0].text).toContain(`${receiver.url}/b`);

    const dead = (await as(admin).get(`${HOOKS}/${b.id}/deliveries?state=dead`)).body[0];
    expect((await post(t, admin, `${HOOKS}/${b.id}/deliveries/${dead.id}/redeliver`)).body.code).toBe('endpoint_disabled');
    expect((await post(t, admin, `${HOOKS}/${b.id}/enable`)).body).toMatchObject({ state: 'enabled' });
    expect((await request(t.http).delete(`${HOOKS}/${b.id}`).set('Authorization', `Bearer ${admin}`)).status).toBe(204);
    expect((await as(admin).get(`${HOOKS}/${b.id}`)).status).toBe(404);
  });
});
