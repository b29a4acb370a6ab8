// GET /api/v1/aid: the aid ledger across partnerships.
import { Controller, Get, Inject, Query, Req, UsePipes } from '@nestjs/common';
import { actingOrganisation } from '../../../organisations/acting.js';
import type { Request } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, Validate } from 'class-validator';
import { READ_ROLES, Roles } from '../../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../../shared/openapi.js';
import { ApiValidationPipe } from '../../../shared/validation.pipe.js';
import { PARTNERSHIP_ID_PATTERN } from '../../domain/index.js';
import { CalendarDay, NotAfter, PARTNERSHIP_ID_RULE } from '../as-of.js';
import { AidLedgerQueries } from './aid-ledger.queries.js';
import { AidResultSchema } from './aid-ledger.schemas.js';

export class AidQueryDto {
  @ApiPropertyOptional({ example: 'dortmund-zhytomyr' })
  @IsOptional()
  @Matches(PARTNERSHIP_ID_PATTERN, { message: PARTNERSHIP_ID_RULE })
  partnershipId?: string;

  @ApiPropertyOptional({ example: 'Vinnytsia' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  receiver?: string;

  @ApiPropertyOptional({ example: '2022-01-01', description: 'First day (not after `to`).' })
  @IsOptional()
  @Validate(CalendarDay)
  @Validate(NotAfter, ['to'])
  from?: string;

  @ApiPropertyOptional({ example: '2022-12-31' })
  @IsOptional()
  @Validate(CalendarDay)
  to?: string;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ example: 'energy' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sector?: string;

  @ApiPropertyOptional({ enum: ['delivered', 'committed'] })
  @IsOptional()
  @IsIn(['delivered', 'committed'], { message: 'must be delivered or committed' })
  kind?: 'delivered' | 'committed';

  @ApiPropertyOptional({ enum: ['receiver', 'month', 'currency', 'sector'] })
  @IsOptional()
  @IsIn(['receiver', 'month', 'currency', 'sector'], { message: 'must be one of receiver, month, currency, sector' })
  groupBy?: 'receiver' | 'month' | 'currency' | 'sector';
}

@ApiTags('read')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1')
export class AidLedgerController {
  constructor(@Inject(AidLedgerQueries) private readonly queries: AidLedgerQueries) {}

  @Get('aid')
  @ApiOperation({ summary: 'The aid ledger: deliveries and commitments, filtered and grouped, with exact totals per currency' })
  @ApiOkResponse({ type: AidResultSchema })
  @ProblemResponses({ 400: 'a filter is invalid (validation_failed)' })
  aid(@Query() q: AidQueryDto, @Req() req: Request) {
    return this.queries.aid(q, actingOrganisation(req).id);
  }
}
