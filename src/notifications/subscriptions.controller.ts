// A person's subscriptions (the page's settings, or a script acting with the person's session) and
// the one-click unsubscribe link of every mail (RFC 8058), which works without signing in.
import { setScopeOrganisations } from '../shared/db-scope.js';
import { Body, Controller, Get, Header, HttpCode, Inject, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { actingOrganisation } from '../organisations/acting.js';
import { Clock } from '../shared/clock.js';
import { GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import { Public } from '../shared/public.decorator.js';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { parseBody, subscriptionBody } from './body.js';
import { NotificationWorker } from './notification-worker.js';
import { SubscriptionView } from './notifications.schemas.js';
import { readSubscription, saveSubscription, unsubscribe, type Subscription } from './subscriptions.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

const view = (s: Subscription, mailEnabled: boolean): SubscriptionView => ({
  partnerships: s.partnerships,
  kinds: s.kinds,
  deadlines: s.deadlines,
  digest: s.digest,
  language: s.language,
  active: s.active,
  unsubscribedAt: s.unsubscribedAt?.toISOString() ?? null,
  mailEnabled,
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

@ApiTags('notifications')
@Controller('api/v1')
export class SubscriptionsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NotificationWorker) private readonly worker: NotificationWorker,
  ) {}

  private person(req: AuthenticatedRequest): string {
    const s = req.personSession;
    if (!s) {
      throw new ApiProblem(
        403,
        'person_required',
        'Forbidden',
        'Subscriptions belong to a person: sign in on the page (an API key has no mailbox).',
      );
    }
    return s.personId;
  }

  @Get('me/subscriptions')
  @ApiOperation({ summary: "The signed-in person's subscriptions in the acting organisation" })
  @ApiOkResponse({ type: SubscriptionView })
  @GuardedRoutes()
  @Header('Cache-Control', 'no-store')
  async get(@Req() req: AuthenticatedRequest): Promise<SubscriptionView> {
    const person = this.person(req);
    return view(await readSubscription(this.pool, actingOrganisation(req).id, person), this.worker.mail.enabled);
  }

  @Put('me/subscriptions')
  @ApiOperation({ summary: 'Sets the subscriptions (and subscribes again after an unsubscribe)' })
  @ApiBody({ type: SubscriptionView })
  @ApiOkResponse({ type: SubscriptionView })
  @GuardedRoutes()
  @ProblemResponses({ 400: 'a field is missing or wrong (validation_failed), each named in errors' })
  async put(@Req() req: AuthenticatedRequest, @Body() body: unknown): Promise<SubscriptionView> {
    const person = this.person(req);
    const input = parseBody(subscriptionBody, body);
    const saved = await saveSubscription(this.pool, actingOrganisation(req).id, person, input, this.clock.now());
    return view(saved, this.worker.mail.enabled);
  }

  private token(token: unknown) {
    const who = readUnsubscribeToken(this.config.CURSOR_SECRET, token);
    if (!who) throw validationProblem([{ field: 'token', reason: 'is not an unsubscribe link this service sent (it may be cut short)' }]);
    return who;
  }

  @Get('unsubscribe')
  @Public()
  @ApiOperation({ summary: "The page behind a mail's unsubscribe link: one button, so link scanners unsubscribe nobody" })
  @ApiOkResponse({
    description: 'a page with one button that posts the one-click unsubscribe',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ProblemResponses({ 400: 'the token is not one this service signed (validation_failed)' })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(@Query('token') token: unknown): string {
    this.token(token);
    const action = `/api/v1/unsubscribe?token=${encodeURIComponent(String(token))}`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<p>Stop all mail from the partnership ledger? · Keine Benachrichtigungen mehr? · Більше не надсилати листів?</p>
<button type="submit">Unsubscribe · Abbestellen · Відписатися</button></form></body></html>`;
  }

  @Post('unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058): ends all mail to the person the token names; no sign-in' })
  @ApiOkResponse({
    description: 'unsubscribed; changed: false when there was nothing to end',
    schema: {
      type: 'object',
      properties: { unsubscribed: { type: 'boolean', enum: [true] }, changed: { type: 'boolean' } },
      required: ['unsubscribed', 'changed'],
    },
  })
  @ProblemResponses({ 400: 'the token is not one this service signed (validation_failed)' })
  @Header('Cache-Control', 'no-store')
  async oneClick(@Query('token') token: unknown): Promise<{ unsubscribed: true; changed: boolean }> {
    const who = this.token(token);
    // No sign-in here: the signed token names the organisation the subscription belongs to.
    setScopeOrganisations([who.organisationId]);
    const changed = await unsubscribe(this.pool, who.organisationId, who.personId, this.clock.now());
    return { unsubscribed: true, changed };
  }
}
