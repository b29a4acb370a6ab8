// Two organisations share one partnership (issue 23, acceptance 1 without the browser): Dortmund owns
// the demo partnership, Zhytomyr is linked by an accepted invitation. A Zhytomyr key reads the whole
// timeline, records its council's decision, and neither side changes the other's entries; a third
// organisation sees nothing; unlinking ends the partner's access while its entries stay.
import request from 'supertest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { seedDemoOrganisations } from '../../src/organisations/demo.js';
import { createOrganisation } from '../../src/organisations/organisations.js';
import { runOrgsCommand } from '../../src/organisations/orgs-cli.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, countEvents, poolOf, post } from './partnerships-helpers.js';

const ID = 'dortmund-zhytomyr';
const PROBLEM = /^application\/problem\+json/;

let t: TestApp;
let dortmundOffice: string;
let dortmundAdmin: string;
let zhytomyrOffice: string;
let zhytomyrAdmin: string;
let otherOffice: string;

const get = (key: string, path: string) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.app);
  const pool = poolOf(t);
  const { owner, partner, linked } = await seedDemoOrganisations(pool, ID);
  expect([owner.slug, partner.slug, partner.languages[0], linked]).toEqual(['dortmund', 'zhytomyr', 'uk', true]);
  const other = await createOrganisation(pool, { slug: 'vinnytsia', name: 'Vinnytsia City Council', languages: ['uk', 'en'] });
  const key = async (role: 'office' | 'admin', organisationId: string, name: string) =>
    (await createApiKey(pool, { name, role, organisationId })).key;
  dortmundOffice = await key('office', owner.id, 'Dortmund office');
  dortmundAdmin = await key('admin', owner.id, 'Dortmund admin');
  zhytomyrOffice = await key('office', partner.id, 'Zhytomyr office');
  zhytomyrAdmin = await key('admin', partner.id, 'Zhytomyr admin');
  otherOffice = await key('office', other.id, 'Vinnytsia office');
});
afterAll(async () => t?.close());

it('a second run of the demo organisations links nothing new', async () => {
  expect((await seedDemoOrganisations(poolOf(t), ID)).linked).toBe(false);
});

it('the partner reads the whole timeline, each entry saying which side recorded it', async () => {
  const own = await get(dortmundOffice, `${API}/${ID}/timeline`).expect(200);
  const partner = await get(zhytomyrOffice, `${API}/${ID}/timeline`).expect(200);
  expect(partner.body.entries.length).toBe(own.body.entries.length);
  expect(partner.body.entries.length).toBeGreaterThan(20);
  expect(new Set(partner.body.entries.map((e: { recordedBy: unknown }) => JSON.stringify(e.recordedBy)))).toEqual(
    new Set([JSON.stringify({ organisation: 'dortmund', side: 'own' })]),
  );
  const me = await get(zhytomyrOffice, '/api/v1/me').expect(200);
  expect(me.body).toMatchObject({ organisation: 'zhytomyr', organisations: [{ slug: 'zhytomyr', languages: ['uk', 'en', 'de'] }] });
  const list = await get(zhytomyrOffice, API).expect(200);
  expect(list.body.items.map((p: { partnershipId: string }) => p.partnershipId)).toEqual([ID]);
});

it("the partner records its council's decision; the timeline and the events say it was the partner's side", async () => {
  const before = await countEvents(t, ID);
  const res = await post(t, zhytomyrOffice, `${API}/${ID}/council-decisions`, {
    occurredOn: '2023-01-26',
    body: 'Zhytomyr City Council',
    outcome: 'adopted',
    resolutionReference: 'Zhytomyr City Council resolution of 26 January 2023',
  });
  expect(res.status).toBe(201);
  expect(await countEvents(t, ID)).toBe(before + 1);
  const eventId = res.body.events[0].eventId;
  const timeline = await get(dortmundOffice, `${API}/${ID}/timeline`).expect(200);
  expect(timeline.body.entries.find((e: { eventId: string }) => e.eventId === eventId)).toMatchObject({
    type: 'CouncilDecided',
    recordedBy: { organisation: 'zhytomyr', side: 'partner' },
  });
  const { rows } = await poolOf(t).query(
    `SELECT e.metadata->>'organisationId' AS meta, e.organisation_id::text AS column, o.slug FROM events e
       JOIN organisations o ON o.id = e.organisation_id WHERE e.event_id = $1`,
    [eventId],
  );
  expect(rows[0].slug).toBe('zhytomyr');
  expect(rows[0].meta).toBe(rows[0].column);

  // Neither side corrects or retracts the other's entries.
  const byDortmund = await post(t, dortmundOffice, `${API}/${ID}/entries/${eventId}/retractions`, { reason: 'not ours to keep' });
  expect([byDortmund.status, byDortmund.body.code]).toEqual([403, 'other_side_entry']);
  expect(byDortmund.headers['content-type']).toMatch(PROBLEM);
  const dortmundEntry = timeline.body.entries.find((e: { type: string }) => e.type === 'AidDelivered').eventId;
  const byZhytomyr = await post(t, zhytomyrOffice, `${API}/${ID}/entries/${dortmundEntry}/retractions`, { reason: 'never arrived' });
  expect([byZhytomyr.status, byZhytomyr.body.code]).toEqual([403, 'other_side_entry']);
  // Its own entry the partner may correct.
  const fixed = await post(t, zhytomyrOffice, `${API}/${ID}/entries/${eventId}/corrections`, {
    reason: 'the date of the session',
    changes: { occurredOn: '2023-01-27' },
  });
  expect(fixed.status).toBe(201);
  expect(await countEvents(t, ID)).toBe(before + 2);
});

