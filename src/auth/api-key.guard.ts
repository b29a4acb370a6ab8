import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type pg from 'pg';
import { databaseUnavailability } from '../event-store/availability.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { setActingOrganisation } from '../organisations/acting.js';
import { membershipsOf, type Membership } from '../organisations/organisations.js';
import { FEED_TOKEN_SCOPE } from '../shared/auth/feed-token.decorator.js';
import { ROLES_KEY, type Role } from '../shared/auth/roles.decorator.js';
import { Clock } from '../shared/clock.js';
import { ApiProblem } from '../shared/problem.js';
import { IS_PUBLIC } from '../shared/public.decorator.js';
import { checkKeyCached, touchKey, type ApiKey, type KeyCheck } from './api-keys.js';
import { checkFeedToken, touchFeedToken, type FeedCheck, type FeedScope, type FeedToken } from './feed-tokens.js';
import { RateLimits, tooMany, type LimitResult } from './rate-limits.js';
// The key, session or feed token is found by its secret before the organisation is known: system work.
import { asSystem } from '../shared/db-scope.js';
import { KEY_ONLY } from './session/key-only.js';
import { SessionAuth } from './session/session-auth.js';
import { primaryRole, type Session } from './session/sessions.js';

/** Who asks: a machine's API key, a calendar's feed token, or a person's session (never more than one). */
export type AuthenticatedRequest = Request & {
  apiKey?: ApiKey;
  feedToken?: FeedToken;
  personSession?: Session;
  /** A signed-in person's memberships in every organisation (GET /api/v1/me lists them to choose from). */
  personMemberships?: () => Promise<Membership[]>;
};

const REALM = 'Bearer realm="partnership-ledger"';
const INVALID_TOKEN = `${REALM}, error="invalid_token"`;

function unauthorized(code: string, detail: string, challenge = REALM, extensions: Record<string, unknown> = {}): ApiProblem {
  return new ApiProblem(401, code, 'Unauthorized', detail, undefined, extensions, { 'WWW-Authenticate': challenge });
}

/** The 401 for a key that was presented but may not be used: one code per reason. */
function refused(check: Extract<KeyCheck, { ok: false }>): ApiProblem {
  const k = check.key;
  if (!k || check.state === 'unknown') return unauthorized('invalid_api_key', 'The API key is unknown.', INVALID_TOKEN);
  if (check.state === 'revoked') {
    return unauthorized(
      'key_revoked',
      `This API key was revoked at ${k.revokedAt!.toISOString()}; ask an administrator for a new key.`,
      INVALID_TOKEN,
      {
        revokedAt: k.revokedAt,
      },
    );
  }
  const expiredAt = k.expiresAt!.toISOString();
  const detail =
    check.state === 'rotated'
      ? `This API key was replaced by rotation at ${k.rotatedAt!.toISOString()} and its grace period ended at ${expiredAt}; use the new key.`
      : `This API key expired at ${expiredAt}; ask an administrator for a new key.`;
  return unauthorized('key_expired', detail, `${INVALID_TOKEN}, error_description="The API key expired"`, { expiredAt });
}

