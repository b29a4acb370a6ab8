import { Controller, Get, Header, Inject, Param, Query, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { READ_ROLES, Roles } from '../../shared/auth/roles.decorator.js';
import { ApiValidationPipe } from '../../shared/validation.pipe.js';
import { PartnershipQueries } from '../projections/partnership-queries.js';
import { AsOfQuery, EventsQuery, ListPartnershipsQuery } from './query-dtos.js';

@ApiTags('read')
@ApiBearerAuth()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1/partnerships')
export class PartnershipsReadController {
  constructor(@Inject(PartnershipQueries) private readonly queries: PartnershipQueries) {}

  @Get()
  @ApiOperation({ summary: 'Partnerships with filters and cursor paging' })
  list(@Query() q: ListPartnershipsQuery) {
    return this.queries.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Current status, or as it was on a business date (validAt) / as known at a record time (knownAt)' })
  async get(@Param('id') id: string, @Query() q: AsOfQuery, @Res({ passthrough: true }) res: Response) {
    const detail = await this.queries.get(id, q);
    res.setHeader('ETag', `"${detail.version}"`);
    return detail;
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Milestones ordered by when they happened; corrections and retractions visible' })
  async timeline(@Param('id') id: string, @Query() q: AsOfQuery, @Res({ passthrough: true }) res: Response) {
    const t = await this.queries.timeline(id, q);
    res.setHeader('ETag', `"${t.version}"`);
    return t;
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The raw audit trail: every event with its metadata, record time and hash' })
  @Header('Cache-Control', 'no-store')
  async events(@Param('id') id: string, @Query() q: EventsQuery) {
    const events = await this.queries.events(id, q);
    return { partnershipId: id, events };
  }
}
