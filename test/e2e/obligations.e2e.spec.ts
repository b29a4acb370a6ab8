// Obligations and deadlines (issue 24, acceptance 4): a funding entry with a final report due on a
// date shows it as overdue the day after, the digest lists it REMINDER_DAYS before and when overdue,
// the reminders fall on those days, and the calendar feed carries it as an all-day event. A
// fulfilment dated before the obligation existed is refused. Real PostgreSQL and Redis; the clock is
// injected and moved.
import ICAL from 'ical.js';
import request from 'supertest';
import { ProjectionEngine } from '../../src/event-store/projections.js';
import { ObligationReminders } from '../../src/obligations/reminders.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caughtUp } from '../support/projections.js';
import { API, countEvents, initiate, keyFor, newId, post } from './partnerships-helpers.js';
import { download, requestReport, waitForReport } from './reporting-helpers.js';

let t: TestApp;
let office: string;
let council: string;
let id: string;
let fundingId: string;
const clock = new FixedClock(new Date('2025-03-10T09:00:00Z'));
const DUE = '2025-06-30';

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DIGEST_ENABLED: 'false', REPORT_BACKOFF_MS: '200', REMINDER_DAYS: '14' } });
  [office, council] = await Promise.all([keyFor(t, 'office'), keyFor(t, 'council')]);
  id = await initiate(t, office, newId('grant'), { occurredOn: '2025-01' });
  const funding = await post(t, office, `${API}/${id}/funding`, {
    occurredOn: '2025-03-01',
    funder: 'European Commission',
    programme: 'CERV town twinning',
    value: { amount: '30000.00', currency: 'EUR' },
    obligations: [
      { id: 'final-report', kind: 'final_report', dueDate: DUE, description: 'Final report and proof of use' },
      { kind: 'public_posting', dueDate: '2025-09-30' },
    ],
  });
  expect(funding.status).toBe(201);
  fundingId = funding.body.events[0].eventId;
}, 60_000);
afterAll(async () => t?.close());

