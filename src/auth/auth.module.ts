import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard.js';
import { FeedsController } from './feeds.controller.js';
import { KeysController } from './keys.controller.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimits } from './rate-limits.js';

/**
 * API-key authentication, roles, the per-key rate limit and the per-address limit on failed
 * authentications, applied to every route. Guard order matters: the key is resolved first so the
 * rate limit can count per key.
 */
@Module({
  controllers: [KeysController, FeedsController],
  providers: [RateLimits, { provide: APP_GUARD, useClass: ApiKeyGuard }, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [RateLimits],
})
export class AuthModule {}
