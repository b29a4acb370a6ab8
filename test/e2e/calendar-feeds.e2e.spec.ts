// Calendar subscriptions. Acceptance: a calendar app's request with a feed token and no header gets
// the calendar; a revoked token gets 401. The feed is read back with ical.js (the parser of
// Thunderbird's calendar): a rescheduled plan keeps its UID with a higher SEQUENCE, a retracted plan
// arrives as STATUS:CANCELLED, every event has a DTSTAMP.
import ICAL from 'ical.js';
import request from 'supertest';
import { createApiKey, revokeApiKey } from '../../src/auth/api-keys.js';
import { runFeedsCommand } from '../../src/auth/feeds-cli.js';
import { ProjectionEngine } from '../../src/event-store/projections.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caughtUp } from '../support/projections.js';
import { API, initiate, keyFor, newId, poolOf, post } from './partnerships-helpers.js';

const BASE = 'https://ledger.example.org';
let t: TestApp;
let office: string;
let council: string;
let admin: string;

/** A day `n` days from today, YYYY-MM-DD: plans must lie ahead to be in the feed. */
const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** What a calendar app does with the subscription URL: a plain GET, no header. */
const subscribe = (url: string) => request(t.http).get(url.slice(BASE.length));

interface Ev {
  uid: string;
  sequence: number;
  status: string;
  start: string;
  dtstamp: string | null;
  summary: string;
}
function parseFeed(text: string): Ev[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: String(c.getFirstPropertyValue('status')),
      start: e.startDate.toString(),
      dtstamp: c.getFirstPropertyValue('dtstamp')?.toString() ?? null,
      summary: e.summary,
    };
  });
}

async function createFeed(key: string, body: Record<string, unknown> = { name: 'Office calendar (Outlook)' }) {
  const res = await request(t.http).post('/api/v1/calendar/feeds').set('Authorization', `Bearer ${key}`).send(body);
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; token: string; url: string; webcal: string };
}

function ok(r: request.Response): string {
  if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body.events[0].eventId;
}

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_BASE_URL: BASE } });
  [office, council, admin] = await Promise.all([keyFor(t, 'office'), keyFor(t, 'council'), keyFor(t, 'admin')]);
});
afterAll(async () => t?.close());

