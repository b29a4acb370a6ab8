import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard.js';
import { KeysController } from './keys.controller.js';
import { RateLimitGuard } from './rate-limit.guard.js';

/**
 * API-key authentication, roles and the per-key rate limit, applied to every route.
 * Guard order matters: the key is resolved first so the rate limit can count per key.
 */
@Module({
  controllers: [KeysController],
  providers: [
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class AuthModule {}
