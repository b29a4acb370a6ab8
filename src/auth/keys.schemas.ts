// The key administration routes' answers as OpenAPI schemas (mirror keyView; checked at the end).
import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../shared/auth/roles.decorator.js';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../shared/schema.js';
import type { KeyState, keyView } from './api-keys.js';

type KeyView = ReturnType<typeof keyView>;

const KEY = {
  id: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
  name: 'Office for International Relations',
  role: 'office',
  state: 'active',
  createdAt: '2025-01-31T09:00:00.000Z',
  lastUsedAt: '2025-02-03T14:12:00.000Z',
  expiresAt: '2025-05-01T09:00:00.000Z',
  revokedAt: null,
  rotatedAt: null,
  replacedBy: null,
  organisation: 'dortmund',
};
const SECRET = 'pl_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f';

@Schema({ name: 'ApiKey', description: 'An API key and its state; never its secret.', example: KEY })
export class ApiKeySchema {
  @ApiProperty({ format: 'uuid', example: KEY.id }) id: string;
  @ApiProperty({ example: KEY.name, description: 'who holds it; recorded as the actor of every event it writes' }) name: string;
  @ApiProperty({ enum: ROLES, example: 'office' }) role: Role;
  @ApiProperty({ enum: ['active', 'rotating', 'rotated', 'expired', 'revoked'], example: 'active' }) state: KeyState;
  @ApiProperty({ format: 'date-time', example: KEY.createdAt }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: KEY.lastUsedAt }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: KEY.expiresAt, description: 'when it stops working' })
  expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) revokedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) rotatedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'the key that replaced it by rotation' })
  replacedBy: string | null;
  @ApiProperty({ example: KEY.organisation, description: 'the slug of the one organisation the key acts for' }) organisation: string;
}

@Schema({ name: 'CreatedApiKey', description: 'A new key: the secret is shown only in this answer.', example: { ...KEY, key: SECRET } })
export class CreatedApiKeySchema extends ApiKeySchema {
  @ApiProperty({ example: SECRET, description: 'send it as "Authorization: Bearer <key>"; it is not stored and cannot be shown again' })
  key: string;
}

@Schema({
  name: 'RotatedApiKey',
  description: 'The new key, and the key it replaces (working until the grace period ends).',
  example: { ...KEY, key: SECRET, replaces: { ...KEY, id: '01956f0e-0000-7c3e-9f2d-3a4b5c6d7e8f', state: 'rotating' } },
})
export class RotatedApiKeySchema extends CreatedApiKeySchema {
  @ClassProperty(() => ApiKeySchema) replaces: ApiKeySchema;
}

@Schema({ name: 'ApiKeyList', example: { keys: [KEY] } })
export class ApiKeyListSchema {
  @ClassProperty(() => ApiKeySchema, { isArray: true }) keys: ApiKeySchema[];
}

type _KeySchemasMirror = AllTrue<
  [
    Mirrors<ApiKeySchema, KeyView>,
    Mirrors<CreatedApiKeySchema, KeyView & { key: string }>,
    Mirrors<RotatedApiKeySchema, KeyView & { key: string; replaces: KeyView }>,
    Mirrors<ApiKeyListSchema, { keys: KeyView[] }>,
  ]
>;
