// Server-side sessions in PostgreSQL: any replica serves any request, and ending a session in the
// table ends it everywhere at once. The browser holds only a random 256-bit id; the table holds its
// sha256 hash, so a copy of the table gives no usable session.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { ROLES, type Role } from '../../shared/auth/roles.decorator.js';
import { actorIdOf } from '../../people/people.js';

type Db = pg.Pool | pg.ClientBase;

const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}

export interface Session {
  personId: string;
  actorId: string;
  displayName: string | null;
  subject: string;
  /** the roles of the person's membership in the session's organisation, as they are now */
  roles: Role[];
  /** the organisation the session acts for unless a request names another (X-Organisation) */
  organisationId: string;
  organisationSlug: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** when the session ends if no request comes before */
  idleEndsAt: Date;
}

const newSecret = () => randomBytes(32).toString('base64url');
const hashSecret = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The most powerful role first: the page offers what that one may do. */
export function primaryRole(roles: readonly Role[]): Role | null {
  for (const r of ['admin', 'office', 'reporting', 'council'] as const) if (roles.includes(r)) return r;
  return null;
}

/** Opens a session for a person; the returned secret goes into the cookie and nowhere else. */
export async function createSession(
  db: Db,
  input: { personId: string; roles: Role[]; idToken: string | null; organisationId: string },
  now: Date,
  life: SessionLifetimes,
): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + life.absoluteMs);
  await db.query(
    `INSERT INTO sessions (id_hash, person_id, roles, csrf_token, id_token, created_at, last_seen_at, expires_at, organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`,
    [hashSecret(secret), input.personId, input.roles, newSecret(), input.idToken, now, expiresAt, input.organisationId],
  );
  return { secret, expiresAt };
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; reason: 'unknown' | 'expired' };

/**
 * The live session for a cookie's secret, its idle clock restarted; an expired one (idle or
 * absolute) is deleted on the spot, so it can never come back.
 */
export async function touchSession(db: Db, secret: string, now: Date, life: SessionLifetimes): Promise<SessionCheck> {
  if (!SECRET.test(secret)) return { ok: false, reason: 'unknown' };
  const hash = hashSecret(secret);
  const { rows } = await db.query(
    `WITH s AS (
       UPDATE sessions SET last_seen_at = $2
        WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $2::timestamptz - make_interval(secs => $3::double precision / 1000)
        RETURNING *)
     SELECT s.*, p.subject, p.display_name, o.slug AS organisation_slug, coalesce(m.roles, '{}') AS member_roles
       FROM s JOIN person p ON p.id = s.person_id JOIN organisations o ON o.id = s.organisation_id
       LEFT JOIN memberships m ON m.person_id = s.person_id AND m.organisation_id = s.organisation_id`,
    [hash, now, life.idleMs],
  );
  if (rows[0]) {
    const r = rows[0];
    return {
      ok: true,
      session: {
        personId: r.person_id,
        actorId: actorIdOf(r.person_id),
        displayName: r.display_name,
        subject: r.subject,
        // Roles come from the membership now, so a changed or removed membership takes effect at once.
        roles: (r.member_roles as string[]).filter((x): x is Role => (ROLES as readonly string[]).includes(x)),
        organisationId: r.organisation_id,
        organisationSlug: r.organisation_slug,
        csrfToken: r.csrf_token,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
        idleEndsAt: new Date(Math.min(r.expires_at.getTime(), r.last_seen_at.getTime() + life.idleMs)),
      },
    };
  }
  const { rowCount } = await db.query('DELETE FROM sessions WHERE id_hash = $1', [hash]);
  return { ok: false, reason: rowCount ? 'expired' : 'unknown' };
}

/** Ends a session; answers its ID token (for the IdP's logout) or null when there was none. */
export async function endSession(db: Db, secret: string): Promise<{ ended: boolean; idToken: string | null }> {
  if (!SECRET.test(secret)) return { ended: false, idToken: null };
  const { rows } = await db.query('DELETE FROM sessions WHERE id_hash = $1 RETURNING id_token', [hashSecret(secret)]);
  return { ended: rows.length > 0, idToken: rows[0]?.id_token ?? null };
}

/** Removes sessions and sign-in attempts that can no longer be used (called now and then). */
export async function sweepExpired(db: Db, now: Date, life: SessionLifetimes): Promise<void> {
  await db.query(
    `DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $1::timestamptz - make_interval(secs => $2::double precision / 1000)`,
    [now, life.idleMs],
  );
  await db.query(`DELETE FROM sign_in_attempts WHERE created_at <= $1::timestamptz - interval '10 minutes'`, [now]);
}

/** Constant-time comparison of the CSRF token sent with the session's. */
export function csrfMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

/** A sign-in in flight: what /auth/callback checks the IdP's answer against. Used once. */
export interface SignInAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export async function saveAttempt(db: Db, attempt: SignInAttempt, now: Date): Promise<string> {
  const secret = newSecret();
  await db.query(
    'INSERT INTO sign_in_attempts (id_hash, state, nonce, code_verifier, return_to, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [hashSecret(secret), attempt.state, attempt.nonce, attempt.codeVerifier, attempt.returnTo, now],
  );
  return secret;
}

/** Takes (and deletes) the attempt; null when unknown, already used or older than ten minutes. */
export async function takeAttempt(db: Db, secret: string, now: Date): Promise<SignInAttempt | null> {
  if (!SECRET.test(secret)) return null;
  const { rows } = await db.query('DELETE FROM sign_in_attempts WHERE id_hash = $1 RETURNING *', [hashSecret(secret)]);
  const r = rows[0];
  if (!r || r.created_at.getTime() <= now.getTime() - 600_000) return null;
  return { state: r.state, nonce: r.nonce, codeVerifier: r.code_verifier, returnTo: r.return_to };
}
