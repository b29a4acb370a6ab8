// Which organisations may read (and on which side write) a partnership: its own organisation, and
// the partner's once an invitation is accepted, until it is unlinked. Readers filter by these rows;
// row-level security joins the same table.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';

type Db = pg.Pool | pg.ClientBase;

export type Side = 'own' | 'partner';

/**
 * SQL: the partnerships organisation `$n` may read now. Unlinking ends the partner's access at
 * `until`; the owner's row never ends.
 */
export const readablePartnerships = (param: string) =>
  `(SELECT a.partnership_id FROM partnership_access a WHERE a.organisation_id = ${param} AND (a.until IS NULL OR a.until > now()))`;

/** Records that an organisation started a partnership (in the transaction of its first event). */
export async function grantOwn(db: Db, organisationId: string, partnershipId: string): Promise<void> {
  await db.query(
    `INSERT INTO partnership_access (organisation_id, partnership_id, stream_id, side) VALUES ($1, $2, $2, 'own')
     ON CONFLICT DO NOTHING`,
    [organisationId, partnershipId],
  );
}

/** The side an organisation reads a partnership on now, or null when it may not read it. */
export async function sideOf(db: Db, organisationId: string, partnershipId: string): Promise<Side | null> {
  const { rows } = await db.query(
    `SELECT side FROM partnership_access WHERE organisation_id = $1 AND partnership_id = $2 AND (until IS NULL OR until > now())
      ORDER BY side = 'own' DESC LIMIT 1`,
    [organisationId, partnershipId],
  );
  return rows[0]?.side ?? null;
}

export interface StreamAccess {
  organisationId: string;
  side: Side;
}

/**
 * Every organisation that may read a stream now and its side, the owner first: one read answers a
 * command's side, the owner whose subject keys it seals with, and whether a partner is linked.
 */
export async function accessOfStream(db: Db, streamId: string): Promise<StreamAccess[]> {
  const { rows } = await db.query(
    `SELECT organisation_id, side FROM partnership_access WHERE stream_id = $1 AND (until IS NULL OR until > now())
      ORDER BY side = 'own' DESC, since`,
    [streamId],
  );
  return rows.map((r) => ({ organisationId: r.organisation_id as string, side: r.side as Side }));
}

/** The side `organisationId` has in `access` (its own before a partner's), as sideOf reads it. */
export const sideIn = (access: StreamAccess[], organisationId: string): Side | null =>
  access.find((a) => a.organisationId === organisationId)?.side ?? null;

/** Organisations that may read a stream now (owner first). */
export async function organisationsOfStream(db: Db, streamId: string): Promise<string[]> {
  return (await accessOfStream(db, streamId)).map((a) => a.organisationId);
}

/** Who recorded each event: the organisation's slug and its side of the partnership. */
async function recordersOf(db: Db, eventIds: string[]): Promise<Map<string, { organisation: string; side: Side }>> {
  const out = new Map<string, { organisation: string; side: Side }>();
  if (!eventIds.length) return out;
  const { rows } = await db.query(
    `SELECT e.event_id, o.slug, coalesce(a.side, 'own') AS side
       FROM events e JOIN organisations o ON o.id = e.organisation_id
       LEFT JOIN LATERAL (SELECT side FROM partnership_access x
                           WHERE x.partnership_id = e.stream_id AND x.organisation_id = e.organisation_id
                           ORDER BY x.side = 'own' DESC LIMIT 1) a ON true
      WHERE e.event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  for (const r of rows) out.set(r.event_id, { organisation: r.slug, side: r.side });
  return out;
}

/** Adds `recordedBy` to entries (timeline, digests, exports). */
export async function withRecordedBy<T extends { eventId: string }>(
  db: Db,
  entries: T[],
): Promise<(T & { recordedBy?: { organisation: string; side: Side } })[]> {
  const by = await recordersOf(
    db,
    entries.map((e) => e.eventId),
  );
  return entries.map((e) => {
    const r = by.get(e.eventId);
    return r ? { ...e, recordedBy: r } : e;
  });
}

const hashToken = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
const TOKEN = /^pli_[A-Za-z0-9_-]{43}$/;

export interface Invitation {
  id: string;
  partnershipId: string;
  organisation: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
}

export class InvitationError extends Error {
  constructor(
    readonly status: 404 | 409 | 410,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A one-time invitation of a partner organisation to a partnership the inviter owns; the token is
 * returned once and only its hash kept. Null when the inviter does not own the partnership.
 */
export async function createInvitation(
  db: Db,
  input: { organisationId: string; partnershipId: string; createdBy: string; validForMs: number },
  now = new Date(),
): Promise<{ token: string; invitation: Invitation } | null> {
  if ((await sideOf(db, input.organisationId, input.partnershipId)) !== 'own') return null;
  const token = `pli_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + input.validForMs);
  const { rows } = await db.query(
    `WITH i AS (INSERT INTO organisation_invitations (id, organisation_id, partnership_id, token_hash, created_by, created_at, expires_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
     SELECT i.*, o.slug, NULL AS accepted_slug FROM i JOIN organisations o ON o.id = i.organisation_id`,
    [uuidv7(), input.organisationId, input.partnershipId, hashToken(token), input.createdBy, now, expiresAt],
  );
  return { token, invitation: toInvitation(rows[0]) };
}

