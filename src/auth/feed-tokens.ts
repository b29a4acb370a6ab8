// Calendar subscription tokens: random 256-bit secrets shown once, stored as sha256 hashes (as API
// keys are, see api-keys.ts). A token opens the iCalendar feed and nothing else: calendar apps
// (Outlook, Google Calendar, Thunderbird) put it in the URL because they cannot send a header.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { INSTANCE_ORGANISATION_ID } from '../organisations/acting.js';
import { CONTROL_CHARACTERS, hashKey } from './api-keys.js';

const FEED_TOKEN_PREFIX = 'plf_';
const TOKEN_PATTERN = /^plf_[A-Za-z0-9_-]{43}$/;
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The same rule as partnership ids (src/partnerships/domain/vocabulary.ts). */
const PARTNERSHIP_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;

export type FeedScope = 'calendar';

export interface FeedToken {
  id: string;
  name: string;
  scope: FeedScope;
  /** when set, the feed shows only this partnership */
  partnershipId: string | null;
  /** the API key that created it (null: created on the command line) */
  createdByKey: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** the organisation whose calendar it opens */
  organisationId: string;
  organisationSlug: string;
}

export class FeedTokenInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

type Db = pg.Pool | pg.ClientBase;

const toFeed = (r: pg.QueryResultRow): FeedToken => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  partnershipId: r.partnership_id ?? null,
  createdByKey: r.created_by_key ?? null,
  createdAt: r.created_at,
  revokedAt: r.revoked_at ?? null,
  lastUsedAt: r.last_used_at ?? null,
  organisationId: r.organisation_id,
  organisationSlug: r.organisation_slug ?? '',
});

const FEED_ROW = `SELECT t.*, o.slug AS organisation_slug FROM calendar_feed_tokens t JOIN organisations o ON o.id = t.organisation_id`;

export interface CreateFeedInput {
  name: unknown;
  partnershipId?: unknown;
  createdByKey?: string | null;
  /** default: the instance's first organisation */
  organisationId?: string;
}

/** Creates a token and returns its secret: the only moment the secret exists outside the caller. */
export async function createFeedToken(db: Db, input: CreateFeedInput, now = new Date()): Promise<{ token: string; feed: FeedToken }> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > 200) throw new FeedTokenInputError('name', 'must be 1–200 characters');
  if (CONTROL_CHARACTERS.test(name))
    throw new FeedTokenInputError('name', 'must not contain control characters (such as NUL, tab or newline)');
  const p = input.partnershipId;
  if (p !== undefined && p !== null && (typeof p !== 'string' || !PARTNERSHIP_ID.test(p)))
    throw new FeedTokenInputError('partnershipId', 'must be a partnership id (1–100 letters, digits, . _ ~ -)');
  const token = FEED_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const { rows } = await db.query(
    `WITH t AS (INSERT INTO calendar_feed_tokens (id, name, partnership_id, token_hash, created_by_key, created_at, organisation_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
     SELECT t.*, o.slug AS organisation_slug FROM t JOIN organisations o ON o.id = t.organisation_id`,
    [uuidv7(), name, p ?? null, hashKey(token), input.createdByKey ?? null, now, input.organisationId ?? INSTANCE_ORGANISATION_ID],
  );
  return { token, feed: toFeed(rows[0]) };
}

/** Every token, or those one API key created; oldest first. */
export async function listFeedTokens(db: Db, opts: { createdByKey?: string; organisationId?: string } = {}): Promise<FeedToken[]> {
  const { rows } = await db.query(
    `${FEED_ROW} WHERE ($1::uuid IS NULL OR t.created_by_key = $1) AND ($2::uuid IS NULL OR t.organisation_id = $2)
      ORDER BY t.created_at, t.id`,
    [opts.createdByKey ?? null, opts.organisationId ?? null],
  );
  return rows.map(toFeed);
}

/**
 * Revokes a token (only one this key created, when createdByKey is given); returns it, or null when
 * there is no such token (for that key). Revoking twice keeps the first time.
 */
export async function revokeFeedToken(
  db: Db,
  id: string,
  opts: { createdByKey?: string; organisationId?: string } = {},
  now = new Date(),
): Promise<(FeedToken & { wasRevoked: boolean }) | null> {
  if (!ID_PATTERN.test(id)) return null;
  const { rows } = await db.query(
    `UPDATE calendar_feed_tokens t SET revoked_at = coalesce(t.revoked_at, $2)
       FROM (SELECT id, revoked_at FROM calendar_feed_tokens WHERE id = $1 AND ($3::uuid IS NULL OR created_by_key = $3)
                                                   AND ($4::uuid IS NULL OR organisation_id = $4) FOR UPDATE) old
      WHERE t.id = old.id
      RETURNING t.*, old.revoked_at IS NOT NULL AS was_revoked, (SELECT slug FROM organisations WHERE id = t.organisation_id) AS organisation_slug`,
    [id, now, opts.createdByKey ?? null, opts.organisationId ?? null],
  );
  return rows[0] ? { ...toFeed(rows[0]), wasRevoked: rows[0].was_revoked } : null;
}

export type FeedCheck =
  { ok: true; feed: FeedToken } | { ok: false; reason: 'unknown' | 'revoked' | 'key_revoked'; feed: FeedToken | null; revokedAt?: Date };

/** Checks a presented token for a scope: unknown, revoked, or created by a key that was revoked since. */
export async function checkFeedToken(db: Db, presented: string, scope: FeedScope): Promise<FeedCheck> {
  if (!TOKEN_PATTERN.test(presented)) return { ok: false, reason: 'unknown', feed: null };
  const { rows } = await db.query(
    `SELECT t.*, k.revoked_at AS key_revoked_at, o.slug AS organisation_slug FROM calendar_feed_tokens t
       JOIN organisations o ON o.id = t.organisation_id
       LEFT JOIN api_keys k ON k.id = t.created_by_key
      WHERE t.token_hash = $1 AND t.scope = $2`,
    [hashKey(presented), scope],
  );
  if (!rows[0]) return { ok: false, reason: 'unknown', feed: null };
  const feed = toFeed(rows[0]);
  if (feed.revokedAt) return { ok: false, reason: 'revoked', feed, revokedAt: feed.revokedAt };
  if (rows[0].key_revoked_at) return { ok: false, reason: 'key_revoked', feed, revokedAt: rows[0].key_revoked_at };
  return { ok: true, feed };
}

/** At most one write per token and minute: last_used_at is for audits (calendar apps poll). */
export async function touchFeedToken(db: Db, id: string): Promise<void> {
  await db.query(
    `UPDATE calendar_feed_tokens SET last_used_at = now()
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

/** What a holder may see of a token: everything but the secret and its hash. */
export function feedView(f: FeedToken) {
  return {
    id: f.id,
    name: f.name,
    scope: f.scope,
    partnershipId: f.partnershipId,
    createdByKey: f.createdByKey,
    state: f.revokedAt ? ('revoked' as const) : ('active' as const),
    createdAt: f.createdAt,
    lastUsedAt: f.lastUsedAt,
    revokedAt: f.revokedAt,
  };
}

/** The URLs to paste into a calendar app: https for Outlook and Google, webcal for apps that register it. */
export function subscriptionUrls(publicBaseUrl: string, token: string): { url: string; webcal: string } {
  const url = `${publicBaseUrl}/api/v1/calendar.ics?token=${encodeURIComponent(token)}`;
  return { url, webcal: url.replace(/^https?:/, 'webcal:') };
}

/** A request URL fit for logs: a subscription token in the query is replaced by [redacted]. */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
