// Sign-in through the city's OpenID Provider (authorization code flow with PKCE, state and nonce),
// sign-out, and what the page needs to know before anyone is signed in.
import { Controller, Get, Header, HttpCode, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { databaseUnavailability } from '../../event-store/availability.js';
import { PG_POOL } from '../../event-store/event-store.module.js';
import { withTransaction } from '../../event-store/transaction.js';
import { asSystem } from '../../shared/db-scope.js';
import { upsertPerson } from '../../people/people.js';
import { Clock } from '../../shared/clock.js';
import { ApiProblem } from '../../shared/problem.js';
import { Public } from '../../shared/public.decorator.js';
import type { AuthenticatedRequest } from '../api-key.guard.js';
import { RateLimits, tooMany } from '../rate-limits.js';
import { clearCookie, readCookie, safeReturnTo, setCookie } from './cookies.js';
import { noAccessPage } from './no-access.js';
import { OidcClient, SignInRejected } from './oidc.js';
import { SessionAuth } from './session-auth.js';
import { createSession, endSession, saveAttempt, takeAttempt } from './sessions.js';
import { membershipAtSignIn } from '../../organisations/sign-in.js';

const ATTEMPT_MS = 600_000;

const badRequest = (code: string, detail: string, field?: string) =>
  new ApiProblem(400, code, 'Bad request', detail, field ? [{ field, reason: detail }] : undefined);

// Browser redirects, not API calls: they stay out of the OpenAPI document (and the fuzz run).
@ApiExcludeController()
@Controller('auth')
export class SignInController {
  private readonly logger = new Logger('SignIn');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(SessionAuth) private readonly sessions: SessionAuth,
    @Inject(RateLimits) private readonly limits: RateLimits,
  ) {}

  /** How the page signs people in: through the IdP, or (development only) with a key. */
  @Public()
  @Get('options')
  @Header('Cache-Control', 'no-store')
  options() {
    const oidc = this.oidc.enabled;
    return { signIn: oidc ? 'oidc' : 'key', keySignIn: !oidc && this.config.KEY_SIGN_IN, loginUrl: oidc ? '/auth/login' : null };
  }

  @Public()
  @Get('login')
  @Header('Cache-Control', 'no-store')
  async login(@Query('returnTo') returnTo: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Each call stores an attempt row: counted per address like any request without a key.
    const r = await this.limits.requests.consume(`ip:${req.ip ?? 'unknown'}`);
    if (!r.allowed) throw tooMany('rate_limited', (s) => `Too many sign-ins from this address; wait ${s} s and retry.`, r);
    if (!this.oidc.enabled)
      throw new ApiProblem(
        404,
        'sign_in_not_configured',
        'Not found',
        'No identity provider is configured (OIDC_ISSUER); sign in with an API key.',
      );
    const target = safeReturnTo(returnTo, this.config.PUBLIC_BASE_URL);
    if (target === null) throw badRequest('invalid_return_to', 'must be a path on this site, such as /#/dortmund-zhytomyr', 'returnTo');
    const { url, attempt } = await this.idp(() => this.oidc.begin(target));
    const secret = await saveAttempt(this.pool, attempt, this.clock.now());
    setCookie(res, this.sessions.names, this.sessions.names.attempt, secret, ATTEMPT_MS);
    res.redirect(302, url.href);
  }

  @Public()
  @Get('callback')
  @Header('Cache-Control', 'no-store')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new ApiProblem(404, 'sign_in_not_configured', 'Not found', 'No identity provider is configured.');
    const names = this.sessions.names;
    const attemptSecret = readCookie(req, names.attempt);
    clearCookie(res, names, names.attempt);
    // One use: a replayed callback (same code, same cookie) finds no attempt any more.
    const attempt = attemptSecret ? await takeAttempt(this.pool, attemptSecret, this.clock.now()) : null;
    if (!attempt)
      throw badRequest(
        'sign_in_expired',
        'This sign-in was not started here, was already used, or took longer than ten minutes; start again at /auth/login.',
      );
    if (typeof req.query.error === 'string') {
      throw badRequest('sign_in_refused', `The identity provider refused the sign-in (${req.query.error.slice(0, 100)}).`);
    }
    const callbackUrl = new URL(req.originalUrl, this.config.PUBLIC_BASE_URL);
    let who;
    try {
      who = await this.idp(() => this.oidc.finish(callbackUrl, attempt));
    } catch (err) {
      if (!(err instanceof SignInRejected)) throw err;
      this.logger.warn(`sign-in rejected: ${err.message}`);
      throw badRequest(
        'sign_in_failed',
        `The identity provider's answer could not be accepted (${err.message}); start again at /auth/login.`,
      );
    }
    // A new session id at every sign-in (never the one the browser had before), and the old one ends.
    const previous = this.sessions.cookie(req);
    const now = this.clock.now();
    const noMembership = new Error('no membership');
    // The person, its memberships and its new session, before any organisation acts: system work.
    const session = await asSystem(() =>
      withTransaction(this.pool, async (tx) => {
        const person = await upsertPerson(tx, who, now);
        // Roles come from memberships; the IdP's mapped roles are the instance organisation's.
        const membership = await membershipAtSignIn(tx, person, who.roles);
        // Nobody without an organisation is kept: rolled back, person row and all.
        if (!membership) throw noMembership;
        if (previous) await endSession(tx, previous);
        return createSession(
          tx,
          { personId: person.id, roles: membership.roles, idToken: who.idToken, organisationId: membership.organisationId },
          now,
          this.sessions.lifetimes,
        );
      }).catch((err: unknown) => {
        if (err === noMembership) return null;
        throw err;
      }),
    );
    if (!session) {
      this.logger.log(`sign-in without a mapped role or membership (groups: ${who.groups.join(', ') || 'none'})`);
      res.status(403).type('html').setHeader('Cache-Control', 'no-store');
      res.send(noAccessPage(who.displayName, this.config.OIDC_ACCESS_CONTACT));
      return;
    }
    setCookie(res, names, names.session, session.secret, this.sessions.lifetimes.absoluteMs);
    res.redirect(303, attempt.returnTo);
  }

  /** Ends the session here; answers where to go next (the IdP's logout when it offers one). */
  @Post('logout')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const secret = this.sessions.cookie(req);
    const ended = secret && req.personSession ? await endSession(this.pool, secret) : { ended: false, idToken: null };
    clearCookie(res, this.sessions.names, this.sessions.names.session);
    const idp = await this.oidc.endSessionUrl(ended.idToken);
    return { signedOut: ended.ended, redirectTo: idp ?? '/' };
  }

  /** Calls the IdP; when it cannot be reached the answer is 503, as for any dependency. */
  private async idp<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof SignInRejected || err instanceof ApiProblem || databaseUnavailability(err)) throw err;
      this.logger.warn(`identity provider not reachable: ${(err as Error).message}`);
      throw new ApiProblem(
        503,
        'identity_provider_unavailable',
        'Service unavailable',
        'The identity provider cannot be reached right now; retry shortly.',
        undefined,
        {},
        {
          'Retry-After': '10',
        },
      );
    }
  }
}
