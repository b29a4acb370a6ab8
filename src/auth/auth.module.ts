import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PartnershipAccessGuard } from '../organisations/partnership-access.guard.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { FeedsController } from './feeds.controller.js';
import { KeysController } from './keys.controller.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimits } from './rate-limits.js';
import { MeController } from './session/me.controller.js';
import { OidcClient } from './session/oidc.js';
import { SessionAuth } from './session/session-auth.js';
import { SignInController } from './session/sign-in.controller.js';

/**
 * Sign-in of people (OpenID Connect, server-side sessions, CSRF) and API-key authentication, roles, the per-key rate limit and the per-address limit on failed
 * authentications, applied to every route. Guard order matters: the key is resolved first so the
 * rate limit can count per key.
 */
@Module({
  controllers: [KeysController, FeedsController, SignInController, MeController],
  providers: [
    RateLimits,
    SessionAuth,
    OidcClient,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    // after the key: it needs the organisation the request acts for
    { provide: APP_GUARD, useClass: PartnershipAccessGuard },
  ],
  exports: [RateLimits],
})
export class AuthModule {}
