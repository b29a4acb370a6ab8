// ETag / If-Match (optimistic concurrency for people) and Idempotency-Key (safe retries for machines).
import { createTestApp, type TestApp } from '../support/app.js';
import { EXAMPLES } from '../support/examples.js';
import { API, countEvents, eventsOf, initiate, keyFor, post } from './partnerships-helpers.js';

const PROBLEM = /^application\/problem\+json/;
let t: TestApp;
let office: string;
beforeAll(async () => {
  t = await createTestApp();
  office = await keyFor(t, 'office');
});
afterAll(async () => t?.close());

const note = (text: string) => ({ occurredOn: '2023-03', text });

describe('If-Match', () => {
  it.each(['"1"', '1'])('accepts the current version written as %s', async (ifMatch) => {
    const id = await initiate(t, office);
    const res = await post(t, office, `${API}/${id}/notes`, note('conditional'), { 'If-Match': ifMatch });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"2"');
  });

  it('refuses a stale version with 412, the current version, and no event', async () => {
    const id = await initiate(t, office);
    expect((await post(t, office, `${API}/${id}/notes`, note('moves it to 2'))).status).toBe(201);
    const res = await post(t, office, `${API}/${id}/notes`, note('based on version 1'), { 'If-Match': '"1"' });
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'precondition_failed', currentVersion: 2 });
    expect(res.body.detail).toMatch(/version 2/);
    expect(await countEvents(t, id)).toBe(2);
  });

  it('checks the version before the rules: a stale If-Match on a refused command is still 412', async () => {
    const id = await initiate(t, office);
    const res = await post(t, office, `${API}/${id}/resumption`, EXAMPLES.resumption, { 'If-Match': '"7"' });
    expect(res.status).toBe(412);
  });

  it.each(['abc', '"1", "2"', '"-1"', 'W/1'])('answers a malformed If-Match (%s) with 400', async (ifMatch) => {
    const id = await initiate(t, office);
    const res = await post(t, office, `${API}/${id}/notes`, note('x'), { 'If-Match': ifMatch });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'invalid_if_match', errors: [{ field: 'If-Match' }] });
    expect(await countEvents(t, id)).toBe(1);
  });

  it('lets exactly one of five concurrent writers with the same If-Match win', async () => {
    const id = await initiate(t, office);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => post(t, office, `${API}/${id}/notes`, note(`writer ${i}`), { 'If-Match': '"1"' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 412, 412, 412, 412]);
    expect(await countEvents(t, id)).toBe(2);
  });

  it('without If-Match retries lost races, so concurrent writers all get through in some order', async () => {
    const id = await initiate(t, office);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => post(t, office, `${API}/${id}/notes`, note(`writer ${i}`))));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([2, 3, 4, 5, 6]);
    expect((await eventsOf(t, id)).map((e) => e.stream_version)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first result, marked Idempotent-Replayed, without writing again — even after later changes', async () => {
    const id = await initiate(t, office);
    const headers = { 'Idempotency-Key': 'aid-may-2022' };
    const first = await post(t, office, `${API}/${id}/aid-deliveries`, EXAMPLES.aidDelivery, headers);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect((await post(t, office, `${API}/${id}/notes`, note('later'))).status).toBe(201);

    const retry = await post(t, office, `${API}/${id}/aid-deliveries`, EXAMPLES.aidDelivery, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.body).toEqual(first.body);
    expect(await countEvents(t, id)).toBe(3);
    const stored = (await eventsOf(t, id)).find((e) => e.type === 'AidDelivered')!;
    expect(stored.event_id).toBe(first.body.events[0].eventId);
    expect(stored.metadata).toMatchObject({ idempotencyKey: 'aid-may-2022', requestFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('treats the same body with fields in another order as the same request', async () => {
    const id = await initiate(t, office);
    const headers = { 'Idempotency-Key': 'reordered' };
    const first = await post(t, office, `${API}/${id}/notes`, { occurredOn: '2023', text: 'a' }, headers);
    const retry = await post(t, office, `${API}/${id}/notes`, { text: 'a', occurredOn: '2023' }, headers);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a key reused for a different request with 422 idempotency_key_reused', async () => {
    const id = await initiate(t, office);
    const headers = { 'Idempotency-Key': 'reused' };
    expect((await post(t, office, `${API}/${id}/notes`, note('first'), headers)).status).toBe(201);
    const res = await post(t, office, `${API}/${id}/notes`, note('something else'), headers);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('idempotency_key_reused');
    expect(await countEvents(t, id)).toBe(2);
  });

  it('scopes keys to the route and to the API key', async () => {
    const a = await initiate(t, office);
    const b = await initiate(t, office);
    const otherOffice = await keyFor(t, 'office', 'another office');
    const headers = { 'Idempotency-Key': 'same-key' };
    expect((await post(t, office, `${API}/${a}/notes`, note('x'), headers)).status).toBe(201);
    const otherRoute = await post(t, office, `${API}/${b}/notes`, note('x'), headers);
    expect(otherRoute.status).toBe(201);
    expect(otherRoute.headers['idempotent-replayed']).toBeUndefined();
    const otherKey = await post(t, otherOffice, `${API}/${a}/notes`, note('x'), headers);
    expect(otherKey.status).toBe(201);
    expect(otherKey.headers['idempotent-replayed']).toBeUndefined();
    expect(await countEvents(t, a)).toBe(3);
  });

  it('gives a retried initiation without partnershipId the same id', async () => {
    const { partnershipId: _omit, ...body } = EXAMPLES.initiate;
    const headers = { 'Idempotency-Key': 'initiate-once' };
    const first = await post(t, office, API, body, headers);
    const retry = await post(t, office, API, body, headers);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.partnershipId).toBe(first.body.partnershipId);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(await countEvents(t, first.body.partnershipId)).toBe(1);
  });

  it('writes exactly one event for 20 concurrent retries with one key', async () => {
    const id = await initiate(t, office);
    const headers = { 'Idempotency-Key': '3f0e2a8c-20-retries' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post(t, office, `${API}/${id}/aid-deliveries`, EXAMPLES.aidDelivery, headers)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.events[0].eventId)).size).toBe(1);
    expect(new Set(results.map((r) => r.headers.etag))).toEqual(new Set(['"2"']));
    expect(results.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await countEvents(t, id)).toBe(2);
  });

  it('answers a malformed key with 400', async () => {
    const id = await initiate(t, office);
    const res = await post(t, office, `${API}/${id}/notes`, note('x'), { 'Idempotency-Key': 'x'.repeat(300) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_idempotency_key', errors: [{ field: 'Idempotency-Key' }] });
  });
});