/** The organisation a request asks to act for (`X-Organisation: <slug>`), if it names one. */
function organisationHeader(req: Request): string | undefined {
  const h = req.headers['x-organisation'];
  const v = Array.isArray(h) ? h[0] : h;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/**
 * Global guard: every route needs a valid key unless it is @Public(); @Roles() narrows who may call it.
 * An address that presented too many bad keys is refused with 429 before its key is even looked up.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RateLimits) private readonly limits: RateLimits,
    @Inject(SessionAuth) private readonly sessions: SessionAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const feedScope = this.reflector.getAllAndOverride<FeedScope | undefined>(FEED_TOKEN_SCOPE, targets);
    if (!header && feedScope && req.query?.token !== undefined) return this.feedToken(req, feedScope);
    // A Bearer key wins over a cookie: scripts carry no ambient credential, so they need no CSRF token.
    const sessionCookie = header ? undefined : this.sessions.cookie(req);
    if (sessionCookie !== undefined) return this.session(req, sessionCookie, targets);
    if (!header) throw unauthorized('missing_api_key', 'This route needs an API key: send it as "Authorization: Bearer <key>".');

    const address = `ip:${req.ip ?? 'unknown'}`;
    const blockedMs = await this.limits.authFailures.blockedMs(address);
    if (blockedMs > 0)
      throw this.tooManyFailures({ allowed: false, limit: this.limits.authFailures.points, remaining: 0, resetMs: blockedMs });

    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match) {
      await this.failed(address);
      throw unauthorized('invalid_authorization', 'The Authorization header must be "Bearer <key>".', `${REALM}, error="invalid_request"`);
    }
    let check: KeyCheck;
    try {
      check = await asSystem(() => checkKeyCached(this.pool, match[1], this.clock.now()));
    } catch (err) {
      this.logger.warn(`API key not checked: ${(err as Error).message}`);
      // Say which fault it is: a busy pool is not a database that is down.
      const u = databaseUnavailability(err);
      throw new ApiProblem(
        503,
        'auth_unavailable',
        'Service unavailable',
        `The API key cannot be checked right now (${u?.description ?? 'the database is unreachable'}); retry shortly.`,
        undefined,
        u ? { reason: u.reason } : {},
        {
          'Retry-After': String(u?.retryAfterSeconds ?? 5),
        },
      );
    }
    if (!check.ok) {
      await this.failed(address);
      throw refused(check);
    }

    const key = check.key;
    req.apiKey = key;
    // A key belongs to exactly one organisation: naming another is refused, not silently ignored.
    const asked = organisationHeader(req);
    if (asked !== undefined && asked !== key.organisationSlug)
      throw new ApiProblem(
        403,
        'organisation_not_allowed',
        'Forbidden',
        `This API key acts for the organisation "${key.organisationSlug}" only; leave out X-Organisation or send that slug.`,
      );
    setActingOrganisation(req, { id: key.organisationId, slug: key.organisationSlug });
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

  /** A person's request from the page: the session cookie (and, for changes, the CSRF token). */
  private async session(
    req: AuthenticatedRequest,
    secret: string,
    targets: Parameters<Reflector['getAllAndOverride']>[1],
  ): Promise<boolean> {
    let session: Session;
    try {
      session = await asSystem(() => this.sessions.authenticate(req, secret));
    } catch (err) {
      if (err instanceof ApiProblem) throw err;
      this.logger.warn(`session not checked: ${(err as Error).message}`);
      const u = databaseUnavailability(err);
      throw new ApiProblem(
        503,
        'auth_unavailable',
        'Service unavailable',
        'The session cannot be checked right now; retry shortly.',
        undefined,
        u ? { reason: u.reason } : {},
        {
          'Retry-After': String(u?.retryAfterSeconds ?? 5),
        },
      );
    }
    session = await asSystem(() => this.sessions.forOrganisation(session, organisationHeader(req)));
    req.personSession = session;
    // Row-level security shows a request its acting organisation's rows only; the person's own
    // memberships elsewhere are read as system work, by their person id, when a route asks.
    const personId = session.personId;
    req.personMemberships = () => asSystem(() => membershipsOf(this.pool, personId));
    setActingOrganisation(req, { id: session.organisationId, slug: session.organisationSlug });
    if (this.reflector.getAllAndOverride<boolean>(KEY_ONLY, targets)) {
      throw new ApiProblem(
        403,
        'api_key_required',
        'Forbidden',
        'This route is for API keys (scripts and integrations); a signed-in session cannot use it.',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !session.roles.some((r) => roles.includes(r))) {
      const role = primaryRole(session.roles);
      throw new ApiProblem(
        403,
        'role_not_allowed',
        'Forbidden',
        `This route needs the role ${roles.join(' or ')}; you have the role ${session.roles.join(', ') || 'none'}.`,
        undefined,
        { requiredRoles: roles, role },
      );
    }
    return true;
  }

  /** A calendar app's request: the subscription token in the URL stands in for the key. */
  private async feedToken(req: AuthenticatedRequest, scope: FeedScope): Promise<boolean> {
    const address = `ip:${req.ip ?? 'unknown'}`;
    const blockedMs = await this.limits.authFailures.blockedMs(address);
    if (blockedMs > 0)
      throw this.tooManyFailures({ allowed: false, limit: this.limits.authFailures.points, remaining: 0, resetMs: blockedMs });
    const presented = req.query.token;
    let check: FeedCheck;
    try {
      check =
        typeof presented === 'string'
          ? await asSystem(() => checkFeedToken(this.pool, presented, scope))
          : { ok: false, reason: 'unknown', feed: null };
    } catch (err) {
      this.logger.warn(`feed token not checked: ${(err as Error).message}`);
      throw new ApiProblem(
        503,
        'auth_unavailable',
        'Service unavailable',
        'The token cannot be checked right now; retry shortly.',
        undefined,
        {},
        {
          'Retry-After': '5',
        },
      );
    }
    if (!check.ok) {
      await this.failed(address);
      if (check.reason === 'unknown') throw unauthorized('invalid_feed_token', 'The subscription token is unknown.', INVALID_TOKEN);
      const why =
        check.reason === 'revoked' ? 'This subscription token was revoked' : 'The API key that created this subscription token was revoked';
      throw unauthorized('feed_token_revoked', `${why} at ${check.revokedAt!.toISOString()}; create a new subscription.`, INVALID_TOKEN, {
        revokedAt: check.revokedAt,
      });
    }
    req.feedToken = check.feed;
    setActingOrganisation(req, { id: check.feed.organisationId, slug: check.feed.organisationSlug });
    void touchFeedToken(this.pool, check.feed.id).catch(() => undefined); // bookkeeping must never fail a request
    return true;
  }

  /** Counts a failed authentication; past the limit the answer is 429 instead of 401. */
  private async failed(address: string): Promise<void> {
    const r = await this.limits.authFailures.consume(address);
    if (!r.allowed) throw this.tooManyFailures(r);
  }

  private tooManyFailures(r: LimitResult): ApiProblem {
    return tooMany(
      'too_many_auth_failures',
      (s) => `Too many requests with an invalid API key from this address (at most ${r.limit} a minute); wait ${s} s and retry.`,
      r,
    );
  }
}
