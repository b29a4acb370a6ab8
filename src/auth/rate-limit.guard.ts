// Per-key rate limit (BatchedLimit in rate-limits.ts). @nestjs/throttler is not used:
// it is CommonJS requiring the ESM-only Nest 12, which Jest's ESM mode on Node 20 cannot load.
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { actingOrganisation } from '../organisations/acting.js';
import { IS_PUBLIC } from '../shared/public.decorator.js';
import type { AuthenticatedRequest } from './api-key.guard.js';
import { RateLimits, limitHeaders, tooMany } from './rate-limits.js';

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimits) private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    // Health checks and other public routes must keep answering under load.
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    // Per key, so one busy client behind a shared NAT cannot starve the others; by IP only without a key.
    const tracker = req.apiKey ? `key:${req.apiKey.id}` : req.personSession ? req.personSession.actorId : `ip:${req.ip ?? 'unknown'}`;
    const r = await this.limits.requests.consume(tracker);
    if (!r.allowed) {
      const who = req.apiKey ? 'This API key' : req.personSession ? 'You' : 'This address';
      throw tooMany('rate_limited', (s) => `${who} may make ${r.limit} requests per minute; wait ${s} s and retry.`, r);
    }
    // Per organisation as well, for requests that act for one (keys and sessions).
    if (req.apiKey || req.personSession) {
      const o = await this.limits.organisations.consume(`org:${actingOrganisation(req).id}`);
      if (!o.allowed)
        throw tooMany(
          'organisation_rate_limited',
          (s) => `Your organisation may make ${o.limit} requests per minute; wait ${s} s and retry.`,
          o,
        );
    }
    for (const [k, v] of Object.entries(limitHeaders(r))) res.setHeader(k, v);
    return true;
  }
}
