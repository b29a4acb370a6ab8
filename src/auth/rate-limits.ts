// Rate limits, counted in Redis under the service's REDIS_PREFIX so every instance shares them.
// The per-key request limit counts in memory and sends its counts to Redis in batches (see
// BatchedLimit); the failed-authentication limit, rare and strict, asks Redis on every failure
// (rate-limiter-flexible). Both limit from memory while Redis is down or slow, never failing open.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RLWrapperTimeouts, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiProblem } from '../shared/problem.js';
import { REDIS } from '../shared/redis.js';
import { withTimeout } from '../shared/timeout.js';

const WINDOW_SECONDS = 60;
/** A Redis that accepts the connection but does not answer must not hold requests: insurance after this. */
const REDIS_TIMEOUT_MS = 500;

export interface LimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetMs: number;
}

/** One limit: `points` per minute per key, one Redis round trip per request. */
export class Limit {
  private readonly store: RateLimiterRedis;
  private readonly insurance: RateLimiterMemory;
  private readonly limiter: RLWrapperTimeouts;
  private warned = false;

  constructor(
    redis: Redis,
    keyPrefix: string,
    readonly points: number,
    private readonly logger: Logger,
  ) {
    this.insurance = new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
    this.store = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration: WINDOW_SECONDS,
      // Once a key has used up its minute, it is refused from memory for the rest of the window:
      // the flood that a limit is for costs no Redis round trip per request.
      inMemoryBlockOnConsumed: points,
      // A reconnecting client answers with the insurance at once instead of an error per request.
      rejectIfRedisNotReady: true,
      insuranceLimiter: this.insurance,
    });
    this.limiter = new RLWrapperTimeouts({ limiter: this.store, timeoutMs: REDIS_TIMEOUT_MS, insuranceLimiter: this.insurance });
  }

  async consume(key: string): Promise<LimitResult> {
    try {
      const res = await this.limiter.consume(key);
      this.recovered();
      return { allowed: true, limit: this.points, remaining: res.remainingPoints, resetMs: res.msBeforeNext };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { allowed: false, limit: this.points, remaining: 0, resetMs: err.msBeforeNext };
      // Both Redis and the in-memory limiter failed (not expected): let the request through, once said.
      if (!this.warned) this.logger.warn(`rate limit not enforced: ${(err as Error).message}`);
      this.warned = true;
      return { allowed: true, limit: this.points, remaining: this.points, resetMs: WINDOW_SECONDS * 1000 };
    }
  }

  /** Milliseconds the key is still blocked for, judged from memory alone (no Redis round trip). */
  async blockedMs(key: string): Promise<number> {
    // Present in the library (RateLimiterStoreAbstract), missing from its type declarations.
    const store = this.store as unknown as { getInMemoryBlockMsBeforeExpire(rlKey: string): number };
    const fromStore = store.getInMemoryBlockMsBeforeExpire(this.store.getKey(key));
    const held = await this.insurance.get(key).catch(() => null);
    const fromInsurance = held && held.consumedPoints >= this.points ? held.msBeforeNext : 0;
    return Math.max(fromStore, fromInsurance);
  }

  private recovered() {
    if (this.warned) this.logger.log('rate limit enforced again');
    this.warned = false;
  }
}

/**
 * Requests one instance may admit for a key before Redis has heard of them: with N instances a
 * limit is exceeded by at most about this many per instance. 2 % of the limit, 1 to 100.
 */
export function batchSize(points: number): number {
  return Math.max(1, Math.min(100, Math.floor(points / 50)));
}

/** How often counts go to Redis (one pipelined round trip for every key that had requests). */
const SYNC_MS = 100;
/** After Redis failed or timed out, requests stop waiting for it for this long (counts stay in memory). */
const OFFLINE_MS = 1000;
const WINDOW_MS = WINDOW_SECONDS * 1000;

