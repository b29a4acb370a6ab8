// Calendar subscriptions over HTTP. Whoever may read the calendar may subscribe to it: a key with
// read access creates tokens, sees and revokes the ones it created; an admin sees and revokes all.
// `npm run feeds:create|feeds:list|feeds:revoke` do the same from a shell.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { PostgresEventStore } from '../event-store/postgres-event-store.js';
import { sideOf } from '../organisations/access.js';
import { actingOrganisation } from '../organisations/acting.js';
import { READ_ROLES, Roles } from '../shared/auth/roles.decorator.js';
import { Clock } from '../shared/clock.js';
import { BODY_PROBLEMS, GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import { Schema } from '../shared/schema.js';
import { ApiValidationPipe } from '../shared/validation.pipe.js';
import type { AuthenticatedRequest } from './api-key.guard.js';
import { CONTROL_CHARACTERS } from './api-keys.js';
import { CalendarFeedListSchema, CreatedCalendarFeedSchema } from './feeds.schemas.js';
import { createFeedToken, FeedTokenInputError, feedView, listFeedTokens, revokeFeedToken, subscriptionUrls } from './feed-tokens.js';
import { KeyOnly } from './session/key-only.js';

const NO_CONTROLS = new RegExp(`^[^${CONTROL_CHARACTERS.source.slice(1, -1)}]*$`, 'u');

@Schema({ example: { name: 'Office calendar (Outlook)', partnershipId: 'dortmund-zhytomyr' } })
export class CreateFeedDto {
  @ApiProperty({ example: 'Office calendar (Outlook)', maxLength: 200, description: 'Who or what subscribes, for the list.' })
  @IsString({ message: 'must be a text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Matches(NO_CONTROLS, { message: 'must not contain control characters (such as NUL, tab or newline)' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name: string;

  @ApiPropertyOptional({ example: 'dortmund-zhytomyr', description: 'Only this partnership’s plans; default: all partnerships.' })
  @IsOptional()
  @IsString({ message: 'must be a partnership id' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  partnershipId?: string;
}

const notFound = (id: string) =>
  new ApiProblem(404, 'feed_not_found', 'Not found', `There is no calendar subscription ${id} you may manage.`);

@ApiTags('calendar')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
// Subscriptions belong to the key that made them; people's own subscriptions are not built yet.
@KeyOnly()
@UsePipes(ApiValidationPipe)
@Controller('api/v1/calendar/feeds')
export class FeedsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Admins manage every subscription; other keys those they created. */
  private owner(req: AuthenticatedRequest): string | undefined {
    return req.apiKey!.role === 'admin' ? undefined : req.apiKey!.id;
  }

  @Post()
  @ApiOperation({
    summary: 'Create a calendar subscription: a read-only token for calendar.ics?token=…, shown only in this response',
  })
  @ApiBody({ type: CreateFeedDto, examples: { outlook: { value: { name: 'Office calendar (Outlook)' } } } })
  @ApiCreatedResponse({ type: CreatedCalendarFeedSchema })
  @ProblemResponses({
    400: 'invalid name, or partnershipId is not a recorded partnership (validation_failed)',
    ...BODY_PROBLEMS,
  })
  async create(@Body() body: CreateFeedDto, @Req() req: AuthenticatedRequest) {
    const organisationId = actingOrganisation(req).id;
    // Another organisation's partnership is "not recorded" as far as this key can tell.
    if (body.partnershipId !== undefined && !(await sideOf(this.pool, organisationId, body.partnershipId).catch(() => null))) {
      throw validationProblem([{ field: 'partnershipId', reason: 'is not a recorded partnership' }]);
    }
    try {
      const { token, feed } = await createFeedToken(
        this.pool,
        { name: body.name, partnershipId: body.partnershipId, createdByKey: req.apiKey!.id, organisationId },
        this.clock.now(),
      );
      return { ...feedView(feed), token, ...subscriptionUrls(this.config.PUBLIC_BASE_URL, token) };
    } catch (err) {
      if (err instanceof FeedTokenInputError) throw validationProblem([{ field: err.field, reason: err.reason }]);
      throw err;
    }
  }

  @Get()
  @ApiOperation({ summary: 'List calendar subscriptions (yours; an admin sees all), never their tokens' })
  @ApiOkResponse({ type: CalendarFeedListSchema })
  async list(@Req() req: AuthenticatedRequest) {
    return {
      feeds: (await listFeedTokens(this.pool, { createdByKey: this.owner(req), organisationId: actingOrganisation(req).id })).map(feedView),
    };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a calendar subscription; its URL stops working at once' })
  @ApiNoContentResponse({ description: 'revoked (revoking twice is no error)' })
  @ProblemResponses({ 404: 'no such subscription, or one another key created (feed_not_found)' })
  async revoke(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<void> {
    const feed = await revokeFeedToken(
      this.pool,
      id,
      { createdByKey: this.owner(req), organisationId: actingOrganisation(req).id },
      this.clock.now(),
    );
    if (!feed) throw notFound(id);
  }
}
