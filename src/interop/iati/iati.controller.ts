// IATI 2.03 activity XML of the aid ledger: per partnership, and for a period across partnerships.
import { Controller, Get, Inject, Param, Query, Req, Res, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { actingOrganisation } from '../../organisations/acting.js';
import { businessDateEnd, businessDateStart, parseBusinessDate, ValidationError } from '../../partnerships/domain/index.js';
import { READ_ROLES, Roles } from '../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../shared/openapi.js';
import { ApiProblem, validationProblem, type FieldError } from '../../shared/problem.js';
import { ApiValidationPipe } from '../../shared/validation.pipe.js';
import { IatiExport, IatiNotConfiguredError } from './iati.export.js';

const PERIOD_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export class IatiPeriodQueryDto {
  @ApiPropertyOptional({
    example: '2022',
    description: 'First day (YYYY, YYYY-MM or YYYY-MM-DD: its first day). Default: all aid recorded.',
  })
  @IsOptional()
  @Matches(PERIOD_DATE, { message: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2022-12-31', description: 'Last day (YYYY, YYYY-MM or YYYY-MM-DD: its last day).' })
  @IsOptional()
  @Matches(PERIOD_DATE, { message: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD' })
  to?: string;
}

/** `2022` → 2022-01-01 (from) or 2022-12-31 (to); the same reading as the aid_summary report's. */
function periodOf(q: IatiPeriodQueryDto): { from?: string; to?: string } {
  const errors: FieldError[] = [];
  const day = (field: 'from' | 'to') => {
    const v = q[field];
    if (v === undefined) return undefined;
    try {
      const d = parseBusinessDate(v, field);
      return field === 'from' ? businessDateStart(d) : businessDateEnd(d);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors.push(...err.errors);
      return undefined;
    }
  };
  const from = day('from');
  const to = day('to');
  if (from && to && from > to) errors.push({ field: 'from', reason: `must not be after to (${from} is after ${to})` });
  if (errors.length) throw validationProblem(errors);
  return { from, to };
}

/** The answer of both routes: IATI XML, checked against the official 2.03 schema in the tests. */
const IatiXml = () =>
  ApiOkResponse({
    description: 'an iati-activities document (IATI 2.03); Content-Disposition names the file',
    content: {
      'application/xml': {
        schema: {
          type: 'string',
          example:
            '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2025-02-03T14:12:00Z">\n  <iati-activity xml:lang="en">\n    <iati-identifier>DE-GOV-05913000-dortmund-zhytomyr</iati-identifier>\n    …\n  </iati-activity>\n</iati-activities>\n',
        },
      },
    },
  });
const NOT_CONFIGURED = 'the export is not configured: IATI_REPORTING_ORG_REF is not set (iati_not_configured)';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100);

@ApiTags('read')
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1')
export class IatiController {
  constructor(@Inject(IatiExport) private readonly iati: IatiExport) {}

  @Get('partnerships/:id/aid.iati.xml')
  @IatiXml()
  @ProblemResponses({ 404: 'unknown partnership (partnership_not_found)', 503: NOT_CONFIGURED })
  @ApiOperation({ summary: "IATI 2.03 activity XML of one partnership's aid: one iati-activity, one transaction per aid entry" })
  async partnership(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    send(res, await this.run(() => this.iati.partnership(id, actingOrganisation(req).id)), `aid-${safe(id)}.iati.xml`);
  }

  @Get('aid.iati.xml')
  @IatiXml()
  @ProblemResponses({
    400: 'from or to is not a date, or from is after to (validation_failed)',
    404: 'no aid with a value is dated in the period (nothing_to_export)',
    503: NOT_CONFIGURED,
  })
  @ApiOperation({ summary: 'IATI 2.03 activity XML of the aid dated in a period: one iati-activity per partnership with aid in it' })
  async period(@Query() q: IatiPeriodQueryDto, @Req() req: Request, @Res() res: Response) {
    const p = periodOf(q);
    send(
      res,
      await this.run(() => this.iati.period(p, actingOrganisation(req).id)),
      `aid-${p.from ?? 'start'}-to-${p.to ?? 'end'}.iati.xml`,
    );
  }

  private async run(build: () => Promise<string>): Promise<string> {
    try {
      return await build();
    } catch (err) {
      if (err instanceof IatiNotConfiguredError) throw new ApiProblem(503, 'iati_not_configured', 'Service unavailable', err.message);
      throw err;
    }
  }
}

function send(res: Response, xml: string, fileName: string): void {
  res.type('application/xml; charset=utf-8').setHeader('Content-Disposition', `inline; filename="${fileName}"`);
  res.send(xml);
}
