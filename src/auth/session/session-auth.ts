// Authenticates a request by its session cookie, and defends cookie-authenticated writes against
// cross-site request forgery: the browser sends the cookie on its own, so the request must also
// prove it comes from our page (same-origin fetch metadata, our Origin, and the synchronizer token
// the page read from GET /api/v1/me, which another site cannot read).
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PG_POOL } from '../../event-store/event-store.module.js';
import { Clock } from '../../shared/clock.js';
import { ApiProblem } from '../../shared/problem.js';
import { cookieNames, readCookie, type CookieNames } from './cookies.js';
import { ROLES, type Role } from '../../shared/auth/roles.js';
import { csrfMatches, sweepExpired, touchSession, type Session, type SessionLifetimes } from './sessions.js';

const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const forbidden = (code: string, detail: string) => new ApiProblem(403, code, 'Forbidden', detail);

@Injectable()
export class SessionAuth {
  readonly names: CookieNames;
  readonly lifetimes: SessionLifetimes;
  private readonly origin: string;
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.names = cookieNames(config);
    this.lifetimes = { idleMs: config.SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000 };
    this.origin = new URL(config.PUBLIC_BASE_URL).origin;
  }

  /** The session cookie's value, if the request carries one. */
  cookie(req: Request): string | undefined {
    return readCookie(req, this.names.session);
  }

  /** The live session of the request's cookie; 401 when it is unknown or over, 403 for a forged write. */
  async authenticate(req: Request, secret: string): Promise<Session> {
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe) this.checkSameOrigin(req);
    const now = this.clock.now();
    const check = await touchSession(this.pool, secret, now, this.lifetimes);
    this.sweep(now);
    if (!check.ok) {
      throw new ApiProblem(
        401,
        check.reason === 'expired' ? 'session_expired' : 'invalid_session',
        'Unauthorized',
        check.reason === 'expired'
          ? 'Your session has ended; sign in again at /auth/login.'
          : 'This session is not known (signed out, or ended); sign in again at /auth/login.',
        undefined,
        { signIn: '/auth/login' },
      );
    }
    if (unsafe && !csrfMatches(req.headers[CSRF_HEADER], check.session.csrfToken)) {
      throw forbidden(
        'csrf_token_invalid',
        'A change made with a session cookie needs the X-CSRF-Token header the page gets from GET /api/v1/me; this request did not send the right one, so nothing was changed.',
      );
    }
    return check.session;
  }

  /**
   * The session acting for the organisation a request names (X-Organisation), with the person's
   * roles there; 403 when the person is no member of it. Without the header: the session's own.
   */
  async forOrganisation(session: Session, slug: string | undefined): Promise<Session> {
    if (slug === undefined || slug === session.organisationSlug) return session;
    const { rows } = await this.pool.query(
      `SELECT o.id, o.slug, m.roles FROM organisations o JOIN memberships m ON m.organisation_id = o.id AND m.person_id = $1
        WHERE o.slug = $2`,
      [session.personId, slug],
    );
    if (!rows[0])
      throw forbidden(
        'not_a_member',
        `You are not a member of an organisation "${slug.slice(0, 40)}"; GET /api/v1/me lists the organisations you act for.`,
      );
    const roles = (rows[0].roles as string[]).filter((x): x is Role => (ROLES as readonly string[]).includes(x));
    return { ...session, organisationId: rows[0].id, organisationSlug: rows[0].slug, roles };
  }

  /** Fetch metadata and Origin, where the browser sends them, must say "this site". */
  private checkSameOrigin(req: Request): void {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      throw forbidden(
        'csrf_cross_site',
        `A change made with a session cookie must come from this site's page (Sec-Fetch-Site: ${String(site)}); nothing was changed.`,
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== this.origin) {
      throw forbidden(
        'csrf_cross_site',
        "A change made with a session cookie must come from this site's page (the Origin differs); nothing was changed.",
      );
    }
  }

  /** Expired rows go at most once a minute, on the back of a request. */
  private sweep(now: Date): void {
    if (now.getTime() - this.lastSweep < 60_000) return;
    this.lastSweep = now.getTime();
    void sweepExpired(this.pool, now, this.lifetimes).catch(() => undefined);
  }
}
