// Readiness without a key says up/down per dependency and nothing else; an admin key on
// /health/ready/details sees the details, and those only for this service's own database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { initiate, keyFor } from './partnerships-helpers.js';

const onlyStatuses = (section: Record<string, unknown>) =>
  Object.values(section).every((v) => JSON.stringify(Object.keys(v as object)) === '["status"]');

/** A transaction that has an xid and stays open, its SQL text carrying a marker. */
async function holdTransaction(url: string, marker: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT txid_current(), '${marker}' AS marker`);
  return client;
}

async function release(client: pg.Client | undefined) {
  if (!client) return;
  await client.query('ROLLBACK').catch(() => undefined);
  await client.end().catch(() => undefined);
}

describe('readiness details: who may see them and what they cover', () => {
  let t: TestApp;
  let other: TestDatabase;
  let admin: string;
  let office: string;
  beforeAll(async () => {
    t = await createTestApp();
    other = await createTestDatabase({ migrate: false });
    admin = await keyFor(t, 'admin');
    office = await keyFor(t, 'office');
  });
  afterAll(async () => {
    await t?.close();
    await other?.drop();
  });

  it('shows the blocking transaction of its own database to an admin only, and never SQL from another database', async () => {
    const elsewhere = `other-database-secret-${randomBytes(4).toString('hex')}`;
    const ours = `own-database-marker-${randomBytes(4).toString('hex')}`;
    let otherTx: pg.Client | undefined;
    let ownTx: pg.Client | undefined;
    try {
      // The other database's transaction is the older one: an unfiltered query would name it.
      otherTx = await holdTransaction(other.url, elsewhere);
      ownTx = await holdTransaction(t.db.url, ours);
      // An event committed after both cannot be projected while they are open: the projection is behind.
      await initiate(t, office);

      const open = await request(t.http).get('/health/ready');
      expect(open.status).toBe(200);
      expect(open.body.status).toBe('ok');
      expect(Object.keys(open.body.details)).toEqual(expect.arrayContaining(['postgres', 'redis', 'projections']));
      expect(onlyStatuses(open.body.details)).toBe(true);
      expect(onlyStatuses(open.body.info)).toBe(true);
      expect(JSON.stringify(open.body)).not.toMatch(/pid|query|SELECT|marker|secret|behind|lag/i);

      const details = await request(t.http).get('/health/ready/details').set('Authorization', `Bearer ${admin}`);
      expect(details.status).toBe(200);
      expect(details.body.details.projections.partnerships.behind).toBeGreaterThan(0);
      expect(details.body.details.projections.oldestTransaction).toMatchObject({
        pid: expect.any(Number),
        query: expect.stringContaining(ours),
      });
      expect(JSON.stringify(details.body)).not.toContain(elsewhere);
    } finally {
      await release(ownTx);
      await release(otherTx);
    }
  });

  it('keeps the details to admins: 401 without a key, 403 with another role', async () => {
    const none = await request(t.http).get('/health/ready/details');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('missing_api_key');
    const wrongRole = await request(t.http).get('/health/ready/details').set('Authorization', `Bearer ${office}`);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body).toMatchObject({ code: 'role_not_allowed', requiredRoles: ['admin'] });
  });
});

describe('readiness with a dependency down', () => {
  let t: TestApp;
  let admin: string;
  const redisProxy = new TcpProxy(6379);
  let port = 0;
  let down = false;
  beforeAll(async () => {
    port = await redisProxy.start();
    t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}`, WORKERS_ENABLED: 'false', DIGEST_ENABLED: 'false' } });
    admin = await keyFor(t, 'admin');
  });
  afterAll(async () => {
    // Redis back first: queue clients close cleanly only with their server there.
    if (down) await redisProxy.start(port);
    await t?.close();
    await redisProxy.stop();
  });

  it('says only "redis down" without a key, and why with an admin key; both 503', async () => {
    await redisProxy.stop();
    down = true;
    const open = await request(t.http).get('/health/ready');
    expect(open.status).toBe(503);
    expect(open.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(open.body).toMatchObject({ code: 'not_ready', details: { redis: { status: 'down' }, postgres: { status: 'up' } } });
    expect(open.body.details.redis).toEqual({ status: 'down' });
    expect(onlyStatuses(open.body.details)).toBe(true);
    expect(onlyStatuses(open.body.error)).toBe(true);
    expect(JSON.stringify(open.body)).not.toMatch(/not reachable|ECONNREFUSED|Connection is closed|message/);

    const details = await request(t.http).get('/health/ready/details').set('Authorization', `Bearer ${admin}`);
    expect(details.status).toBe(503);
    expect(details.body.details.redis).toMatchObject({ status: 'down', message: expect.stringMatching(/Redis is not reachable/) });
  });
});
