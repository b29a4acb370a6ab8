// GET /api/v1/me: who is asking. For a key, its name and role (as before); for a signed-in person,
// their name, subject and roles, when the session ends, and the CSRF token the page sends with
// every change (readable only by a same-origin script: the API sends no CORS headers).
import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ROLES } from '../../shared/auth/roles.decorator.js';
import { GuardedRoutes } from '../../shared/openapi.js';
import { ApiProblem } from '../../shared/problem.js';
import { Schema } from '../../shared/schema.js';
import type { AuthenticatedRequest } from '../api-key.guard.js';
import { primaryRole } from './sessions.js';

@Schema({
  name: 'Me',
  description: 'Who is asking: the holder and role of the API key sent, or the signed-in person.',
  example: { name: 'Office for International Relations', role: 'office' },
})
export class MeView {
  @ApiProperty({ example: 'Office for International Relations', description: "the key's name, or the person's display name" })
  name: string;
  @ApiProperty({ enum: ROLES, example: 'council', description: "the key's role, or the person's most powerful role" }) role: string;
  @ApiPropertyOptional({ enum: ['person'], description: 'present for a signed-in person' }) kind?: 'person';
  @ApiPropertyOptional({ example: 'person:0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f', description: 'the pseudonymous id events record' })
  actorId?: string;
  @ApiPropertyOptional({ example: 'f3b1c2d4-…', description: "the person's subject at the identity provider" }) subject?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'every role the person has' }) roles?: string[];
  @ApiPropertyOptional({ description: 'send as X-CSRF-Token with every change made with the session cookie' }) csrfToken?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'the session ends then at the latest' }) sessionExpiresAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'the session ends then unless another request comes first' })
  idleEndsAt?: string;
}

@ApiTags('web')
@Controller()
export class MeController {
  @Get('api/v1/me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is asking: the API key sent, or the signed-in person' })
  @ApiOkResponse({ type: MeView })
  @GuardedRoutes()
  @Header('Cache-Control', 'no-store')
  me(@Req() req: AuthenticatedRequest): MeView {
    const key = req.apiKey;
    if (key) return { name: key.name, role: key.role };
    const s = req.personSession;
    if (!s) throw new ApiProblem(401, 'missing_api_key', 'Unauthorized', 'This route needs an API key or a signed-in session.');
    return {
      kind: 'person',
      name: s.displayName ?? s.subject,
      role: primaryRole(s.roles)!,
      actorId: s.actorId,
      subject: s.subject,
      roles: s.roles,
      csrfToken: s.csrfToken,
      sessionExpiresAt: s.expiresAt.toISOString(),
      idleEndsAt: s.idleEndsAt.toISOString(),
    };
  }
}
