// Acceptance 5: bad report requests get 400/404 problem+json and leave nothing behind: no report row,
// no enqueue intent, no job in the queue. Also: who may do what, and the admin-only queue dashboard.
import request from 'supertest';
import { REPORTS_QUEUE } from '../../src/reporting/queue.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { footprint } from '../support/footprint.js';
import { initiate, keyFor } from './partnerships-helpers.js';
import { REPORTS, requestReport, until } from './reporting-helpers.js';

let t: TestApp;
let reporting: string;
let admin: string;
let office: string;
let council: string;
let existing: string;

beforeAll(async () => {
  t = await createTestApp({ env: { DIGEST_ENABLED: 'false' } });
  [reporting, admin, office, council] = await Promise.all([
    keyFor(t, 'reporting'),
    keyFor(t, 'admin'),
    keyFor(t, 'office'),
    keyFor(t, 'council'),
  ]);
  existing = await initiate(t, office);
});
afterAll(async () => t?.close());

const BAD: [string, unknown, number, string, string | null][] = [
  ['unknown type', { type: 'annual_report' }, 400, 'validation_failed', 'type'],
  ['no type', { parameters: {} }, 400, 'validation_failed', 'type'],
  [
    'from after to',
    { type: 'aid_summary', parameters: { from: '2023-01-01', to: '2022-12-31' } },
    400,
    'validation_failed',
    'parameters.from',
  ],
  [
    'from a year after to a month',
    { type: 'aid_summary', parameters: { from: '2023', to: '2022-06' } },
    400,
    'validation_failed',
    'parameters.from',
  ],
  ['impossible date', { type: 'aid_summary', parameters: { from: '2022-13' } }, 400, 'validation_failed', 'parameters.from'],
  ['bad currency', { type: 'aid_summary', parameters: { currency: 'euro' } }, 400, 'validation_failed', 'parameters.currency'],
  ['unknown parameter', { type: 'reminders', parameters: { dayz: 3 } }, 400, 'validation_failed', 'parameters.dayz'],
  ['days out of range', { type: 'reminders', parameters: { days: 0 } }, 400, 'validation_failed', 'parameters.days'],
  ['since not a time', { type: 'office_digest', parameters: { since: 'last week' } }, 400, 'validation_failed', 'parameters.since'],
  ['dossier without partnership', { type: 'dossier', parameters: {} }, 400, 'validation_failed', 'parameters.partnershipId'],
  [
    'malformed partnership id',
    { type: 'dossier', parameters: { partnershipId: '../etc' } },
    400,
    'validation_failed',
    'parameters.partnershipId',
  ],
  ['unknown partnership', { type: 'dossier', parameters: { partnershipId: 'nowhere-nothing' } }, 404, 'partnership_not_found', null],
  [
    'aid of an unknown partnership',
    { type: 'aid_summary', parameters: { partnershipId: 'nowhere-nothing' } },
    404,
    'partnership_not_found',
    null,
  ],
  ['unknown body field', { type: 'reminders', priority: 'high' }, 400, 'validation_failed', 'priority'],
  ['parameters not an object', { type: 'reminders', parameters: [1] }, 400, 'validation_failed', 'parameters'],
  ['body an array', [{ type: 'reminders' }], 400, 'validation_failed', 'body'],
];

it.each(BAD)('%s: problem+json, nothing enqueued or stored', async (_label, body, status, code, field) => {
  const before = await footprint(t);
  const res = await requestReport(t, reporting, body);
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.stringContaining('problem:') });
  if (field) expect(res.body.errors.map((e: any) => e.field)).toContain(field);
  expect(res.headers.location).toBeUndefined();
  expect(await footprint(t)).toEqual(before);
});

it('refuses malformed JSON and a missing or under-privileged key, writing nothing', async () => {
  const before = await footprint(t);
  const bad = await request(t.http)
    .post(REPORTS)
    .set('Authorization', `Bearer ${reporting}`)
    .set('Content-Type', 'application/json')
    .send('{"type":');
  expect(bad.status).toBe(400);
  expect(bad.body.code).toBe('malformed_json');
  expect((await request(t.http).post(REPORTS).send({ type: 'reminders' })).status).toBe(401);
  const forbidden = await requestReport(t, council, { type: 'reminders' });
  expect(forbidden.status).toBe(403);
  expect(forbidden.body.code).toBe('role_not_allowed');
  expect(await footprint(t)).toEqual(before);
  // ...and the same request from an allowed key does enqueue: the footprint is a real measurement.
  const ok = await requestReport(t, office, { type: 'dossier', parameters: { partnershipId: existing } });
  expect(ok.status).toBe(202);
  expect((await footprint(t)).reports).toBe(before.reports + 1);
  // The job follows the commit through the outbox relay, a moment after the answer.
  const after = await until(
    async () => {
      const f = await footprint(t);
      return f.jobs === before.jobs + 1 && f.intents === 0 ? f : null; // handed over, and the intent cleared
    },
    10_000,
    'the job to be enqueued',
  );
  expect(after).toEqual({ ...before, reports: before.reports + 1, jobs: before.jobs + 1, intents: 0 });
});

it('answers 404 for unknown reports and 400 for bad list and download parameters', async () => {
  const get = (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${council}`);
  for (const id of ['0190a6f0-0000-7000-8000-000000000000', 'not-a-uuid']) {
    const res = await get(`${REPORTS}/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('report_not_found');
    expect((await get(`${REPORTS}/${id}/download`)).status).toBe(404);
  }
  const ok = await requestReport(t, reporting, { type: 'reminders' });
  const wrongFormat = await get(`${REPORTS}/${ok.body.id}/download?format=pdf`); // reminders have no PDF
  expect(wrongFormat.status).toBe(400);
  expect(wrongFormat.body.errors[0]).toMatchObject({ field: 'format' });
  for (const q of ['status=done', 'type=annual', 'limit=0', 'limit=1.5', 'cursor=xyz', 'colour=red']) {
    const res = await get(`${REPORTS}?${q}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  }
});

describe('queue dashboard at /admin/queues', () => {
  it('asks for credentials without a key, refuses non-admin keys, and serves admins (Bearer or Basic)', async () => {
    const none = await request(t.http).get('/admin/queues');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic /);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    const wrong = await request(t.http)
      .get('/admin/queues')
      .set('Authorization', 'Bearer pl_' + 'x'.repeat(43));
    expect(wrong.status).toBe(401);
    const notAdmin = await request(t.http).get('/admin/queues/api/queues').set('Authorization', `Bearer ${reporting}`);
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.code).toBe('role_not_allowed');

    const page = await request(t.http).get('/admin/queues').set('Authorization', `Bearer ${admin}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const api = await request(t.http)
      .get('/admin/queues/api/queues')
      .set('Authorization', `Basic ${Buffer.from(`me:${admin}`).toString('base64')}`);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: any) => q.name)).toContain(REPORTS_QUEUE);
  });
});
