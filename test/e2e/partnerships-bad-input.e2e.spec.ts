// Acceptance 3: bad input tried as a new user would. Each gets a 4xx problem+json naming what is
// wrong, none writes an event, and the service keeps answering afterwards.
import request from 'supertest';
import { EXAMPLES } from '../support/examples.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, countEvents, eventsOf, expectHealthy, initiate, keyFor, post } from './partnerships-helpers.js';

const PROBLEM = /^application\/problem\+json/;
let t: TestApp;
let office: string;
let id: string;
beforeAll(async () => {
  t = await createTestApp();
  office = await keyFor(t, 'office');
  id = await initiate(t, office);
});
afterAll(async () => t?.close());

let before = 0;
beforeEach(async () => {
  before = await countEvents(t);
});
afterEach(async () => {
  expect(await countEvents(t)).toBe(before);
  await expectHealthy(t);
});

const aid = (patch: Record<string, unknown>) => ({ ...EXAMPLES.aidDelivery, ...patch });
const big = 'x'.repeat(100 * 1024);

async function expect400(path: string, body: unknown, field: string, reason?: RegExp) {
  const res = await post(t, office, `${API}/${id}/${path}`, body);
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 400, type: expect.stringMatching(PROBLEM) });
  expect(res.body.code).toBe('validation_failed');
  const fields = (res.body.errors as { field: string; reason: string }[]).map((e) => e.field);
  expect(fields).toContain(field);
  if (reason) expect(res.body.errors.find((e: { field: string }) => e.field === field).reason).toMatch(reason);
  expect(res.body.detail).toContain(field);
  return res;
}

