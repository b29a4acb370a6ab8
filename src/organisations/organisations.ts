// Organisations and their members: the rows behind the admin CLI and routes. Roles belong to a
// membership, so one person can be office staff in one organisation and nothing in another.
import type pg from 'pg';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { ROLES, type Role } from '../shared/auth/roles.js';

type Db = pg.Pool | pg.ClientBase;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;
const LANGUAGES = ['en', 'de', 'uk'] as const;
const IATI_REF = /^[A-Za-z0-9._:-]{3,100}$/;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** What an organisation sets for itself: its OParl body, its IATI reporting organisation, its sign-in. */
interface OrganisationSettings {
  /** the OParl Body's name (default: the organisation's name; the first organisation's: OPARL_BODY_NAME) */
  oparlBodyName?: string;
  /** the OParl Body's short name, website and Amtlicher Gemeindeschlüssel (the first organisation's default: OPARL_BODY_*) */
  oparlBodyShortName?: string;
  oparlBodyWebsite?: string;
  oparlBodyAgs?: string;
  /** with OPARL_PUBLIC on, publish this organisation's Body without a key (the first organisation's always is) */
  oparlPublic?: boolean;
  /** the IATI reporting-org: identifier, name and organisation type code (e.g. 10 government) */
  iati?: { ref: string; name?: string; type?: string };
  /** its own OpenID issuer; without one its members sign in at the instance's */
  oidcIssuer?: string;
}

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  languages: string[];
  settings: OrganisationSettings;
  createdAt: string;
}

export class OrganisationInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

/** The slug names an organisation that does not exist. */
export class UnknownOrganisationError extends Error {
  constructor(readonly slug: string) {
    super(`There is no organisation "${slug}".`);
  }
}

const toOrganisation = (r: pg.QueryResultRow): Organisation => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  languages: r.languages,
  settings: r.settings ?? {},
  createdAt: (r.created_at as Date).toISOString(),
});

function text(field: string, value: unknown, max: number): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!s || s.length > max) throw new OrganisationInputError(field, `must be 1–${max} characters`);
  if (CONTROL.test(s)) throw new OrganisationInputError(field, 'must not contain control characters');
  return s;
}

function slugOf(value: unknown): string {
  if (typeof value !== 'string' || !SLUG.test(value))
    throw new OrganisationInputError('slug', 'must be 1–32 lower-case letters, digits and inner hyphens, such as "dortmund"');
  return value;
}

function languagesOf(value: unknown): string[] {
  if (value === undefined) return [...LANGUAGES];
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  if (!Array.isArray(list) || !list.length || list.some((l) => !(LANGUAGES as readonly string[]).includes(l as string)))
    throw new OrganisationInputError('languages', `must list one or more of ${LANGUAGES.join(', ')} (the first is the default)`);
  return [...new Set(list as string[])];
}

const SETTINGS = ['oparlBodyName', 'oparlBodyShortName', 'oparlBodyWebsite', 'oparlBodyAgs', 'oparlPublic', 'iati', 'oidcIssuer'];

function httpUrl(field: string, value: unknown, what: string): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : null;
  if (!url || !['https:', 'http:'].includes(url.protocol)) throw new OrganisationInputError(field, `must be ${what}`);
  return url.toString().replace(/\/$/, '');
}

