import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type pg from 'pg';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ROLES_KEY, type Role } from '../shared/auth/roles.decorator.js';
import { ApiProblem } from '../shared/problem.js';
import { IS_PUBLIC } from '../shared/public.decorator.js';
import { findActiveKeyCached, touchKey, type ApiKey } from './api-keys.js';

export type AuthenticatedRequest = Request & { apiKey?: ApiKey };

const REALM = 'Bearer realm="partnership-ledger"';

function unauthorized(code: string, detail: string, challenge = REALM): ApiProblem {
  return new ApiProblem(401, code, 'Unauthorized', detail, undefined, {}, { 'WWW-Authenticate': challenge });
}

/** Global guard: every route needs a valid key unless it is @Public(); @Roles() narrows who may call it. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    if (!header) throw unauthorized('missing_api_key', 'This route needs an API key: send it as "Authorization: Bearer <key>".');
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match) {
      throw unauthorized('invalid_authorization', 'The Authorization header must be "Bearer <key>".', `${REALM}, error="invalid_request"`);
    }
    const key = await findActiveKeyCached(this.pool, match[1]);
    if (!key) throw unauthorized('invalid_api_key', 'The API key is unknown or has been revoked.', `${REALM}, error="invalid_token"`);

    req.apiKey = key;
    void touchKey(this.pool, key.id).catch(() => undefined); // bookkeeping must never fail a request

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(key.role)) {
      throw new ApiProblem(
        403,
        'role_not_allowed',
        'Forbidden',
        `This route needs a key with the role ${roles.join(' or ')}; the key "${key.name}" has the role ${key.role}.`,
        undefined,
        { requiredRoles: roles, role: key.role },
      );
    }
    return true;
  }
}