describe('subscribing with a feed token', () => {
  const id = newId('feed');
  let signing: string;
  let review: string;
  let feed: { id: string; token: string; url: string; webcal: string };

  beforeAll(async () => {
    await initiate(t, office, id);
    signing = ok(await post(t, office, `${API}/${id}/signing-schedules`, { occurredOn: daysAhead(30), agreementKind: 'solidarity' }));
    review = ok(
      await post(t, office, `${API}/${id}/board-reviews`, { occurredOn: daysAhead(40), body: 'Verwaltungsvorstand', planned: true }),
    );
    await caughtUp(t.app.get(ProjectionEngine));
    feed = await createFeed(council);
  });

  it('serves the calendar to a request without an Authorization header', async () => {
    expect(feed.url).toBe(`${BASE}/api/v1/calendar.ics?token=${feed.token}`);
    expect(feed.webcal).toBe(`webcal://ledger.example.org/api/v1/calendar.ics?token=${feed.token}`);
    expect(feed.token).toMatch(/^plf_/);
    const res = await subscribe(feed.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.text).toMatch(/REFRESH-INTERVAL/);
    const events = parseFeed(res.text).filter((e) => e.summary.startsWith(`${id}:`));
    expect(events.map((e) => [e.start, e.status])).toEqual([
      [daysAhead(30), 'CONFIRMED'],
      [daysAhead(40), 'CONFIRMED'],
    ]);
    for (const e of events) expect(e.dtstamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps the UID of a rescheduled plan with a higher SEQUENCE, and cancels a retracted one', async () => {
    const before = parseFeed((await subscribe(feed.url)).text).filter((e) => e.summary.startsWith(`${id}:`));
    ok(
      await post(t, office, `${API}/${id}/entries/${signing}/corrections`, {
        reason: 'Moved by a week.',
        changes: { occurredOn: daysAhead(37) },
      }),
    );
    ok(await post(t, office, `${API}/${id}/entries/${review}/retractions`, { reason: 'The board will not meet on it.' }));
    await caughtUp(t.app.get(ProjectionEngine));
    const after = parseFeed((await subscribe(feed.url)).text).filter((e) => e.summary.startsWith(`${id}:`));
    const [signingBefore, reviewBefore] = before;
    const signingAfter = after.find((e) => e.uid === signingBefore.uid)!;
    expect(signingAfter.start).toBe(daysAhead(37));
    expect(signingAfter.sequence).toBeGreaterThan(signingBefore.sequence);
    expect(signingAfter.status).toBe('CONFIRMED');
    const reviewAfter = after.find((e) => e.uid === reviewBefore.uid)!;
    expect(reviewAfter.status).toBe('CANCELLED');
    expect(reviewAfter.sequence).toBeGreaterThan(reviewBefore.sequence);
  });

  it('answers a revoked or unknown token with a 401 problem, and opens no other route', async () => {
    const other = await keyFor(t, 'council', 'another reader');
    // only its creator (or an admin) sees and revokes it
    const theirs = await request(t.http).get('/api/v1/calendar/feeds').set('Authorization', `Bearer ${other}`);
    expect(theirs.body.feeds.map((f: { id: string }) => f.id)).not.toContain(feed.id);
    expect((await request(t.http).delete(`/api/v1/calendar/feeds/${feed.id}`).set('Authorization', `Bearer ${other}`)).status).toBe(404);
    const all = await request(t.http).get('/api/v1/calendar/feeds').set('Authorization', `Bearer ${admin}`);
    expect(all.body.feeds.find((f: { id: string }) => f.id === feed.id)).toMatchObject({
      state: 'active',
      name: 'Office calendar (Outlook)',
    });
    expect(JSON.stringify(all.body)).not.toContain(feed.token);

    // the token is no API key elsewhere
    expect((await request(t.http).get(`/api/v1/calendar?token=${feed.token}`)).body.code).toBe('missing_api_key');
    expect((await request(t.http).get(`/api/v1/partnerships?token=${feed.token}`)).status).toBe(401);

    expect((await request(t.http).delete(`/api/v1/calendar/feeds/${feed.id}`).set('Authorization', `Bearer ${council}`)).status).toBe(204);
    const revoked = await subscribe(feed.url);
    expect(revoked.status).toBe(401);
    expect(revoked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(revoked.headers['www-authenticate']).toMatch(/invalid_token/);
    expect(revoked.body.code).toBe('feed_token_revoked');

    const unknown = await request(t.http).get('/api/v1/calendar.ics?token=plf_' + 'x'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('invalid_feed_token');
    // an API key in the token's place is no subscription
    expect((await request(t.http).get(`/api/v1/calendar.ics?token=${council}`)).body.code).toBe('invalid_feed_token');
  });
});

describe('what a feed token may see', () => {
  it('shows only its partnership when scoped to one, and stops when the key that made it is revoked', async () => {
    const mine = await initiate(t, office, newId('feed'));
    const theirs = await initiate(t, office, newId('feed'));
    for (const p of [mine, theirs]) ok(await post(t, office, `${API}/${p}/signing-schedules`, { occurredOn: daysAhead(20) }));
    await caughtUp(t.app.get(ProjectionEngine));
    const { key, apiKey } = await createApiKey(poolOf(t), { name: 'leaving colleague', role: 'council' });
    const feed = await createFeed(key, { name: 'Partnership calendar', partnershipId: mine });
    const summaries = parseFeed((await subscribe(feed.url)).text).map((e) => e.summary.split(':')[0]);
    expect(summaries).toEqual([mine]);
    const other = await subscribe(`${feed.url}&partnershipId=${theirs}`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('feed_scope');

    const missing = await request(t.http)
      .post('/api/v1/calendar/feeds')
      .set('Authorization', `Bearer ${key}`)
      .send({ name: 'x', partnershipId: 'no-such-partnership' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'partnershipId', reason: 'is not a recorded partnership' }]);

    await revokeApiKey(poolOf(t), apiKey.id);
    const after = await subscribe(feed.url);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('feed_token_revoked');
    expect(after.body.detail).toMatch(/API key that created this subscription token was revoked/);
  });

  it('is managed from the command line too', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
    expect(await runFeedsCommand('create', ['--name', 'Wall display'], poolOf(t), io, BASE)).toBe(0);
    const url = /https:\/\/\S+/.exec(out.join(''))![0];
    expect((await subscribe(url)).status).toBe(200);
    const id = /\(id ([0-9a-f-]{36})\)/.exec(out.join(''))![1];

    out.length = 0;
    expect(await runFeedsCommand('list', ['--json'], poolOf(t), io, BASE)).toBe(0);
    expect(JSON.parse(out.join('')).feeds.find((f: { id: string }) => f.id === id)).toMatchObject({ createdByKey: null, state: 'active' });
    expect(out.join('')).not.toContain(url.split('token=')[1]);

    expect(await runFeedsCommand('revoke', [id], poolOf(t), io, BASE)).toBe(0);
    expect((await subscribe(url)).status).toBe(401);
    expect(await runFeedsCommand('create', [], poolOf(t), io, BASE)).toBe(2);
    expect(err.join('')).toMatch(/--name is required/);
  });
});
