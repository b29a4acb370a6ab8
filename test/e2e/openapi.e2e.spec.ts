// The OpenAPI document (/docs-json) is one that tools accept: a maintained parser validates it, no
// $ref is empty or dangling, every shape is a named schema with an example, every operation names
// its success schema and its problem+json errors, the service's real answers match those schemas,
// and the committed TypeScript client types are what the document generates.
import { readFileSync } from 'node:fs';
import { validate } from '@readme/openapi-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import request from 'supertest';
import { API_TYPES_FILE, apiTypesSource } from '../../scripts/openapi-types.js';
import { ProjectionEngine } from '../../src/event-store/projections.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID } from '../../src/partnerships/demo/story.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { caughtUp } from '../support/projections.js';
import { API, keyFor, post } from './partnerships-helpers.js';

type Json = Record<string, any>;

let t: TestApp;
let doc: Json;
let admin: string;
let office: string;

beforeAll(async () => {
  t = await createTestApp();
  const res = await request(t.http).get('/docs-json');
  expect(res.status).toBe(200);
  doc = res.body;
  admin = await keyFor(t, 'admin', 'OpenAPI admin');
  office = await keyFor(t, 'office', 'OpenAPI office');
});
afterAll(async () => t?.close());

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const operations = () =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Json })),
  );

/** Every $ref in the document, with where it is. */
function refsOf(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsOf(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

describe('the document', () => {
  it('passes @readme/openapi-parser validation', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result).toMatchObject({ valid: true, specification: 'OpenAPI' });
    expect(result.warnings).toEqual([]);
  });

  it('has no empty or dangling $ref', () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(200); // the walk sees the references that are there
    const schemas = doc.components.schemas as Json;
    const broken = refs.filter(({ ref }) => {
      const name = ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : '';
      return !name || !(name in schemas);
    });
    expect(broken).toEqual([]);
  });

  it('names every schema and gives each an example', () => {
    const schemas = doc.components.schemas as Json;
    expect(
      Object.entries(schemas)
        .filter(([, s]) => !('example' in s))
        .map(([name]) => name),
    ).toEqual([]);
    // the value types by name
    expect(schemas.LocalizedName).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(schemas.LocalizedName.example).toEqual({ de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' });
    expect(schemas.Money).toMatchObject({ required: ['amount', 'currency'], properties: { amount: { type: 'string' } } });
    expect(schemas.BusinessDate).toMatchObject({
      required: ['date', 'precision'],
      properties: { precision: { enum: ['year', 'month', 'day'] } },
    });
    expect(schemas.BusinessDateInput).toMatchObject({ type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });
    expect(Object.keys(schemas.Source.properties)).toEqual(['reference', 'url']);
    expect(Object.keys(schemas.Tally.properties)).toEqual(['inFavour', 'against', 'abstained', 'unanimous']);
    expect(schemas.Problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
    expect(schemas.Problem.properties.errors).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/FieldError' } });
    expect(schemas.ConflictProblem.properties.conflicts).toMatchObject({ items: { $ref: '#/components/schemas/ConflictingEntry' } });
    // request bodies name them too
    expect(schemas.AidDeliveryDto.properties.value).toEqual({ $ref: '#/components/schemas/Money' });
    expect(schemas.AidDeliveryDto.properties.receiver.allOf).toEqual([{ $ref: '#/components/schemas/LocalizedNameInput' }]);
    expect(schemas.AidDeliveryDto.properties.occurredOn.allOf).toEqual([{ $ref: '#/components/schemas/BusinessDateInput' }]);
    expect(schemas.CouncilDecisionDto.properties.tally).toEqual({ $ref: '#/components/schemas/Tally' });
    expect(schemas.NoteDto.properties.source).toEqual({ $ref: '#/components/schemas/Source' });
  });

  it('gives every operation a success schema and problem+json errors', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      const responses = op.responses as Json;
      const success = Object.keys(responses).filter((s) => s.startsWith('2'));
      if (!success.length) missing.push(`${where}: no 2xx answer`);
      for (const s of success) {
        if (s === '204') continue;
        const content = responses[s].content as Json | undefined;
        if (!content || !Object.values(content).every((c: Json) => c.schema)) missing.push(`${where} ${s}: no schema`);
      }
      const errors = Object.keys(responses).filter((s) => /^[45]/.test(s));
      for (const s of errors) {
        const ref = responses[s].content?.['application/problem+json']?.schema?.$ref as string | undefined;
        const schema = ref && doc.components.schemas[ref.split('/').pop()!];
        if (!schema?.properties?.code) missing.push(`${where} ${s}: not a problem+json schema`);
      }
      if (op.security && !errors.includes('401')) missing.push(`${where}: needs a key but names no 401`);
    }
    expect(missing).toEqual([]);
  });

  it('has examples that fit their own schemas', () => {
    const ajv = validator();
    const wrong = Object.entries(doc.components.schemas as Json).flatMap(([name, schema]) => {
      const check = ajv.getSchema(`openapi#/components/schemas/${name}`)!;
      return check(schema.example) ? [] : [{ name, errors: check.errors }];
    });
    expect(wrong).toEqual([]);
  });
});

