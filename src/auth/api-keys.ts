// API keys: random 256-bit secrets shown once, stored as sha256 hashes. A plain hash (no salt or
// KDF) is enough because the secret is random and long; it also makes lookup one indexed query.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { withTransaction } from '../event-store/transaction.js';
import { INSTANCE_ORGANISATION_ID } from '../organisations/acting.js';
import { ROLES, type Role } from '../shared/auth/roles.js';

const KEY_PREFIX = 'pl_';
const KEY_PATTERN = /^pl_[A-Za-z0-9_-]{43}$/;
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** C0/C1 controls (NUL, tab, newline, DEL…) and the Unicode line/paragraph separators. */
export const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;
export const DEFAULT_ROTATION_GRACE = '7d';

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** When the key stops working: its own expiry, or the end of the grace period after a rotation. */
  expiresAt: Date | null;
  rotatedAt: Date | null;
  replacedBy: string | null;
  /** the one organisation the key acts for */
  organisationId: string;
  organisationSlug: string;
}

/**
 * active: works. rotating: replaced, still works until expiresAt (grace). rotated: replaced, grace over.
 * expired: its expiry passed. revoked: revoked by an admin (wins over every other state).
 */
export type KeyState = 'active' | 'rotating' | 'rotated' | 'expired' | 'revoked';

export function keyState(k: ApiKey, now: Date): KeyState {
  if (k.revokedAt) return 'revoked';
  if (k.expiresAt && k.expiresAt.getTime() <= now.getTime()) return k.rotatedAt ? 'rotated' : 'expired';
  return k.rotatedAt ? 'rotating' : 'active';
}

export class ApiKeyInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

/** A key that exists but cannot be rotated in its state (revoked, expired, already rotated). */
export class ApiKeyStateError extends Error {
  constructor(
    readonly key: ApiKey,
    readonly state: KeyState,
  ) {
    super(`The API key ${key.id} is ${state} and cannot be rotated.`);
  }
}

function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const MAX_DURATION_MS = 3650 * 86_400_000;

/** "90d", "12h", "30m", "2w" → milliseconds; the one duration syntax of the CLI and the API. */
function parseDuration(field: string, value: unknown, opts: { allowZero?: boolean } = {}): number {
  const m = typeof value === 'string' ? /^(\d{1,6})([mhdw])$/.exec(value.trim()) : null;
  const ms = m ? Number(m[1]) * UNITS[m[2]] : NaN;
  if (!m || ms > MAX_DURATION_MS || (ms === 0 && !opts.allowZero)) {
    throw new ApiKeyInputError(
      field,
      `must be a duration such as 90d, 12h, 30m or 2w (${opts.allowZero ? 'zero' : 'more than zero'} up to 3650d)`,
    );
  }
  return ms;
}

function validName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name || name.length > 200) throw new ApiKeyInputError('name', 'must be 1–200 characters');
  if (CONTROL_CHARACTERS.test(name))
    throw new ApiKeyInputError('name', 'must not contain control characters (such as NUL, tab or newline)');
  return name;
}

/** The expiry asked for: a duration from now, or an absolute time in the future; never both. */
function expiryOf(input: { expiresIn?: unknown; expiresAt?: unknown }, now: Date): Date | null {
  if (input.expiresIn !== undefined && input.expiresAt !== undefined) {
    throw new ApiKeyInputError('expiresAt', 'cannot be combined with expiresIn; give one of them');
  }
  if (input.expiresIn !== undefined) return new Date(now.getTime() + parseDuration('expiresIn', input.expiresIn));
  if (input.expiresAt !== undefined) {
    const at = typeof input.expiresAt === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(input.expiresAt) ? new Date(input.expiresAt) : null;
    if (!at || Number.isNaN(at.getTime()))
      throw new ApiKeyInputError('expiresAt', 'must be an ISO 8601 date-time such as 2027-01-31T00:00:00Z');
    if (at.getTime() <= now.getTime()) throw new ApiKeyInputError('expiresAt', 'must be in the future');
    if (at.getTime() - now.getTime() > MAX_DURATION_MS) throw new ApiKeyInputError('expiresAt', 'must be at most 3650 days ahead');
    return at;
  }
  return null;
}

