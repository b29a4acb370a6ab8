// Per-key rate limit: a fixed one-minute window counted in Redis, so every instance of the service
// shares the count. Written here rather than with @nestjs/throttler because that package is CommonJS
// requiring the ESM-only Nest 12, which Jest's ESM mode on Node 20 cannot load.
import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Clock } from '../shared/clock.js';
import { ApiProblem } from '../shared/problem.js';
import { IS_PUBLIC } from '../shared/public.decorator.js';
import { REDIS } from '../shared/redis.js';
import type { AuthenticatedRequest } from './api-key.guard.js';

const WINDOW_MS = 60_000;

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private warned = false;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    // Health checks and other public routes must keep answering under load.
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    // Per key, so one busy client behind a shared NAT cannot starve the others; by IP only without a key.
    const tracker = req.apiKey ? `key:${req.apiKey.id}` : `ip:${req.ip ?? 'unknown'}`;
    const limit = this.config.RATE_LIMIT_PER_MINUTE;
    const now = this.clock.now().getTime();
    const window = Math.floor(now / WINDOW_MS);
    const resetInMs = (window + 1) * WINDOW_MS - now;

    let hits: number;
    try {
      const key = `${this.config.REDIS_PREFIX}:ratelimit:${tracker}:${window}`;
      const [[, count]] = (await this.redis
        .multi()
        .incr(key)
        .pexpire(key, WINDOW_MS * 2)
        .exec()) as [[unknown, number], unknown];
      hits = Number(count);
    } catch (err) {
      // Fail open: an unreachable Redis must not take the API down with it (readiness reports Redis).
      if (!this.warned) this.logger.warn(`rate limit not enforced: ${(err as Error).message}`);
      this.warned = true;
      return true;
    }
    this.warned = false;

    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - hits)));
    res.setHeader('RateLimit-Reset', String(Math.ceil(resetInMs / 1000)));
    if (hits > limit) {
      const retryAfter = String(Math.max(1, Math.ceil(resetInMs / 1000)));
      throw new ApiProblem(
        429,
        'rate_limited',
        'Too many requests',
        `This API key may make ${limit} requests per minute; wait ${retryAfter} s and retry.`,
        undefined,
        { limit, retryAfterSeconds: Number(retryAfter) },
        { 'Retry-After': retryAfter },
      );
    }
    return true;
  }
}
