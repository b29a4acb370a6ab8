// Rate limits on rate-limiter-flexible: counted in Redis (shared by every instance, keys under the
// service's REDIS_PREFIX), with an in-memory insurance limiter that takes over while Redis is down
// or slow, so limits hold per instance during an outage instead of failing open.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RLWrapperTimeouts, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ApiProblem } from '../shared/problem.js';
import { REDIS } from '../shared/redis.js';

const WINDOW_SECONDS = 60;
/** A Redis that accepts the connection but does not answer must not hold requests: insurance after this. */
const REDIS_TIMEOUT_MS = 500;

export interface LimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetMs: number;
}

/** One limit: `points` per minute per key. */
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

export const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

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
export class RateLimits {
  private readonly logger = new Logger('RateLimit');
  /** Requests per minute per API key (per address for requests without one). */
  readonly requests: Limit;
  /** Failed authentications per minute per address: past it, the address is refused before any key lookup. */
  readonly authFailures: Limit;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.requests = new Limit(redis, `${config.REDIS_PREFIX}:ratelimit`, config.RATE_LIMIT_PER_MINUTE, this.logger);
    this.authFailures = new Limit(redis, `${config.REDIS_PREFIX}:authfail`, config.AUTH_FAILURES_PER_MINUTE, this.logger);
  }
}
