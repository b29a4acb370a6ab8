// API keys: random 256-bit secrets shown once, stored as sha256 hashes. A plain hash (no salt or
// KDF) is enough because the secret is random and long; it also makes lookup one indexed query.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ROLES, type Role } from '../shared/auth/roles.decorator.js';

export const KEY_PREFIX = 'pl_';
const KEY_PATTERN = /^pl_[A-Za-z0-9_-]{43}$/;

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export class ApiKeyInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const toKey = (r: Record<string, any>): ApiKey => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

type Db = pg.Pool | pg.ClientBase;

/** Creates a key and returns its secret: the only moment the secret exists outside the caller. */
export async function createApiKey(db: Db, input: { name: string; role: string }): Promise<{ key: string; apiKey: ApiKey }> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > 200) throw new ApiKeyInputError('name', 'must be 1–200 characters');
  if (!isRole(input.role)) throw new ApiKeyInputError('role', `must be one of ${ROLES.join(', ')}`);
  const key = generateKey();
  const { rows } = await db.query('INSERT INTO api_keys (id, name, role, key_hash) VALUES ($1, $2, $3, $4) RETURNING *', [
    uuidv7(),
    name,
    input.role,
    hashKey(key),
  ]);
  return { key, apiKey: toKey(rows[0]) };
}

/** The active key for a presented secret, or null (unknown, revoked or not even shaped like a key). */
export async function findActiveKey(db: Db, presented: string): Promise<ApiKey | null> {
  if (!KEY_PATTERN.test(presented)) return null;
  const { rows } = await db.query('SELECT * FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hashKey(presented)]);
  return rows[0] ? toKey(rows[0]) : null;
}

// Keys are read on every request; a short-lived cache saves a round trip per request. A revocation
// in this process clears it at once; other processes see it within KEY_CACHE_MS.
export const KEY_CACHE_MS = 5000;
const keyCache = new Map<string, { key: ApiKey | null; until: number }>();
const touched = new Map<string, number>();

export async function findActiveKeyCached(db: Db, presented: string, now = Date.now()): Promise<ApiKey | null> {
  if (!KEY_PATTERN.test(presented)) return null;
  const hash = hashKey(presented);
  const hit = keyCache.get(hash);
  if (hit && hit.until > now) return hit.key;
  const key = await findActiveKey(db, presented);
  if (keyCache.size > 10_000) keyCache.clear();
  // Unknown keys are remembered too, so a client hammering with a wrong key costs no queries.
  keyCache.set(hash, { key, until: now + KEY_CACHE_MS });
  return key;
}

export function forgetCachedKeys(): void {
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

export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const { rows } = await db.query('SELECT * FROM api_keys ORDER BY created_at, id');
  return rows.map(toKey);
}

/** Revokes a key; returns it, or null when there is no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(db: Db, id: string): Promise<ApiKey | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await db.query('UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *', [id]);
  forgetCachedKeys();
  return rows[0] ? toKey(rows[0]) : null;
}
