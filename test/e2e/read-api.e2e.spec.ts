import request from 'supertest';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID as DZ } from '../../src/partnerships/demo/story.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, newId, post, poolOf } from './partnerships-helpers.js';

let t: TestApp;
let office: string;
let council: string;
const get = (path: string, key = council) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  t = await createTestApp();
  office = await keyFor(t, 'office');
  council = await keyFor(t, 'council');
  await seedDemo(t.app);
});
afterAll(async () => t?.close());

describe('status and timeline of the demo partnership', () => {
  it('shows the current status: twinning, signed agreements, aid totals and areas', async () => {
    const res = await get(`${API}/${DZ}`).expect(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    // The last milestone (July 2025) is more than DORMANT_AFTER_DAYS (365) before today: dormant, derived.
    expect(res.body).toMatchObject({ partnershipId: DZ, tier: 'twinning', standing: 'dormant' });
    expect(res.body.counterpart.uk).toBe('Житомир');
    expect(res.body.agreements.map((a: { signedOn: { date: string } }) => a.signedOn.date)).toEqual(
      expect.arrayContaining(['2023-02-23', '2025-07-09']),
    );
    expect(res.body.areas).toHaveLength(7);
    expect(Object.keys(res.body.aidDelivered)).toEqual(['EUR']);
    expect(res.body.participantCount).toBe(3);
  });

  it('orders the timeline by business date with the planned and the actual signing', async () => {
    const res = await get(`${API}/${DZ}/timeline`).expect(200);
    const entries = res.body.entries as { type: string; occurredOn: { date: string; precision: string }; planned: boolean }[];
    const dates = entries.map((e) => e.occurredOn.date);
    const starts = entries.map((e) =>
      e.occurredOn.precision === 'year'
        ? `${e.occurredOn.date}-01-01`
        : e.occurredOn.precision === 'month'
          ? `${e.occurredOn.date}-01`
          : e.occurredOn.date,
    );
    expect([...starts].sort()).toEqual(starts);
    expect(entries.find((e) => e.type === 'AgreementSigningScheduled')?.occurredOn.date).toBe('2023-02-09');
    expect(dates).toContain('2023-02-23');
    expect(entries.some((e) => e.type === 'AidDelivered' && e.occurredOn.date === '2022-05' && e.occurredOn.precision === 'month')).toBe(
      true,
    );
  });

  it('validAt=2023-01-15: the draft under review and no agreement', async () => {
    const res = await get(`${API}/${DZ}?validAt=2023-01-15`).expect(200);
    expect(res.body.asOf).toEqual({ validAt: '2023-01-15', knownAt: null });
    expect(res.body.agreements).toEqual([]);
    expect(['contact', 'initiative']).toContain(res.body.tier);
    expect(res.body.currentPaper).toBeTruthy();
    expect(['board_reviewed', 'referred']).toContain(res.body.currentPaper.stage);
    const tl = await get(`${API}/${DZ}/timeline?validAt=2023-01-15`).expect(200);
    expect(tl.body.entries.some((e: { type: string }) => e.type === 'AgreementSigned')).toBe(false);
  });

  it('validAt=2023-03-01: the solidarity tier, signed on 23 February 2023', async () => {
    const res = await get(`${API}/${DZ}?validAt=2023-03-01`).expect(200);
    expect(res.body.tier).toBe('solidarity');
    expect(res.body.agreements).toEqual([
      expect.objectContaining({ kind: 'solidarity', signedOn: { date: '2023-02-23', precision: 'day' } }),
    ]);
  });

  it('knownAt before the actual signing was recorded: only the planned 9 February signing', async () => {
    const { rows } = await poolOf(t).query(
      `SELECT recorded_at FROM events WHERE stream_id = $1 AND type = 'AgreementSigned' ORDER BY stream_version LIMIT 1`,
      [DZ],
    );
    const knownAt = new Date(rows[0].recorded_at.getTime() - 1).toISOString();
    const res = await get(`${API}/${DZ}?knownAt=${encodeURIComponent(knownAt)}`).expect(200);
    expect(res.body.agreements).toEqual([]);
    expect(res.body.scheduledSignings.map((s: { plannedOn: { date: string } }) => s.plannedOn.date)).toEqual(['2023-02-09']);
    const tl = await get(`${API}/${DZ}/timeline?knownAt=${encodeURIComponent(knownAt)}`).expect(200);
    const types = tl.body.entries.map((e: { type: string }) => e.type);
    expect(types).toContain('AgreementSigningScheduled');
    expect(types).not.toContain('AgreementSigned');
  });

  it('lists the raw events with metadata', async () => {
    const res = await get(`${API}/${DZ}/events`).expect(200);
    expect(res.body.events[0]).toMatchObject({
      streamVersion: 1,
      type: 'PartnershipInitiated',
      metadata: expect.objectContaining({ actor: 'demo seed' }),
    });
    expect(res.body.events.every((e: { hash: string }) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
  });
});

describe('aid ledger', () => {
  it('has the 2022 aid to Vinnytsia and Mykolaiv with months and exact totals', async () => {
    const res = await get(`/api/v1/aid?partnershipId=${DZ}&groupBy=receiver`).expect(200);
    const receivers = res.body.groups.map((g: { key: string }) => g.key);
    expect(receivers).toEqual(expect.arrayContaining(['Vinnytsia', 'Mykolaiv']));
    const months = res.body.items.map((i: { month: string }) => i.month);
    expect(months).toEqual(expect.arrayContaining(['2022-05', '2022-06', '2022-11']));
    const { rows } = await poolOf(t).query(
      `SELECT sum((data->'value'->>'amount')::numeric)::text AS total FROM events WHERE stream_id = $1 AND type = 'AidDelivered'`,
      [DZ],
    );
    expect(res.body.totals.EUR).toBe(rows[0].total);
    const byMonth = await get(`/api/v1/aid?groupBy=month&from=2022-06-01&to=2022-06-30`).expect(200);
    expect(byMonth.body.groups.map((g: { key: string }) => g.key)).toEqual(['2022-06']);
  });
});

describe('read-your-writes, corrections and retractions', () => {
  it('a read right after a command reflects it; corrections keep the old value; retractions are marked', async () => {
    const id = await initiate(t, office, newId('ryw'));
    const aid = await post(t, office, `${API}/${id}/aid-deliveries`, {
      occurredOn: '2024-03',
      receiver: { en: 'Kharkiv' },
      value: { amount: '100.00', currency: 'EUR' },
      modality: 'cash',
    }).expect(201);
    const aidId = aid.body.events[0].eventId;
    let tl = await get(`${API}/${id}/timeline`).expect(200);
    expect(tl.body.entries.map((e: { eventId: string }) => e.eventId)).toContain(aidId);

    await post(t, office, `${API}/${id}/entries/${aidId}/corrections`, {
      reason: 'typo',
      changes: { value: { amount: '150.00', currency: 'EUR' } },
    }).expect(201);
    tl = await get(`${API}/${id}/timeline`).expect(200);
    const corrected = tl.body.entries.find((e: { eventId: string }) => e.eventId === aidId);
    expect(corrected.corrected).toBe(true);
    expect(corrected.data.value.amount).toBe('150.00');
    expect(corrected.original.value.amount).toBe('100.00');
    expect(corrected.corrections[0].previous.value.amount).toBe('100.00');
    // An entry never corrected carries no separate original: it would only repeat data.
    expect(tl.body.entries.find((e: { type: string }) => e.type === 'PartnershipInitiated')).not.toHaveProperty('original');
    expect((await get(`${API}/${id}`).expect(200)).body.aidDelivered).toEqual({ EUR: '150.00' });

    // Backdated: lands before the 2024 aid in the timeline.
    await post(t, office, `${API}/${id}/notes`, { occurredOn: '2023-11-05', text: 'found an old letter' }).expect(201);
    tl = await get(`${API}/${id}/timeline`).expect(200);
    const order = tl.body.entries.map((e: { type: string }) => e.type);
    expect(order.indexOf('NoteAdded')).toBeLessThan(order.indexOf('AidDelivered'));

    await post(t, office, `${API}/${id}/entries/${aidId}/retractions`, { reason: 'recorded twice' }).expect(201);
    tl = await get(`${API}/${id}/timeline`).expect(200);
    const retracted = tl.body.entries.find((e: { eventId: string }) => e.eventId === aidId);
    expect(retracted.retracted).toBe(true);
    expect(retracted.retraction.reason).toBe('recorded twice');
    expect((await get(`${API}/${id}`).expect(200)).body.aidDelivered).toEqual({});
    const aidRes = await get(`/api/v1/aid?partnershipId=${id}`).expect(200);
    expect(aidRes.body.items).toEqual([]);
  });
});

describe('list, paging and the calendar', () => {
  it('filters, pages with a signed cursor and refuses a tampered one', async () => {
    let last = '';
    for (let i = 0; i < 3; i++) last = await initiate(t, office, newId('page'));
    // Lists are eventually consistent; a read of the newest one waits for the projection to reach it.
    await get(`${API}/${last}`).expect(200);
    let first = await get(`${API}?limit=2`).expect(200);
    for (let i = 0; i < 100 && !first.body.nextCursor; i++) {
      await new Promise((r) => setTimeout(r, 100));
      first = await get(`${API}?limit=2`).expect(200);
    }
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(`${API}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`).expect(200);
    const firstIds = first.body.items.map((i: { partnershipId: string }) => i.partnershipId);
    for (const item of second.body.items) expect(firstIds).not.toContain(item.partnershipId);
    const tampered = first.body.nextCursor.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
    const bad = await get(`${API}?cursor=${encodeURIComponent(tampered)}`).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors[0].field).toBe('cursor');

    const tw = await get(`${API}?tier=twinning&q=житомир`).expect(200);
    expect(tw.body.items.map((i: { partnershipId: string }) => i.partnershipId)).toEqual([DZ]);
    const area = await get(`${API}?area=Culture`).expect(200);
    expect(area.body.items.map((i: { partnershipId: string }) => i.partnershipId)).toContain(DZ);
  });

  it('serves upcoming scheduled items as iCalendar', async () => {
    const id = await initiate(t, office, newId('cal'));
    await post(t, office, `${API}/${id}/signing-schedules`, { occurredOn: '2027-05-04', venue: 'Town hall', mode: 'in_person' }).expect(
      201,
    );
    const json = await get(`/api/v1/calendar?partnershipId=${id}&from=2027-01-01`).expect(200);
    expect(json.body).toEqual([
      expect.objectContaining({ kind: 'AgreementSigningScheduled', date: { date: '2027-05-04', precision: 'day' } }),
    ]);
    const ics = await get(`/api/v1/calendar.ics?partnershipId=${id}&from=2027-01-01`).expect(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.text).toContain('BEGIN:VEVENT');
    expect(ics.text).toMatch(/DTSTART;VALUE=DATE:20270504/);
    const detail = await get(`${API}/${id}`).expect(200);
    expect(detail.body.nextScheduled).toMatchObject({ kind: 'AgreementSigningScheduled', date: { date: '2027-05-04' } });
  });
});

describe('bad query input is a 400 with a reason, never a 500', () => {
  it.each([
    ['unknown tier', `${API}?tier=platinum`, 'tier'],
    ['unknown filter', `${API}?colour=red`, 'colour'],
    ['limit too large', `${API}?limit=100000`, 'limit'],
    ['limit not a number', `${API}?limit=ten`, 'limit'],
    ['impossible validAt', `${API}/${DZ}?validAt=2023-02-30`, 'validAt'],
    ['month-only validAt', `${API}/${DZ}?validAt=2023-13`, 'validAt'],
    ['bad knownAt', `${API}/${DZ}?knownAt=yesterday`, 'knownAt'],
    ['bad groupBy', `/api/v1/aid?groupBy=colour`, 'groupBy'],
    ['bad currency', `/api/v1/aid?currency=euro`, 'currency'],
    ['garbage cursor', `${API}?cursor=%00%01`, 'cursor'],
  ])('%s', async (_name, path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('unknown partnership is a 404 and a read-only key cannot rebuild', async () => {
    const res = await get(`${API}/no-such-partnership`).expect(404);
    expect(res.body.code).toBe('partnership_not_found');
    await request(t.http).post('/api/v1/projections/partnerships/rebuild').set('Authorization', `Bearer ${council}`).expect(403);
  });
});

describe('projections endpoint', () => {
  it('reports version, checkpoint and lag', async () => {
    const res = await get('/api/v1/projections').expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({ name: 'partnerships', activeVersion: 1, behind: expect.any(Number), running: true }),
    ]);
    // Projection details are for admins; public readiness says up/down only.
    const admin = await keyFor(t, 'admin');
    const ready = await request(t.http).get('/health/ready/details').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(ready.body.details.projections.partnerships).toMatchObject({ version: 1 });
  });
});

describe('timeline pages and conditional reads', () => {
  type Page = { entries: { eventId: string }[]; nextCursor: string | null; version: number };
  const ids = (p: Page) => p.entries.map((e) => e.eventId);
  /** Follows nextCursor from the first page of `path` (which already has a query) to the last. */
  async function allPages(path: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    let page = (await get(`${path}&limit=${limit}`).expect(200)).body as Page;
    const out = ids(page);
    let pages = 1;
    while (page.nextCursor) {
      expect(page.entries).toHaveLength(limit);
      page = (await get(`${path}&limit=${limit}&cursor=${encodeURIComponent(page.nextCursor)}`).expect(200)).body as Page;
      out.push(...ids(page));
      pages++;
    }
    return { ids: out, pages };
  }

  it('pages by key: the pages joined are the whole timeline, in order, each entry once', async () => {
    const whole = (await get(`${API}/${DZ}/timeline?limit=1000`).expect(200)).body as Page;
    expect(whole.nextCursor).toBeNull();
    expect(whole.entries.length).toBeGreaterThan(7);
    const paged = await allPages(`${API}/${DZ}/timeline?validAt=2199-12-31`, 3);
    expect(paged.ids).toEqual(ids(whole));
    expect(paged.pages).toBe(Math.ceil(whole.entries.length / 3));
    // As known at a record time (folded from the events, not the projection): the same paging.
    const knownAt = encodeURIComponent('2199-01-01T00:00:00Z');
    const foldedWhole = (await get(`${API}/${DZ}/timeline?knownAt=${knownAt}`).expect(200)).body as Page;
    expect((await allPages(`${API}/${DZ}/timeline?knownAt=${knownAt}`, 4)).ids).toEqual(ids(foldedWhole));
  });

  it('answers 100 entries by default, with a cursor for the rest', async () => {
    const id = await initiate(t, office, newId('paged'));
    // 105 notes in one append (the commands would take one round trip each).
    const notes = Array.from({ length: 105 }, (_, i) => ({
      type: 'NoteAdded',
      data: { occurredOn: { date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, precision: 'day' }, text: `n${i}` },
      metadata: { actor: 'spec' },
    }));
    await t.app.get(PostgresEventStore).append(id, notes, { expectedVersion: 1 });
    const first = (await get(`${API}/${id}/timeline`).expect(200)).body as Page;
    expect(first.entries).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = (await get(`${API}/${id}/timeline?cursor=${encodeURIComponent(first.nextCursor!)}`).expect(200)).body as Page;
    expect(rest.entries).toHaveLength(6);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...ids(first), ...ids(rest)]).size).toBe(106);
  });

  it('refuses a limit out of range and a cursor it did not issue', async () => {
    for (const q of ['limit=0', 'limit=1001', 'limit=1e2', 'cursor=eyJ4IjoxfQ.forged', 'cursor=nonsense'])
      expect((await get(`${API}/${DZ}/timeline?${q}`).expect(400)).body.code).toBe('validation_failed');
  });

  it('If-None-Match with the current ETag: 304 without a body, until the partnership changes', async () => {
    const id = await initiate(t, office, newId('etag'));
    const first = await get(`${API}/${id}/timeline`).expect(200);
    const etag = first.headers.etag;
    expect(etag).toBe(`"${first.body.version}"`);
    for (const given of [etag, `W/${etag}`, `"0", ${etag}`, '*']) {
      const res = await get(`${API}/${id}/timeline`).set('If-None-Match', given).expect(304);
      expect(res.headers.etag).toBe(etag);
      expect(res.text ?? '').toBe('');
    }
    await get(`${API}/${id}/timeline`).set('If-None-Match', '"999"').expect(200);
    await post(t, office, `${API}/${id}/notes`, { occurredOn: '2024-02-01', text: 'changed' }).expect(201);
    const after = await get(`${API}/${id}/timeline`).set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).toBe(`"${first.body.version + 1}"`);
    expect(after.body.entries).toHaveLength(2);
  });
});
