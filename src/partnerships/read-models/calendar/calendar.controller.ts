// GET /api/v1/calendar and its iCalendar feed.
import { Controller, Get, Inject, Query, Req, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import type { Request, Response } from 'express';
import ical, { ICalEventStatus } from 'ical-generator';
import { actingOrganisation } from '../../../organisations/acting.js';
import { AcceptsFeedToken } from '../../../shared/auth/feed-token.decorator.js';
import { READ_ROLES, Roles } from '../../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../../shared/openapi.js';
import { ApiProblem } from '../../../shared/problem.js';
import { QueryInt } from '../../../shared/query-params.js';
import { ApiValidationPipe } from '../../../shared/validation.pipe.js';
import { businessDateEnd, businessDateStart, PARTNERSHIP_ID_PATTERN } from '../../domain/index.js';
import { CalendarDay, PARTNERSHIP_ID_RULE } from '../as-of.js';
import { CalendarQueries } from './calendar.queries.js';
import { CalendarItemSchema } from './calendar.schemas.js';

export class CalendarQueryDto {
  @ApiPropertyOptional({ example: '2023-01-01', description: 'First day (default: today).' })
  @IsOptional()
  @Validate(CalendarDay)
  from?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3660, default: 365 })
  @QueryInt(1, 3660)
  days?: number;

  @ApiPropertyOptional({ example: 'dortmund-zhytomyr' })
  @IsOptional()
  @Matches(PARTNERSHIP_ID_PATTERN, { message: PARTNERSHIP_ID_RULE })
  partnershipId?: string;
}

export class CalendarFeedQueryDto extends CalendarQueryDto {
  @ApiPropertyOptional({
    description: 'A calendar subscription token (POST /api/v1/calendar/feeds), for calendar apps that cannot send an Authorization header.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  token?: string;
}

/** What the guard found for a subscription token (src/auth/feed-tokens.ts). */
type FeedRequest = Request & { feedToken?: { partnershipId: string | null } };

@ApiTags('read')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1')
export class CalendarController {
  constructor(@Inject(CalendarQueries) private readonly queries: CalendarQueries) {}

  @Get('calendar')
  @ApiOperation({ summary: 'Plans still open (signings, consultations, activities) and the due dates of open obligations, by date' })
  @ApiOkResponse({ type: CalendarItemSchema, isArray: true })
  @ProblemResponses({ 400: 'from, days or partnershipId is invalid (validation_failed)' })
  calendar(@Query() q: CalendarQueryDto, @Req() req: Request) {
    return this.queries.calendar(q, actingOrganisation(req).id);
  }

  @Get('calendar.ics')
  @AcceptsFeedToken('calendar')
  @ApiOperation({
    summary: 'The same calendar as iCalendar, for calendar apps: with an API key, or subscribed with ?token= (no header needed)',
  })
  @ApiOkResponse({
    description: 'an iCalendar (RFC 5545) feed of all-day events; cancelled plans and waived obligations carry STATUS:CANCELLED',
    content: { 'text/calendar': { schema: { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n' } } },
  })
  @ProblemResponses({
    400: 'from, days or partnershipId is invalid (validation_failed)',
    403: 'the subscription token is for another partnership (feed_scope)',
  })
  async ics(@Query() q: CalendarFeedQueryDto, @Req() req: FeedRequest, @Res() res: Response) {
    const { token: _token, ...query } = q;
    const only = req.feedToken?.partnershipId;
    if (only && query.partnershipId && query.partnershipId !== only) {
      throw new ApiProblem(
        403,
        'feed_scope',
        'Forbidden',
        `This subscription shows only ${only}; leave partnershipId out or subscribe to ${query.partnershipId}.`,
      );
    }
    const items = await this.queries.calendar(
      { ...query, ...(only ? { partnershipId: only } : {}), withCancelled: true },
      actingOrganisation(req).id,
    );
    // ttl: how often subscribed apps should refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL)
    const cal = ical({ name: 'Partnership Ledger', prodId: { company: 'partnership-ledger', product: 'calendar' }, ttl: 3600 });
    for (const item of items) {
      const start = businessDateStart(item.date);
      // Month- and year-precision dates become all-day spans over the whole period.
      const end = new Date(Date.parse(`${businessDateEnd(item.date)}T00:00:00Z`) + 86_400_000);
      const changed = item.changedAt ? new Date(item.changedAt) : undefined;
      cal.createEvent({
        // One UID per plan through its reschedules; SEQUENCE tells calendar apps which version is newer.
        id: `${item.uid}@partnership-ledger`,
        sequence: item.sequence,
        status: item.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        ...(changed ? { stamp: changed, lastModified: changed } : {}),
        start: new Date(`${start}T00:00:00Z`),
        end,
        allDay: true,
        summary: `${item.partnershipId}: ${item.title}`,
        ...(item.venue ? { location: item.venue } : {}),
        description: `${item.kind}${item.mode ? ` (${item.mode})` : ''}`,
      });
    }
    res.type('text/calendar; charset=utf-8').setHeader('Content-Disposition', 'inline; filename="partnership-ledger.ics"');
    res.send(cal.toString());
  }
}