const toInvitation = (r: pg.QueryResultRow): Invitation => ({
  id: r.id,
  partnershipId: r.partnership_id,
  organisation: r.slug,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
  acceptedAt: r.accepted_at ? r.accepted_at.toISOString() : null,
  acceptedBy: r.accepted_slug ?? null,
});

/**
 * The partner organisation accepts: it reads the partnership, on the partner side, from now on.
 * One use only; an expired, used or unknown token changes nothing.
 */
export async function acceptInvitation(db: pg.ClientBase, partnerId: string, token: unknown, now = new Date()): Promise<Invitation> {
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new InvitationError(404, 'invitation_not_found', 'The invitation is unknown.');
  const { rows } = await db.query(
    `SELECT i.*, o.slug FROM organisation_invitations i JOIN organisations o ON o.id = i.organisation_id WHERE token_hash = $1 FOR UPDATE OF i`,
    [hashToken(token)],
  );
  const inv = rows[0];
  if (!inv) throw new InvitationError(404, 'invitation_not_found', 'The invitation is unknown.');
  if (inv.accepted_at) throw new InvitationError(410, 'invitation_used', 'The invitation was accepted already; ask for a new one.');
  if (inv.expires_at.getTime() <= now.getTime())
    throw new InvitationError(410, 'invitation_expired', `The invitation expired at ${inv.expires_at.toISOString()}; ask for a new one.`);
  if (inv.organisation_id === partnerId)
    throw new InvitationError(409, 'invitation_to_self', 'An organisation cannot be the partner of its own partnership.');
  const { rowCount } = await db.query(
    `INSERT INTO partnership_access (organisation_id, partnership_id, stream_id, side, since, invitation_id)
     SELECT $1, $2, $2, 'partner', $3, $4
      WHERE NOT EXISTS (SELECT 1 FROM partnership_access WHERE partnership_id = $2 AND side = 'partner' AND until IS NULL)`,
    [partnerId, inv.partnership_id, now, inv.id],
  );
  if (!rowCount)
    throw new InvitationError(
      409,
      'partner_already_linked',
      'The partnership is linked to a partner organisation already; unlink it first.',
    );
  const { rows: done } = await db.query(
    `UPDATE organisation_invitations SET accepted_at = $2, accepted_by = $3 WHERE id = $1
     RETURNING *, $4::text AS slug, (SELECT slug FROM organisations WHERE id = $3) AS accepted_slug`,
    [inv.id, now, partnerId, inv.slug],
  );
  return toInvitation(done[0]);
}

/**
 * Ends the partner's access from `at` (either side may unlink). Its entries stay in the log and on
 * the owner's timeline. Answers whether a link was ended.
 */
export async function unlink(db: Db, organisationId: string, partnershipId: string, at: Date): Promise<boolean> {
  const side = await sideOf(db, organisationId, partnershipId);
  if (!side) return false;
  const { rowCount } = await db.query(
    `UPDATE partnership_access SET until = greatest(since, $2) WHERE partnership_id = $1 AND side = 'partner' AND until IS NULL`,
    [partnershipId, at],
  );
  return (rowCount ?? 0) > 0;
}
