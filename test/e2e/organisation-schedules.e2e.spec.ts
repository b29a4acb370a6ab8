// The scheduled office digest and the deadline reminders run for every organisation: two cities
// share a partnership with a final report due, a third keeps one of its own. Each organisation's
// digest covers the partnerships it reads (own and shared) and nothing else; each reminder reaches
// the deadline subscribers of the organisation whose funding imposed the obligation. Real PostgreSQL, Redis
// and an in-process SMTP server; the clock is injected and the workers are driven by hand.
import type pg from 'pg';
import { createApiKey } from '../../src/auth/api-keys.js';
import { ProjectionEngine } from '../../src/event-store/projections.js';
import { NotificationWorker } from '../../src/notifications/notification-worker.js';
import { saveSubscription } from '../../src/notifications/subscriptions.js';
import { acceptInvitation, createInvitation } from '../../src/organisations/access.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { createOrganisation } from '../../src/organisations/organisations.js';
import { upsertPerson } from '../../src/people/people.js';
import { createDigestReports, digestFiring } from '../../src/reporting/digest-schedule.js';
import type { DigestModel } from '../../src/reporting/builders/digest.js';
import { ReportProducer } from '../../src/reporting/report-producer.js';
import { getReport } from '../../src/reporting/report-store.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caughtUp } from '../support/projections.js';
import { startSmtp, type TestSmtp } from '../support/smtp-server.js';
import { initiate, newId, poolOf, post } from './partnerships-helpers.js';

const DUE = '2025-06-30';
const clock = new FixedClock(new Date('2025-03-10T09:00:00Z'));
let t: TestApp;
let pool: pg.Pool;
let smtp: TestSmtp;
let shared: string;
let own: string;
const orgs: Record<'first' | 'partner' | 'other', string> = { first: INSTANCE_ORGANISATION_ID, partner: '', other: '' };

async function funding(key: string, id: string, obligation: string): Promise<void> {
  const r = await post(t, key, `/api/v1/partnerships/${id}/funding`, {
    occurredOn: '2025-03-01',
    funder: 'European Commission',
    programme: 'CERV town twinning',
    obligations: [{ id: obligation, kind: 'final_report', dueDate: DUE, description: `Final report ${obligation}` }],
  });
  if (r.status !== 201) throw new Error(`funding: ${r.status} ${JSON.stringify(r.body)}`);
}

/** A person of the organisation subscribed to deadlines of all its partnerships. */
async function deadlineSubscriber(organisationId: string, name: string): Promise<void> {
  const person = await upsertPerson(
    pool,
    { issuer: 'https://idp.test', subject: name, displayName: name, email: `${name}@city.example` },
    clock.now(),
  );
  await saveSubscription(
    pool,
    organisationId,
    person.id,
    { partnerships: null, kinds: [], deadlines: true, digest: true, language: 'en' },
    clock.now(),
  );
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({
    clock,
    env: { SMTP_URL: smtp.url, WORKERS_ENABLED: 'false', DIGEST_ENABLED: 'false', REMINDER_DAYS: '14', MAIL_BATCH_SECONDS: '60' },
  });
  pool = poolOf(t);
  orgs.partner = (await createOrganisation(pool, { slug: 'zhytomyr', name: 'Zhytomyr City Council' })).id;
  orgs.other = (await createOrganisation(pool, { slug: 'vinnytsia', name: 'Vinnytsia City Council' })).id;
  const office = async (organisationId: string) => (await createApiKey(pool, { name: 'office', role: 'office', organisationId })).key;
  const firstOffice = await office(orgs.first);
  shared = await initiate(t, firstOffice, newId('shared'), { occurredOn: '2025-01' });
  await funding(firstOffice, shared, 'shared-report');
  const invitation = await createInvitation(
    pool,
    { organisationId: orgs.first, partnershipId: shared, createdBy: 'test', validForMs: 86_400_000 },
    clock.now(),
  );
  const client = await pool.connect();
  try {
    await acceptInvitation(client, orgs.partner, invitation!.token, clock.now());
  } finally {
    client.release();
  }
  // the partner's own funding in the shared partnership: its obligation is the partner's to settle
  await funding(await office(orgs.partner), shared, 'partner-report');
  const otherOffice = await office(orgs.other);
  own = await initiate(t, otherOffice, newId('own'), { occurredOn: '2025-01' });
  await funding(otherOffice, own, 'own-report');
  await caughtUp(t.app.get(ProjectionEngine));
  await deadlineSubscriber(orgs.first, 'first-clerk');
  await deadlineSubscriber(orgs.partner, 'partner-clerk');
  await deadlineSubscriber(orgs.other, 'other-clerk');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

it('makes one digest per organisation, each covering only the partnerships that organisation reads', async () => {
  // the digest's window ends at the clock's now: after the entries were recorded (at the database's time)
  clock.set(new Date(Date.now() + 60_000));
  const slot = Date.now();
  const made = await createDigestReports(pool, slot);
  expect(made).toEqual(Object.values(orgs).map((o) => ({ reportId: digestFiring(slot, o).reportId, created: true })));
  // the first organisation's digest keeps the id a firing always made
  expect(made[0].reportId).toBe(digestFiring(slot).reportId);
  expect((await createDigestReports(pool, slot)).map((m) => m.created)).toEqual([false, false, false]);

  const covered: Record<string, { organisation: string; milestones: string[]; obligations: string[] }> = {};
  for (const [name, organisation] of Object.entries(orgs)) {
    const report = (await getReport(pool, digestFiring(slot, organisation).reportId))!;
    expect(report.organisationId).toBe(organisation);
    const out = await t.app.get(ReportProducer).produce(report, async () => undefined);
    const model = JSON.parse(out.files.find((f) => f.format === 'json')!.content.toString('utf8')) as DigestModel;
    covered[name] = {
      organisation,
      milestones: [...new Set(model.newMilestones.map((m) => m.partnershipId))].sort(),
      obligations: [...model.obligations.overdue, ...model.obligations.dueSoon].map((o) => o.obligationId),
    };
  }
  // the digest lists every open obligation of the partnerships the organisation reads, either side's
  expect(covered.first).toMatchObject({ milestones: [shared], obligations: ['partner-report', 'shared-report'] });
  expect(covered.partner).toMatchObject({ milestones: [shared], obligations: ['partner-report', 'shared-report'] });
  expect(covered.other).toMatchObject({ milestones: [own], obligations: ['own-report'] });
});

it('reminds the deadline subscribers of the side whose funding imposed each obligation, once', async () => {
  const worker = t.app.get(NotificationWorker);
  clock.set(new Date('2025-06-16T08:00:00Z'));
  await worker.drain();
  await worker.drain();
  const got = smtp.mails
    .map((m) => ({ to: m.to && !Array.isArray(m.to) ? m.to.text : '', text: `${m.subject ?? ''} ${m.text ?? ''}` }))
    .map((m) => `${m.to.replace(/@.*/, '')}: ${/(shared|partner|own)-report/.exec(m.text)?.[0] ?? '?'}`)
    .sort();
  // each obligation reminds the side whose funding imposed it, and no other
  expect(got).toEqual(['first-clerk: shared-report', 'other-clerk: own-report', 'partner-clerk: partner-report']);
});
