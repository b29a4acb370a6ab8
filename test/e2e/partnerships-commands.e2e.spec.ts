// Every command endpoint over HTTP on the real database, with the documented examples as bodies
// (so an example that stops being valid fails here), plus the domain rules users meet most.
import request from 'supertest';
import { EXAMPLES } from '../support/examples.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, countEvents, eventsOf, initiate, keyFor, newId, post } from './partnerships-helpers.js';

let t: TestApp;
let office: string;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  office = await keyFor(t, 'office', 'Office for International Relations');
  admin = await keyFor(t, 'admin', 'Ledger admin');
});
afterAll(async () => t?.close());

const PROBLEM = /^application\/problem\+json/;

describe('POST /api/v1/partnerships', () => {
  it('initiates a partnership: 201, Location, ETag "1" and the recorded event', async () => {
    const id = newId('init');
    const res = await post(t, office, API, { ...EXAMPLES.initiate, partnershipId: id });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${API}/${id}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toEqual({
      partnershipId: id,
      version: 1,
      events: [{ eventId: expect.any(String), type: 'PartnershipInitiated', streamVersion: 1 }],
    });
    const [event] = await eventsOf(t, id);
    expect(event.data).toMatchObject({ partnershipId: id, tier: 'initiative', occurredOn: { date: '2022', precision: 'year' } });
    expect(event.occurred_at?.toISOString()).toBe('2022-01-01T00:00:00.000Z');
  });

  it('assigns a UUID when no partnershipId is given', async () => {
    const { partnershipId: _omit, ...body } = EXAMPLES.initiate;
    const res = await post(t, office, API, body);
    expect(res.status).toBe(201);
    expect(res.body.partnershipId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(res.headers.location).toBe(`${API}/${res.body.partnershipId}`);
  });

  it('refuses a second initiation of the same id with 409 partnership_exists', async () => {
    const id = await initiate(t, office);
    const res = await post(t, office, API, { ...EXAMPLES.initiate, partnershipId: id });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 409, code: 'partnership_exists', partnershipId: id });
    expect(await countEvents(t, id)).toBe(1);
  });
});

