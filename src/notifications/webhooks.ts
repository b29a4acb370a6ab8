// Webhook endpoints of an organisation: the URL, the event types it wants, its signing secret(s).
// The secret is shown once, when the endpoint is made or its secret rotated; the previous secret
// stays valid (and signs too) for WEBHOOK_ROTATION_HOURS so receivers can switch without a gap.
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { newWebhookSecret } from './webhook-signing.js';

type Db = pg.Pool | pg.ClientBase;

/** How long a rotated-out secret keeps signing. */
const ROTATION_HOURS = 24;

export interface Endpoint {
  id: string;
  url: string;
  events: string[];
  state: 'enabled' | 'disabled';
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  previousSecretValidUntil: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface EndpointWithSecrets extends Endpoint {
  organisationId: string;
  /** the secrets that sign now, newest first */
  secrets: string[];
}

const toEndpoint = (r: pg.QueryResultRow): Endpoint => ({
  id: r.id,
  url: r.url,
  events: r.events,
  state: r.state,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
  failingSince: r.failing_since,
  previousSecretValidUntil: r.previous_secret_until,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export function withSecrets(r: pg.QueryResultRow, now: Date): EndpointWithSecrets {
  const previousValid = r.previous_secret && r.previous_secret_until && r.previous_secret_until > now;
  return { ...toEndpoint(r), organisationId: r.organisation_id, secrets: previousValid ? [r.secret, r.previous_secret] : [r.secret] };
}

export async function createEndpoint(
  db: Db,
  organisationId: string,
  input: { url: string; events: string[]; createdBy: string },
  now: Date,
): Promise<{ endpoint: Endpoint; secret: string }> {
  const secret = newWebhookSecret();
  const { rows } = await db.query(
    `INSERT INTO webhook_endpoints (organisation_id, id, url, events, secret, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [organisationId, uuidv7(), input.url, input.events, secret, input.createdBy, now],
  );
  return { endpoint: toEndpoint(rows[0]), secret };
}

export async function listEndpoints(db: Db, organisationId: string): Promise<Endpoint[]> {
  const { rows } = await db.query('SELECT * FROM webhook_endpoints WHERE organisation_id = $1 ORDER BY created_at, id', [organisationId]);
  return rows.map(toEndpoint);
}

export async function getEndpoint(db: Db, organisationId: string, id: string): Promise<Endpoint | null> {
  const { rows } = await db.query('SELECT * FROM webhook_endpoints WHERE organisation_id = $1 AND id = $2', [organisationId, id]);
  return rows[0] ? toEndpoint(rows[0]) : null;
}

export async function deleteEndpoint(db: Db, organisationId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM webhook_endpoints WHERE organisation_id = $1 AND id = $2', [organisationId, id]);
  return (rowCount ?? 0) > 0;
}

/** A new secret; the one it replaces keeps signing for ROTATION_HOURS. */
export async function rotateSecret(
  db: Db,
  organisationId: string,
  id: string,
  now: Date,
): Promise<{ endpoint: Endpoint; secret: string } | null> {
  const secret = newWebhookSecret();
  const { rows } = await db.query(
    `UPDATE webhook_endpoints SET previous_secret = secret, secret = $3,
            previous_secret_until = $4::timestamptz + make_interval(hours => $5)
      WHERE organisation_id = $1 AND id = $2 RETURNING *`,
    [organisationId, id, secret, now, ROTATION_HOURS],
  );
  return rows[0] ? { endpoint: toEndpoint(rows[0]), secret } : null;
}

/** Turns a disabled endpoint on again; its failure clock starts afresh. */
export async function enableEndpoint(db: Db, organisationId: string, id: string): Promise<Endpoint | null> {
  const { rows } = await db.query(
    `UPDATE webhook_endpoints SET state = 'enabled', disabled_at = NULL, disabled_reason = NULL, failing_since = NULL
      WHERE organisation_id = $1 AND id = $2 RETURNING *`,
    [organisationId, id],
  );
  return rows[0] ? toEndpoint(rows[0]) : null;
}