const toKey = (r: pg.QueryResultRow): ApiKey => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at ?? null,
  rotatedAt: r.rotated_at ?? null,
  replacedBy: r.replaced_by ?? null,
  organisationId: r.organisation_id,
  organisationSlug: r.organisation_slug ?? '',
});

/** A key's row with its organisation's slug. */
const KEY_ROW = `SELECT k.*, o.slug AS organisation_slug FROM api_keys k JOIN organisations o ON o.id = k.organisation_id`;

type Db = pg.Pool | pg.ClientBase;

export interface CreateKeyInput {
  name: unknown;
  role: unknown;
  /** A duration such as "90d". */
  expiresIn?: unknown;
  /** An ISO 8601 date-time. */
  expiresAt?: unknown;
  /** The organisation the key acts for (default: the instance's first). */
  organisationId?: string;
}

async function insertKey(db: Db, name: string, role: Role, createdAt: Date, expiresAt: Date | null, organisationId: string) {
  const key = generateKey();
  const { rows } = await db.query(
    `WITH k AS (INSERT INTO api_keys (id, name, role, key_hash, created_at, expires_at, organisation_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
     SELECT k.*, o.slug AS organisation_slug FROM k JOIN organisations o ON o.id = k.organisation_id`,
    [uuidv7(), name, role, hashKey(key), createdAt, expiresAt, organisationId],
  );
  return { key, apiKey: toKey(rows[0]) };
}

/** Creates a key and returns its secret: the only moment the secret exists outside the caller. */
export async function createApiKey(db: Db, input: CreateKeyInput, now = new Date()): Promise<{ key: string; apiKey: ApiKey }> {
  const name = validName(input.name);
  if (!isRole(input.role)) throw new ApiKeyInputError('role', `must be one of ${ROLES.join(', ')}`);
  return insertKey(db, name, input.role, now, expiryOf(input, now), input.organisationId ?? INSTANCE_ORGANISATION_ID);
}

/**
 * Issues a new key for the same holder and role; the old one keeps working for `grace` and then
 * stops (its expires_at moves to the end of the grace period, never later than it already was).
 * The new key lives as long as the old one was meant to (from now), unless expiresIn says otherwise.
 * Returns null when there is no such key.
 */
export async function rotateApiKey(
  pool: pg.Pool,
  id: string,
  opts: { grace?: unknown; expiresIn?: unknown; organisationId?: string } = {},
  now = new Date(),
): Promise<{ key: string; apiKey: ApiKey; previous: ApiKey } | null> {
  const graceMs = parseDuration('grace', opts.grace ?? DEFAULT_ROTATION_GRACE, { allowZero: true });
  const expiresIn = opts.expiresIn === undefined ? undefined : parseDuration('expiresIn', opts.expiresIn);
  if (!ID_PATTERN.test(id)) return null;
  const result = await withTransaction(pool, async (client) => {
    const { rows } = await client.query(`${KEY_ROW} WHERE k.id = $1 AND ($2::uuid IS NULL OR k.organisation_id = $2) FOR UPDATE OF k`, [
      id,
      opts.organisationId ?? null,
    ]);
    if (!rows[0]) return null;
    const old = toKey(rows[0]);
    const state = keyState(old, now);
    if (state !== 'active') throw new ApiKeyStateError(old, state);
    const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const newExpiry =
      expiresIn !== undefined ? new Date(now.getTime() + expiresIn) : lifetime !== null ? new Date(now.getTime() + lifetime) : null;
    const created = await insertKey(client, old.name, old.role, now, newExpiry, old.organisationId);
    const graceEnd = new Date(now.getTime() + graceMs);
    const { rows: updated } = await client.query(
      `UPDATE api_keys SET rotated_at = $2, replaced_by = $3, expires_at = least(coalesce(expires_at, 'infinity'), $4)
        WHERE id = $1 RETURNING *, $5::text AS organisation_slug`,
      [id, now, created.apiKey.id, graceEnd, old.organisationSlug],
    );
    return { ...created, previous: toKey(updated[0]) };
  });
  forgetCachedKeys();
  return result;
}