describe('every milestone endpoint records its event', () => {
  const id = newId('walk');
  const ids: Record<string, string> = {};
  let version = 0;

  async function step(path: string, body: object, type: string, name = type) {
    const res = await post(t, office, path === '' ? API : `${API}/${id}/${path}`, body);
    expect({ path, status: res.status, body: res.body }).toMatchObject({ path, status: 201 });
    version += 1;
    expect(res.headers.etag).toBe(`"${version}"`);
    expect(res.body).toMatchObject({ partnershipId: id, version, events: [{ type, streamVersion: version }] });
    ids[name] = res.body.events[0].eventId;
  }

  it('walks the whole lifecycle through each route', async () => {
    await step('', { ...EXAMPLES.initiate, partnershipId: id }, 'PartnershipInitiated');
    await step('counterpart', EXAMPLES.counterpart, 'CounterpartDesignated');
    await step('counterpart-renames', EXAMPLES.counterpartRename, 'CounterpartRenamed');
    await step('aid-deliveries', EXAMPLES.aidDelivery, 'AidDelivered');
    await step('aid-commitments', EXAMPLES.aidCommitment, 'AidCommitted');
    await step('draft-resolutions', EXAMPLES.draftResolution, 'DraftResolutionPrepared');
    await step('board-reviews', EXAMPLES.boardReview, 'BoardReviewed');
    await step('committee-referrals', EXAMPLES.committeeReferral, 'ReferredToCommittee');
    await step('committee-decisions', EXAMPLES.committeeDecision, 'CommitteeDecided');
    await step('signing-schedules', EXAMPLES.signingSchedule, 'AgreementSigningScheduled');
    await step('council-decisions', EXAMPLES.councilDecision, 'CouncilDecided');
    await step('agreements', EXAMPLES.agreement, 'AgreementSigned');
    await step('areas', EXAMPLES.area, 'CooperationAreaAdded');
    await step('areas', { occurredOn: '2023-02-23', area: 'mobility' }, 'CooperationAreaAdded', 'mobility');
    await step('areas/remove', EXAMPLES.areaRemoval, 'CooperationAreaRemoved');
    await step('participants', EXAMPLES.participant, 'ParticipantJoined');
    await step('participants/leave', EXAMPLES.participantLeave, 'ParticipantLeft');
    await step('activities', EXAMPLES.activity, 'ActivityHeld');
    await step('funding', EXAMPLES.funding, 'FundingReceived');
    await step('documents', { ...EXAMPLES.document, relatesTo: ids.AgreementSigned }, 'DocumentAttached');
    await step('notes', EXAMPLES.note, 'NoteAdded');
    await step('suspension', EXAMPLES.suspension, 'PartnershipSuspended');
    await step('resumption', EXAMPLES.resumption, 'PartnershipResumed');
    await step(`entries/${ids.AgreementSigningScheduled}/corrections`, EXAMPLES.correction, 'EntryCorrected');
    await step(`entries/${ids.NoteAdded}/retractions`, EXAMPLES.retraction, 'EntryRetracted');
    await step('termination', EXAMPLES.termination, 'PartnershipTerminated');

    const events = await eventsOf(t, id);
    expect(events.map((e) => e.stream_version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    const correction = events.find((e) => e.type === 'EntryCorrected')!;
    expect(correction.data).toMatchObject({
      targetEventId: ids.AgreementSigningScheduled,
      changes: { occurredOn: { date: '2023-02-23', precision: 'day' }, mode: 'online' },
      previous: { occurredOn: { date: '2023-02-09', precision: 'day' }, mode: 'council_session' },
    });
    const aid = events.find((e) => e.type === 'AidDelivered')!;
    expect(aid.data.value).toEqual({ amount: '125000.00', currency: 'EUR' });
    expect(aid.data.receiver.uk).toBe('Вінниця');
  });

  it('stores who, why and under which request in every event', async () => {
    const res = await post(
      t,
      office,
      `${API}/${id}/entries/${ids.AidDelivered}/corrections`,
      { reason: 'typo', changes: { sector: 'health' } },
      {
        'X-Correlation-Id': 'corr-123',
        'X-Request-Id': 'req-456',
      },
    );
    expect(res.status).toBe(201);
    const last = (await eventsOf(t, id)).at(-1)!;
    expect(last.metadata).toMatchObject({
      actor: 'Office for International Relations',
      role: 'office',
      keyId: expect.any(String),
      source: 'api',
      requestId: 'req-456',
      correlationId: 'corr-123',
      causationId: 'req-456',
      command: 'CorrectEntry',
    });
    expect(last.occurred_at).toBeNull();
  });

  it('refuses every milestone once terminated (409 naming the state) but still takes corrections', async () => {
    const before = await countEvents(t, id);
    // Dated after the termination (December 2025): business time decides what a milestone may follow.
    for (const [path, body] of [
      ['notes', { ...EXAMPLES.note, occurredOn: '2026-01' }],
      ['aid-deliveries', { ...EXAMPLES.aidDelivery, occurredOn: '2026-01' }],
      ['areas', { occurredOn: '2026-01', area: 'sports' }],
      ['resumption', { ...EXAMPLES.resumption, occurredOn: '2026-01' }],
    ] as const) {
      const res = await post(t, office, `${API}/${id}/${path}`, body);
      expect({ path, status: res.status }).toEqual({ path, status: 409 });
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        code: 'transition_not_allowed',
        state: { standing: 'terminated' },
        needed: expect.stringContaining('predecessorId'),
      });
      expect(res.body.detail).toMatch(/terminated/);
    }
    expect(await countEvents(t, id)).toBe(before);
    const fix = await post(t, office, `${API}/${id}/entries/${ids.AidDelivered}/corrections`, {
      reason: 'amount confirmed',
      changes: { items: ['generators', 'blankets'] },
    });
    expect(fix.status).toBe(201);
  });
});

