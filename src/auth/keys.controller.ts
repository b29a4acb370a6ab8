import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, Matches } from 'class-validator';
import type pg from 'pg';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ROLES, Roles, type Role } from '../shared/auth/roles.decorator.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import { ApiValidationPipe } from '../shared/validation.pipe.js';
import { ApiKeyInputError, createApiKey, listApiKeys, revokeApiKey, type ApiKey } from './api-keys.js';

export class CreateKeyDto {
  @ApiProperty({ example: 'Office for International Relations', maxLength: 200 })
  @IsString({ message: 'must be a text' })
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name: string;

  @ApiProperty({ enum: ROLES, example: 'office' })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;
}

const view = (k: ApiKey) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
  lastUsedAt: k.lastUsedAt,
});

/** Key administration for admins; `npm run keys:create` does the same from a shell. */
@ApiTags('keys')
@ApiBearerAuth()
@Roles('admin')
@UsePipes(ApiValidationPipe)
@Controller('api/v1/keys')
export class KeysController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key itself is shown only in this response' })
  @ApiBody({ type: CreateKeyDto, examples: { office: { value: { name: 'Office for International Relations', role: 'office' } } } })
  async create(@Body() body: CreateKeyDto) {
    try {
      const { key, apiKey } = await createApiKey(this.pool, body);
      return { ...view(apiKey), key };
    } catch (err) {
      if (err instanceof ApiKeyInputError) throw validationProblem([{ field: err.field, reason: err.reason }]);
      throw err;
    }
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never their secrets)' })
  async list() {
    return { keys: (await listApiKeys(this.pool)).map(view) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  async revoke(@Param('id') id: string): Promise<void> {
    const key = await revokeApiKey(this.pool, id);
    if (!key) throw new ApiProblem(404, 'key_not_found', 'Not found', `There is no API key ${id}.`);
  }
}