it("the partner confirms the receipt of a 2022 delivery Dortmund recorded; Dortmund's aid ledger shows it confirmed", async () => {
  const aid = await get(dortmundOffice, `/api/v1/aid?partnershipId=${ID}&kind=delivered`).expect(200);
  const delivery = aid.body.items.find((i: { occurredOn: { date: string } }) => i.occurredOn.date.startsWith('2022'));
  expect(delivery.receipt.status).toBe('awaiting');
  const res = await post(t, zhytomyrOffice, `${API}/${ID}/aid-receipt-confirmations`, {
    occurredOn: delivery.occurredOn.date.length === 4 ? '2022-12' : delivery.occurredOn.date,
    deliveryId: delivery.eventId,
    received: 'all',
    documentReference: 'Acceptance certificate 2022/17',
  });
  expect(res.status).toBe(201);
  const after = await get(dortmundOffice, `/api/v1/aid?partnershipId=${ID}&kind=delivered`).expect(200);
  expect(after.body.items.find((i: { eventId: string }) => i.eventId === delivery.eventId).receipt.status).toBe('confirmed');
  const timeline = await get(dortmundOffice, `${API}/${ID}/timeline`).expect(200);
  expect(timeline.body.entries.find((e: { eventId: string }) => e.eventId === res.body.events[0].eventId)).toMatchObject({
    type: 'AidReceiptConfirmed',
    recordedBy: { organisation: 'zhytomyr', side: 'partner' },
  });
});

it('once linked, the side that recorded a delivery does not confirm its receipt itself', async () => {
  const aid = await get(dortmundOffice, `/api/v1/aid?partnershipId=${ID}&kind=delivered`).expect(200);
  const delivery = aid.body.items.find((i: { receipt: { status: string } }) => i.receipt.status === 'awaiting');
  const before = await countEvents(t, ID);
  const res = await post(t, dortmundOffice, `${API}/${ID}/aid-receipt-confirmations`, {
    occurredOn: '2023-01-10',
    deliveryId: delivery.eventId,
    received: 'all',
  });
  expect([res.status, res.body.code, res.headers['content-type']]).toEqual([403, 'own_delivery', expect.stringMatching(PROBLEM)]);
  expect(res.body.deliveryId).toBe(delivery.eventId);
  expect(await countEvents(t, ID)).toBe(before);
});

it("each side settles only its own funding's obligations", async () => {
  const funding = (obligationId: string) => ({
    occurredOn: '2025-03-01',
    funder: 'European Commission',
    programme: 'CERV town twinning 2025',
    obligations: [{ id: obligationId, kind: 'final_report', dueDate: '2025-12-31' }],
  });
  expect((await post(t, dortmundOffice, `${API}/${ID}/funding`, funding('dortmund-report'))).status).toBe(201);
  expect((await post(t, zhytomyrOffice, `${API}/${ID}/funding`, funding('zhytomyr-report'))).status).toBe(201);
  const before = await countEvents(t, ID);
  const theirs = await post(t, zhytomyrOffice, `${API}/${ID}/obligations/fulfilments`, {
    occurredOn: '2025-06-01',
    obligationId: 'dortmund-report',
  });
  expect([theirs.status, theirs.body.code]).toEqual([403, 'other_side_entry']);
  expect(await countEvents(t, ID)).toBe(before);
  const own = await post(t, zhytomyrOffice, `${API}/${ID}/obligations/fulfilments`, {
    occurredOn: '2025-06-01',
    obligationId: 'zhytomyr-report',
  });
  expect(own.status).toBe(201);
});

it("the partner cannot record the owner's milestones", async () => {
  const before = await countEvents(t, ID);
  const res = await post(t, zhytomyrOffice, `${API}/${ID}/suspension`, { occurredOn: '2026-01-01', reason: 'test' });
  expect([res.status, res.body.code]).toEqual([403, 'not_your_side']);
  expect(await countEvents(t, ID)).toBe(before);
});

