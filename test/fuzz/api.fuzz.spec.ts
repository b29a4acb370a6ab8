// The whole API fuzzed through HTTP (issue 13): requests generated from the OpenAPI document the app
// serves, for every route, as documented and mutated. Whatever is sent: never a 5xx; every refusal is
// problem+json with a stable code; a refusal writes nothing (events, keys, reports); the service keeps
// answering. `npm test` runs FUZZ_RUNS (300) cases from a fixed seed; `npm run test:fuzz -- --runs
// 20000 [--seed N]` runs more (see run.mjs). A failure prints the seed and the shrunk request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { createApiKey } from '../../src/auth/api-keys.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { written } from '../support/footprint.js';
import { API, initiate, poolOf } from '../e2e/partnerships-helpers.js';
import { routesOf, requestsFor, type FuzzRequest, type OpenApiDocument, type Route } from './openapi-arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
// Fixed unless asked otherwise, so `npm test` checks the same cases every time.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 13_2026;

let t: TestApp;
let port = 0;
let key = '';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

interface Answer {
  status: number;
  type: string;
  text: string;
}

function send(r: Pick<FuzzRequest, 'method' | 'path' | 'headers' | 'body' | 'invalidUtf8At'>, timeoutMs = 15_000): Promise<Answer> {
  let payload: Buffer | undefined;
  if (r.body !== undefined) {
    const at = r.invalidUtf8At;
    payload =
      at === undefined
        ? Buffer.from(r.body, 'utf8')
        : Buffer.concat([Buffer.from(r.body.slice(0, at), 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from(r.body.slice(at), 'utf8')]);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: r.method,
        path: r.path,
        headers: { Authorization: `Bearer ${key}`, ...r.headers, ...(payload ? { 'Content-Length': payload.length } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const answer = () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          });
        // An event stream (the change feed) stays open: its first chunk is its answer, then it is left.
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          res.once('data', (c: Buffer) => (chunks.push(c), answer(), req.destroy()));
          return;
        }
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', answer);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** What a request could write. Dossiers the dispatcher files on its own (reacting to earlier events) do not count. */
const footprint = async (): Promise<string> => JSON.stringify(await written(t));

const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const statuses = new Map<number, number>();
const codes = new Map<string, number>();
let mutated = 0;

/** The property: one request, judged by what every answer owes the client. */
async function check(r: FuzzRequest): Promise<void> {
  const before = await footprint();
  const res = await send(r);
  const shown = `${r.method} ${r.path.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  if (r.mutated) mutated += 1;
  if (res.status >= 500) throw new Error(`a 5xx: ${shown}`);
  if (res.status >= 400) {
    if (!/^application\/problem\+json/.test(res.type)) throw new Error(`not problem+json (${res.type}): ${shown}`);
    const problem = JSON.parse(res.text) as { code?: unknown; status?: unknown; type?: unknown; detail?: unknown };
    const code = String(problem.code);
    codes.set(code, (codes.get(code) ?? 0) + 1);
    if (!CODE.test(code) || /^http_\d+$/.test(code)) throw new Error(`no stable code: ${shown}`);
    if (problem.status !== res.status || typeof problem.detail !== 'string')
      throw new Error(`problem fields do not match the answer: ${shown}`);
    if (problem.type !== `urn:partnership-ledger:problem:${code.replace(/_/g, '-')}`)
      throw new Error(`problem type does not match its code: ${shown}`);
    if (/invalid input syntax|violates|relation "|column "|syntax error at|ECONNREFUSED|at [\w.]+ \(/i.test(res.text))
      throw new Error(`a driver message or stack leaked: ${shown}`);
    const after = await footprint();
    if (after !== before) throw new Error(`refused with ${res.status} but wrote: ${before} → ${after}: ${shown}`);
  }
  const health = await send({ method: 'GET', path: '/health', headers: {} });
  if (health.status !== 200) throw new Error(`the service stopped answering after: ${shown}`);
}

/** Routes the document leaves out (the page, metrics, the document itself) and ones that do not exist. */
const EXTRA_ROUTES: Route[] = [
  { method: 'GET', template: '/', query: [], pathParams: [], examples: [] },
  { method: 'GET', template: '/web/{name}', query: [], pathParams: ['name'], examples: [] },
  { method: 'GET', template: '/metrics', query: [], pathParams: [], examples: [] },
  { method: 'GET', template: '/docs-json', query: [], pathParams: [], examples: [] },
  { method: 'GET', template: '/api/v1/nothing/{id}', query: [], pathParams: ['id'], examples: [] },
  { method: 'POST', template: '/api/v1/nothing', query: [], pathParams: [], body: {}, examples: [] },
];

beforeAll(async () => {
  // Limits that would turn most cases into 429s are out of the way; they have their own suite.
  t = await createTestApp({
    env: {
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_FAILURES_PER_MINUTE: '100000000',
      // configured as a deployment that publishes IATI would be, so the export itself is fuzzed
      IATI_REPORTING_ORG_REF: 'DE-GOV-05913000',
      IATI_REPORTING_ORG_NAME: '{"de":"Stadt Dortmund","en":"City of Dortmund"}',
    },
  });
  await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
  port = (t.http.address() as AddressInfo).port;
  key = (await createApiKey(poolOf(t), { name: 'fuzz', role: 'admin' })).key;
});
afterAll(async () => {
  agent.destroy();
  await t?.close();
});

// Failures earlier runs found, replayed on every run (seed in the comment).
const FOUND: Pick<FuzzRequest, 'method' | 'path' | 'headers'>[] = [
  // seed 592815497: a NUL in a path id reached PostgreSQL, which refuses NUL in text → 500
  { method: 'GET', path: '/api/v1/partnerships/%00/aid.iati.xml', headers: {} },
  { method: 'GET', path: '/api/v1/partnerships/%00/timeline', headers: {} },
  { method: 'GET', path: '/oparl/v1.1/paper/%00', headers: {} },
  { method: 'POST', path: '/api/v1/partnerships/%00/notes', headers: { 'Content-Type': 'application/json' } },
];

it('answers the requests earlier runs found with 404 problem+json', async () => {
  for (const r of FOUND) {
    const res = await send(r);
    expect({ path: r.path, status: res.status, type: res.type }).toEqual({
      path: r.path,
      status: 404,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
  }
});

it(
  `answers ${RUNS} generated requests over every documented route without a 5xx, a leak or a write on refusal (seed ${SEED})`,
  async () => {
    const partnershipId = await initiate(t, key);
    const { rows } = await poolOf(t).query('SELECT event_id FROM events WHERE stream_id = $1 LIMIT 1', [partnershipId]);
    const docAnswer = await send({ method: 'GET', path: '/docs-json', headers: {} });
    expect(docAnswer.status).toBe(200);
    const doc = JSON.parse(docAnswer.text) as OpenApiDocument;
    const routes = [...routesOf(doc), ...EXTRA_ROUTES];
    // Every route of the API is in the document (the fuzz covers what the document lists).
    expect(routes.map((r) => `${r.method} ${r.template}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/partnerships/{id}/notes', 'GET /api/v1/aid', 'POST /api/v1/reports', 'POST /api/v1/keys']),
    );
    const fixtures = { partnershipId, eventId: rows[0].event_id as string };
    const requests = fc.oneof(...routes.map((r) => requestsFor(doc, r, fixtures)));

    await fc.assert(fc.asyncProperty(requests, check), { numRuns: RUNS, seed: SEED, endOnFailure: false });

    console.log(
      `fuzz: ${RUNS} runs, seed ${SEED}, ${routes.length} routes, ${mutated} mutated; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `codes ${JSON.stringify(Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])))}`,
    );
    // The run reached the routes, not only the edge: some requests were accepted, some refused.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    expect((await send({ method: 'GET', path: `${API}/${partnershipId}`, headers: {} })).status).toBe(200);
  },
  Math.max(120_000, RUNS * 1_000),
);