describe('domain rules over HTTP', () => {
  it('refuses signing above contact without an adopted council decision (409), allows it with an urgent-decision reference', async () => {
    const id = await initiate(t, office);
    const refused = await post(t, office, `${API}/${id}/agreements`, { occurredOn: '2023-02-23', agreementKind: 'solidarity' });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({ code: 'transition_not_allowed', state: { tier: 'initiative', standing: 'active' } });
    expect(refused.body.needed).toMatch(/council decision|urgentDecisionReference/);
    expect(await countEvents(t, id)).toBe(1);

    const urgent = await post(t, office, `${API}/${id}/agreements`, {
      occurredOn: '2023-02-23',
      agreementKind: 'solidarity',
      urgentDecisionReference: 'Dringlichkeitsentscheidung 2023/07',
    });
    expect(urgent.status).toBe(201);
    expect(urgent.headers.etag).toBe('"2"');
  });

  it('answers 200 with no events and an unchanged ETag when there is nothing to record', async () => {
    const id = await initiate(t, office);
    expect((await post(t, office, `${API}/${id}/areas`, { occurredOn: '2023', area: 'culture' })).status).toBe(201);
    const again = await post(t, office, `${API}/${id}/areas`, { occurredOn: '2023', area: ' Culture ' });
    expect(again.status).toBe(200);
    expect(again.headers.etag).toBe('"2"');
    expect(again.body).toEqual({ partnershipId: id, version: 2, events: [] });
    expect(await countEvents(t, id)).toBe(2);
  });

  it('refuses a completed milestone dated in the future with 422 naming occurredOn', async () => {
    const id = await initiate(t, office);
    const res = await post(t, office, `${API}/${id}/aid-deliveries`, { ...EXAMPLES.aidDelivery, occurredOn: '2999-01-01' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'occurredOn', reason: expect.stringMatching(/future/) }],
    });
    const planned = await post(t, office, `${API}/${id}/signing-schedules`, { occurredOn: '2999-01-01', agreementKind: 'solidarity' });
    expect(planned.status).toBe(201);
  });

  it('refuses a suspended partnership everything but resume, terminate, notes, documents and corrections', async () => {
    const id = await initiate(t, office);
    expect((await post(t, office, `${API}/${id}/suspension`, EXAMPLES.suspension)).status).toBe(201);
    // Dated while the suspension of February 2024 is in force.
    const aid = await post(t, office, `${API}/${id}/aid-deliveries`, { ...EXAMPLES.aidDelivery, occurredOn: '2024-03' });
    expect(aid.status).toBe(409);
    expect(aid.body).toMatchObject({ code: 'transition_not_allowed', state: { standing: 'suspended' }, needed: 'ResumePartnership first' });
    expect((await post(t, office, `${API}/${id}/notes`, { ...EXAMPLES.note, occurredOn: '2024-03' })).status).toBe(201);
  });

  it('answers 404 for an unknown partnership or entry', async () => {
    const unknown = await post(t, office, `${API}/no-such-partnership/notes`, EXAMPLES.note);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(PROBLEM);
    expect(unknown.body).toMatchObject({ code: 'partnership_not_found', partnershipId: 'no-such-partnership' });

    const id = await initiate(t, office);
    const entry = await post(t, office, `${API}/${id}/entries/01890a5d-ac96-774b-bcce-b302099a8057/retractions`, EXAMPLES.retraction);
    expect(entry.status).toBe(404);
    expect(entry.body).toMatchObject({ code: 'entry_not_found', eventId: '01890a5d-ac96-774b-bcce-b302099a8057' });

    const notAnId = await post(t, office, `${API}/${id}/entries/not-a-uuid/corrections`, EXAMPLES.correction);
    expect(notAnId.status).toBe(404);
    expect(notAnId.body.code).toBe('entry_not_found');
    expect(await countEvents(t, id)).toBe(1);
  });

  it('lets an admin key record milestones too', async () => {
    const id = await initiate(t, admin);
    const [event] = await eventsOf(t, id);
    expect(event.metadata).toMatchObject({ actor: 'Ledger admin', role: 'admin' });
  });
});

describe('OpenAPI', () => {
  it('documents every command route with a request example', async () => {
    const res = await request(t.http).get('/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, any>>;
    const commandRoutes = Object.entries(paths).filter(([p, ops]) => p.startsWith('/api/v1/partnerships') && ops.post);
    expect(commandRoutes.length).toBe(30);
    for (const [p, ops] of commandRoutes) {
      const content = ops.post.requestBody?.content?.['application/json'];
      expect({ p, example: !!content?.examples?.example?.value }).toEqual({ p, example: true });
      expect({ p, security: ops.post.security }).toEqual({ p, security: [{ bearer: [] }] });
    }
    expect(res.body.components.schemas.AidDeliveryDto.properties.occurredOn).toMatchObject({
      allOf: [{ $ref: '#/components/schemas/BusinessDateInput' }],
    });
    expect(res.body.components.schemas.BusinessDateInput).toMatchObject({ type: 'string' });
  });
});
