// GET /api/v1/partnerships and /api/v1/partnerships/{id}: the list and one partnership's status.
import { Controller, Get, Inject, Param, Query, Req, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { actingOrganisation } from '../../../organisations/acting.js';
import type { Request, Response } from 'express';
import { READ_ROLES, Roles } from '../../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../../shared/openapi.js';
import { QueryInt } from '../../../shared/query-params.js';
import { ApiValidationPipe } from '../../../shared/validation.pipe.js';
import { STANDINGS, TIERS } from '../../domain/index.js';
import { AsOfQuery, PartnershipIdParam } from '../as-of.js';
import { PartnershipDetailSchema, PartnershipPageSchema } from './status.schemas.js';
import { StatusQueries } from './status.queries.js';

export class ListPartnershipsQuery {
  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS, { message: `must be one of ${TIERS.join(', ')}` })
  tier?: (typeof TIERS)[number];

  @ApiPropertyOptional({ enum: STANDINGS })
  @IsOptional()
  @IsIn(STANDINGS, { message: `must be one of ${STANDINGS.join(', ')}` })
  standing?: (typeof STANDINGS)[number];

  @ApiPropertyOptional({ example: 'Zhytomyr', description: 'Part of the counterpart name, in any recorded language.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  counterpart?: string;

  @ApiPropertyOptional({ example: 'culture' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  area?: string;

  @ApiPropertyOptional({ example: 'Житомир', description: 'Text search over names, areas and ids.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @QueryInt(1, 100, 'must be at most 100; follow nextCursor for more')
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

@ApiTags('read')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1/partnerships')
export class StatusController {
  constructor(@Inject(StatusQueries) private readonly queries: StatusQueries) {}

  @Get()
  @ApiOperation({ summary: 'Partnerships with filters and cursor paging' })
  @ApiOkResponse({ type: PartnershipPageSchema })
  @ProblemResponses({ 400: 'a filter, limit or cursor is invalid (validation_failed)' })
  list(@Query() q: ListPartnershipsQuery, @Req() req: Request) {
    return this.queries.list({ ...q, organisationId: actingOrganisation(req).id });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Current status, or as it was on a business date (validAt) / as known at a record time (knownAt)' })
  @ApiOkResponse({ type: PartnershipDetailSchema, description: 'ETag is the version' })
  @ProblemResponses({ 400: 'validAt or knownAt is invalid (validation_failed)', 404: 'unknown partnership (partnership_not_found)' })
  async get(@Param('id', PartnershipIdParam) id: string, @Query() q: AsOfQuery, @Res({ passthrough: true }) res: Response) {
    const detail = await this.queries.get(id, q);
    res.setHeader('ETag', `"${detail.version}"`);
    return detail;
  }
}
