// Organisation administration: organisations, their settings and members, and the invitations that
// link a partner organisation to a partnership. An organisation's admin manages their own
// organisation; creating organisations and seeing all of them is for the admins of the instance's
// first organisation (the operator). Anything else is "not found", as for partnerships.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type pg from 'pg';
import { PG_POOL } from '../event-store/event-store.module.js';
import { withTransaction } from '../event-store/transaction.js';
import { Roles } from '../shared/auth/roles.decorator.js';
import { Clock } from '../shared/clock.js';
import { BODY_PROBLEMS, GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import { acceptInvitation, createInvitation, InvitationError, unlink } from './access.js';
import { asSystem } from '../shared/db-scope.js';
import { actingOrganisation, INSTANCE_ORGANISATION_ID } from './acting.js';
import {
  addMember,
  createOrganisation,
  listMembers,
  listOrganisations,
  organisationBySlug,
  OrganisationInputError,
  updateOrganisation,
  type Organisation,
} from './organisations.js';
import {
  AcceptInvitationDto,
  AddMemberDto,
  CreatedInvitationSchema,
  CreateInvitationDto,
  CreateOrganisationDto,
  InvitationSchema,
  MemberListSchema,
  MemberSchema,
  OrganisationListSchema,
  OrganisationSchema,
  UpdateOrganisationDto,
} from './organisations.schemas.js';

const notFound = (slug: string) =>
  new ApiProblem(404, 'organisation_not_found', 'Not found', `There is no organisation "${String(slug).slice(0, 40)}" you administer.`);

const DEFAULT_VALID_FOR = '14d';

function validForMs(value: unknown): number {
  const m = typeof value === 'string' ? /^(\d{1,3})([dh])$/.exec(value) : null;
  const ms = m ? Number(m[1]) * (m[2] === 'd' ? 86_400_000 : 3_600_000) : NaN;
  if (!m || ms <= 0 || ms > 90 * 86_400_000)
    throw validationProblem([{ field: 'validFor', reason: 'must be a duration such as 14d or 48h (at most 90d)' }]);
  return ms;
}

function body(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw validationProblem([{ field: 'body', reason: 'must be a JSON object sent with Content-Type: application/json' }]);
  return value as Record<string, unknown>;
}

function onlyFields(b: Record<string, unknown>, fields: string[]): void {
  const extra = Object.keys(b).filter((k) => !fields.includes(k));
  if (extra.length) throw validationProblem(extra.map((field) => ({ field, reason: 'is not a known field' })));
}

function inputProblem(err: unknown): never {
  if (err instanceof OrganisationInputError) throw validationProblem([{ field: err.field, reason: err.reason }]);
  throw err;
}

@ApiTags('organisations')
@ApiBearerAuth()
@GuardedRoutes()
@Roles('admin')
@Controller('api/v1/organisations')
export class OrganisationsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The operator: an admin acting for the instance's first organisation. */
  private isOperator(req: Request): boolean {
    return actingOrganisation(req).id === INSTANCE_ORGANISATION_ID;
  }

  /** The organisation of the path, if the caller administers it (or is the operator); else 404. */
  private async administered(req: Request, slug: string, operatorToo = false): Promise<Organisation> {
    const org = await organisationBySlug(this.pool, slug);
    if (!org) throw notFound(slug);
    if (org.id === actingOrganisation(req).id || (operatorToo && this.isOperator(req))) return org;
    throw notFound(slug);
  }

  @Post()
  @ApiOperation({ summary: "Create an organisation (the instance operator's admins only)" })
  @ApiBody({ type: CreateOrganisationDto })
  @ApiCreatedResponse({ type: OrganisationSchema })
  @ProblemResponses({ 400: 'invalid or taken slug, name, languages or settings (validation_failed)', ...BODY_PROBLEMS })
  async create(@Body() raw: unknown, @Req() req: Request) {
    if (!this.isOperator(req))
      throw new ApiProblem(
        403,
        'operator_only',
        'Forbidden',
        "Organisations are created by the admins of the instance's first organisation (or with npm run orgs:create).",
      );
    const b = body(raw);
    onlyFields(b, ['slug', 'name', 'languages', 'settings']);
    return createOrganisation(this.pool, b as { slug: unknown; name: unknown }).catch(inputProblem);
  }

  @Get()
  @ApiOperation({ summary: 'Organisations: all for the instance operator, else the one the caller acts for' })
  @ApiOkResponse({ type: OrganisationListSchema })
  async list(@Req() req: Request) {
    const only = this.isOperator(req) ? undefined : [actingOrganisation(req).id];
    return { organisations: await listOrganisations(this.pool, only) };
  }

  @Get(':slug')
  @ApiOperation({ summary: 'One organisation with its settings' })
  @ApiOkResponse({ type: OrganisationSchema })
  @ProblemResponses({ 404: 'no such organisation, or not yours (organisation_not_found)' })
  get(@Param('slug') slug: string, @Req() req: Request) {
    return this.administered(req, slug, true);
  }

  @Patch(':slug')
  @ApiOperation({ summary: "Change an organisation's name, languages or settings (OParl body, IATI reporting-org, OpenID issuer)" })
  @ApiBody({ type: UpdateOrganisationDto })
  @ApiOkResponse({ type: OrganisationSchema })
  @ProblemResponses({
    400: 'invalid name, languages or settings (validation_failed)',
    404: 'no such organisation, or not yours (organisation_not_found)',
    ...BODY_PROBLEMS,
  })
  async update(@Param('slug') slug: string, @Body() raw: unknown, @Req() req: Request) {
    const org = await this.administered(req, slug, true);
    const b = body(raw);
    onlyFields(b, ['name', 'languages', 'settings']);
    return (await updateOrganisation(this.pool, org.id, b).catch(inputProblem))!;
  }

  @Get(':slug/members')
  @ApiOperation({ summary: "An organisation's members and their roles" })
  @ApiOkResponse({ type: MemberListSchema })
  @ProblemResponses({ 404: 'no such organisation, or not yours (organisation_not_found)' })
  async members(@Param('slug') slug: string, @Req() req: Request) {
    const org = await this.administered(req, slug, true);
    return { members: await listMembers(this.pool, org.id) };
  }

  @Post(':slug/members')
  @ApiOperation({ summary: 'Add a member (or change their roles): by issuer and subject, or by e-mail' })
  @ApiBody({ type: AddMemberDto })
  @ApiCreatedResponse({ type: MemberSchema })
  @ProblemResponses({
    400: 'invalid identity, e-mail or roles (validation_failed)',
    404: 'no such organisation, or not yours (organisation_not_found)',
    ...BODY_PROBLEMS,
  })
  async addMember(@Param('slug') slug: string, @Body() raw: unknown, @Req() req: Request) {
    const org = await this.administered(req, slug, true);
    const b = body(raw);
    onlyFields(b, ['issuer', 'subject', 'email', 'roles']);
    if ((b.email === undefined) === (b.issuer === undefined && b.subject === undefined))
      throw validationProblem([{ field: 'email', reason: 'give either email, or issuer and subject' }]);
    return addMember(this.pool, org.id, { ...b, roles: b.roles }, this.clock.now()).catch(inputProblem);
  }

  @Post(':slug/invitations')
  @ApiOperation({ summary: 'Invite a partner organisation to a partnership this organisation owns (one-time, expiring token)' })
  @ApiBody({ type: CreateInvitationDto })
  @ApiCreatedResponse({ type: CreatedInvitationSchema })
  @ProblemResponses({
    400: 'invalid validFor (validation_failed)',
    404: 'no such organisation or partnership of yours (organisation_not_found, partnership_not_found)',
    ...BODY_PROBLEMS,
  })
  async invite(@Param('slug') slug: string, @Body() raw: unknown, @Req() req: Request) {
    const org = await this.administered(req, slug);
    const b = body(raw);
    onlyFields(b, ['partnershipId', 'validFor']);
    const ms = validForMs(b.validFor ?? DEFAULT_VALID_FOR);
    const partnershipId = typeof b.partnershipId === 'string' ? b.partnershipId : '';
    const created = await createInvitation(
      this.pool,
      { organisationId: org.id, partnershipId, createdBy: actorOf(req), validForMs: ms },
      this.clock.now(),
    );
    if (!created)
      throw new ApiProblem(
        404,
        'partnership_not_found',
        'Not found',
        `Partnership ${partnershipId.slice(0, 100)} is not one ${org.slug} owns; only the owner invites a partner.`,
      );
    return { ...created.invitation, token: created.token };
  }

  @Post(':slug/invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept an invitation as the partner organisation's admin: its members then read and record their side" })
  @ApiBody({ type: AcceptInvitationDto })
  @ApiOkResponse({ type: InvitationSchema })
  @ProblemResponses({
    404: 'unknown invitation or organisation (invitation_not_found, organisation_not_found)',
    409: 'the partnership has a partner already, or is your own (partner_already_linked, invitation_to_self)',
    410: 'the invitation was used or expired (invitation_used, invitation_expired)',
    ...BODY_PROBLEMS,
  })
  async accept(@Param('slug') slug: string, @Body() raw: unknown, @Req() req: Request) {
    const org = await this.administered(req, slug);
    const b = body(raw);
    onlyFields(b, ['token']);
    try {
      // The inviter's invitation, found by its secret and marked used: system work (docs/security.md).
      return await asSystem(() => withTransaction(this.pool, (tx) => acceptInvitation(tx, org.id, b.token, this.clock.now())));
    } catch (err) {
      if (err instanceof InvitationError)
        throw new ApiProblem(err.status, err.code, { 404: 'Not found', 409: 'Conflict', 410: 'Gone' }[err.status], err.message);
      throw err;
    }
  }

  @Delete(':slug/partnerships/:partnershipId/link')
  @HttpCode(204)
  @ApiOperation({ summary: "Unlink the partner organisation: its access ends now; its entries stay in the log (either side's admin)" })
  @ApiNoContentResponse({ description: 'unlinked' })
  @ProblemResponses({ 404: 'no such organisation, partnership or link (organisation_not_found, link_not_found)' })
  async unlink(@Param('slug') slug: string, @Param('partnershipId') partnershipId: string, @Req() req: Request): Promise<void> {
    const org = await this.administered(req, slug);
    // Ends the partner's access row (the other organisation's) once unlink has checked this side: system work.
    if (!(await asSystem(() => unlink(this.pool, org.id, partnershipId, this.clock.now()))))
      throw new ApiProblem(
        404,
        'link_not_found',
        'Not found',
        `Partnership ${partnershipId.slice(0, 100)} has no linked partner of yours.`,
      );
  }
}

/** Who did it, for the invitation's record: a key's name or a person's pseudonymous id. */
function actorOf(req: Request): string {
  const r = req as Request & { apiKey?: { name: string }; personSession?: { actorId: string } };
  return r.apiKey?.name ?? r.personSession?.actorId ?? 'unknown';
}
