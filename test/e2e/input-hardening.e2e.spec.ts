// Issue 13: the requests that once answered 500 or misled, each kept as a named case. Every one gets
// a 4xx problem+json with a stable code naming what is wrong, writes nothing (events, keys, reports)
// and leaves the service answering.
import http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { EXAMPLES } from '../support/examples.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { written } from '../support/footprint.js';
import { API, countEvents, initiate, keyFor, newId, post } from './partnerships-helpers.js';

const PROBLEM = /^application\/problem\+json/;
let t: TestApp;
let office: string;
let admin: string;
let id: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await keyFor(t, 'office');
  admin = await keyFor(t, 'admin');
  id = await initiate(t, office);
});
afterAll(async () => t?.close());

let before: Awaited<ReturnType<typeof written>>;
beforeEach(async () => {
  before = await written(t);
});
afterEach(async () => {
  expect(await written(t)).toEqual(before);
  expect((await request(t.http).get('/health')).status).toBe(200);
});

type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: any };

/** A 4xx problem+json with this code; when `field` is given, errors[] names it. */
function expectProblem(res: Res, status: number, code: string, field?: string) {
  expect({ status: res.status, type: res.headers['content-type'], code: res.body?.code }).toEqual({
    status,
    type: expect.stringMatching(PROBLEM),
    code,
  });
  if (field !== undefined) expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
}

const get = (path: string, key = office) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);

/** A raw request over a socket, for what Node's own HTTP client refuses to send. */
function raw(text: string | Buffer): Promise<{ status: number; type: string; body: any }> {
  const address = t.http.address() ?? t.http.listen(0).address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let data = Buffer.alloc(0);
    socket.on('data', (d) => (data = Buffer.concat([data, d])));
    socket.on('error', reject);
    socket.on('close', () => {
      const s = data.toString('utf8');
      const [head, ...rest] = s.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const type = /\r\ncontent-type: *([^\r\n]*)/i.exec(head)?.[1] ?? '';
      const text = rest.join('\r\n\r\n');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON: the assertion shows it */
      }
      resolve({ status, type, body });
    });
  });
}

