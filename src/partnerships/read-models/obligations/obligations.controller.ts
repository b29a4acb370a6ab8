// GET /api/v1/obligations: the acting organisation's obligations of funding entries, by due date.
import { Controller, Get, Inject, Query, Req, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, Validate } from 'class-validator';
import type { Request } from 'express';
import { actingOrganisation } from '../../../organisations/acting.js';
import { READ_ROLES, Roles } from '../../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../../shared/openapi.js';
import { Schema, type AllTrue, type Mirrors } from '../../../shared/schema.js';
import { ApiValidationPipe } from '../../../shared/validation.pipe.js';
import { PARTNERSHIP_ID_PATTERN } from '../../domain/index.js';
import { CalendarDay, PARTNERSHIP_ID_RULE } from '../as-of.js';
import { ObligationQueries } from './obligations.queries.js';

const STATUSES = ['open', 'fulfilled', 'waived'] as const;

export class ObligationsQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ example: 'dortmund-zhytomyr' })
  @IsOptional()
  @Matches(PARTNERSHIP_ID_PATTERN, { message: PARTNERSHIP_ID_RULE })
  partnershipId?: string;

  @ApiPropertyOptional({ example: '2024-12-31', description: 'Only obligations due on or before this day.' })
  @IsOptional()
  @Validate(CalendarDay)
  dueBy?: string;
}

/** What the list returns for each obligation. */
interface ObligationItem {
  partnershipId: string;
  obligationId: string;
  fundingEventId: string;
  kind: string;
  title: string;
  dueDate: string;
  originalDueDate: string | null;
  status: string;
  settledBy: string | null;
}

const EXAMPLE: ObligationItem = {
  partnershipId: 'dortmund-zhytomyr',
  obligationId: 'final-report',
  fundingEventId: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
  kind: 'final_report',
  title: 'Final report: proof of use (CERV town twinning)',
  dueDate: '2024-12-31',
  originalDueDate: null,
  status: 'open',
  settledBy: null,
};

@Schema({
  name: 'ObligationItem',
  description: 'An obligation of a funding entry, with its current due date and status.',
  example: EXAMPLE,
})
class ObligationItemSchema implements ObligationItem {
  @ApiProperty({ example: EXAMPLE.partnershipId }) partnershipId: string;
  @ApiProperty({ example: EXAMPLE.obligationId, description: 'stable within the partnership' }) obligationId: string;
  @ApiProperty({ format: 'uuid', example: EXAMPLE.fundingEventId, description: 'the funding entry that imposes it' })
  fundingEventId: string;
  @ApiProperty({ example: 'final_report', description: 'interim_report | final_report | proof_of_use | public_posting | other' })
  kind: string;
  @ApiProperty({ example: EXAMPLE.title }) title: string;
  @ApiProperty({ format: 'date', example: '2024-12-31' }) dueDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: null, description: 'the due date first given, when extended' })
  originalDueDate: string | null;
  @ApiProperty({ enum: STATUSES, example: 'open' }) status: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'the fulfilment or waiver entry' }) settledBy: string | null;
}

type _ObligationSchemasMirror = AllTrue<[Mirrors<ObligationItemSchema, ObligationItem>]>;

@ApiTags('read')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1/obligations')
export class ObligationsController {
  constructor(@Inject(ObligationQueries) private readonly queries: ObligationQueries) {}

  @Get()
  @ApiOperation({ summary: "Obligations of the organisation's funding entries (reports, proof of use, postings), by due date" })
  @ApiOkResponse({ type: ObligationItemSchema, isArray: true })
  @ProblemResponses({ 400: 'status, partnershipId or dueBy is invalid (validation_failed)' })
  async list(@Query() q: ObligationsQueryDto, @Req() req: Request): Promise<ObligationItem[]> {
    const rows = await this.queries.list({ ...q, organisationId: actingOrganisation(req).id });
    return rows.map((r) => ({
      partnershipId: r.partnershipId,
      obligationId: r.obligationId,
      fundingEventId: r.fundingEventId,
      kind: r.kind,
      title: r.title,
      dueDate: r.dueDate,
      originalDueDate: r.obligation.originalDueDate ?? null,
      status: r.status,
      settledBy: r.obligation.settledBy ?? null,
    }));
  }
}
