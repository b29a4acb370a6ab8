// Business time over HTTP: history recorded late, out of order or re-planned still gives the right
// status, calendar and feed (issue: business-date truth). The clock is fixed to 1 June 2026.
import request from 'supertest';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID as DZ } from '../../src/partnerships/demo/story.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, newId, post } from './partnerships-helpers.js';

let t: TestApp;
let office: string;
let council: string;
const clock = new FixedClock(new Date('2026-06-01T10:00:00Z'));

beforeAll(async () => {
  t = await createTestApp({ clock });
  office = await keyFor(t, 'office');
  council = await keyFor(t, 'council');
  await seedDemo(t.app);
}, 60_000);
afterAll(async () => t?.close());

const get = (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${council}`);
const aid = (occurredOn: string, value = { amount: '100.00', currency: 'EUR' }) => ({
  occurredOn,
  receiver: { en: 'Zhytomyr', uk: 'Житомир' },
  value,
  modality: 'cash',
});

/** A partnership initiated in 2015 with Zhytomyr as counterpart. */
async function partnership(): Promise<string> {
  const id = await initiate(t, office, newId('bt'), { occurredOn: '2015' });
  await post(t, office, `${API}/${id}/counterpart`, { occurredOn: '2015-03', name: { en: 'Zhytomyr' } }).expect(201);
  return id;
}

describe('late and out-of-order history', () => {
  it('refuses a resumption dated before the suspension it is meant to end, saying why', async () => {
    const id = await partnership();
    await post(t, office, `${API}/${id}/suspension`, { occurredOn: '2024-02', reason: 'contact interrupted' }).expect(201);
    const res = await post(t, office, `${API}/${id}/resumption`, { occurredOn: '2024-01' }).expect(409);
    expect(res.body).toMatchObject({ code: 'transition_not_allowed', state: { standing: 'active' } });
    expect(res.body.detail).toMatch(/no suspension is in force on that date/);
    // Still suspended, and so still refusing aid dated while it is.
    expect((await get(`${API}/${id}`).expect(200)).body.standing).toBe('suspended');
    await post(t, office, `${API}/${id}/aid-deliveries`, aid('2024-03')).expect(409);
  });

  it('keeps the latest name current when an earlier rename is recorded after it, with former names and their periods', async () => {
    const id = await partnership();
    await post(t, office, `${API}/${id}/counterpart-renames`, { occurredOn: '2023-05', name: { de: 'Schytomyr', en: 'Zhytomyr' } }).expect(
      201,
    );
    await post(t, office, `${API}/${id}/counterpart-renames`, { occurredOn: '2021-09', name: { en: 'Zhitomir' } }).expect(201);
    const status = (await get(`${API}/${id}`).expect(200)).body;
    expect(status.counterpart).toEqual({ de: 'Schytomyr', en: 'Zhytomyr' });
    expect(status.formerNames).toEqual([
      { name: { en: 'Zhytomyr' }, from: { date: '2015-03', precision: 'month' }, until: { date: '2021-09', precision: 'month' } },
      { name: { en: 'Zhitomir' }, from: { date: '2021-09', precision: 'month' }, until: { date: '2023-05', precision: 'month' } },
    ]);
    // As of 2022 the second name was in use; a search for an old spelling still finds the partnership.
    expect((await get(`${API}/${id}?validAt=2022-01-01`).expect(200)).body.counterpart).toEqual({ en: 'Zhitomir' });
    const found = await get(`${API}?counterpart=zhitomir&limit=100`).expect(200);
    expect(found.body.items.map((p: { partnershipId: string }) => p.partnershipId)).toContain(id);
  });

  it('accepts years of earlier history while the partnership is suspended today', async () => {
    const id = await partnership();
    await post(t, office, `${API}/${id}/suspension`, { occurredOn: '2024-02', reason: 'contact interrupted' }).expect(201);
    await post(t, office, `${API}/${id}/activities`, { occurredOn: '2017-07', title: 'Youth exchange' }).expect(201);
    const status = (await get(`${API}/${id}`).expect(200)).body;
    expect(status.standing).toBe('suspended');
    expect((await get(`${API}/${id}/timeline`).expect(200)).body.entries.map((e: { type: string }) => e.type)).toContain('ActivityHeld');
  });

  it('refuses a back-dated suspension before existing aid deliveries with a 409 that lists them', async () => {
    const id = await partnership();
    const first = await post(t, office, `${API}/${id}/aid-deliveries`, aid('2023-03')).expect(201);
    const second = await post(t, office, `${API}/${id}/aid-deliveries`, aid('2023-09')).expect(201);
    const res = await post(t, office, `${API}/${id}/suspension`, { occurredOn: '2023-01', reason: 'too late to say' }).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('contradicts_later_entries');
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({
        eventId: first.body.events[0].eventId,
        type: 'AidDelivered',
        occurredOn: { date: '2023-03', precision: 'month' },
      }),
      expect.objectContaining({
        eventId: second.body.events[0].eventId,
        type: 'AidDelivered',
        occurredOn: { date: '2023-09', precision: 'month' },
      }),
    ]);
    expect(res.body.detail).toMatch(/Correct or retract them first/);
    // Dated after them, the same suspension is fine.
    await post(t, office, `${API}/${id}/suspension`, { occurredOn: '2024-01', reason: 'later' }).expect(201);
  });
});

describe('plans', () => {
  it('a reschedule leaves one live plan under the same UID with a higher SEQUENCE; the signing fulfils it', async () => {
    const id = await partnership();
    const first = await post(t, office, `${API}/${id}/signing-schedules`, {
      occurredOn: '2026-09-01',
      agreementKind: 'cooperation',
    }).expect(201);
    await post(t, office, `${API}/${id}/signing-schedules`, { occurredOn: '2026-10-15', agreementKind: 'cooperation' }).expect(201);
    const uid = first.body.events[0].eventId as string;

    const calendar = (await get(`/api/v1/calendar?partnershipId=${id}&from=2026-01-01`).expect(200)).body;
    expect(calendar).toEqual([
      expect.objectContaining({ uid, date: { date: '2026-10-15', precision: 'day' }, sequence: 1, status: 'open' }),
    ]);
    const status = (await get(`${API}/${id}`).expect(200)).body;
    expect(status.scheduledSignings.map((s: { plannedOn: { date: string } }) => s.plannedOn.date)).toEqual(['2026-10-15']);
    expect(status.nextScheduled).toMatchObject({ date: { date: '2026-10-15', precision: 'day' } });

    const ics = (await get(`/api/v1/calendar.ics?partnershipId=${id}&from=2026-01-01`).expect(200)).text;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`UID:${uid}@partnership-ledger`);
    expect(ics).toMatch(/SEQUENCE:1\r?\n/);

    // The council adopts, the agreement is signed: the plan is fulfilled and leaves status and calendar.
    await post(t, office, `${API}/${id}/council-decisions`, {
      occurredOn: '2026-05-20',
      outcome: 'adopted',
      proposedTier: 'friendship',
    }).expect(201);
    await post(t, office, `${API}/${id}/agreements`, { occurredOn: '2026-06-01', agreementKind: 'cooperation' }).expect(201);
    const after = (await get(`${API}/${id}`).expect(200)).body;
    expect(after.scheduledSignings).toEqual([]);
    expect(after.tier).toBe('friendship');
    expect((await get(`/api/v1/calendar?partnershipId=${id}&from=2026-01-01`).expect(200)).body).toEqual([]);
    const timeline = (await get(`${API}/${id}/timeline`).expect(200)).body;
    const plans = timeline.entries.filter((e: { type: string }) => e.type === 'AgreementSigningScheduled');
    expect(plans.map((e: { plan: { status: string } }) => e.plan.status)).toEqual(['rescheduled', 'fulfilled']);
  });

  it('a retracted plan is sent to calendars as cancelled', async () => {
    const id = await partnership();
    const plan = await post(t, office, `${API}/${id}/signing-schedules`, { occurredOn: '2026-11-02' }).expect(201);
    const uid = plan.body.events[0].eventId as string;
    await post(t, office, `${API}/${id}/entries/${uid}/retractions`, { reason: 'called off' }).expect(201);
    expect((await get(`/api/v1/calendar?partnershipId=${id}&from=2026-01-01`).expect(200)).body).toEqual([]);
    const ics = (await get(`/api/v1/calendar.ics?partnershipId=${id}&from=2026-01-01`).expect(200)).text;
    expect(ics).toContain(`UID:${uid}@partnership-ledger`);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toMatch(/SEQUENCE:1\r?\n/);
  });

  it("a committee's decision takes its planned meeting off the calendar", async () => {
    const id = await partnership();
    await post(t, office, `${API}/${id}/draft-resolutions`, {
      occurredOn: '2026-03',
      paperReference: 'DS 2026-7',
      title: 'Youth exchange',
    }).expect(201);
    await post(t, office, `${API}/${id}/committee-decisions`, {
      occurredOn: '2026-06-20',
      madeOn: '2026-05-10',
      planned: true,
      paperReference: 'DS 2026-7',
      committee: 'Committee for International Affairs',
    }).expect(201);
    expect((await get(`/api/v1/calendar?partnershipId=${id}`).expect(200)).body).toEqual([
      expect.objectContaining({ kind: 'CommitteeDecided', date: { date: '2026-06-20', precision: 'day' } }),
    ]);
    // It met early and decided; the plan is fulfilled.
    await post(t, office, `${API}/${id}/committee-decisions`, {
      occurredOn: '2026-05-28',
      paperReference: 'DS 2026-7',
      committee: 'committee for international affairs',
      outcome: 'recommended',
    }).expect(201);
    expect((await get(`/api/v1/calendar?partnershipId=${id}`).expect(200)).body).toEqual([]);
  });

  it('as of 15 January 2023 the demo shows the signing planned for 9 February as upcoming; after 23 February none', async () => {
    const before = (await get(`${API}/${DZ}?validAt=2023-01-15`).expect(200)).body;
    expect(before.nextScheduled).toMatchObject({ kind: 'AgreementSigningScheduled', date: { date: '2023-02-09', precision: 'day' } });
    expect(before.plans).toEqual([
      expect.objectContaining({ kind: 'AgreementSigningScheduled', madeOn: { date: '2023-01-10', precision: 'day' } }),
    ]);
    const after = (await get(`${API}/${DZ}?validAt=2023-02-24`).expect(200)).body;
    expect(after.plans).toEqual([]);
    expect(after.agreements).toEqual([
      expect.objectContaining({ signedOn: { date: '2023-02-23', precision: 'day' }, plannedFor: { date: '2023-02-09', precision: 'day' } }),
    ]);
    // Before the plan was made it was not known.
    expect((await get(`${API}/${DZ}?validAt=2023-01-09`).expect(200)).body.plans).toEqual([]);
  });
});

describe('names and money', () => {
  it('follows each currency’s minor units: JPY "100.50" refused, KWD "1.125" accepted', async () => {
    const id = await partnership();
    const jpy = await post(t, office, `${API}/${id}/aid-deliveries`, aid('2025-01', { amount: '100.50', currency: 'JPY' })).expect(400);
    expect(jpy.body.errors).toEqual([{ field: 'value.amount', reason: 'must be a whole number: JPY has no minor unit' }]);
    await post(t, office, `${API}/${id}/aid-deliveries`, aid('2025-01', { amount: '100', currency: 'JPY' })).expect(201);
    await post(t, office, `${API}/${id}/aid-deliveries`, aid('2025-02', { amount: '1.125', currency: 'KWD' })).expect(201);
    const status = (await get(`${API}/${id}`).expect(200)).body;
    expect(status.aidDelivered).toEqual({ JPY: '100', KWD: '1.125' });
  });

  it('accepts historical currencies for the years they were in use', async () => {
    const id = await partnership();
    await post(t, office, `${API}/${id}/aid-deliveries`, aid('2016-05', { amount: '10.00', currency: 'DEM' })).expect(422);
    const old = await initiate(t, office, newId('dem'), { occurredOn: '1995' });
    await post(t, office, `${API}/${old}/aid-deliveries`, aid('1999-05', { amount: '10.00', currency: 'DEM' })).expect(201);
  });

  it('accepts names under any BCP 47 language tag, e.g. ru, and gives them back as written', async () => {
    const id = await initiate(t, office, newId('ru'), { occurredOn: '2020' });
    const name = { ru: 'Житомир', pl: 'Żytomierz', 'sr-Latn': 'Žitomir', he: 'ז׳יטומיר' };
    await post(t, office, `${API}/${id}/counterpart`, { occurredOn: '2020-05', name }).expect(201);
    expect((await get(`${API}/${id}`).expect(200)).body.counterpart).toEqual(name);
    const bad = await post(t, office, `${API}/${id}/counterpart-renames`, { occurredOn: '2021', name: { de_DE: 'Schytomyr' } }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'name.de_DE', reason: expect.stringMatching(/^is not a BCP 47 language tag/) }]);
  });
});

describe('a suspension recorded after it ended', () => {
  it('is recorded with its resumption in one command, where neither could go first', async () => {
    const id = await partnership();
    await post(t, office, `${API}/${id}/aid-deliveries`, aid('2024-06')).expect(201);
    // Alone, the suspension would contradict the June delivery; the resumption has nothing to end.
    expect((await post(t, office, `${API}/${id}/suspension`, { occurredOn: '2024-02', reason: 'paused' })).status).toBe(409);
    expect((await post(t, office, `${API}/${id}/resumption`, { occurredOn: '2024-04' })).status).toBe(409);
    const both = await post(t, office, `${API}/${id}/suspension`, {
      occurredOn: '2024-02',
      reason: 'paused',
      resumedOn: '2024-04',
      resumptionReason: 'contact restored',
    }).expect(201);
    expect(both.body.events.map((e: { type: string }) => e.type)).toEqual(['PartnershipSuspended', 'PartnershipResumed']);
    expect((await get(`${API}/${id}?validAt=2024-03-01`).expect(200)).body.standing).toBe('suspended');
    expect((await get(`${API}/${id}?validAt=2024-05-01`).expect(200)).body.standing).toBe('active');
    const early = await post(t, office, `${API}/${id}/suspension`, { occurredOn: '2024-09', reason: 'x', resumedOn: '2024-08' }).expect(
      422,
    );
    expect(early.body.errors).toEqual([{ field: 'resumedOn', reason: expect.stringMatching(/after the suspension's own date/) }]);
  });
});
