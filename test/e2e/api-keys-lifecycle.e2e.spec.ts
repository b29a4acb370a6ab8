// Key lifecycle through HTTP and the key commands: expiry, rotation with a grace period, revocation,
// listing without secrets. Time moves on the app's injectable clock, never by sleeping.
import request from 'supertest';
import { runKeysCommand, type KeysCommand } from '../../src/auth/keys-cli.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { keyFor, poolOf } from './partnerships-helpers.js';

const PROBLEM = /^application\/problem\+json/;
const DAY = 86_400_000;
const START = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(START.getTime() + ms);

let t: TestApp;
let admin: string;
const clock = new FixedClock(START);

beforeAll(async () => {
  // Many deliberate 401s here; the limit on failed authentications has its own suite.
  t = await createTestApp({ clock, env: { AUTH_FAILURES_PER_MINUTE: '100' } });
  admin = await keyFor(t, 'admin');
});
afterAll(async () => t?.close());
beforeEach(() => clock.set(START));

const asAdmin = (r: request.Test) => r.set('Authorization', `Bearer ${admin}`);
const use = (key: string) => request(t.http).get('/api/v1/partnerships').set('Authorization', `Bearer ${key}`);
const keyCount = async () => (await poolOf(t).query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n as number;

async function cli(command: KeysCommand, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runKeysCommand(command, argv, poolOf(t), { out: (s) => (out += s), err: (s) => (err += s) }, clock.now());
  return { code, out, err };
}

describe('expiry', () => {
  it('lets a key with expiresIn work until the exact moment it expires, then answers 401 key_expired with when', async () => {
    const created = await asAdmin(request(t.http).post('/api/v1/keys')).send({ name: 'Partner portal', role: 'council', expiresIn: '90d' });
    expect(created.status).toBe(201);
    const expiresAt = at(90 * DAY).toISOString();
    expect(created.body).toMatchObject({ role: 'council', state: 'active', expiresAt });

    expect((await use(created.body.key)).status).toBe(200);
    // The key is in the in-process cache now; the cache must not stretch its life by a millisecond.
    clock.set(at(90 * DAY - 1));
    expect((await use(created.body.key)).status).toBe(200);
    clock.set(at(90 * DAY));
    const res = await use(created.body.key);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expect(res.body).toMatchObject({ code: 'key_expired', expiredAt: expiresAt });
    expect(res.body.detail).toContain(`expired at ${expiresAt}`);

    const list = await asAdmin(request(t.http).get('/api/v1/keys'));
    expect(list.body.keys.find((k: { id: string }) => k.id === created.body.id)).toMatchObject({ state: 'expired', expiresAt });
  });

  it('takes an absolute expiresAt too', async () => {
    const created = await asAdmin(request(t.http).post('/api/v1/keys')).send({
      name: 'Auditor',
      role: 'reporting',
      expiresAt: '2026-03-02T00:00:00Z',
    });
    expect(created.status).toBe(201);
    expect(created.body.expiresAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it.each([
    ['a NUL in the name', { name: 'Office\u0000Dortmund', role: 'office' }, 'name', /control characters/],
    ['a newline in the name', { name: 'Office\nDortmund', role: 'office' }, 'name', /control characters/],
    ['an unreadable duration', { name: 'x', role: 'office', expiresIn: 'soon' }, 'expiresIn', /duration such as 90d/],
    ['a zero duration', { name: 'x', role: 'office', expiresIn: '0d' }, 'expiresIn', /more than zero/],
    ['an expiry in the past', { name: 'x', role: 'office', expiresAt: '2026-02-01T00:00:00Z' }, 'expiresAt', /future/],
    ['both kinds of expiry', { name: 'x', role: 'office', expiresIn: '1d', expiresAt: '2027-01-01T00:00:00Z' }, 'expiresAt', /expiresIn/],
  ])('refuses %s with 400 validation_failed naming the field, creating nothing', async (_what, body, field, reason) => {
    const before = await keyCount();
    const res = await asAdmin(request(t.http).post('/api/v1/keys')).send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([{ field, reason: expect.stringMatching(reason) }]);
    expect(await keyCount()).toBe(before);
  });
});

describe('rotation', () => {
  it('issues a new key for the same holder; the old one works during the grace period and not after', async () => {
    const created = await asAdmin(request(t.http).post('/api/v1/keys')).send({ name: 'Office Zhytomyr', role: 'office', expiresIn: '90d' });
    const oldKey = created.body.key as string;
    clock.set(at(30 * DAY));
    const rotated = await asAdmin(request(t.http).post(`/api/v1/keys/${created.body.id}/rotate`)).send({ grace: '7d' });
    expect(rotated.status).toBe(201);
    const newKey = rotated.body.key as string;
    expect(newKey).toMatch(/^pl_[A-Za-z0-9_-]{43}$/);
    expect(newKey).not.toBe(oldKey);
    expect(rotated.body).toMatchObject({
      name: 'Office Zhytomyr',
      role: 'office',
      state: 'active',
      // The new key gets the old key's lifetime, from now.
      expiresAt: at(120 * DAY).toISOString(),
      replaces: { id: created.body.id, state: 'rotating', replacedBy: rotated.body.id, expiresAt: at(37 * DAY).toISOString() },
    });

    clock.set(at(37 * DAY - 1));
    expect((await use(oldKey)).status).toBe(200);
    expect((await use(newKey)).status).toBe(200);

    clock.set(at(37 * DAY));
    const refused = await use(oldKey);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'key_expired', expiredAt: at(37 * DAY).toISOString() });
    expect(refused.body.detail).toMatch(/replaced by rotation/);
    expect((await use(newKey)).status).toBe(200);

    const list = await asAdmin(request(t.http).get('/api/v1/keys'));
    const states = Object.fromEntries(list.body.keys.map((k: { id: string; state: string }) => [k.id, k.state]));
    expect(states[created.body.id]).toBe('rotated');
    expect(states[rotated.body.id]).toBe('active');

    // A replaced key is not rotated again.
    const again = await asAdmin(request(t.http).post(`/api/v1/keys/${created.body.id}/rotate`));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'key_not_rotatable', state: 'rotated' });
  });

  it('rotates without a body using the default grace, and refuses bad options and unknown keys', async () => {
    const key = await asAdmin(request(t.http).post('/api/v1/keys')).send({ name: 'Council', role: 'council' });
    const before = await keyCount();
    const bad = await asAdmin(request(t.http).post(`/api/v1/keys/${key.body.id}/rotate`)).send({ grace: 'a while', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'colour', reason: 'is not a known field' }]);
    const badGrace = await asAdmin(request(t.http).post(`/api/v1/keys/${key.body.id}/rotate`)).send({ grace: 'a while' });
    expect(badGrace.status).toBe(400);
    expect(badGrace.body.errors).toEqual([{ field: 'grace', reason: expect.stringMatching(/duration/) }]);
    const missing = await asAdmin(request(t.http).post('/api/v1/keys/01890a5d-ac96-774b-bcce-b302099a8057/rotate'));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('key_not_found');
    expect(await keyCount()).toBe(before);

    const ok = await asAdmin(request(t.http).post(`/api/v1/keys/${key.body.id}/rotate`));
    expect(ok.status).toBe(201);
    expect(ok.body.expiresAt).toBeNull();
    expect(ok.body.replaces.expiresAt).toBe(at(7 * DAY).toISOString());
  });

  it('keeps rotation and revocation to admins', async () => {
    const office = await keyFor(t, 'office');
    const res = await request(t.http)
      .post('/api/v1/keys/01890a5d-ac96-774b-bcce-b302099a8057/rotate')
      .set('Authorization', `Bearer ${office}`);
    expect(res.status).toBe(403);
  });
});

