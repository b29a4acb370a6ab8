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
import { IsIn, IsOptional, IsString, MaxLength, Matches } from 'class-validator';
import type { Request } from 'express';
import type pg from 'pg';
import { PG_POOL } from '../event-store/event-store.module.js';
import { actingOrganisation } from '../organisations/acting.js';
import { ROLES, Roles, type Role } from '../shared/auth/roles.decorator.js';
import { Clock } from '../shared/clock.js';
import { BODY_PROBLEMS, GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import { Schema } from '../shared/schema.js';
import { ApiValidationPipe } from '../shared/validation.pipe.js';
import {
  ApiKeyInputError,
  ApiKeyStateError,
  CONTROL_CHARACTERS,
  DEFAULT_ROTATION_GRACE,
  createApiKey,
  keyView,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
} from './api-keys.js';
import { ApiKeyListSchema, CreatedApiKeySchema, RotatedApiKeySchema } from './keys.schemas.js';

const NO_CONTROLS = new RegExp(`^[^${CONTROL_CHARACTERS.source.slice(1, -1)}]*$`, 'u');

@Schema({ example: { name: 'Office for International Relations', role: 'office', expiresIn: '90d' } })
export class CreateKeyDto {
  @ApiProperty({ example: 'Office for International Relations', maxLength: 200 })
  @IsString({ message: 'must be a text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @Matches(NO_CONTROLS, { message: 'must not contain control characters (such as NUL, tab or newline)' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name: string;

  @ApiProperty({ enum: ROLES, example: 'office' })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    example: '90d',
    description: 'The key stops working after this long: minutes (m), hours (h), days (d) or weeks (w).',
  })
  @IsOptional()
  @IsString({ message: 'must be a text such as 90d' })
  expiresIn?: string;

  @ApiPropertyOptional({ example: '2027-01-31T00:00:00Z', description: 'Or: the moment the key stops working. Not with expiresIn.' })
  @IsOptional()
  @IsString({ message: 'must be an ISO 8601 date-time' })
  expiresAt?: string;
}

@Schema({ example: { grace: '7d', expiresIn: '90d' } })
class RotateKeyDto {
  @ApiPropertyOptional({
    example: '7d',
    description: `How long the old key keeps working (default ${DEFAULT_ROTATION_GRACE}; 0d stops it at once).`,
  })
  grace?: string;

  @ApiPropertyOptional({ example: '90d', description: 'Lifetime of the new key; by default as long as the old key was given.' })
  expiresIn?: string;
}

const ROTATE_FIELDS = ['grace', 'expiresIn'];

/** Rotation takes an optional body, so it is checked here rather than by the DTO pipe (which needs one). */
function rotateOptions(body: unknown): { grace?: string; expiresIn?: string } {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw validationProblem([{ field: 'body', reason: 'must be a JSON object sent with Content-Type: application/json' }]);
  }
  const errors = Object.entries(body as Record<string, unknown>).flatMap(([field, value]) =>
    !ROTATE_FIELDS.includes(field)
      ? [{ field, reason: 'is not a known field' }]
      : typeof value !== 'string'
        ? [{ field, reason: 'must be a text such as 7d' }]
        : [],
  );
  if (errors.length) throw validationProblem(errors);
  return body as { grace?: string; expiresIn?: string };
}

const notFound = (id: string) => new ApiProblem(404, 'key_not_found', 'Not found', `There is no API key ${id}.`);

/** Key administration for admins; `npm run keys:create|keys:list|keys:rotate|keys:revoke` do the same from a shell. */
@ApiTags('keys')
@ApiBearerAuth()
@GuardedRoutes()
@Roles('admin')
@UsePipes(ApiValidationPipe)
@Controller('api/v1/keys')
export class KeysController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key, optionally expiring; the key itself is shown only in this response' })
  @ApiBody({
    type: CreateKeyDto,
    examples: { office: { value: { name: 'Office for International Relations', role: 'office', expiresIn: '90d' } } },
  })
  @ApiCreatedResponse({ type: CreatedApiKeySchema })
  @ProblemResponses({ 400: 'invalid name, role or expiry (validation_failed)', ...BODY_PROBLEMS })
  async create(@Body() body: CreateKeyDto, @Req() req: Request) {
    const now = this.clock.now();
    try {
      // A key is created for the organisation its admin acts for, never another.
      const { key, apiKey } = await createApiKey(this.pool, { ...body, organisationId: actingOrganisation(req).id }, now);
      return { ...keyView(apiKey, now), key };
    } catch (err) {
      if (err instanceof ApiKeyInputError) throw validationProblem([{ field: err.field, reason: err.reason }]);
      throw err;
    }
  }

  @Get()
  @ApiOperation({ summary: 'List API keys with their state (never their secrets)' })
  @ApiOkResponse({ type: ApiKeyListSchema })
  async list(@Req() req: Request) {
    const now = this.clock.now();
    return { keys: (await listApiKeys(this.pool, actingOrganisation(req).id)).map((k) => keyView(k, now)) };
  }

  @Post(':id/rotate')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue a new key for the same holder and role; the old key keeps working for the grace period, then stops',
  })
  @ApiBody({ type: RotateKeyDto, required: false, examples: { week: { value: { grace: '7d' } } } })
  @ApiCreatedResponse({ type: RotatedApiKeySchema })
  @ProblemResponses({
    400: 'invalid grace or expiresIn (validation_failed)',
    404: 'no such key (key_not_found)',
    409: 'the key is revoked, expired or already rotated (key_not_rotatable)',
    ...BODY_PROBLEMS,
  })
  async rotate(@Param('id') id: string, @Body() body: Record<string, unknown>, @Req() req: Request) {
    const now = this.clock.now();
    try {
      const rotated = await rotateApiKey(this.pool, id, { ...rotateOptions(body), organisationId: actingOrganisation(req).id }, now);
      if (!rotated) throw notFound(id);
      return { ...keyView(rotated.apiKey, now), key: rotated.key, replaces: keyView(rotated.previous, now) };
    } catch (err) {
      if (err instanceof ApiKeyInputError) throw validationProblem([{ field: err.field, reason: err.reason }]);
      if (err instanceof ApiKeyStateError) {
        throw new ApiProblem(409, 'key_not_rotatable', 'Conflict', `${err.message} Create a new key instead.`, undefined, {
          state: err.state,
        });
      }
      throw err;
    }
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiNoContentResponse({ description: 'revoked' })
  @ProblemResponses({ 404: 'no such key (key_not_found)' })
  async revoke(@Param('id') id: string, @Req() req: Request): Promise<void> {
    const key = await revokeApiKey(this.pool, id, this.clock.now(), actingOrganisation(req).id);
    if (!key) throw notFound(id);
  }
}
