// Erasure of a data subject by an admin (docs/privacy.md); `npm run people:erase` does the same from a shell.
import { asSystem } from '../shared/db-scope.js';
import { Body, Controller, Get, Inject, Post, Req, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type pg from 'pg';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ProjectionEngine } from '../event-store/projections.js';
import { actingOrganisation } from '../organisations/acting.js';
import { PROJECTIONS } from '../partnerships/read-models/projections.registry.js';
import { Roles } from '../shared/auth/roles.decorator.js';
import { BODY_PROBLEMS, GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import { Schema } from '../shared/schema.js';
import { ApiValidationPipe } from '../shared/validation.pipe.js';
import { eraseSubjects, erasureLog, ErasureInputError } from './erasure.js';
import { currentMasterKey } from './master-key.js';
import { ErasureListSchema, ErasureOutcomeSchema } from './people.schemas.js';
import { subjectOfName } from './subject-keys.js';

@Schema({ example: { name: 'Office Tester', reason: 'request under GDPR Art. 17 of 2026-12-01, file 17/2026' } })
export class EraseDto {
  @ApiPropertyOptional({ description: 'the name as recorded in a personal field (case and spacing do not matter)', maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'must be a text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ description: 'or the subject id (people:export shows it)', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a subject id (a UUID)' })
  subject?: string;

  @ApiProperty({ description: 'why: recorded in the erasure log (name nobody in it)', maxLength: 2000 })
  @IsString({ message: 'must be a text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  reason: string;
}

@ApiTags('people')
@ApiBearerAuth()
@GuardedRoutes()
@Roles('admin')
@UsePipes(ApiValidationPipe)
@Controller('api/v1/people/erasures')
export class PeopleController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Erase a person: delete their data key, log who erased whom and why, rebuild the read models, re-render stored reports',
  })
  @ApiBody({ type: EraseDto })
  @ApiCreatedResponse({ type: ErasureOutcomeSchema })
  @ProblemResponses({
    400: 'no name or subject, or no reason (validation_failed)',
    404: 'no such subject (subject_not_found)',
    ...BODY_PROBLEMS,
  })
  async erase(@Body() body: EraseDto, @Req() req: AuthenticatedRequest) {
    const organisation = actingOrganisation(req);
    if ((body.name === undefined) === (body.subject === undefined))
      throw validationProblem([{ field: 'name', reason: 'give either name or subject' }]);
    const subjectId = body.subject ?? (await subjectOfName(this.pool, currentMasterKey(), organisation.id, body.name!));
    const notFound = new ApiProblem(
      404,
      'subject_not_found',
      'Not found',
      'No one of that name or id is recorded in a personal field of this organisation (or they were erased already).',
    );
    if (!subjectId) throw notFound;
    const by = req.apiKey ? `key:${req.apiKey.id}` : (req.personSession?.actorId ?? 'unknown');
    try {
      // Authorised above for this organisation's subject; the erasure itself reaches every row that
      // holds the subject's data (the partner's copies and reports too), so it runs as system work.
      const out = await asSystem(() =>
        eraseSubjects(this.pool, this.engine, Object.values(PROJECTIONS), {
          organisationId: organisation.id,
          subjectIds: [subjectId],
          erasedBy: by,
          reason: body.reason,
        }),
      );
      if (out.alreadyErased.length) throw notFound;
      const { plain: _plain, ...shown } = out;
      return shown;
    } catch (err) {
      if (err instanceof ErasureInputError) throw validationProblem([{ field: err.field, reason: err.reason }]);
      throw err;
    }
  }

  @Get()
  @ApiOperation({ summary: 'The erasure log of the organisation: who erased which subject, when and why (no personal data)' })
  @ApiOkResponse({ type: ErasureListSchema })
  async list(@Req() req: AuthenticatedRequest) {
    const organisationId = actingOrganisation(req).id;
    return { erasures: (await erasureLog(this.pool)).filter((e) => e.organisationId === organisationId) };
  }
}
