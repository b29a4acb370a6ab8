// Webhook endpoints of the acting organisation (admins only): register, list, read, delete, rotate
// the secret, enable again; and each endpoint's deliveries, dead letters and redelivery.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { actingOrganisation } from '../organisations/acting.js';
import { Roles } from '../shared/auth/roles.decorator.js';
import { Clock } from '../shared/clock.js';
import { GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { parseBody, webhookBody } from './body.js';
import { DeliveryView, WebhookInput, WebhookView } from './notifications.schemas.js';
import { bareHost, checkedAddresses, RefusedAddressError, urlProblem } from './ssrf.js';
import { NotificationWorker } from './notification-worker.js';
import { getDelivery, listDeliveries, redeliver, type Delivery, type DeliveryState } from './webhook-deliveries.js';
import { createEndpoint, deleteEndpoint, enableEndpoint, getEndpoint, listEndpoints, rotateSecret, type Endpoint } from './webhooks.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STATES = ['pending', 'delivered', 'dead'];
const iso = (d: Date | null) => d?.toISOString() ?? null;

const endpointView = (e: Endpoint, secret?: string): WebhookView => ({
  id: e.id,
  url: e.url,
  events: e.events,
  state: e.state,
  disabledAt: iso(e.disabledAt),
  disabledReason: e.disabledReason,
  failingSince: iso(e.failingSince),
  previousSecretValidUntil: iso(e.previousSecretValidUntil),
  createdAt: e.createdAt.toISOString(),
  ...(secret ? { secret } : {}),
});

const deliveryView = (d: Delivery): DeliveryView => ({
  id: d.id,
  messageId: d.messageId,
  eventId: d.eventId,
  eventType: d.eventType,
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: iso(d.nextAttemptAt),
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: iso(d.deliveredAt),
  deadAt: iso(d.deadAt),
});

const notFound = (what: string) => new ApiProblem(404, 'not_found', 'Not found', `${what} is not known in this organisation.`);

@ApiTags('notifications')
@ApiBearerAuth()
@GuardedRoutes()
@Roles('admin')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(NotificationWorker) private readonly worker: NotificationWorker,
  ) {}

  /** Why the URL may not be registered: its form, or an address its name resolves to now. */
  private async refusal(url: string): Promise<string | null> {
    const policy = { allowHttp: this.config.WEBHOOK_ALLOW_HTTP, allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE };
    const problem = urlProblem(url, policy);
    if (problem) return problem;
    try {
      await checkedAddresses(bareHost(new URL(url)), policy, this.worker.resolver);
    } catch (err) {
      if (err instanceof RefusedAddressError) return err.message;
      // A name that does not resolve yet may be set up later; every delivery checks it again.
    }
    return null;
  }

  private async endpoint(req: AuthenticatedRequest, id: string): Promise<Endpoint> {
    const e = UUID.test(id) ? await getEndpoint(this.pool, actingOrganisation(req).id, id) : null;
    if (!e) throw notFound(`The webhook endpoint ${id}`);
    return e;
  }

  @Post()
  @ApiOperation({ summary: 'Registers an endpoint; the answer carries its signing secret, shown this once' })
  @ApiBody({ type: WebhookInput })
  @ApiCreatedResponse({ type: WebhookView })
  @ProblemResponses({
    400: 'a field is missing or wrong (validation_failed)',
    422: 'the URL may not be reached: scheme, credentials, or a private, loopback or link-local address (webhook_url_refused, naming url)',
  })
  async create(@Req() req: AuthenticatedRequest, @Body() body: unknown): Promise<WebhookView> {
    const input = parseBody(webhookBody, body);
    const problem = await this.refusal(input.url);
    if (problem) {
      throw new ApiProblem(422, 'webhook_url_refused', 'Unprocessable content', `url ${problem}.`, [{ field: 'url', reason: problem }]);
    }
    const createdBy = req.personSession?.actorId ?? `key:${req.apiKey?.id ?? 'unknown'}`;
    const events = input.events.includes('*') ? ['*'] : [...new Set(input.events)];
    const { endpoint, secret } = await createEndpoint(
      this.pool,
      actingOrganisation(req).id,
      { url: input.url, events, createdBy },
      this.clock.now(),
    );
    return endpointView(endpoint, secret);
  }

  @Get()
  @ApiOperation({ summary: "The organisation's endpoints (without secrets)" })
  @ApiOkResponse({ type: [WebhookView] })
  async list(@Req() req: AuthenticatedRequest): Promise<WebhookView[]> {
    return (await listEndpoints(this.pool, actingOrganisation(req).id)).map((e) => endpointView(e));
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookView })
  @ProblemResponses({ 404: 'no such endpoint (not_found)' })
  async get(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<WebhookView> {
    return endpointView(await this.endpoint(req, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes an endpoint with its deliveries' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ProblemResponses({ 404: 'no such endpoint (not_found)' })
  async remove(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<void> {
    if (!UUID.test(id) || !(await deleteEndpoint(this.pool, actingOrganisation(req).id, id))) throw notFound(`The webhook endpoint ${id}`);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new secret (shown once); the previous one keeps signing for 24 hours' })
  @ApiOkResponse({ type: WebhookView })
  @ProblemResponses({ 404: 'no such endpoint (not_found)' })
  async rotate(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<WebhookView> {
    await this.endpoint(req, id);
    const r = await rotateSecret(this.pool, actingOrganisation(req).id, id, this.clock.now());
    if (!r) throw notFound(`The webhook endpoint ${id}`);
    return endpointView(r.endpoint, r.secret);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enables an endpoint that was disabled after failing for days' })
  @ApiOkResponse({ type: WebhookView })
  @ProblemResponses({ 404: 'no such endpoint (not_found)' })
  async enable(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<WebhookView> {
    await this.endpoint(req, id);
    return endpointView((await enableEndpoint(this.pool, actingOrganisation(req).id, id))!);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "An endpoint's deliveries, newest first; state=dead lists the dead letters" })
  @ApiQuery({ name: 'state', required: false, enum: STATES })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiOkResponse({ type: [DeliveryView] })
  @ProblemResponses({ 400: 'an unknown state or a bad limit (validation_failed)', 404: 'no such endpoint (not_found)' })
  async deliveries(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Query('state') state?: string,
    @Query('limit') limit?: string,
  ): Promise<DeliveryView[]> {
    if (state !== undefined && !STATES.includes(state))
      throw validationProblem([{ field: 'state', reason: `must be one of ${STATES.join(', ')}` }]);
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 500)
      throw validationProblem([{ field: 'limit', reason: 'must be a whole number from 1 to 500' }]);
    await this.endpoint(req, id);
    return (await listDeliveries(this.pool, actingOrganisation(req).id, id, state as DeliveryState | undefined, n)).map(deliveryView);
  }

  @Get(':id/deliveries/:deliveryId')
  @ApiOperation({ summary: 'One delivery with every attempt (outcome, status code, duration)' })
  @ApiOkResponse({ type: DeliveryView })
  @ProblemResponses({ 404: 'no such endpoint or delivery (not_found)' })
  async delivery(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<DeliveryView> {
    await this.endpoint(req, id);
    const d = UUID.test(deliveryId) ? await getDelivery(this.pool, actingOrganisation(req).id, id, deliveryId) : null;
    if (!d) throw notFound(`The delivery ${deliveryId}`);
    return {
      ...deliveryView(d),
      attemptLog: d.attemptLog.map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
    };
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Puts a dead delivery back in line now, with a fresh retry schedule and the same webhook-id' })
  @ApiAcceptedResponse({ type: DeliveryView })
  @ProblemResponses({
    404: 'no such endpoint or delivery (not_found)',
    409: 'the delivery is not dead, or the endpoint is disabled (delivery_not_dead, endpoint_disabled)',
  })
  async redeliver(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<DeliveryView> {
    const endpoint = await this.endpoint(req, id);
    const org = actingOrganisation(req).id;
    const existing = UUID.test(deliveryId) ? await getDelivery(this.pool, org, id, deliveryId) : null;
    if (!existing) throw notFound(`The delivery ${deliveryId}`);
    if (endpoint.state !== 'enabled') {
      throw new ApiProblem(
        409,
        'endpoint_disabled',
        'Conflict',
        'The endpoint is disabled; enable it (POST …/enable) before redelivering.',
      );
    }
    const d = await redeliver(this.pool, org, id, deliveryId, this.clock.now());
    if (!d)
      throw new ApiProblem(
        409,
        'delivery_not_dead',
        'Conflict',
        `The delivery is ${existing.state}; only dead deliveries are redelivered.`,
      );
    return deliveryView(d);
  }
}
