// GET /api/v1/me: who is asking. For a key, its name and role (as before); for a signed-in person,
// their name, subject and roles, when the session ends, and the CSRF token the page sends with
// every change (readable only by a same-origin script: the API sends no CORS headers).
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import { PG_POOL } from '../../event-store/event-store.module.js';
import { ROLES } from '../../shared/auth/roles.decorator.js';
import { ClassProperty } from '../../shared/schema.js';
import { GuardedRoutes } from '../../shared/openapi.js';
import { ApiProblem } from '../../shared/problem.js';
import { Schema } from '../../shared/schema.js';
import type { AuthenticatedRequest } from '../api-key.guard.js';
import { primaryRole } from './sessions.js';

@Schema({
  name: 'MyOrganisation',
  description: 'An organisation the caller acts for, with their roles there.',
  example: { slug: 'zhytomyr', name: 'Zhytomyr City Council', languages: ['uk', 'en', 'de'], roles: ['office'] },
})
export class MyOrganisationView {
  @ApiProperty({ example: 'zhytomyr', description: 'send as X-Organisation to act for it' }) slug: string;
  @ApiProperty({ example: 'Zhytomyr City Council' }) name: string;
  @ApiProperty({ type: [String], example: ['uk', 'en', 'de'], description: 'its languages, the default first' }) languages: string[];
  @ApiProperty({ enum: ROLES, isArray: true, example: ['office'] }) roles: string[];
}

@Schema({
  name: 'Me',
  description: 'Who is asking: the holder and role of the API key sent, or the signed-in person.',
  example: {
    name: 'Office for International Relations',
    role: 'office',
    organisation: 'dortmund',
    organisations: [{ slug: 'dortmund', name: 'Stadt Dortmund', languages: ['de', 'en', 'uk'], roles: ['office'] }],
  },
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
  @ApiProperty({ example: 'zhytomyr', description: 'the organisation this request acts for' }) organisation: string;
  @ClassProperty(() => MyOrganisationView, { isArray: true, description: 'every organisation the caller may act for' })
  organisations: MyOrganisationView[];
}

@ApiTags('web')
@Controller()
export class MeController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get('api/v1/me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who is asking: the API key sent, or the signed-in person' })
  @ApiOkResponse({ type: MeView })
  @GuardedRoutes()
  @Header('Cache-Control', 'no-store')
  async me(@Req() req: AuthenticatedRequest): Promise<MeView> {
    const key = req.apiKey;
    if (key) {
      const { rows } = await this.pool.query('SELECT name, languages FROM organisations WHERE id = $1', [key.organisationId]);
      const organisations = [
        { slug: key.organisationSlug, name: rows[0]?.name ?? '', languages: rows[0]?.languages ?? [], roles: [key.role] },
      ];
      return { name: key.name, role: key.role, organisation: key.organisationSlug, organisations };
    }
    const s = req.personSession;
    if (!s) throw new ApiProblem(401, 'missing_api_key', 'Unauthorized', 'This route needs an API key or a signed-in session.');
    const memberships = (await req.personMemberships?.()) ?? [];
    return {
      organisation: s.organisationSlug,
      organisations: memberships.map((m) => ({ slug: m.slug, name: m.name, languages: m.languages, roles: m.roles })),
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
