// GET /api/v1/changes and its event stream on the real service: paging by cursor, the long poll
// woken by an append, Server-Sent Events resumed from Last-Event-ID, and cursors that are refused.
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ChangeFeed } from '../../src/changes/change-feed.js';
import { EventNotifications, PostgresEventStore } from '../../src/event-store/index.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID as DZ } from '../../src/partnerships/demo/story.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, poolOf } from './partnerships-helpers.js';

const CHANGES = '/api/v1/changes';
let t: TestApp;
let office: string;
let council: string;
let base: string;

const get = (path: string, key = council) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  t = await createTestApp({ env: { CHANGES_HEARTBEAT_MS: '200' } });
  office = await keyFor(t, 'office');
  council = await keyFor(t, 'council');
  await seedDemo(t.app);
  await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(t.http.address() as AddressInfo).port}`;
});
let closed = false;
afterAll(async () => {
  if (!closed) await t?.close();
});

/**
 * Every event id in the store's global order, once all are readable: the feed holds back commits
 * while an older transaction anywhere on the server runs (other suites share it).
 */
async function globalOrder(): Promise<string[]> {
  const readable = `SELECT coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS ok FROM events`;
  for (let i = 0; i < 600 && !(await poolOf(t).query(readable)).rows[0].ok; i++) await new Promise((r) => setTimeout(r, 50));
  const { rows } = await poolOf(t).query('SELECT event_id FROM events ORDER BY transaction_id, global_position');
  return rows.map((r) => r.event_id);
}

/** Follows the feed from `after` to its end, `limit` at a time. */
async function follow(limit: number, after?: string) {
  const events: { eventId: string; streamId: string }[] = [];
  let cursor = after;
  for (let pages = 0; pages < 1000; pages++) {
    const res = await get(`${CHANGES}?limit=${limit}${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    events.push(...res.body.events);
    cursor = res.body.nextCursor;
    if (!res.body.more) return { events, cursor: cursor! };
  }
  throw new Error('the feed did not end');
}

describe('paging', () => {
  it('pages through every event once, in global order', async () => {
    const all = await globalOrder();
    const { events, cursor } = await follow(7);
    expect(events.map((e) => e.eventId)).toEqual(all);
    expect(events.length).toBeGreaterThan(20);
    // at the end: an empty page that keeps the cursor
    const end = await get(`${CHANGES}?after=${encodeURIComponent(cursor)}`).expect(200);
    expect(end.body).toEqual({ events: [], nextCursor: cursor, more: false });
  });

  it('shows each event exactly as the partnership events route does', async () => {
    await globalOrder();
    const { events } = await follow(1000);
    const own = await get(`${API}/${DZ}/events`).expect(200);
    expect(events.filter((e) => e.streamId === DZ)).toEqual(own.body.events);
  });

  it('answers every reading role, and no one without a key', async () => {
    for (const role of ['council', 'reporting', 'office', 'admin'] as const)
      await get(`${CHANGES}?limit=1`, await keyFor(t, role)).expect(200);
    await request(t.http).get(`${CHANGES}?limit=1`).expect(401);
  });
});

describe('bad input', () => {
  it.each([
    ['garbage', 'not-a-cursor'],
    ['an altered signature', null],
    ['a timeline cursor', 'timeline'],
  ])('refuses %s as after with 400 naming after', async (_what, given) => {
    let after = given;
    const first = await get(`${CHANGES}?limit=1`).expect(200);
    if (given === null) {
      const c: string = first.body.nextCursor;
      after = `${c.slice(0, -1)}${c.endsWith('A') ? 'B' : 'A'}`;
    }
    if (given === 'timeline') {
      const timeline = await get(`${API}/${DZ}/timeline?limit=1`).expect(200);
      after = timeline.body.nextCursor;
    }
    const res = await get(`${CHANGES}?after=${encodeURIComponent(after!)}`).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'after' }] });
  });

  it('refuses limit and wait out of range', async () => {
    expect((await get(`${CHANGES}?limit=0`).expect(400)).body.errors[0].field).toBe('limit');
    expect((await get(`${CHANGES}?wait=31`).expect(400)).body.errors[0].field).toBe('wait');
  });
});

