// The organisation routes' bodies and answers as OpenAPI schemas.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../shared/auth/roles.js';
import { ClassProperty, Schema } from '../shared/schema.js';

const IATI = { ref: 'DE-GOV-05913000', name: 'Stadt Dortmund', type: '10' };
const SETTINGS = { oparlBodyName: 'Stadt Dortmund', iati: IATI };
const ORGANISATION = {
  id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  slug: 'dortmund',
  name: 'Stadt Dortmund',
  languages: ['de', 'en', 'uk'],
  settings: SETTINGS,
  createdAt: '2026-12-01T09:00:00.000Z',
};

@Schema({ name: 'IatiReportingOrg', description: 'The IATI reporting-org of an organisation.', example: IATI })
export class IatiReportingOrgSchema {
  @ApiProperty({ example: IATI.ref, description: 'IATI organisation identifier' }) ref: string;
  @ApiPropertyOptional({ example: IATI.name }) name?: string;
  @ApiPropertyOptional({ example: IATI.type, description: 'IATI OrganisationType code (10: government)' }) type?: string;
}

@Schema({
  name: 'OrganisationSettings',
  description: "An organisation's OParl body, IATI reporting organisation and sign-in.",
  example: SETTINGS,
})
export class OrganisationSettingsSchema {
  @ApiPropertyOptional({ example: SETTINGS.oparlBodyName, description: 'the OParl Body name (default: the name)' }) oparlBodyName?: string;
  @ClassProperty(() => IatiReportingOrgSchema, { required: false }) iati?: IatiReportingOrgSchema;
  @ApiPropertyOptional({
    example: 'https://login.dortmund.example/realms/city',
    description: "its own OpenID issuer (default: the instance's)",
  })
  oidcIssuer?: string;
}

@Schema({
  name: 'Organisation',
  description: 'A municipality, district, association or agency that keeps partnerships here.',
  example: ORGANISATION,
})
export class OrganisationSchema {
  @ApiProperty({ format: 'uuid', example: ORGANISATION.id }) id: string;
  @ApiProperty({ example: 'dortmund', description: 'short name used in X-Organisation and on the command line' }) slug: string;
  @ApiProperty({ example: ORGANISATION.name }) name: string;
  @ApiProperty({ type: [String], example: ORGANISATION.languages, description: 'the first is its default language' }) languages: string[];
  @ClassProperty(() => OrganisationSettingsSchema) settings: OrganisationSettingsSchema;
  @ApiProperty({ format: 'date-time', example: ORGANISATION.createdAt }) createdAt: string;
}

@Schema({ name: 'OrganisationList', description: 'Organisations the caller may see.', example: { organisations: [ORGANISATION] } })
export class OrganisationListSchema {
  @ClassProperty(() => OrganisationSchema, { isArray: true }) organisations: OrganisationSchema[];
}

@Schema({
  name: 'CreateOrganisation',
  description: 'A new organisation.',
  example: { slug: 'zhytomyr', name: 'Zhytomyr City Council', languages: ['uk', 'en', 'de'] },
})
export class CreateOrganisationDto {
  @ApiProperty({ example: 'zhytomyr', pattern: '^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$' }) slug: string;
  @ApiProperty({ example: 'Zhytomyr City Council', maxLength: 200 }) name: string;
  @ApiPropertyOptional({ type: [String], enum: ['en', 'de', 'uk'], example: ['uk', 'en', 'de'] }) languages?: string[];
  @ClassProperty(() => OrganisationSettingsSchema, { required: false }) settings?: OrganisationSettingsSchema;
}

@Schema({
  name: 'UpdateOrganisation',
  description: 'Name, languages or settings to change; settings given replace those fields only.',
  example: { settings: { iati: IATI } },
})
export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'Stadt Dortmund', maxLength: 200 }) name?: string;
  @ApiPropertyOptional({ type: [String], enum: ['en', 'de', 'uk'], example: ['de', 'en', 'uk'] }) languages?: string[];
  @ClassProperty(() => OrganisationSettingsSchema, { required: false }) settings?: OrganisationSettingsSchema;
}

const MEMBER = {
  personId: '0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e6f',
  email: null,
  displayName: 'Office Tester',
  issuer: 'https://login.example/realms/city',
  subject: 'f3b1c2d4',
  roles: ['office'],
  pending: false,
};

@Schema({
  name: 'Member',
  description: "A person's roles in an organisation (pending: added by e-mail, not signed in yet).",
  example: MEMBER,
})
export class MemberSchema {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: MEMBER.personId }) personId: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: MEMBER.displayName }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true, example: MEMBER.issuer }) issuer: string | null;
  @ApiProperty({ type: String, nullable: true, example: MEMBER.subject }) subject: string | null;
  @ApiProperty({ enum: ROLES, isArray: true, example: MEMBER.roles }) roles: Role[];
  @ApiProperty({ example: false }) pending: boolean;
}

@Schema({ name: 'MemberList', description: "An organisation's members.", example: { members: [MEMBER] } })
export class MemberListSchema {
  @ClassProperty(() => MemberSchema, { isArray: true }) members: MemberSchema[];
}

@Schema({
  name: 'AddMember',
  description: 'A member by identity at the IdP (issuer and subject), or by e-mail (matched at their next sign-in).',
  example: { email: 'office@zhytomyr.example', roles: ['office'] },
})
export class AddMemberDto {
  @ApiPropertyOptional({ example: 'https://login.example/realms/city' }) issuer?: string;
  @ApiPropertyOptional({ example: 'f3b1c2d4' }) subject?: string;
  @ApiPropertyOptional({ example: 'office@zhytomyr.example' }) email?: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['office'] }) roles: Role[];
}

const INVITATION = {
  id: '0193a1c2-7c1e-7b4e-9d3f-2a1b3c4d5e70',
  partnershipId: 'dortmund-zhytomyr',
  organisation: 'dortmund',
  createdAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-15T09:00:00.000Z',
  acceptedAt: null,
  acceptedBy: null,
};

@Schema({ name: 'Invitation', description: 'An invitation of a partner organisation to a partnership.', example: INVITATION })
export class InvitationSchema {
  @ApiProperty({ format: 'uuid', example: INVITATION.id }) id: string;
  @ApiProperty({ example: INVITATION.partnershipId }) partnershipId: string;
  @ApiProperty({ example: 'dortmund', description: 'the inviting (owning) organisation' }) organisation: string;
  @ApiProperty({ format: 'date-time', example: INVITATION.createdAt }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: INVITATION.expiresAt }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) acceptedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'the partner organisation that accepted it' })
  acceptedBy: string | null;
}

@Schema({
  name: 'CreatedInvitation',
  description: 'A new invitation: the token is shown only in this answer; hand it to the partner organisation’s admin.',
  example: { ...INVITATION, token: 'pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f' },
})
export class CreatedInvitationSchema extends InvitationSchema {
  @ApiProperty({ example: 'pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f' }) token: string;
}

@Schema({
  name: 'CreateInvitation',
  description: 'Which partnership to invite a partner to, and for how long the invitation holds.',
  example: { partnershipId: 'dortmund-zhytomyr', validFor: '14d' },
})
export class CreateInvitationDto {
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiPropertyOptional({ example: '14d', description: 'days (d) or hours (h), at most 90d; default 14d' }) validFor?: string;
}

@Schema({
  name: 'AcceptInvitation',
  description: 'The token the owning organisation handed over.',
  example: { token: 'pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f' },
})
export class AcceptInvitationDto {
  @ApiProperty({ example: 'pli_4f9c2d7e1a6b3c8d5e0f7a2b9c4d1e6f' }) token: string;
}
