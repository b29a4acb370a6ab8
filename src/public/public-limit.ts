// Requests per minute per address to the public pages (PUBLIC_RATE_LIMIT_PER_MINUTE), counted like
// the API's per-key limit: in memory, sent to Redis in batches, limiting from memory if Redis is gone.
// Its own counter, so readers of the public pages never use up an address's API allowance or the reverse.
import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext, type OnApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { BatchedLimit, limitHeaders, tooMany } from '../auth/rate-limits.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../shared/redis.js';

@Injectable()
export class PublicRateLimitGuard implements CanActivate, OnApplicationShutdown {
  private readonly limit: BatchedLimit;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.limit = new BatchedLimit(
      redis,
      `${config.REDIS_PREFIX}:publiclimit`,
      config.PUBLIC_RATE_LIMIT_PER_MINUTE,
      new Logger('PublicRateLimit'),
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const r = await this.limit.consume(`ip:${req.ip ?? 'unknown'}`);
    if (!r.allowed)
      throw tooMany('rate_limited', (s) => `This address may read ${r.limit} public pages per minute; wait ${s} s and retry.`, r);
    const res = context.switchToHttp().getResponse<Response>();
    for (const [k, v] of Object.entries(limitHeaders(r))) res.setHeader(k, v);
    return true;
  }

  async onApplicationShutdown() {
    this.limit.close();
    await this.limit.flush().catch(() => undefined);
  }
}