// ---- the real answers fit the document -------------------------------------------------------------

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a union with null (also beside an allOf). */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, example: _example, ...rest } = node as Json;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === 'properties' ? mapValues(v, jsonSchema) : jsonSchema(v)]));
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}
const mapValues = (o: Json, f: (v: unknown) => unknown) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

let cached: Ajv | undefined;
function validator(): Ajv {
  if (cached) return cached;
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats.default(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ components: { schemas: mapValues(doc.components.schemas, jsonSchema) } }, 'openapi');
  return (cached = ajv);
}

const compiled = new Map<string, ValidateFunction>();
/** Checks an answer against the schema the document gives for its path, method, status and media type. */
function expectDocumented(res: request.Response, path: string, method = 'get'): void {
  const response = doc.paths[path]?.[method]?.responses?.[String(res.status)];
  expect({ path, method, status: res.status, documented: !!response }).toEqual({ path, method, status: res.status, documented: true });
  const mediaType = String(res.headers['content-type']).split(';')[0];
  const schema = response.content?.[mediaType]?.schema;
  expect({ path, status: res.status, mediaType, schema: !!schema }).toEqual({ path, status: res.status, mediaType, schema: true });
  const key = JSON.stringify(schema);
  let check = compiled.get(key);
  if (!check) {
    check = validator().compile(
      jsonSchema(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"openapi#/components'))) as object,
    );
    compiled.set(key, check);
  }
  const body = mediaType.startsWith('text/') ? res.text : res.body;
  const ok = check(body);
  expect({ path, status: res.status, errors: ok ? null : check.errors }).toEqual({ path, status: res.status, errors: null });
}

const get = (path: string, key = admin) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);

