// Who may do what: API keys (401), roles (403), key administration and the per-key rate limit (429).
import request from 'supertest';
import { EXAMPLES } from '../support/examples.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, countEvents, initiate, keyFor, newId, poolOf, post } from './partnerships-helpers.js';

const PROBLEM = /^application\/problem\+json/;
let t: TestApp;
let office: string;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  office = await keyFor(t, 'office');
  admin = await keyFor(t, 'admin');
});
afterAll(async () => t?.close());

describe('401 without a valid key', () => {
  it.each([
    ['no Authorization header', 'missing_api_key', undefined],
    ['another scheme', 'invalid_authorization', 'Basic dXNlcjpwYXNz'],
    ['an unknown key', 'invalid_api_key', `Bearer pl_${'A'.repeat(43)}`],
    ['something that is not a key', 'invalid_api_key', 'Bearer hunter2'],
  ])('%s → 401 %s with WWW-Authenticate: Bearer', async (_what, code, header) => {
    const before = await countEvents(t);
    let r = request(t.http)
      .post(API)
      .send({ ...EXAMPLES.initiate, partnershipId: newId() });
    if (header) r = r.set('Authorization', header);
    const res = await r;
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="partnership-ledger"/);
    expect(res.body).toMatchObject({ status: 401, code, detail: expect.any(String) });
    expect(await countEvents(t)).toBe(before);
  });

  it('keeps /health and /docs-json public', async () => {
    expect((await request(t.http).get('/health')).status).toBe(200);
    expect((await request(t.http).get('/docs-json')).status).toBe(200);
  });
});

describe('403 when the role may not', () => {
  it.each(['council', 'reporting'] as const)('refuses a %s key on every kind of write, writing nothing', async (role) => {
    const key = await keyFor(t, role);
    const id = await initiate(t, office);
    const before = await countEvents(t);
    for (const [path, body] of [
      [API, { ...EXAMPLES.initiate, partnershipId: newId() }],
      [`${API}/${id}/notes`, EXAMPLES.note],
      [`${API}/${id}/aid-deliveries`, EXAMPLES.aidDelivery],
    ] as const) {
      const res = await post(t, key, path, body);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'role_not_allowed', role, requiredRoles: ['office', 'admin'] });
      expect(res.body.detail).toContain(`has the role ${role}`);
    }
    expect(await countEvents(t)).toBe(before);
  });

  it('keeps key administration to admins', async () => {
    const res = await request(t.http).get('/api/v1/keys').set('Authorization', `Bearer ${office}`);
    expect(res.status).toBe(403);
    expect(res.body.requiredRoles).toEqual(['admin']);
  });
});

describe('key administration', () => {
  it('creates a key shown once, lists keys without secrets, and revokes a key at once', async () => {
    const created = await request(t.http)
      .post('/api/v1/keys')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Büro für Internationale Beziehungen', role: 'office' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'Büro für Internationale Beziehungen',
      role: 'office',
      revokedAt: null,
    });
    expect(created.body.key).toMatch(/^pl_[A-Za-z0-9_-]{43}$/);
    const newKey = created.body.key as string;

    const { rows } = await poolOf(t).query('SELECT key_hash FROM api_keys WHERE id = $1', [created.body.id]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).not.toContain(newKey.slice(3));

    const id = await initiate(t, newKey);
    // last_used_at is written beside the request, not in it: give it a moment.
    let lastUsed: Date | null = null;
    for (let i = 0; i < 50 && !lastUsed; i++) {
      lastUsed = (await poolOf(t).query('SELECT last_used_at FROM api_keys WHERE id = $1', [created.body.id])).rows[0].last_used_at;
      if (!lastUsed) await new Promise((r) => setTimeout(r, 20));
    }
    expect(lastUsed).not.toBeNull();

    const list = await request(t.http).get('/api/v1/keys').set('Authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    const listed = list.body.keys.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: 'Büro für Internationale Beziehungen', role: 'office' });
    expect(JSON.stringify(list.body)).not.toMatch(/pl_|key_hash|keyHash/);

    const revoked = await request(t.http).delete(`/api/v1/keys/${created.body.id}`).set('Authorization', `Bearer ${admin}`);
    expect(revoked.status).toBe(204);
    const after = await post(t, newKey, `${API}/${id}/notes`, EXAMPLES.note);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('key_revoked');

    const missing = await request(t.http)
      .delete('/api/v1/keys/01890a5d-ac96-774b-bcce-b302099a8057')
      .set('Authorization', `Bearer ${admin}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('key_not_found');
  });

  it('validates a new key with 400 naming the field', async () => {
    const res = await request(t.http).post('/api/v1/keys').set('Authorization', `Bearer ${admin}`).send({ name: 'x', role: 'boss' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'role', reason: expect.stringContaining('office') }] });
  });
});

describe('429 per key', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(async () => limited?.close());

  it('answers the sixth request in a minute with 429 and Retry-After, per key, never on /health', async () => {
    const busy = await keyFor(limited, 'office', 'busy office');
    const other = await keyFor(limited, 'office', 'quiet office');
    const id = await initiate(limited, busy); // 1
    for (let i = 0; i < 4; i++) expect((await post(limited, busy, `${API}/${id}/notes`, EXAMPLES.note)).status).toBe(201); // 2–5
    const before = await countEvents(limited);

    const res = await post(limited, busy, `${API}/${id}/notes`, EXAMPLES.note);
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    // The window is counted in Redis from the key's first request, so the wait is at most a minute.
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.headers['ratelimit-limit']).toBe('5');
    expect(res.headers['ratelimit-remaining']).toBe('0');
    expect(res.body).toMatchObject({ code: 'rate_limited', limit: 5, retryAfterSeconds: retryAfter });
    expect(await countEvents(limited)).toBe(before);

    expect((await post(limited, other, `${API}/${id}/notes`, EXAMPLES.note)).status).toBe(201);
    for (let i = 0; i < 8; i++) expect((await request(limited.http).get('/health')).status).toBe(200);
  });
});
