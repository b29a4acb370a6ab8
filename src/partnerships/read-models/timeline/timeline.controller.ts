// GET /api/v1/partnerships/{id}/timeline and /events: the milestones in business-date order, and the raw audit trail.
import { Controller, Get, Header, Headers, Inject, Param, Query, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { READ_ROLES, Roles } from '../../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../../shared/openapi.js';
import { PG_INT_MAX, QueryInt } from '../../../shared/query-params.js';
import { ApiValidationPipe } from '../../../shared/validation.pipe.js';
import { AsOfQuery, PartnershipIdParam } from '../as-of.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { TimelineQueries, timelineETag, type TimelineKey } from './timeline.queries.js';
import { PartnershipEventsSchema, TimelinePageSchema } from './timeline.schemas.js';

/** Entries per timeline page unless `limit` says otherwise. */
const TIMELINE_PAGE_DEFAULT = 100;
const TIMELINE_PAGE_MAX = 1000;

export class TimelineQuery extends AsOfQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: TIMELINE_PAGE_MAX, default: TIMELINE_PAGE_DEFAULT })
  @QueryInt(1, TIMELINE_PAGE_MAX, `must be at most ${TIMELINE_PAGE_MAX}; follow nextCursor for more`)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

const isKey = (v: unknown): v is TimelineKey => {
  const k = v as Partial<TimelineKey> | null;
  return (
    typeof k === 'object' &&
    k !== null &&
    Number.isInteger(k.streamVersion) &&
    (k.sortDate === null || (typeof k.sortDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(k.sortDate)))
  );
};

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
  constructor(
    @Inject(TimelineQueries) private readonly queries: TimelineQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Milestones ordered by when they happened, a page at a time; corrections and retractions visible' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'the ETag of an earlier answer: 304 while the version is unchanged' })
  @ApiOkResponse({ type: TimelinePageSchema, description: 'ETag is the version' })
  @ApiResponse({ status: 304, description: 'not modified: the version is still the one named in If-None-Match' })
  @ProblemResponses({
    400: 'validAt, knownAt, limit or cursor is invalid (validation_failed)',
    404: 'unknown partnership (partnership_not_found)',
  })
  async timeline(
    @Param('id', PartnershipIdParam) id: string,
    @Query() q: TimelineQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { limit, cursor, ...asOf } = q;
    const page = await this.queries.pageText(id, asOf, {
      limit: limit ?? TIMELINE_PAGE_DEFAULT,
      after: cursor === undefined ? undefined : decodeCursor(this.config.CURSOR_SECRET, cursor, isKey),
      ifNoneMatch,
    });
    res.setHeader('ETag', timelineETag(page.version));
    if ('notModified' in page) {
      res.status(304);
      return;
    }
    const { next, entriesJson, ...timeline } = page;
    // The body res.json would send for { ...timeline, entries, nextCursor }, with the entries' text as PostgreSQL built it.
    const head = JSON.stringify(timeline).slice(0, -1);
    const nextCursor = JSON.stringify(next ? encodeCursor(this.config.CURSOR_SECRET, next) : null);
    res.type('application/json');
    return `${head},"entries":${entriesJson},"nextCursor":${nextCursor}}`;
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