describe('malformed and misdirected bodies', () => {
  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await request(t.http)
      .post(`${API}/${id}/notes`)
      .set('Authorization', `Bearer ${office}`)
      .set('Content-Type', 'application/json')
      .send('{"occurredOn": "2023", "text": "unterminated');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'malformed_json', detail: expect.stringMatching(/not valid JSON/) });
  });

  it('answers a non-JSON body with 415 and an empty body with 400 naming the body', async () => {
    const text = await request(t.http)
      .post(`${API}/${id}/notes`)
      .set('Authorization', `Bearer ${office}`)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('unsupported_media_type');
    const empty = await request(t.http).post(`${API}/${id}/notes`).set('Authorization', `Bearer ${office}`);
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'body', reason: expect.stringMatching(/JSON object/) }]);
  });

  it('answers a JSON array or string instead of an object with 400', async () => {
    for (const body of ['[1,2]', '"a note"', 'null']) {
      const res = await request(t.http)
        .post(`${API}/${id}/notes`)
        .set('Authorization', `Bearer ${office}`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
  });

  it('answers a 2 MB body with 413', async () => {
    const res = await post(t, office, `${API}/${id}/notes`, { occurredOn: '2023', text: 'y'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('payload_too_large');
  });
});

describe('wrong types and unknown fields', () => {
  it.each([
    ['a number for a date', { occurredOn: 2023 }, 'occurredOn'],
    ['a number for an enum', { modality: 5 }, 'modality'],
    ['an unknown enum value', { modality: 'money' }, 'modality'],
    ['a text for an object', { receiver: 'Vinnytsia' }, 'receiver'],
    ['a text for a list', { items: 'generators' }, 'items'],
    ['a number in a list of texts', { items: ['generators', 7] }, 'items'],
    ['an empty name object', { receiver: {} }, 'receiver'],
    ['a name language that is not a BCP 47 tag', { receiver: { en: 'Vinnytsia', 'not a tag': 'Vinnitsa' } }, 'receiver.not a tag'],
    ['a name language not written canonically', { receiver: { EN: 'Vinnytsia' } }, 'receiver.EN'],
    ['a blank text', { sector: '   ' }, 'sector'],
  ])('%s → 400', async (_what, patch, field) => {
    await expect400('aid-deliveries', aid(patch), field);
  });

  it.each([
    ['a text for a boolean', 'board-reviews', { ...EXAMPLES.boardReview, planned: 'yes' }, 'planned'],
    ['a text for a count', 'activities', { ...EXAMPLES.activity, participantCount: '40' }, 'participantCount'],
    ['a fraction for a count', 'activities', { ...EXAMPLES.activity, participantCount: 4.5 }, 'participantCount'],
    [
      'a bad nested list item',
      'agreements',
      { ...EXAMPLES.agreement, signatories: [{ name: 'A' }, { role: 'mayor' }] },
      'signatories[1].name',
    ],
    ['a bad tally', 'council-decisions', { ...EXAMPLES.councilDecision, tally: { inFavour: -1 } }, 'tally.inFavour'],
    ['a bad entry id', 'notes', { ...EXAMPLES.note, relatesTo: 'abc' }, 'relatesTo'],
    ['a bad media type', 'documents', { ...EXAMPLES.document, mediaType: 'pdf' }, 'mediaType'],
    ['a tier above contact at initiation', '', { ...EXAMPLES.initiate, tier: 'twinning' }, 'tier'],
  ])('%s → 400', async (_what, path, body, field) => {
    if (path === '') {
      const res = await post(t, office, API, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    } else {
      await expect400(path, body, field);
    }
  });

  it('refuses unknown fields, top-level and nested, instead of dropping them', async () => {
    const res = await expect400(
      'aid-deliveries',
      aid({ amount: '5', value: { amount: '5.00', currency: 'EUR', rate: 1 } }),
      'amount',
      /not a known field/,
    );
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['amount', 'value.rate']));
  });
});

describe('dates', () => {
  it.each([
    ['2023-02-30', /day 30 does not exist in 2023-02/],
    ['2023-13', /month 13 does not exist/],
    ['2023-00-10', /month 00/],
    ['2023-2-1', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['23.02.2023', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['2023-02-23T10:00:00Z', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['', /YYYY/],
  ])('%s → 400 naming occurredOn', async (date, reason) => {
    await expect400('aid-deliveries', aid({ occurredOn: date }), 'occurredOn', reason);
  });

  it('validates every date field, not only occurredOn', async () => {
    await expect400('aid-commitments', { ...EXAMPLES.aidCommitment, expectedBy: '2023-02-29' }, 'expectedBy', /28 days/);
    await expect400('committee-referrals', { ...EXAMPLES.committeeReferral, meetingDate: '2023-13-01' }, 'meetingDate');
    await expect400('activities', { ...EXAMPLES.activity, endsOn: 'soon' }, 'endsOn');
  });

  it('accepts 29 February in a leap year', async () => {
    const res = await post(t, office, `${API}/${id}/notes`, { occurredOn: '2024-02-29', text: 'leap day' });
    expect(res.status).toBe(201);
    before += 1;
  });
});

describe('money', () => {
  it.each([
    ['-5', /decimal string/],
    ['-5.00', /decimal string/],
    ['lots', /decimal string/],
    ['1.234', /at most two decimals/],
    ['0', /greater than zero/],
    ['0.00', /greater than zero/],
    ['1e5', /decimal string/],
    [' 100', /decimal string/],
  ])('refuses the amount %j with 400 naming value.amount', async (amount, reason) => {
    await expect400('aid-deliveries', aid({ value: { amount, currency: 'EUR' } }), 'value.amount', reason);
  });

  it('refuses a JSON number as amount, saying to quote it', async () => {
    await expect400('aid-deliveries', aid({ value: { amount: 125000.5, currency: 'EUR' } }), 'value.amount', /"125000.5" \(quoted\)/);
  });

  it.each(['EUX', 'eur', 'EURO', 'XYZ', ''])('refuses the currency %j with 400 naming value.currency', async (currency) => {
    await expect400('aid-deliveries', aid({ value: { amount: '10.00', currency } }), 'value.currency', /ISO 4217/);
  });

  it('accepts UAH and amounts with one or no decimals', async () => {
    for (const value of [
      { amount: '10', currency: 'UAH' },
      { amount: '10.5', currency: 'USD' },
    ]) {
      expect((await post(t, office, `${API}/${id}/aid-deliveries`, aid({ value }))).status).toBe(201);
      before += 1;
    }
  });
});

describe('100 kB strings', () => {
  it.each([
    ['notes', 'text', { occurredOn: '2023', text: big }, /at most 10000/],
    ['notes', 'source.reference', { occurredOn: '2023', text: 'ok', source: { reference: big } }, /at most 200/],
    ['aid-deliveries', 'note', aid({ note: big }), /at most 10000/],
    ['aid-deliveries', 'receiver.en', aid({ receiver: { en: big } }), /at most 200/],
    ['participants', 'organisation', { ...EXAMPLES.participant, organisation: big }, /at most 200/],
    ['aid-deliveries', 'items', aid({ items: ['ok', big] }), /at most 200/],
  ])('%s with a 100 kB %s → 400 naming the field, without echoing it', async (path, field, body, reason) => {
    const res = await expect400(path, body, field, reason);
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });
});

describe('text stored verbatim', () => {
  const sql = "Robert'); DROP TABLE events; -- \" ; SELECT * FROM api_keys WHERE '1'='1";
  const html = '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; </textarea>';

  it('stores SQL and HTML exactly as sent, and answers JSON, never HTML', async () => {
    const res = await post(t, office, `${API}/${id}/notes`, { occurredOn: '2023', text: sql, source: { reference: html } });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    before += 1;
    const stored = (await eventsOf(t, id)).at(-1)!;
    expect(stored.data.text).toBe(sql);
    expect(stored.data.source.reference).toBe(html);
    const { rows } = await t.app
      .get((await import('../../src/event-store/event-store.module.js')).PG_POOL)
      .query("SELECT to_regclass('events') AS t");
    expect(rows[0].t).toBe('events');
  });

  it('answers HTML in the path with a JSON 404, not a page', async () => {
    const res = await post(t, office, `${API}/${encodeURIComponent('<script>alert(1)</script>')}/notes`, EXAMPLES.note);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('round-trips unicode names exactly (Житомир, combining marks, emoji)', async () => {
    const name = { uk: 'Житомир', de: 'Schytomyr', en: 'Zhytomyr 🇺🇦 Ӂ e\u0301' };
    const res = await post(t, office, `${API}/${id}/aid-deliveries`, aid({ receiver: name, items: ['Генератори', 'Ліки'] }));
    expect(res.status).toBe(201);
    before += 1;
    const stored = (await eventsOf(t, id)).at(-1)!;
    expect(stored.data.receiver).toEqual(name);
    expect(stored.data.receiver.en).toBe('Zhytomyr 🇺🇦 Ӂ e\u0301'); // not normalised to é
    expect(stored.data.items).toEqual(['Генератори', 'Ліки']);
  });

  it('refuses the NUL character, which PostgreSQL text cannot hold', async () => {
    await expect400('notes', { occurredOn: '2023', text: 'a\u0000b' }, 'text', /NUL/);
  });
});
