// Rate limits through HTTP: failed authentications per address (429 before any key lookup), and
// both limits still holding while Redis is gone (the in-memory insurance limiter takes over).
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { freePort, startRedis, stopRedis } from '../support/redis-server.js';
import { keyFor } from './partnerships-helpers.js';

const PROBLEM = /^application\/problem\+json/;
const UNKNOWN_KEY = `Bearer pl_${'Z'.repeat(43)}`;

const get = (t: TestApp, authorization?: string) => {
  const r = request(t.http).get('/api/v1/keys');
  return authorization ? r.set('Authorization', authorization) : r;
};

function expect429(res: request.Response, code: string, limit: number) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(PROBLEM);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(res.headers['ratelimit-remaining']).toBe('0');
  expect(res.body).toMatchObject({ code, limit, retryAfterSeconds: retryAfter });
}

describe('repeated bad keys from one address', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_FAILURES_PER_MINUTE: '3' } });
    redis = new Redis(t.config.REDIS_URL);
  });
  afterAll(async () => {
    await redis?.quit();
    await t?.close();
  });

  it('answers 429 once the address has failed too often, even for a valid key, and keeps public routes open', async () => {
    const admin = await keyFor(t, 'admin');
    // A missing key is not a guess: it does not count.
    for (let i = 0; i < 5; i++) expect((await get(t)).body.code).toBe('missing_api_key');
    expect((await get(t, `Bearer ${admin}`)).status).toBe(200);

    expect((await get(t, UNKNOWN_KEY)).body.code).toBe('invalid_api_key');
    expect((await get(t, 'Basic dXNlcjpwYXNz')).body.code).toBe('invalid_authorization');
    expect((await get(t, 'Bearer hunter2')).body.code).toBe('invalid_api_key');
    // Counted in Redis under the service's prefix, so every instance shares the count.
    const counted = await redis.keys(`${t.config.REDIS_PREFIX}:authfail:*`);
    expect(counted).toHaveLength(1);
    expect(Number(await redis.get(counted[0]))).toBe(3);

    const blocked = await get(t, `Bearer ${admin}`);
    expect429(blocked, 'too_many_auth_failures', 3);
    expect(blocked.body.detail).toMatch(/invalid API key from this address/);
    expect429(await get(t, UNKNOWN_KEY), 'too_many_auth_failures', 3);

    expect((await request(t.http).get('/health')).status).toBe(200);
    expect((await request(t.http).get('/health/ready')).status).toBe(200);
  });
});

describe('limits while Redis is down', () => {
  let t: TestApp;
  let server: ChildProcess | undefined;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    server = await startRedis(port);
    t = await createTestApp({
      env: {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        RATE_LIMIT_PER_MINUTE: '4',
        AUTH_FAILURES_PER_MINUTE: '2',
        WORKERS_ENABLED: 'false',
        DIGEST_ENABLED: 'false',
      },
    });
  });
  afterAll(async () => {
    // Redis back first: queue clients close cleanly only with their server there.
    if (server && (server.exitCode !== null || server.signalCode !== null)) server = await startRedis(port);
    await t?.close();
    if (server) await stopRedis(server);
  });

  it('keeps limiting per key and per address with the in-memory insurance limiter', async () => {
    const before = await keyFor(t, 'admin', 'counted in redis');
    const admin = await keyFor(t, 'admin', 'counted in memory');
    const probe = new Redis(`redis://127.0.0.1:${port}`);
    try {
      expect((await get(t, `Bearer ${before}`)).status).toBe(200);
      expect(await probe.keys(`${t.config.REDIS_PREFIX}:ratelimit:*`)).toHaveLength(1);
    } finally {
      probe.disconnect();
    }

    await stopRedis(server!);
    expect((await request(t.http).get('/health/ready')).status).toBe(503);

    for (let i = 0; i < 4; i++) expect((await get(t, `Bearer ${admin}`)).status).toBe(200);
    expect429(await get(t, `Bearer ${admin}`), 'rate_limited', 4);

    expect((await get(t, UNKNOWN_KEY)).status).toBe(401);
    expect((await get(t, UNKNOWN_KEY)).status).toBe(401);
    expect429(await get(t, UNKNOWN_KEY), 'too_many_auth_failures', 2);
    expect429(await get(t, `Bearer ${before}`), 'too_many_auth_failures', 2);
  });
});