it('a third organisation finds nothing of it: 404, empty lists, no write', async () => {
  const before = await countEvents(t, ID);
  for (const path of [`${API}/${ID}`, `${API}/${ID}/timeline`, `${API}/${ID}/events`]) {
    const res = await get(otherOffice, path);
    expect([path, res.status, res.body.code]).toEqual([path, 404, 'partnership_not_found']);
  }
  expect((await get(otherOffice, API).expect(200)).body.items).toEqual([]);
  expect((await get(otherOffice, '/api/v1/aid').expect(200)).body.items).toEqual([]);
  const write = await post(t, otherOffice, `${API}/${ID}/notes`, { occurredOn: '2026-01-01', text: 'probe' });
  expect(write.status).toBe(404);
  const header = await get(otherOffice, `${API}/${ID}`).set('X-Organisation', 'dortmund');
  expect([header.status, header.body.code]).toEqual([403, 'organisation_not_allowed']);
  expect(await countEvents(t, ID)).toBe(before);
});

it('an invitation is used once; unlinking ends the partner’s access and keeps its entries', async () => {
  const invite = await post(t, dortmundAdmin, '/api/v1/organisations/dortmund/invitations', { partnershipId: ID, validFor: '2d' });
  expect(invite.status).toBe(201);
  const taken = await post(t, zhytomyrAdmin, '/api/v1/organisations/zhytomyr/invitations/accept', { token: invite.body.token });
  expect([taken.status, taken.body.code]).toEqual([409, 'partner_already_linked']);
  const notOwner = await post(t, zhytomyrAdmin, '/api/v1/organisations/zhytomyr/invitations', { partnershipId: ID });
  expect(notOwner.status).toBe(404);

  const entries = (await get(dortmundOffice, `${API}/${ID}/timeline`).expect(200)).body.entries.length;
  await request(t.http)
    .delete(`/api/v1/organisations/dortmund/partnerships/${ID}/link`)
    .set('Authorization', `Bearer ${dortmundAdmin}`)
    .expect(204);
  expect((await get(zhytomyrOffice, `${API}/${ID}/timeline`)).status).toBe(404);
  const after = (await get(dortmundOffice, `${API}/${ID}/timeline`).expect(200)).body.entries;
  expect(after.length).toBe(entries);
  expect(after.some((e: { recordedBy: { organisation: string } }) => e.recordedBy.organisation === 'zhytomyr')).toBe(true);

  // The unused invitation links them again, once.
  const again = await post(t, zhytomyrAdmin, '/api/v1/organisations/zhytomyr/invitations/accept', { token: invite.body.token });
  expect(again.status).toBe(200);
  const twice = await post(t, zhytomyrAdmin, '/api/v1/organisations/zhytomyr/invitations/accept', { token: invite.body.token });
  expect([twice.status, twice.body.code]).toEqual([410, 'invitation_used']);
  await get(zhytomyrOffice, `${API}/${ID}/timeline`).expect(200);
});

it('the orgs commands create, list and add members; bad input changes nothing', async () => {
  const run = async (command: Parameters<typeof runOrgsCommand>[0], ...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runOrgsCommand(command, argv, poolOf(t), { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  };
  const created = await run('create', '--slug', 'mykolaiv', '--name', 'Mykolaiv City Council', '--languages', 'uk,en');
  expect(created).toMatchObject({ code: 0, err: '' });
  expect(created.out).toContain('Created organisation mykolaiv');
  expect(await run('create', '--slug', 'mykolaiv', '--name', 'Again')).toMatchObject({ code: 1, err: expect.stringContaining('is taken') });
  expect(await run('create', '--slug', 'Not A Slug', '--name', 'x')).toMatchObject({ code: 1, err: expect.stringContaining('slug') });
  expect((await run('create', '--name', 'no slug')).code).toBe(2);
  const list = await run('list');
  expect(list.out.split('\n')[0]).toMatch(/^SLUG\s+NAME\s+LANGUAGES\s+IATI\s+ID$/);
  expect(list.out).toMatch(/mykolaiv\s+Mykolaiv City Council\s+uk,en\s+-/);
  const added = await run('members:add', '--organisation', 'mykolaiv', '--email', 'Clerk@Mykolaiv.example', '--roles', 'office,admin');
  expect(added).toMatchObject({ code: 0, out: 'clerk@mykolaiv.example becomes office, admin of mykolaiv at their next sign-in.\n' });
  expect((await run('members:add', '--organisation', 'mykolaiv', '--email', 'x@y.example', '--roles', 'mayor')).code).toBe(1);
  expect((await run('members:add', '--organisation', 'nowhere', '--email', 'x@y.example', '--roles', 'office')).code).toBe(1);
  const members = await run('members:list', '--organisation', 'mykolaiv', '--json');
  expect(JSON.parse(members.out).members).toEqual([
    {
      personId: null,
      email: 'clerk@mykolaiv.example',
      displayName: null,
      issuer: null,
      subject: null,
      roles: ['office', 'admin'],
      pending: true,
    },
  ]);
});