/** The key a presented secret belongs to, in whatever state, or null (unknown or not even shaped like a key). */
async function findKeyBySecret(db: Db, presented: string): Promise<ApiKey | null> {
  if (!KEY_PATTERN.test(presented)) return null;
  const { rows } = await db.query(`${KEY_ROW} WHERE k.key_hash = $1`, [hashKey(presented)]);
  return rows[0] ? toKey(rows[0]) : null;
}

/** The usable key for a presented secret, or null (unknown, revoked, expired or malformed). */
export async function findActiveKey(db: Db, presented: string, now = new Date()): Promise<ApiKey | null> {
  const key = await findKeyBySecret(db, presented);
  return key && isUsable(keyState(key, now)) ? key : null;
}

const isUsable = (s: KeyState) => s === 'active' || s === 'rotating';

export type KeyCheck = { ok: true; key: ApiKey; state: KeyState } | { ok: false; key: ApiKey | null; state: KeyState | 'unknown' };

// Keys are read on every request; a short-lived cache saves a round trip per request. The cache
// holds the stored row, and its state is judged against `now` on every hit, so expiry is exact.
// A revocation or rotation in this process clears it at once; other processes see it within KEY_CACHE_MS.
const KEY_CACHE_MS = 5000;
const keyCache = new Map<string, { key: ApiKey | null; until: number }>();
const touched = new Map<string, number>();

/** Checks a presented secret at `now` (the service's clock); `wallMs` only ages the cache. */
export async function checkKeyCached(db: Db, presented: string, now: Date, wallMs = Date.now()): Promise<KeyCheck> {
  if (!KEY_PATTERN.test(presented)) return { ok: false, key: null, state: 'unknown' };
  const hash = hashKey(presented);
  const hit = keyCache.get(hash);
  let key: ApiKey | null;
  if (hit && hit.until > wallMs) key = hit.key;
  else {
    key = await findKeyBySecret(db, presented);
    if (keyCache.size > 10_000) keyCache.clear();
    // Unknown keys are remembered too, so a client hammering with a wrong key costs no queries.
    keyCache.set(hash, { key, until: wallMs + KEY_CACHE_MS });
  }
  if (!key) return { ok: false, key: null, state: 'unknown' };
  const state = keyState(key, now);
  return isUsable(state) ? { ok: true, key, state } : { ok: false, key, state };
}

function forgetCachedKeys(): void {
  keyCache.clear();
}

/** At most one write per key and minute: last_used_at is for audits, not worth a write per request. */
export async function touchKey(db: Db, id: string, now = Date.now()): Promise<void> {
  if ((touched.get(id) ?? 0) > now - 60_000) return;
  touched.set(id, now);
  await db.query(
    `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

/** Every key, or one organisation's. */
export async function listApiKeys(db: Db, organisationId?: string): Promise<ApiKey[]> {
  const { rows } = await db.query(`${KEY_ROW} WHERE $1::uuid IS NULL OR k.organisation_id = $1 ORDER BY k.created_at, k.id`, [
    organisationId ?? null,
  ]);
  return rows.map(toKey);
}

/** Revokes a key; returns it, or null when there is no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(
  db: Db,
  id: string,
  now = new Date(),
  organisationId?: string,
): Promise<(ApiKey & { wasRevoked: boolean }) | null> {
  if (!ID_PATTERN.test(id)) return null;
  const { rows } = await db.query(
    `UPDATE api_keys k SET revoked_at = coalesce(k.revoked_at, $2)
       FROM (SELECT id, revoked_at FROM api_keys WHERE id = $1 AND ($3::uuid IS NULL OR organisation_id = $3) FOR UPDATE) old
      WHERE k.id = old.id
      RETURNING k.*, old.revoked_at IS NOT NULL AS was_revoked,
                (SELECT slug FROM organisations WHERE id = k.organisation_id) AS organisation_slug`,
    [id, now, organisationId ?? null],
  );
  forgetCachedKeys();
  return rows[0] ? { ...toKey(rows[0]), wasRevoked: rows[0].was_revoked } : null;
}

/** What an admin may see of a key: everything but the secret and its hash. */
export function keyView(k: ApiKey, now: Date) {
  return {
    id: k.id,
    name: k.name,
    role: k.role,
    state: keyState(k, now),
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
    rotatedAt: k.rotatedAt,
    replacedBy: k.replacedBy,
    organisation: k.organisationSlug,
  };
}