/** Settings checked field by field; unknown fields are refused rather than kept. */
function settingsOf(value: unknown): OrganisationSettings {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new OrganisationInputError('settings', 'must be an object');
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) if (!SETTINGS.includes(k)) throw new OrganisationInputError(`settings.${k}`, 'is not a setting');
  const out: OrganisationSettings = {};
  if (v.oparlBodyName !== undefined) out.oparlBodyName = text('settings.oparlBodyName', v.oparlBodyName, 200);
  if (v.oparlBodyShortName !== undefined) out.oparlBodyShortName = text('settings.oparlBodyShortName', v.oparlBodyShortName, 100);
  if (v.oparlBodyWebsite !== undefined) out.oparlBodyWebsite = httpUrl('settings.oparlBodyWebsite', v.oparlBodyWebsite, 'an http(s) URL');
  if (v.oparlBodyAgs !== undefined) {
    if (typeof v.oparlBodyAgs !== 'string' || !/^\d{8}$/.test(v.oparlBodyAgs))
      throw new OrganisationInputError('settings.oparlBodyAgs', 'must be an eight-digit Amtlicher Gemeindeschlüssel such as "05913000"');
    out.oparlBodyAgs = v.oparlBodyAgs;
  }
  if (v.oparlPublic !== undefined) {
    if (typeof v.oparlPublic !== 'boolean') throw new OrganisationInputError('settings.oparlPublic', 'must be true or false');
    out.oparlPublic = v.oparlPublic;
  }
  if (v.iati !== undefined) {
    const i = v.iati as Record<string, unknown> | null;
    if (!i || typeof i !== 'object' || typeof i.ref !== 'string' || !IATI_REF.test(i.ref))
      throw new OrganisationInputError('settings.iati.ref', 'must be an IATI organisation identifier such as DE-GOV-05913000');
    out.iati = { ref: i.ref };
    if (i.name !== undefined) out.iati.name = text('settings.iati.name', i.name, 200);
    if (i.type !== undefined) {
      if (typeof i.type !== 'string' || !/^\d{2}$/.test(i.type))
        throw new OrganisationInputError('settings.iati.type', 'must be an IATI OrganisationType code such as "10"');
      out.iati.type = i.type;
    }
  }
  if (v.oidcIssuer !== undefined) {
    out.oidcIssuer = httpUrl('settings.oidcIssuer', v.oidcIssuer, 'the issuer URL of an OpenID provider');
  }
  return out;
}

export async function createOrganisation(
  db: Db,
  input: { slug: unknown; name: unknown; languages?: unknown; settings?: unknown },
): Promise<Organisation> {
  const slug = slugOf(input.slug);
  const name = text('name', input.name, 200);
  const languages = languagesOf(input.languages);
  const settings = settingsOf(input.settings);
  const { rows } = await db.query(
    `INSERT INTO organisations (id, slug, name, languages, settings) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (slug) DO NOTHING RETURNING *`,
    [uuidv4(), slug, name, languages, settings],
  );
  if (!rows[0]) throw new OrganisationInputError('slug', `is taken: an organisation "${slug}" exists`);
  return toOrganisation(rows[0]);
}

export async function listOrganisations(db: Db, only?: string[]): Promise<Organisation[]> {
  const { rows } = await db.query('SELECT * FROM organisations WHERE $1::uuid[] IS NULL OR id = ANY($1) ORDER BY created_at, slug', [
    only ?? null,
  ]);
  return rows.map(toOrganisation);
}

export async function organisationBySlug(db: Db, slug: string): Promise<Organisation | null> {
  if (!SLUG.test(slug)) return null;
  const { rows } = await db.query('SELECT * FROM organisations WHERE slug = $1', [slug]);
  return rows[0] ? toOrganisation(rows[0]) : null;
}

export async function organisationById(db: Db, id: string): Promise<Organisation | null> {
  const { rows } = await db.query('SELECT * FROM organisations WHERE id = $1', [id]);
  return rows[0] ? toOrganisation(rows[0]) : null;
}

/** The organisation a command line names, or (none named) the only one, else the first created. */
async function organisationForCli(db: Db, slug: string | undefined): Promise<Organisation> {
  if (slug !== undefined) {
    const o = await organisationBySlug(db, slug);
    if (!o) throw new UnknownOrganisationError(slug);
    return o;
  }
  const [first] = await listOrganisations(db);
  return first;
}

/** organisationForCli's id for a command's `--organisation`, or null once `report` has said it is unknown. */
export async function organisationIdForCli(db: Db, slug: string | undefined, report: (line: string) => void): Promise<string | null> {
  try {
    return (await organisationForCli(db, slug)).id;
  } catch (err) {
    if (!(err instanceof UnknownOrganisationError)) throw err;
    report(`${err.message} List them with: npm run orgs:list\n`);
    return null;
  }
}