/** A POST with exactly these bytes and these headers (no Content-Type unless given). */
function rawPost(path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<Res> {
  const address = t.http.address() ?? t.http.listen(0).address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { port, host: '127.0.0.1', method: 'POST', path, headers: { Authorization: `Bearer ${office}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the requests that answered 500', () => {
  it('a JSON body nested 2,500 levels deep → 400 naming where, before class-transformer sees it', async () => {
    const deep = '{"text":'.repeat(2500) + '"x"' + '}'.repeat(2500);
    const res = await post(t, office, `${API}/${id}/notes`, undefined).set('Content-Type', 'application/json').send(deep);
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors[0]).toEqual({ field: expect.stringMatching(/^text\.text/), reason: expect.stringMatching(/deeper than 32/) });
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });

  it.each([
    ['/api/v1/partnerships?q=a%00b', 'q'],
    ['/api/v1/partnerships?counterpart=a%00b', 'counterpart'],
    ['/api/v1/partnerships?area=a%00b', 'area'],
    ['/api/v1/aid?receiver=a%00b', 'receiver'],
    ['/api/v1/aid?sector=a%00b', 'sector'],
    ['/api/v1/aid?partnershipId=a%00b', 'partnershipId'],
    ['/api/v1/calendar?partnershipId=a%00b', 'partnershipId'],
    ['/api/v1/calendar.ics?partnershipId=a%00b', 'partnershipId'],
    ['/api/v1/reports?cursor=a%00b', 'cursor'],
  ])('NUL in a query filter: %s → 400 naming %s', async (path, field) => {
    const res = await get(path);
    expectProblem(res, 400, 'validation_failed', field);
    expect(res.body.errors.find((e: { field: string }) => e.field === field).reason).toMatch(/control character/);
  });

  it.each(['/api/v1/calendar?from=9999-12-31', '/api/v1/calendar.ics?from=9999-12-31', '/api/v1/calendar?from=0001-01-01&days=1'])(
    '%s → 400 naming from',
    async (path) => {
      expectProblem(await get(path), 400, 'validation_failed', 'from');
    },
  );

  it.each(['2147483648', '99999999999999999999', '1e3', '-1', '0x10'])('/events?fromVersion=%s → 400 naming fromVersion', async (v) => {
    expectProblem(await get(`${API}/${id}/events?fromVersion=${v}`), 400, 'validation_failed', 'fromVersion');
  });

  it('/events?fromVersion=2147483647 is still in range (nothing that far yet)', async () => {
    const res = await get(`${API}/${id}/events?fromVersion=2147483647`).expect(200);
    expect(res.body.events).toEqual([]);
  });

  it('a NUL in a key name → 400 naming name', async () => {
    const res = await request(t.http)
      .post('/api/v1/keys')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'a\u0000b', role: 'council' });
    expectProblem(res, 400, 'validation_failed', 'name');
  });
});

describe('ranges and dates in query parameters', () => {
  it('from after to on /aid → 400 naming from', async () => {
    const res = await get('/api/v1/aid?from=2023-12-31&to=2023-01-01');
    expectProblem(res, 400, 'validation_failed', 'from');
    expect(res.body.errors[0].reason).toMatch(/after to/);
  });

  it.each([
    ['/api/v1/aid?from=0001-01-01', 'from'],
    ['/api/v1/aid?to=9999-12-31', 'to'],
    [`${API}/${'x'}?validAt=0001-01-01`, 'validAt'],
    [`${API}/${'x'}?knownAt=9999-12-31T00:00:00Z`, 'knownAt'],
  ])('a date outside 1900–2199: %s → 400 naming %s', async (path, field) => {
    expectProblem(await get(path.replace(`${API}/x`, `${API}/${id}`)), 400, 'validation_failed', field);
  });

  it('a parameter given twice → 400 naming it', async () => {
    expectProblem(await get('/api/v1/aid?receiver=a&receiver=b'), 400, 'validation_failed', 'receiver');
  });

  it('invalid percent-encoding in the query → 400 naming the parameter', async () => {
    const res = await get('/api/v1/partnerships?q=%ED%A0%80');
    expectProblem(res, 400, 'validation_failed', 'q');
    expect(res.body.errors[0].reason).toMatch(/UTF-8/);
  });
});

describe('strict media types', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'occurredOn=2023&text=hello'],
    ['text/plain', '{"occurredOn":"2023","text":"hello"}'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--x--'],
  ])('%s → 415', async (type, body) => {
    const res = await rawPost(`${API}/${id}/notes`, body, { 'Content-Type': type });
    expectProblem(res, 415, 'unsupported_media_type');
    expect(res.body.detail).toMatch(/application\/json/);
  });

  it('a body without Content-Type → 415', async () => {
    const res = await rawPost(`${API}/${id}/notes`, JSON.stringify(EXAMPLES.note));
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('a form body to create a key → 415, no key created', async () => {
    const res = await rawPost('/api/v1/keys', 'name=x&role=admin', {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Bearer ${admin}`,
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('application/json with a charset parameter is accepted', async () => {
    const res = await rawPost(`${API}/${id}/notes`, JSON.stringify({ occurredOn: '2023', text: 'charset' }), {
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(res.status).toBe(201);
    before.events += 1;
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a %s key is refused as an unknown field, top-level and nested', async (key) => {
    const top = await post(t, office, `${API}/${id}/notes`, undefined)
      .set('Content-Type', 'application/json')
      .send(`{"occurredOn":"2023","text":"x","${key}":{"isAdmin":true}}`);
    expectProblem(top, 400, 'validation_failed', key);
    expect(top.body.errors.find((e: { field: string }) => e.field === key).reason).toBe('is not a known field');
    const nested = await post(t, office, `${API}/${id}/notes`, undefined)
      .set('Content-Type', 'application/json')
      .send(`{"occurredOn":"2023","text":"x","source":{"${key}":{"polluted":1}}}`);
    expectProblem(nested, 400, 'validation_failed', `source.${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a lone surrogate → 400 validation_failed naming the field, not a store error', async () => {
    const res = await post(t, office, `${API}/${id}/notes`, undefined)
      .set('Content-Type', 'application/json')
      .send('{"occurredOn":"2023","text":"a\\ud800b"}');
    expectProblem(res, 400, 'validation_failed', 'text');
    expect(res.body.errors[0].reason).toMatch(/surrogate/);
    expect(JSON.stringify(res.body)).not.toMatch(/invalid_append|database|jsonb|Unicode escape/i);
  });

  it('invalid UTF-8 bytes → 400 validation_failed naming the field, not stored as U+FFFD', async () => {
    const body = Buffer.concat([Buffer.from('{"occurredOn":"2023","text":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}')]);
    const res = await rawPost(`${API}/${id}/notes`, body, { 'Content-Type': 'application/json' });
    expectProblem(res, 400, 'validation_failed', 'text');
    expect(res.body.errors[0].reason).toMatch(/UTF-8/);
  });

  it('a real U+FFFD in valid UTF-8 is text like any other', async () => {
    const res = await post(t, office, `${API}/${id}/notes`, { occurredOn: '2023', text: 'replacement \ufffd char' });
    expect(res.status).toBe(201);
    before.events += 1;
  });
});

describe('HTTP semantics', () => {
  it('If-Match: * on the create of a new id → 412', async () => {
    const res = await post(t, office, API, { ...EXAMPLES.initiate, partnershipId: newId() }, { 'If-Match': '*' });
    expectProblem(res, 412, 'precondition_failed');
  });

  it('If-Match: * on the create of an existing id → 409 partnership_exists (the precondition is not what fails)', async () => {
    const res = await post(t, office, API, { ...EXAMPLES.initiate, partnershipId: id }, { 'If-Match': '*' });
    expectProblem(res, 409, 'partnership_exists');
  });

  it('a weak ETag never passes If-Match (strong comparison)', async () => {
    const version = (await get(`${API}/${id}`).expect(200)).body.version;
    const res = await post(t, office, `${API}/${id}/notes`, EXAMPLES.note, { 'If-Match': `W/"${version}"` });
    expectProblem(res, 412, 'precondition_failed');
    const strong = await post(t, office, `${API}/${id}/notes`, EXAMPLES.note, { 'If-Match': `"${version}"` });
    expect(strong.status).toBe(201);
    before.events += 1;
  });

  it.each([
    ['a NUL', `${API}/a%00b`],
    ['a NUL (timeline)', `${API}/a%00b/timeline`],
    ['a NUL (events)', `${API}/a%00b/events`],
    ['a 10 kB id', `${API}/${'x'.repeat(10_000)}`],
    ['a 10 kB id (timeline)', `${API}/${'x'.repeat(10_000)}/timeline`],
  ])('GET an id with %s → 404, never a store error', async (_what, path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toMatch(/not_found/);
    expect(JSON.stringify(res.body)).not.toMatch(/invalid_append|streamId/);
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });

  it('POST to a 10 kB id → 404', async () => {
    const res = await post(t, office, `${API}/${'x'.repeat(10_000)}/notes`, EXAMPLES.note);
    expectProblem(res, 404, 'partnership_not_found');
  });

  it('invalid percent-encoding in the path → 400 naming the path', async () => {
    expectProblem(await get(`${API}/%ED%A0%80`), 400, 'validation_failed', 'path');
    expectProblem(await get(`${API}/%FF`), 400, 'validation_failed', 'path');
  });

  it('projection names that are properties of every object are unknown projections', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      const res = await request(t.http).post(`/api/v1/projections/${name}/rebuild`).set('Authorization', `Bearer ${admin}`);
      expectProblem(res, 404, 'projection_not_found');
    }
  });
});

describe('limits before any deep work', () => {
  it('50,000 unknown keys → a short error, at most 20 listed', async () => {
    const body: Record<string, string> = { occurredOn: '2023', text: 'x' };
    for (let i = 0; i < 50_000; i++) body[`k${i}`] = 'v';
    const res = await post(t, office, `${API}/${id}/notes`, body);
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.length).toBeLessThanOrEqual(20);
    expect(JSON.stringify(res.body).length).toBeLessThan(4000);
  });

  it('25 unknown fields → the first 20 listed and a count of the rest', async () => {
    const body: Record<string, string> = { occurredOn: '2023', text: 'x' };
    for (let i = 0; i < 25; i++) body[`unknown${i}`] = 'v';
    const res = await post(t, office, `${API}/${id}/notes`, body);
    expectProblem(res, 400, 'validation_failed', 'unknown0');
    expect(res.body.errors).toHaveLength(20);
    expect(res.body.moreErrors).toBe(5);
    expect(res.body.detail).toMatch(/and 5 more/);
  });

  it('a list longer than 1,000 entries → 400 naming the list', async () => {
    const res = await post(t, office, `${API}/${id}/aid-deliveries`, { ...EXAMPLES.aidDelivery, items: Array(1001).fill('x') });
    expectProblem(res, 400, 'validation_failed', 'items');
  });

  it('a field name longer than 100 characters → 400 without echoing it whole', async () => {
    const res = await post(t, office, `${API}/${id}/notes`, { ...EXAMPLES.note, ['k'.repeat(5000)]: 1 });
    expectProblem(res, 400, 'validation_failed');
    expect(JSON.stringify(res.body).length).toBeLessThan(2000);
  });

  it('a JSON number too large for a double → 400 without a hint that is itself refused', async () => {
    const res = await post(t, office, `${API}/${id}/aid-deliveries`, undefined)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...EXAMPLES.aidDelivery, value: { currency: 'EUR' } }).replace('"currency"', '"amount":1e999,"currency"'));
    expectProblem(res, 400, 'validation_failed', 'value.amount');
    expect(JSON.stringify(res.body)).not.toMatch(/Infinity/);
  });
});

describe('found while fuzzing', () => {
  const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  it.each([
    ['a year JavaScript parses and PostgreSQL does not', ['+275760-09-13T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']],
    ['year 0', ['0000-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000']],
    ['a date without time', ['2025-01-01', '00000000-0000-0000-0000-000000000000']],
  ])('a reports cursor holding %s → 400 naming cursor', async (_what, value) => {
    expectProblem(await get(`/api/v1/reports?cursor=${cursor(value)}`), 400, 'validation_failed', 'cursor');
  });

  it('an office digest since year 0 → 400 naming parameters.since, nothing queued', async () => {
    const res = await request(t.http)
      .post('/api/v1/reports')
      .set('Authorization', `Bearer ${office}`)
      .send({ type: 'office_digest', parameters: { since: '0000-01-01' } });
    expectProblem(res, 400, 'validation_failed', 'parameters.since');
  });
});

describe('errors answered by the HTTP server itself', () => {
  it('unencoded non-ASCII in the URL → 400 problem+json', async () => {
    const res = await raw(Buffer.from(`GET ${API}/Житомир HTTP/1.1\r\nHost: x\r\n\r\n`, 'utf8'));
    expect(res.status).toBe(400);
    expect(res.type).toMatch(PROBLEM);
    expect(res.body.code).toBe('malformed_request');
  });

  it('a control byte in a header → 400 problem+json', async () => {
    const res = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Test: a\u0001b\r\n\r\n`);
    expect(res.status).toBe(400);
    expect(res.type).toMatch(PROBLEM);
    expect(res.body.code).toBe('malformed_request');
  });

  it('headers too large → 431 problem+json', async () => {
    const res = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.type).toMatch(PROBLEM);
  });
});

it('a key name with a NUL was never written (the footprint counts keys)', async () => {
  // The footprint check in afterEach covers every case; this one shows it measures something real.
  const ok = await request(t.http).post('/api/v1/keys').set('Authorization', `Bearer ${admin}`).send({ name: 'fine', role: 'council' });
  expect(ok.status).toBe(201);
  before.keys += 1;
  expect(await countEvents(t)).toBe(before.events);
});