describe('the answers of the seeded service', () => {
  const id = DEMO_PARTNERSHIP_ID;
  let noteId: string;

  beforeAll(async () => {
    await seedDemo(t.app);
    // a corrected and a retracted entry, so the timeline shows both shapes
    const note = await post(t, office, `${API}/${id}/notes`, { occurredOn: '2023-03', text: 'Follow-up call asked for.' });
    expect(note.status).toBe(201);
    expectDocumented(note, '/api/v1/partnerships/{id}/notes', 'post');
    noteId = note.body.events[0].eventId;
    const corrected = await post(t, office, `${API}/${id}/entries/${noteId}/corrections`, {
      reason: 'It was in April.',
      changes: { occurredOn: '2023-04' },
    });
    expect(corrected.status).toBe(201);
    const retracted = await post(t, office, `${API}/${id}/entries/${noteId}/retractions`, { reason: 'Recorded twice.' });
    expect(retracted.status).toBe(201);
    // an open plan for the calendar (the seed's plans are all fulfilled)
    const planned = await post(t, office, `${API}/${id}/activities`, { occurredOn: '2029-07', planned: true, title: 'Youth exchange' });
    expect(planned.status).toBe(201);
  });

  it('status, list, timeline, events, aid, calendar', async () => {
    expectDocumented(await get(`${API}/${id}`), '/api/v1/partnerships/{id}');
    expectDocumented(await get(`${API}/${id}?validAt=2023-01-15`), '/api/v1/partnerships/{id}');
    expectDocumented(await get(`${API}?limit=1`), '/api/v1/partnerships');
    const timeline = await get(`${API}/${id}/timeline`);
    expect(timeline.body.entries.find((e: Json) => e.eventId === noteId)).toMatchObject({ corrected: true, retracted: true });
    expectDocumented(timeline, '/api/v1/partnerships/{id}/timeline');
    expectDocumented(await get(`${API}/${id}/events`), '/api/v1/partnerships/{id}/events');
    expectDocumented(await get('/api/v1/aid?groupBy=receiver'), '/api/v1/aid');
    const calendar = await get('/api/v1/calendar?from=2020-01-01&days=3660');
    expect(calendar.body.length).toBeGreaterThan(0);
    expectDocumented(calendar, '/api/v1/calendar');
    expectDocumented(await get('/api/v1/calendar.ics?from=2020-01-01&days=3660'), '/api/v1/calendar.ics');
  });

  it('problems: invalid input, unknown partnership, a change that contradicts later entries', async () => {
    const invalid = await post(t, office, `${API}/${id}/aid-deliveries`, { occurredOn: '2022-02-30' });
    expect(invalid.status).toBe(400);
    expectDocumented(invalid, '/api/v1/partnerships/{id}/aid-deliveries', 'post');
    expectDocumented(await get(`${API}/no-such-partnership`), '/api/v1/partnerships/{id}');
    const contradicting = await post(t, office, `${API}/${id}/suspension`, { occurredOn: '2022-04', reason: 'Back-dated on purpose.' });
    expect(contradicting.status).toBe(409);
    expect(contradicting.body.code).toBe('contradicts_later_entries');
    expect(contradicting.body.conflicts.length).toBeGreaterThan(0);
    expectDocumented(contradicting, '/api/v1/partnerships/{id}/suspension', 'post');
    expectDocumented(await request(t.http).get('/api/v1/me'), '/api/v1/me');
  });

  it('keys, me, reports, projections, health', async () => {
    expectDocumented(await get('/api/v1/me', office), '/api/v1/me');
    const created = await post(t, admin, '/api/v1/keys', { name: 'OpenAPI reader', role: 'council', expiresIn: '30d' });
    expectDocumented(created, '/api/v1/keys', 'post');
    expectDocumented(await post(t, admin, `/api/v1/keys/${created.body.id}/rotate`, { grace: '1d' }), '/api/v1/keys/{id}/rotate', 'post');
    expectDocumented(await get('/api/v1/keys'), '/api/v1/keys');

    const report = await post(t, office, '/api/v1/reports', { type: 'aid_summary', parameters: { from: '2022', to: '2022' } });
    expectDocumented(report, '/api/v1/reports', 'post');
    expectDocumented(await get(`/api/v1/reports/${report.body.id}`), '/api/v1/reports/{id}');
    expectDocumented(await get('/api/v1/reports'), '/api/v1/reports');

    expectDocumented(await get('/api/v1/projections'), '/api/v1/projections');
    expectDocumented(await get('/api/v1/changes?limit=2'), '/api/v1/changes');
    expectDocumented(await get('/api/v1/changes?after=forged.cursor'), '/api/v1/changes');
    expectDocumented(await request(t.http).get('/health'), '/health');
    expectDocumented(await request(t.http).get('/health/ready'), '/health/ready');
    expectDocumented(await get('/health/ready/details'), '/health/ready/details');
  });

  it('OParl, IATI and calendar subscriptions', async () => {
    await caughtUp(t.app.get(ProjectionEngine));
    const oparl = '/oparl/v1.1';
    expectDocumented(await get(oparl), oparl);
    expectDocumented(await get(`${oparl}/system`), `${oparl}/system`);
    const bodies = await get(`${oparl}/body`);
    expectDocumented(bodies, `${oparl}/body`);
    const body = await get(new URL(bodies.body.data[0].id).pathname);
    expectDocumented(body, `${oparl}/body/{body}`);
    for (const list of ['organization', 'meeting', 'paper', 'agendaitem', 'consultation', 'person']) {
      const page = await get(`${new URL(body.body[list === 'agendaitem' ? 'agendaItem' : list]).pathname}?elementsPerPage=1`);
      expectDocumented(page, `${oparl}/body/{body}/{list}`);
      // each kind of object at its own URL
      if (page.body.data[0]) expectDocumented(await get(new URL(page.body.data[0].id).pathname), `${oparl}/{type}/{id}`);
    }
    expectDocumented(await get(`${oparl}/body?page=0`), `${oparl}/body`);
    expectDocumented(await get(`${oparl}/paper/no-such-paper`), `${oparl}/{type}/{id}`);

    // this app publishes no IATI: the documented 503, and the 404 before it
    expectDocumented(await get(`${API}/${id}/aid.iati.xml`), '/api/v1/partnerships/{id}/aid.iati.xml');
    expectDocumented(await get('/api/v1/aid.iati.xml?from=2022'), '/api/v1/aid.iati.xml');
    expectDocumented(await get('/api/v1/aid.iati.xml?from=2022-13'), '/api/v1/aid.iati.xml');

    const feed = await post(t, office, '/api/v1/calendar/feeds', { name: 'OpenAPI feed', partnershipId: id });
    expectDocumented(feed, '/api/v1/calendar/feeds', 'post');
    expectDocumented(await post(t, office, '/api/v1/calendar/feeds', { name: '' }), '/api/v1/calendar/feeds', 'post');
    expectDocumented(await get('/api/v1/calendar/feeds', office), '/api/v1/calendar/feeds');
    const revoked = await request(t.http).delete(`/api/v1/calendar/feeds/${feed.body.id}`).set('Authorization', `Bearer ${office}`);
    expect(revoked.status).toBe(204);
    expect(doc.paths['/api/v1/calendar/feeds/{id}'].delete.responses['204']).toBeDefined();
    const gone = await request(t.http).delete('/api/v1/calendar/feeds/no-such-feed').set('Authorization', `Bearer ${office}`);
    expectDocumented(gone, '/api/v1/calendar/feeds/{id}', 'delete');
  });
});

it('the answer check fails for an answer that does not fit', async () => {
  const res = await get(`${API}/${DEMO_PARTNERSHIP_ID}`);
  const response = doc.paths['/api/v1/partnerships/{id}'].get.responses['200'].content['application/json'];
  const check = validator().compile(jsonSchema({ $ref: response.schema.$ref.replace('#/components', 'openapi#/components') }) as object);
  expect(check(res.body)).toBe(true);
  expect(check({ ...res.body, version: String(res.body.version) })).toBe(false);
  expect(check({ ...res.body, counterpart: { en: 42 } })).toBe(false);
  expect(check({ ...res.body, lastMilestoneOn: { date: '2023-02' } })).toBe(false);
});

describe('the generated TypeScript client types', () => {
  it('are committed as the current document generates them (npm run api:types)', async () => {
    const generated = await apiTypesSource(doc);
    expect(generated).toContain('export interface components');
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(generated);
  });
});