const get = (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${council}`);
const at = (iso: string) => clock.set(new Date(iso));

async function digest() {
  const res = await requestReport(t, office, { type: 'office_digest', parameters: { since: '2000-01-01' } });
  expect(res.status).toBe(202);
  const done = await waitForReport(t, office, res.body.id);
  return JSON.parse(((await download(t, office, done.id, 'json')).body as Buffer).toString('utf8'));
}

it('stores the obligations with their ids, one given and one generated', async () => {
  await caughtUp(t.app.get(ProjectionEngine));
  const res = await get(`/api/v1/obligations?partnershipId=${id}`);
  expect(res.status).toBe(200);
  expect(res.body.map((o: any) => [o.obligationId, o.kind, o.dueDate, o.status, o.fundingEventId])).toEqual([
    ['final-report', 'final_report', DUE, 'open', fundingId],
    ['public_posting-2025-09-30', 'public_posting', '2025-09-30', 'open', fundingId],
  ]);
});

it('refuses a fulfilment dated before the obligation existed (409) and an unknown obligation (422), writing nothing', async () => {
  const before = await countEvents(t, id);
  const early = await post(t, office, `${API}/${id}/obligations/fulfilments`, { occurredOn: '2025-02-15', obligationId: 'final-report' });
  expect(early.status).toBe(409);
  expect(early.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(early.body).toMatchObject({ code: 'transition_not_allowed', detail: expect.stringMatching(/did not exist on 15 February 2025/) });
  const unknown = await post(t, office, `${API}/${id}/obligations/fulfilments`, { occurredOn: '2025-03-05', obligationId: 'no-such' });
  expect(unknown.status).toBe(422);
  expect(unknown.body.errors).toEqual([{ field: 'obligationId', reason: 'no obligation "no-such" is recorded for this partnership' }]);
  expect(await countEvents(t, id)).toBe(before);
});

it('reminds REMINDER_DAYS before the due date, and the digest lists it as due soon', async () => {
  at('2025-06-15T08:00:00Z');
  expect((await t.app.get(ObligationReminders).due()).filter((r) => r.partnershipId === id)).toEqual([]);
  at('2025-06-16T08:00:00Z');
  expect((await t.app.get(ObligationReminders).due()).filter((r) => r.partnershipId === id)).toEqual([
    {
      organisationId: '00000000-0000-4000-8000-000000000001',
      partnershipId: id,
      obligationId: 'final-report',
      kind: 'due-soon',
      dueDate: DUE,
      title: 'Final report: Final report and proof of use (CERV town twinning)',
    },
  ]);
  const json = await digest();
  expect(json.obligations.dueSoon.map((o: any) => [o.partnershipId, o.obligationId, o.daysLeft])).toContainEqual([id, 'final-report', 14]);
  expect(json.obligations.overdue.filter((o: any) => o.partnershipId === id)).toEqual([]);
});

it('is open and not overdue on its due date', async () => {
  at('2025-06-30T22:00:00Z');
  const status = await get(`${API}/${id}`);
  expect(status.status).toBe(200);
  expect(status.body.obligations.find((o: any) => o.id === 'final-report')).toMatchObject({ dueDate: DUE, overdue: false });
});

it('shows as overdue the day after, in the status, the digest and the reminders', async () => {
  at('2025-07-01T06:00:00Z');
  const status = await get(`${API}/${id}`);
  expect(status.body.obligations).toEqual([
    expect.objectContaining({ id: 'final-report', kind: 'final_report', dueDate: DUE, fundingEventId: fundingId, overdue: true }),
    expect.objectContaining({ id: 'public_posting-2025-09-30', overdue: false }),
  ]);
  // As of a day before the due date it was not overdue yet.
  const earlier = await get(`${API}/${id}?validAt=2025-06-01`);
  expect(earlier.body.obligations[0]).toMatchObject({ id: 'final-report', overdue: false });
  expect((await t.app.get(ObligationReminders).due()).filter((r) => r.partnershipId === id).map((r) => r.kind)).toEqual(['overdue']);
  const json = await digest();
  expect(json.obligations.overdue.map((o: any) => [o.partnershipId, o.obligationId, o.daysLeft])).toContainEqual([id, 'final-report', -1]);
});

it('carries the due dates in the calendar feed as all-day events', async () => {
  const res = await get(`/api/v1/calendar.ics?from=2025-06-01&partnershipId=${id}`);
  expect(res.status).toBe(200);
  const cal = new ICAL.Component(ICAL.parse(res.text));
  const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  const final = events.find((e) => e.summary.includes('Final report'));
  expect(final).toBeDefined();
  expect(final!.startDate.isDate).toBe(true);
  expect(final!.startDate.toString()).toBe(DUE);
  expect(final!.summary).toBe(`${id}: Due: Final report: Final report and proof of use (CERV town twinning)`);
  expect(events.map((e) => e.startDate.toString())).toContain('2025-09-30');
});

it('a fulfilment settles it: no longer in the status, the calendar or the reminders', async () => {
  const done = await post(t, office, `${API}/${id}/obligations/fulfilments`, {
    occurredOn: '2025-07-01',
    obligationId: 'final-report',
    documentReference: 'Report submitted via the funder portal',
  });
  expect(done.status).toBe(201);
  const again = await post(t, office, `${API}/${id}/obligations/fulfilments`, { occurredOn: '2025-07-01', obligationId: 'final-report' });
  expect(again.status).toBe(409);
  expect((await get(`${API}/${id}`)).body.obligations.map((o: any) => o.id)).toEqual(['public_posting-2025-09-30']);
  const cal = await get(`/api/v1/calendar?from=2025-06-01&partnershipId=${id}`);
  expect(cal.body.map((i: any) => i.date.date)).toEqual(['2025-09-30']);
  await caughtUp(t.app.get(ProjectionEngine));
  expect((await get(`/api/v1/obligations?partnershipId=${id}&status=fulfilled`)).body.map((o: any) => o.obligationId)).toEqual([
    'final-report',
  ]);
  expect((await t.app.get(ObligationReminders).due()).filter((r) => r.partnershipId === id)).toEqual([]);
});