describe('revocation', () => {
  it('answers a revoked key with 401 key_revoked, also during a rotation grace period', async () => {
    const key = await asAdmin(request(t.http).post('/api/v1/keys')).send({ name: 'Leaked', role: 'office' });
    await asAdmin(request(t.http).post(`/api/v1/keys/${key.body.id}/rotate`)).send({ grace: '7d' });
    expect((await use(key.body.key)).status).toBe(200);
    clock.set(at(DAY));
    expect((await asAdmin(request(t.http).delete(`/api/v1/keys/${key.body.id}`))).status).toBe(204);
    const res = await use(key.body.key);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'key_revoked', revokedAt: at(DAY).toISOString() });
  });
});

describe('the key commands (npm run keys:*)', () => {
  it('create with --expires-in, list without secrets, rotate, revoke — and the service follows at once', async () => {
    const created = await cli('create', '--role', 'office', '--name', 'Städtepartnerschaftsverein', '--expires-in', '30d');
    expect(created.code).toBe(0);
    const secret = /\n(pl_[A-Za-z0-9_-]{43})\n/.exec(created.out)![1];
    const id = /id ([0-9a-f-]{36})/.exec(created.out)![1];
    expect(created.out).toContain(
      `stops working at ${at(30 * DAY)
        .toISOString()
        .replace('.000Z', 'Z')}`,
    );
    expect((await use(secret)).status).toBe(200);

    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(list.out.split('\n')[0]).toMatch(/^ID\s+ORGANISATION\s+ROLE\s+NAME\s+CREATED\s+LAST USED\s+EXPIRES\s+STATE$/);
    const row = list.out.split('\n').find((l) => l.startsWith(id))!;
    expect(row).toMatch(/default\s+office\s+"Städtepartnerschaftsverein"\s+2026-03-01T10:00:00Z\s+\S+\s+2026-03-31T10:00:00Z\s+active$/);
    const { rows } = await poolOf(t).query('SELECT key_hash FROM api_keys');
    for (const r of rows) expect(list.out).not.toContain(r.key_hash);
    expect(list.out).not.toContain(secret);
    expect(list.out).not.toMatch(/pl_/);
    const json = JSON.parse((await cli('list', '--json')).out);
    expect(json.keys.find((k: { id: string }) => k.id === id)).toMatchObject({ state: 'active', role: 'office' });

    const rotated = await cli('rotate', id, '--grace', '0d');
    expect(rotated.code).toBe(0);
    const newSecret = /\n(pl_[A-Za-z0-9_-]{43})\n/.exec(rotated.out)![1];
    const newId = /new key id ([0-9a-f-]{36})/.exec(rotated.out)![1];
    expect((await use(secret)).body.code).toBe('key_expired');
    expect((await use(newSecret)).status).toBe(200);
    expect((await cli('list')).out.split('\n').find((l) => l.startsWith(id))).toMatch(/rotated \(replaced by [0-9a-f-]{36}\)$/);

    const revoked = await cli('revoke', newId);
    expect(revoked).toMatchObject({
      code: 0,
      out: expect.stringContaining(`Revoked office key "Städtepartnerschaftsverein" (id ${newId})`),
    });
    expect((await use(newSecret)).body.code).toBe('key_revoked');
    expect((await cli('revoke', newId)).out).toContain('was already revoked');
    expect((await cli('list')).out.split('\n').find((l) => l.startsWith(newId))).toMatch(/revoked$/);
  });

  it('says what is wrong with exit code 2 for usage and 1 for an unknown key', async () => {
    const before = await keyCount();
    expect(await cli('create', '--name', 'No role')).toMatchObject({ code: 2, err: expect.stringContaining('usage: npm run keys:create') });
    expect(await cli('create', '--role', 'office', '--name', 'x', '--expires-in', 'forever')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--expires-in must be a duration'),
    });
    expect(await cli('create', '--role', 'office', '--name', 'tab\there')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--name must not contain control characters'),
    });
    expect(await cli('revoke')).toMatchObject({ code: 2, err: expect.stringContaining('usage: npm run keys:revoke') });
    expect(await cli('revoke', 'not-an-id')).toMatchObject({ code: 1, err: expect.stringContaining('There is no API key not-an-id') });
    expect(await cli('rotate', '01890a5d-ac96-774b-bcce-b302099a8057')).toMatchObject({ code: 1 });
    expect(await keyCount()).toBe(before);
  });
});
