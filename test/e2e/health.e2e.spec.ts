import request from 'supertest';
import { prepareInfrastructure } from '../../src/bootstrap.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { DependencyUnavailableError } from '../../src/config/database.js';
import { createApiKey } from '../../src/auth/api-keys.js';
import { createOrganisation } from '../../src/organisations/organisations.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { EXAMPLES } from '../support/examples.js';
import { initiate, newId, poolOf, post } from './partnerships-helpers.js';
import { TcpProxy } from '../support/tcp-proxy.js';

describe('readiness follows Postgres and Redis', () => {
  let t: TestApp;
  const pgProxy = new TcpProxy(5432);
  const redisProxy = new TcpProxy(6379);

  beforeAll(async () => {
    await pgProxy.start();
    await redisProxy.start();
    t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${redisProxy.port}` }, viaPostgresPort: pgProxy.port });
  });
  afterAll(async () => {
    // Bring the database back so the app can shut down cleanly, then take everything away.
    if (pgProxy.port && !pgUp) await pgProxy.start(pgPort);
    await t?.close();
    await pgProxy.stop();
    await redisProxy.stop();
  });
  let pgUp = true;
  let pgPort = 0;

  it('answers liveness and readiness with both up', async () => {
    await request(t.http).get('/health').expect(200);
    const res = await request(t.http).get('/health/ready');
    // Status and body together, so a failure says which dependency was reported down.
    expect({ status: res.status, details: res.body.details }).toMatchObject({
      status: 200,
      details: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('says 503 and which dependency is down when Redis goes away, and recovers', async () => {
    const port = redisProxy.port;
    await redisProxy.stop();
    const res = await request(t.http).get('/health/ready').expect(503);
    expect(res.body.details.redis.status).toBe('down');
    expect(res.body.details.postgres.status).toBe('up');
    await redisProxy.start(port);
    let ok = false;
    for (let i = 0; i < 60 && !ok; i++) {
      ok = (await request(t.http).get('/health/ready')).status === 200;
      if (!ok) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ok).toBe(true);
  });

  it('says 503 and names postgres as down when the database goes away, while liveness stays up', async () => {
    pgPort = pgProxy.port;
    await pgProxy.stop();
    pgUp = false;
    const res = await request(t.http).get('/health/ready').expect(503);
    // Without a key: which dependency, not why (the reason is for /health/ready/details).
    expect(res.body.details.postgres).toEqual({ status: 'down' });
    expect(res.body.detail).toMatch(/postgres/);
    await request(t.http).get('/health').expect(200);
  });
});

describe('startup and configuration errors are one clear message', () => {
  it('names the variable and the reason for malformed configuration', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT: .*"eighty"/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must be a URL starting with postgres:\/\//);
    }
  });

  it('uses the documented defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/partnership_ledger',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 3000,
      DB_MIGRATE_ON_START: true,
    });
  });

  it('says which dependency is unreachable, where, and how to start it', async () => {
    const closed = new TcpProxy(1);
    const port = await closed.start();
    await closed.stop(); // a port nobody listens on
    const config = loadConfig({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/partnership_ledger_test_unreachable` });
    const err = await prepareInfrastructure(config).then(
      () => null,
      (e) => e,
    );
    expect(err).toBeInstanceOf(DependencyUnavailableError);
    expect(err.message).toContain(`PostgreSQL is not reachable at postgres://postgres@127.0.0.1:${port}/postgres`);
    expect(err.message).toContain('docker compose up -d postgres redis');

    const redisDown = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      REDIS_URL: `redis://127.0.0.1:${port}`,
      DB_CREATE_IF_MISSING: 'false',
      DB_MIGRATE_ON_START: 'false',
    });
    const err2 = await prepareInfrastructure(redisDown).then(
      () => null,
      (e) => e,
    );
    expect(err2).toBeInstanceOf(DependencyUnavailableError);
    expect(err2.message).toContain(`Redis is not reachable at redis://127.0.0.1:${port}`);
  });
});

describe('metrics', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(async () => t?.close());

  it('exposes Prometheus metrics: HTTP by route, store position, projection lag, the read horizon', async () => {
    await request(t.http).get('/health').expect(200);
    const res = await request(t.http).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(
      /pl_http_request_duration_seconds_count\{method="GET",route="\/health",status="200",organisation="none"\} \d+/,
    );
    expect(res.text).toMatch(/pl_events_last_position \d+/);
    expect(res.text).toMatch(/pl_projection_lag_seconds\{projection="partnerships"\} [\d.]+/);
    expect(res.text).toMatch(/pl_projection_behind_events\{projection="partnerships"\} \d+/);
    expect(res.text).toMatch(/pl_oldest_transaction_age_seconds [\d.]+/);
    expect(res.text).toMatch(/pl_process_cpu_seconds_total/);
  });

  it('labels requests, commands and recorded events by organisation slug, never by partnership', async () => {
    const pool = poolOf(t);
    const other = await createOrganisation(pool, { slug: 'vinnytsia', name: 'Vinnytsia City Council' });
    const key = async (organisationId?: string) =>
      (await createApiKey(pool, { name: 'office', role: 'office', ...(organisationId ? { organisationId } : {}) })).key;
    const first = await key();
    const second = await key(other.id);
    const mine = await initiate(t, second, newId('metrics'));
    await initiate(t, first, newId('metrics'));
    // a command the handler refuses: the create of a new id under If-Match: * (412)
    expect(
      (await post(t, first, '/api/v1/partnerships', { ...EXAMPLES.initiate, partnershipId: newId() }, { 'If-Match': '*' })).status,
    ).toBe(412);
    const text = (await request(t.http).get('/metrics').expect(200)).text;
    const value = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
    expect(value(/pl_commands_total\{organisation="vinnytsia",outcome="recorded"\} (\d+)/)).toBe(1);
    expect(value(/pl_commands_total\{organisation="default",outcome="recorded"\} (\d+)/)).toBe(1);
    expect(value(/pl_commands_total\{organisation="default",outcome="refused"\} (\d+)/)).toBe(1);
    expect(value(/pl_events_recorded_total\{organisation="vinnytsia"\} (\d+)/)).toBe(1);
    expect(text).toMatch(
      /pl_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/partnerships",status="201",organisation="vinnytsia"\} 1/,
    );
    expect(text).not.toContain(mine);
  });
});