// The same keys and window as rate-limiter-flexible's script (set on first use, then only counted),
// so instances of an older version running beside this one share the counts during a deploy.
const ADD_SCRIPT = `redis.call('set', KEYS[1], 0, 'PX', ARGV[2], 'NX')
local n = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl < 0 then redis.call('pexpire', KEYS[1], ARGV[2]) ttl = tonumber(ARGV[2]) end
return {n, ttl}`;
const ADD_COMMAND = 'plRateLimitAdd';
type AddCommand = (key: string, n: number, windowMs: number) => Promise<[number, number]>;

interface Window {
  /** Wall-clock end of the window: Redis's TTL, or local while Redis was out of reach. */
  endsAt: number;
  /** The count across instances, as Redis last answered (this instance's sent counts included). */
  shared: number;
  /** Admitted here, not sent yet. */
  pending: number;
  /** In the round trip under way. */
  sending: number;
  /** The window's first round trip, which the key's other requests wait for. */
  opening: Promise<void> | null;
}

const redisAnswer = <T>(p: Promise<T>): Promise<T> => withTimeout(p, REDIS_TIMEOUT_MS, 'Redis', (m) => new Error(m));

/**
 * `points` per minute per key, counted in memory and sent to Redis in batches: a request waits for
 * Redis only when it opens its key's window (so every instance shares the window and its count) or
 * when this instance already holds `batch` requests of that key Redis has not heard of. Alone, an
 * instance counts exactly; with others it may overshoot by up to `batch`. While Redis is down or slow
 * it keeps counting from memory (per instance) and sends the counts once Redis answers again.
 */