describe('long poll', () => {
  it('wait= answers as soon as an event is appended, with that event', async () => {
    await globalOrder();
    const { cursor } = await follow(1000);
    const started = Date.now();
    const poll = get(`${CHANGES}?wait=20&after=${encodeURIComponent(cursor)}`).then((r) => r);
    await new Promise((r) => setTimeout(r, 300));
    const id = await initiate(t, office);
    const res = await poll;
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { streamId: string }) => e.streamId)).toEqual([id]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('wait= with nothing new answers empty after the wait, cursor unchanged', async () => {
    await globalOrder();
    const { cursor } = await follow(1000);
    const started = Date.now();
    const res = await get(`${CHANGES}?wait=1&after=${encodeURIComponent(cursor)}`).expect(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(res.body).toEqual({ events: [], nextCursor: cursor, more: false });
  });

  it('is woken by the append notification, not by polling', async () => {
    // A feed that would look again only after a minute: only the notification can answer in time.
    const feed = new ChangeFeed(t.app.get(PostgresEventStore), t.app.get(EventNotifications), { pollMs: 60_000 });
    const store = t.app.get(PostgresEventStore);
    const at = await store.latestCommitted();
    const started = Date.now();
    const waiting = feed.next(at, 10, 30_000);
    await new Promise((r) => setTimeout(r, 200));
    const id = await initiate(t, office);
    const page = await waiting;
    expect(page.events.map((e) => e.streamId)).toEqual([id]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('ends the wait when the client goes', async () => {
    const feed = t.app.get(ChangeFeed);
    await globalOrder();
    const { cursor } = await follow(1000);
    const ac = new AbortController();
    const gone = fetch(`${base}${CHANGES}?wait=30&after=${encodeURIComponent(cursor)}`, {
      headers: { authorization: `Bearer ${council}` },
      signal: ac.signal,
    }).catch((err: unknown) => err);
    await until(() => feed.openSessions === 1);
    ac.abort();
    expect(await gone).toMatchObject({ name: 'AbortError' });
    await until(() => feed.openSessions === 0);
  });
});

/** Polls a condition for up to 30 s. */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}

interface Message {
  id?: string;
  data?: string;
  comment?: string;
}

/** Opens the event stream and reads its messages (and comments) as they come. */
async function openStream(path: string, headers: Record<string, string> = {}) {
  const ac = new AbortController();
  const res = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${council}`, ...headers },
    signal: ac.signal,
  });
  const messages: Message[] = [];
  const done = (async () => {
    if (!res.ok || !res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const m: Message = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) m.comment = line.slice(1).trim();
            else if (line.startsWith('id: ')) m.id = line.slice(4);
            else if (line.startsWith('data: ')) m.data = line.slice(6);
          }
          messages.push(m);
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  const events = () => messages.filter((m) => m.data).map((m) => ({ id: m.id!, event: JSON.parse(m.data!) }));
  return { res, messages, events, ended: done, close: async () => (ac.abort(), await done) };
}

describe('Server-Sent Events', () => {
  it('streams every event with its cursor as id, resumes from Last-Event-ID, and ends cleanly', async () => {
    const feed = t.app.get(ChangeFeed);
    const all = await globalOrder();
    const first = await openStream(`${CHANGES}/stream`);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await until(() => first.events().length === all.length);
    expect(first.events().map((e) => e.event.eventId)).toEqual(all);
    // live: a new event arrives on the open stream
    const id = await initiate(t, office);
    await until(() => first.events().length === all.length + 1);
    expect(first.events().at(-1)!.event.streamId).toBe(id);
    // heartbeats keep an idle stream alive
    await until(() => first.messages.some((m) => m.comment === 'heartbeat'));
    await first.close();
    await until(() => feed.openSessions === 0);

    // resume after the tenth event: the rest, none twice
    const seen = first.events();
    const resumed = await openStream(`${CHANGES}/stream`, { 'last-event-id': seen[9].id });
    await until(() => resumed.events().length === seen.length - 10);
    expect(resumed.events().map((e) => e.event.eventId)).toEqual(seen.slice(10).map((e) => e.event.eventId));
    // the ids are the JSON feed's cursors
    const page = await get(`${CHANGES}?limit=1&after=${encodeURIComponent(seen[9].id)}`).expect(200);
    expect(page.body.events[0].eventId).toBe(seen[10].event.eventId);
    expect(page.body.nextCursor).toBe(seen[10].id);
    await resumed.close();
    await until(() => feed.openSessions === 0);
  });

  it('is also what /changes answers to Accept: text/event-stream; Last-Event-ID wins over after', async () => {
    const all = await globalOrder();
    const start = await get(`${CHANGES}?limit=2`).expect(200);
    const stream = await openStream(`${CHANGES}?after=${encodeURIComponent(start.body.nextCursor)}`, { accept: 'text/event-stream' });
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await until(() => stream.events().length === all.length - 2);
    const fifth = stream.events()[2].id;
    await stream.close();
    const again = await openStream(`${CHANGES}?after=${encodeURIComponent(start.body.nextCursor)}`, {
      accept: 'text/event-stream',
      'last-event-id': fifth,
    });
    await until(() => again.events().length === all.length - 5);
    expect(again.events()[0].event.eventId).toBe(all[5]);
    await again.close();
  });

  it('ends open streams and long polls when the service shuts down', async () => {
    const feed = t.app.get(ChangeFeed);
    const stream = await openStream(`${CHANGES}/stream`);
    const { cursor } = await follow(1000);
    const poll = get(`${CHANGES}?wait=30&after=${encodeURIComponent(cursor)}`).then((r) => r);
    await until(() => feed.openSessions === 2);
    const started = Date.now();
    feed.closeAll(); // what the module does before the HTTP server closes
    const answer = await poll;
    expect(answer.body).toEqual({ events: [], nextCursor: cursor, more: false });
    await stream.ended; // the server ended the stream: no abort from this side
    expect(Date.now() - started).toBeLessThan(5000);
    expect(feed.openSessions).toBe(0);
  });

  it('refuses a bad Last-Event-ID or after with 400 naming it', async () => {
    const bad = await openStream(`${CHANGES}/stream`, { 'last-event-id': 'forged.cursor' });
    expect(bad.res.status).toBe(400);
    expect(await bad.res.json()).toMatchObject({ errors: [{ field: 'Last-Event-ID' }] });
    const after = await openStream(`${CHANGES}/stream?after=forged.cursor`);
    expect(after.res.status).toBe(400);
    expect(await after.res.json()).toMatchObject({ errors: [{ field: 'after' }] });
  });
});

// Last: it closes the service.
it('closes the service while a stream is still open', async () => {
  const feed = t.app.get(ChangeFeed);
  const stream = await openStream(`${CHANGES}/stream`);
  await until(() => feed.openSessions === 1);
  closed = true;
  const closing = t.close();
  await stream.ended;
  await closing;
}, 20_000);
