// Issue 24, acceptance 4 (the mail half): a funding entry's final report, due on a date, brings its
// deadline subscriber a reminder mail REMINDER_DAYS before and one the day after, each once, in the
// subscriber's language. Real PostgreSQL, Redis and an in-process SMTP server; the clock is injected
// and the delivery worker is driven by hand.
import request from 'supertest';
import { ProjectionEngine } from '../../src/event-store/projections.js';
import { NotificationWorker } from '../../src/notifications/notification-worker.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caughtUp } from '../support/projections.js';
import { startSmtp, type TestSmtp } from '../support/smtp-server.js';
import { API, initiate, keyFor, newId, post } from './partnerships-helpers.js';
import { dispatchAll, putSubscription, signIn, type SignedIn } from './notifications-helpers.js';

const DUE = '2025-06-30';
const clock = new FixedClock(new Date('2025-03-10T09:00:00Z'));
let t: TestApp;
let smtp: TestSmtp;
let worker: NotificationWorker;
let office: string;
let officer: SignedIn;
let bystander: SignedIn;
let id: string;

const at = (iso: string) => clock.set(new Date(iso));
const subjects = () => smtp.mails.map((m) => ({ to: m.to && !Array.isArray(m.to) ? m.to.text : '', subject: m.subject ?? '' }));

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({
    clock,
    env: { SMTP_URL: smtp.url, WORKERS_ENABLED: 'false', DIGEST_ENABLED: 'false', REMINDER_DAYS: '14', MAIL_BATCH_SECONDS: '60' },
  });
  worker = t.app.get(NotificationWorker);
  office = await keyFor(t, 'office');
  officer = await signIn(t, { subject: 'grants-officer', name: 'Grants Officer', email: 'grants.officer@dortmund.example' });
  bystander = await signIn(t, { subject: 'council-clerk', name: 'Council Clerk', email: 'council.clerk@dortmund.example' });
  id = await initiate(t, office, newId('grant'), { occurredOn: '2025-01' });
  const funding = await post(t, office, `${API}/${id}/funding`, {
    occurredOn: '2025-03-01',
    funder: 'European Commission',
    programme: 'CERV town twinning',
    obligations: [{ id: 'final-report', kind: 'final_report', dueDate: DUE, description: 'Final report and proof of use' }],
  });
  expect(funding.status).toBe(201);
  await caughtUp(t.app.get(ProjectionEngine));
  await dispatchAll(t);
  const deadlines = await putSubscription(t, officer, { partnerships: [id], kinds: [], deadlines: true, digest: false, language: 'de' });
  expect(deadlines.status).toBe(200);
  // Subscribed to the same partnership's entries, but not to deadlines: gets no reminder.
  const entries = await putSubscription(t, bystander, { partnerships: [id], kinds: null, deadlines: false, digest: false, language: 'en' });
  expect(entries.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

it('sends nothing before the reminder day', async () => {
  at('2025-06-15T08:00:00Z');
  await worker.drain();
  expect(smtp.mails).toHaveLength(0);
});

it(`sends one due-soon reminder REMINDER_DAYS (14) before the due date, in the subscriber's language`, async () => {
  at('2025-06-16T08:00:00Z');
  await worker.drain();
  expect(subjects()).toEqual([
    { to: expect.stringContaining('grants.officer@dortmund.example'), subject: expect.stringMatching(/^Fällig am /) },
  ]);
  expect(smtp.mails[0].headerLines.map((h) => h.key)).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));

  // Later passes on the same day (and the next) send it no second time.
  at('2025-06-16T12:00:00Z');
  await worker.drain();
  at('2025-06-17T08:00:00Z');
  await worker.drain();
  expect(smtp.mails).toHaveLength(1);
});

it('sends one overdue reminder the day after the due date, and the status shows it overdue', async () => {
  at('2025-06-30T20:00:00Z');
  await worker.drain();
  expect(smtp.mails).toHaveLength(1);

  at('2025-07-01T08:00:00Z');
  await worker.drain();
  expect(subjects().map((m) => m.subject)).toEqual([expect.stringMatching(/^Fällig am /), expect.stringMatching(/^Überfällig seit /)]);
  const status = await request(t.http).get(`${API}/${id}`).set('Authorization', `Bearer ${office}`);
  expect(status.body.obligations).toEqual([expect.objectContaining({ id: 'final-report', dueDate: DUE, overdue: true })]);

  at('2025-07-01T18:00:00Z');
  await worker.drain();
  expect(smtp.mails).toHaveLength(2);
});