export class BatchedLimit {
  readonly batch: number;
  private readonly windows = new Map<string, Window>();
  /** Keys with pending counts. */
  private readonly dirty = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | null = null;
  private offlineUntil = 0;
  private warned = false;
  private ticks = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    readonly points: number,
    private readonly logger: Logger,
    syncMs = SYNC_MS,
  ) {
    this.batch = batchSize(points);
    if (!(ADD_COMMAND in redis)) redis.defineCommand(ADD_COMMAND, { numberOfKeys: 1, lua: ADD_SCRIPT });
    this.timer = setInterval(() => void this.flush(), syncMs);
    this.timer.unref();
  }

  async consume(key: string): Promise<LimitResult> {
    for (;;) {
      const w = this.windows.get(key);
      if (w?.opening) {
        await w.opening;
        continue;
      }
      const now = Date.now();
      if (!w || w.endsAt <= now) return this.open(key, now);
      const used = w.shared + w.sending + w.pending;
      if (used >= this.points) return { allowed: false, limit: this.points, remaining: 0, resetMs: w.endsAt - now };
      if (w.sending + w.pending >= this.batch && this.online(now)) {
        await this.flush();
        continue;
      }
      w.pending++;
      this.dirty.add(key);
      return { allowed: true, limit: this.points, remaining: this.points - used - 1, resetMs: w.endsAt - now };
    }
  }

  /** Sends the pending counts now (the timer does it every SYNC_MS). */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => (this.flushing = null));
    return this.flushing;
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** The first request of a key's window is counted in Redis before it is answered. */
  private async open(key: string, now: number): Promise<LimitResult> {
    const w: Window = { endsAt: now + WINDOW_MS, shared: 0, pending: 0, sending: 0, opening: null };
    this.windows.set(key, w);
    if (this.online(now)) {
      let opened!: () => void;
      w.opening = new Promise((r) => (opened = r));
      try {
        const [n, ttl] = await redisAnswer(this.add(this.redis, key, 1));
        w.shared = n;
        w.endsAt = Date.now() + ttl;
        this.recovered();
      } catch (err) {
        this.failed(err);
        w.pending = 1;
        this.dirty.add(key);
      } finally {
        w.opening = null;
        opened();
      }
    } else {
      w.pending = 1;
      this.dirty.add(key);
    }
    const used = w.shared + w.pending;
    const resetMs = Math.max(0, w.endsAt - Date.now());
    return used > this.points
      ? { allowed: false, limit: this.points, remaining: 0, resetMs }
      : { allowed: true, limit: this.points, remaining: this.points - used, resetMs };
  }

  private add(client: Redis | ReturnType<Redis['pipeline']>, key: string, n: number) {
    return (client as unknown as Record<string, AddCommand>)[ADD_COMMAND](`${this.keyPrefix}:${key}`, n, WINDOW_MS);
  }

  private online(now: number): boolean {
    return now >= this.offlineUntil && this.redis.status === 'ready';
  }

  private async send(): Promise<void> {
    const now = Date.now();
    if (++this.ticks % 10 === 0) this.sweep(now);
    if (!this.dirty.size || !this.online(now)) return;
    const batch: { key: string; w: Window; n: number }[] = [];
    for (const key of this.dirty) {
      const w = this.windows.get(key);
      // Counts of a window that has ended belong to no window any more.
      if (!w || w.endsAt <= now || w.pending === 0) continue;
      batch.push({ key, w, n: w.pending });
      w.sending += w.pending;
      w.pending = 0;
    }
    this.dirty.clear();
    if (!batch.length) return;
    const pipeline = this.redis.pipeline();
    for (const { key, n } of batch) void this.add(pipeline, key, n);
    let results: [Error | null, unknown][] | null = null;
    try {
      results = await redisAnswer(pipeline.exec());
      this.recovered();
    } catch (err) {
      this.failed(err);
    }
    const at = Date.now();
    batch.forEach(({ key, w, n }, i) => {
      w.sending -= n;
      const [err, res] = results?.[i] ?? [new Error('not sent'), null];
      if (err || !Array.isArray(res)) {
        // Kept and sent again later: counting twice is safer than not at all.
        w.pending += n;
        this.dirty.add(key);
      } else if (this.windows.get(key) === w) {
        w.shared = Number(res[0]);
        w.endsAt = at + Number(res[1]);
      }
    });
  }

  private sweep(now: number) {
    for (const [key, w] of this.windows) if (w.endsAt <= now && !w.opening && w.sending === 0) this.windows.delete(key);
  }

  private failed(err: unknown) {
    this.offlineUntil = Date.now() + OFFLINE_MS;
    if (!this.warned) this.logger.warn(`rate limit counted in memory only: ${(err as Error).message}`);
    this.warned = true;
  }

  private recovered() {
    if (this.warned) this.logger.log('rate limit counted in Redis again');
    this.warned = false;
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** RateLimit-* (IETF draft) headers, and Retry-After on a refusal. */
export function limitHeaders(r: LimitResult): Record<string, string> {
  const h: Record<string, string> = {
    'RateLimit-Limit': String(r.limit),
    'RateLimit-Remaining': String(Math.max(0, r.remaining)),
    'RateLimit-Reset': String(seconds(r.resetMs)),
  };
  if (!r.allowed) h['Retry-After'] = String(seconds(r.resetMs));
  return h;
}

export function tooMany(code: string, detail: (retryAfter: number) => string, r: LimitResult): ApiProblem {
  const retryAfter = seconds(r.resetMs);
  return new ApiProblem(
    429,
    code,
    'Too many requests',
    detail(retryAfter),
    undefined,
    { limit: r.limit, retryAfterSeconds: retryAfter },
    limitHeaders(r),
  );
}

/** The service's limits, built once on the shared Redis client. */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  /** Requests per minute per API key (per address for requests without one). */
  readonly requests: BatchedLimit;
  /** all of one organisation's keys and members together */
  readonly organisations: BatchedLimit;
  /** Failed authentications per minute per address: past it, the address is refused before any key lookup. */
  readonly authFailures: Limit;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.requests = new BatchedLimit(redis, `${config.REDIS_PREFIX}:ratelimit`, config.RATE_LIMIT_PER_MINUTE, this.logger);
    this.organisations = new BatchedLimit(
      redis,
      `${config.REDIS_PREFIX}:ratelimit-org`,
      config.RATE_LIMIT_PER_ORGANISATION_PER_MINUTE,
      this.logger,
    );
    this.authFailures = new Limit(redis, `${config.REDIS_PREFIX}:authfail`, config.AUTH_FAILURES_PER_MINUTE, this.logger);
  }

  async onApplicationShutdown() {
    this.requests.close();
    this.organisations.close();
    await Promise.all([this.requests.flush().catch(() => undefined), this.organisations.flush().catch(() => undefined)]);
  }
}