/** Changes the name, languages or settings (settings replace the stored ones field by field). */
export async function updateOrganisation(
  db: Db,
  id: string,
  input: { name?: unknown; languages?: unknown; settings?: unknown },
): Promise<Organisation | null> {
  const name = input.name === undefined ? null : text('name', input.name, 200);
  const languages = input.languages === undefined ? null : languagesOf(input.languages);
  const settings = input.settings === undefined ? null : settingsOf(input.settings);
  const { rows } = await db.query(
    `UPDATE organisations SET name = coalesce($2, name), languages = coalesce($3, languages),
            settings = CASE WHEN $4::jsonb IS NULL THEN settings ELSE settings || $4::jsonb END
      WHERE id = $1 RETURNING *`,
    [id, name, languages, settings === null ? null : JSON.stringify(settings)],
  );
  return rows[0] ? toOrganisation(rows[0]) : null;
}

function rolesOf(value: unknown): Role[] {
  const list = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
  if (!Array.isArray(list) || !list.length || list.some((r) => !(ROLES as readonly string[]).includes(r as string)))
    throw new OrganisationInputError('roles', `must list one or more of ${ROLES.join(', ')}`);
  return [...new Set(list as Role[])];
}

export interface Member {
  personId: string | null;
  email: string | null;
  displayName: string | null;
  issuer: string | null;
  subject: string | null;
  roles: Role[];
  /** pending: added by e-mail, not signed in yet */
  pending: boolean;
}

/**
 * Adds (or changes the roles of) a member: by identity at the IdP (the person row is created if they
 * never signed in), or by e-mail, matched at their next sign-in.
 */
export async function addMember(
  db: Db,
  organisationId: string,
  input: { issuer?: unknown; subject?: unknown; email?: unknown; roles: unknown },
  now = new Date(),
): Promise<Member> {
  const roles = rolesOf(input.roles);
  if (input.email !== undefined) {
    const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
    if (!/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email)) throw new OrganisationInputError('email', 'must be an e-mail address');
    await db.query(
      `INSERT INTO pending_memberships (organisation_id, email, roles) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, email) DO UPDATE SET roles = excluded.roles`,
      [organisationId, email, roles],
    );
    return { personId: null, email, displayName: null, issuer: null, subject: null, roles, pending: true };
  }
  const issuer = text('issuer', input.issuer, 500);
  const subject = text('subject', input.subject, 500);
  const { rows } = await db.query(
    `WITH p AS (INSERT INTO person (id, issuer, subject, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
                ON CONFLICT (issuer, subject) DO UPDATE SET updated_at = person.updated_at RETURNING *)
     SELECT * FROM p`,
    [uuidv7(), issuer, subject, now],
  );
  const person = rows[0];
  await db.query(
    `INSERT INTO memberships (organisation_id, person_id, roles) VALUES ($1, $2, $3)
     ON CONFLICT (organisation_id, person_id) DO UPDATE SET roles = excluded.roles, from_idp = false`,
    [organisationId, person.id, roles],
  );
  return { personId: person.id, email: person.email, displayName: person.display_name, issuer, subject, roles, pending: false };
}

export async function listMembers(db: Db, organisationId: string): Promise<Member[]> {
  const { rows } = await db.query(
    `SELECT p.id AS person_id, p.email, p.display_name, p.issuer, p.subject, m.roles, false AS pending
       FROM memberships m JOIN person p ON p.id = m.person_id WHERE m.organisation_id = $1
     UNION ALL
     SELECT NULL, email, NULL, NULL, NULL, roles, true FROM pending_memberships WHERE organisation_id = $1
     ORDER BY pending, email NULLS LAST, person_id`,
    [organisationId],
  );
  return rows.map((r) => ({
    personId: r.person_id,
    email: r.email,
    displayName: r.display_name,
    issuer: r.issuer,
    subject: r.subject,
    roles: r.roles,
    pending: r.pending,
  }));
}

export interface Membership {
  organisationId: string;
  slug: string;
  name: string;
  languages: string[];
  roles: Role[];
}

/** A person's memberships, the first created first. */
export async function membershipsOf(db: Db, personId: string): Promise<Membership[]> {
  const { rows } = await db.query(
    `SELECT o.id, o.slug, o.name, o.languages, m.roles FROM memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE m.person_id = $1 ORDER BY m.created_at, o.slug`,
    [personId],
  );
  return rows.map((r) => ({ organisationId: r.id, slug: r.slug, name: r.name, languages: r.languages, roles: r.roles }));
}
