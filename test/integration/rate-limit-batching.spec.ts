// The per-key request limit counts in memory and sends its counts to Redis in batches: alone an
// instance stops exactly at the limit, instances sharing Redis overshoot by at most one batch each,
// the counts reach Redis, and with Redis out of reach the limit still holds from memory.
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { BatchedLimit, batchSize } from '../../src/auth/rate-limits.js';
import { createRedis } from '../../src/shared/redis.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = new Logger('RateLimitTest');

async function client(url = REDIS_URL): Promise<Redis> {
  const r = createRedis(url);
  r.on('error', () => undefined);
  await r.connect().catch(() => undefined);
  return r;
}

describe('BatchedLimit', () => {
  const clients: Redis[] = [];
  const limits: BatchedLimit[] = [];
  let prefix: string;
  let probe: Redis;

  const limit = async (points: number, url = REDIS_URL) => {
    const r = await client(url);
    clients.push(r);
    const l = new BatchedLimit(r, prefix, points, logger);
    limits.push(l);
    return l;
  };

  beforeEach(() => {
    prefix = `pl_test_rl_${process.pid}_${randomBytes(3).toString('hex')}`;
  });
  beforeAll(async () => {
    probe = await client();
  });
  afterAll(async () => {
    for (const l of limits) l.close();
    for (const r of [...clients, probe]) r.disconnect();
  });

  it('sizes a batch at 2 % of the limit, at least 1 and at most 100', () => {
    expect(batchSize(5)).toBe(1);
    expect(batchSize(600)).toBe(12);
    expect(batchSize(100_000_000)).toBe(100);
  });

  it('admits exactly the limit on one instance, then refuses with the window still running', async () => {
    const l = await limit(120); // batch 2: some requests wait for a flush, most do not
    const results = [];
    for (let i = 0; i < 125; i++) results.push(await l.consume('key:a'));
    expect(results.filter((r) => r.allowed)).toHaveLength(120);
    expect(results.slice(0, 120).every((r) => r.allowed)).toBe(true);
    expect(results[119].remaining).toBe(0);
    const refused = results[120];
    expect(refused).toMatchObject({ allowed: false, limit: 120, remaining: 0 });
    expect(refused.resetMs).toBeGreaterThan(0);
    expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    // Another key has its own count.
    expect((await l.consume('key:b')).allowed).toBe(true);
  });

  it('sends the counts to Redis, with the window as its expiry', async () => {
    const l = await limit(600);
    for (let i = 0; i < 30; i++) await l.consume('key:a');
    await l.flush();
    expect(Number(await probe.get(`${prefix}:key:a`))).toBe(30);
    const ttl = await probe.pttl(`${prefix}:key:a`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('keeps instances sharing Redis within one batch each of the limit, even when they race', async () => {
    const points = 500;
    const a = await limit(points);
    const b = await limit(points);
    const c = await limit(points);
    const attempts = Array.from({ length: 900 }, (_, i) => [a, b, c][i % 3].consume('key:shared'));
    const admitted = (await Promise.all(attempts)).filter((r) => r.allowed).length;
    expect(admitted).toBeGreaterThanOrEqual(points);
    expect(admitted).toBeLessThanOrEqual(points + 3 * batchSize(points));
    // A fresh instance sees the shared count at once: the window is used up for it too.
    const late = await limit(points);
    await Promise.all([a.flush(), b.flush(), c.flush()]);
    expect((await late.consume('key:shared')).allowed).toBe(false);
  });

  it('still limits from memory while Redis is out of reach, and answers without waiting for it', async () => {
    const l = await limit(4, 'redis://127.0.0.1:1'); // nothing listens there
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await l.consume('key:a'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, false, false]);
    expect(results[4]).toMatchObject({ limit: 4, remaining: 0 });
  });
});
