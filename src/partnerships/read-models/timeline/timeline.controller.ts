// GET /api/v1/partnerships/{id}/timeline and /events: the milestones in business-date order, and the raw audit trail.
import { Controller, Get, Header, Inject, Param, Query, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { READ_ROLES, Roles } from '../../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../../shared/openapi.js';
import { PG_INT_MAX, QueryInt } from '../../../shared/query-params.js';
import { ApiValidationPipe } from '../../../shared/validation.pipe.js';
import { AsOfQuery, PartnershipIdParam } from '../as-of.js';
import { TimelineQueries } from './timeline.queries.js';
import { PartnershipEventsSchema, TimelineSchema } from './timeline.schemas.js';

export class EventsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: PG_INT_MAX })
  @QueryInt(1, PG_INT_MAX)
  fromVersion?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1000 })
  @QueryInt(1, 1000)
  limit?: number;
}

@ApiTags('read')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1/partnerships')
export class TimelineController {
  constructor(@Inject(TimelineQueries) private readonly queries: TimelineQueries) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Milestones ordered by when they happened; corrections and retractions visible' })
  @ApiOkResponse({ type: TimelineSchema, description: 'ETag is the version' })
  @ProblemResponses({ 400: 'validAt or knownAt is invalid (validation_failed)', 404: 'unknown partnership (partnership_not_found)' })
  async timeline(@Param('id', PartnershipIdParam) id: string, @Query() q: AsOfQuery, @Res({ passthrough: true }) res: Response) {
    const t = await this.queries.timeline(id, q);
    res.setHeader('ETag', `"${t.version}"`);
    return t;
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The raw audit trail: every event with its metadata, record time and hash' })
  @ApiOkResponse({ type: PartnershipEventsSchema })
  @ProblemResponses({ 400: 'fromVersion or limit is invalid (validation_failed)', 404: 'unknown partnership (partnership_not_found)' })
  @Header('Cache-Control', 'no-store')
  async events(@Param('id', PartnershipIdParam) id: string, @Query() q: EventsQuery) {
    const events = await this.queries.events(id, q);
    return { partnershipId: id, events };
  }
}
