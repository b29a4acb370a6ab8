// Webhook deliveries in PostgreSQL: one per endpoint and event, written by the dispatcher in its
// batch transaction. A worker claims due ones with a lease, posts, and records the attempt and the
// next step (delivered, retry at the next step of the schedule, or dead) in one transaction.
import { v5 as uuidv5 } from 'uuid';
import type pg from 'pg';
import { withTransaction } from '../event-store/transaction.js';
import type { AttemptResult } from './webhook-client.js';
import { withSecrets, type EndpointWithSecrets } from './webhooks.js';

type Db = pg.Pool | pg.ClientBase;

/** The waits after the 1st, 2nd, … failed attempt (Standard Webhooks' suggestion, about 28 h in all). */
export const RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
/** A delivery is dead after this many failed attempts. */
const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

const NAMESPACE = '6f1d3c52-5b8e-4a8f-9a43-7f4f3c0de1a1';

export type DeliveryState = 'pending' | 'delivered' | 'dead';

export interface Delivery {
  id: string;
  endpointId: string;
  messageId: string;
  eventId: string;
  eventType: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  deadAt: Date | null;
}

const toDelivery = (r: pg.QueryResultRow): Delivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  messageId: r.message_id,
  eventId: r.event_id,
  eventType: r.event_type,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.state === 'pending' ? r.next_attempt_at : null,
  lastStatus: r.last_status,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
  deadAt: r.dead_at,
});

/** One delivery of an event to an endpoint; its id (and so `webhook-id`) is derived, so a replay adds nothing. */
export async function addDelivery(
  db: Db,
  d: { organisationId: string; endpointId: string; eventId: string; eventType: string; body: string },
  now: Date,
): Promise<void> {
  const id = uuidv5(`${d.endpointId}/${d.eventId}`, NAMESPACE);
  await db.query(
    `INSERT INTO webhook_deliveries (organisation_id, id, endpoint_id, message_id, event_id, event_type, body, state, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $8) ON CONFLICT DO NOTHING`,
    [d.organisationId, id, d.endpointId, `msg_${id.replace(/-/g, '')}`, d.eventId, d.eventType, d.body, now],
  );
}

export interface ClaimedDelivery {
  organisationId: string;
  id: string;
  messageId: string;
  body: string;
  attempts: number;
  endpoint: EndpointWithSecrets;
}

/** Due deliveries of enabled endpoints, leased to this worker until `now + leaseMs`. */
export async function claimDueDeliveries(db: Db, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  const { rows } = await db.query(
    `WITH claimed AS (
       UPDATE webhook_deliveries d SET locked_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000)
        WHERE (organisation_id, id) IN (
          SELECT d2.organisation_id, d2.id FROM webhook_deliveries d2
            JOIN webhook_endpoints e ON e.organisation_id = d2.organisation_id AND e.id = d2.endpoint_id AND e.state = 'enabled'
           WHERE d2.state = 'pending' AND d2.next_attempt_at <= $1 AND (d2.locked_until IS NULL OR d2.locked_until <= $1)
           ORDER BY d2.next_attempt_at LIMIT $3 FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.*)
     SELECT c.id AS delivery_id, c.message_id, c.body, c.attempts AS delivery_attempts, e.*
       FROM claimed c JOIN webhook_endpoints e ON e.organisation_id = c.organisation_id AND e.id = c.endpoint_id`,
    [now, leaseMs, limit],
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    id: r.delivery_id,
    messageId: r.message_id,
    body: r.body,
    attempts: r.delivery_attempts,
    endpoint: withSecrets(r, now),
  }));
}

export interface AttemptOutcomeRecord {
  state: DeliveryState;
  /** the endpoint was disabled by this failure (it had failed for WEBHOOK_DISABLE_AFTER_DAYS) */
  disabled: { endpointId: string; url: string; failingSince: Date; createdBy: string } | null;
}

/** Records an attempt and what follows, in one transaction. */
export async function recordAttempt(
  pool: pg.Pool,
  c: ClaimedDelivery,
  result: AttemptResult,
  now: Date,
  disableAfterMs: number,
): Promise<AttemptOutcomeRecord> {
  return withTransaction(pool, async (tx) => {
    const attempts = c.attempts + 1;
    // The endpoint's row first, in every transaction: attempts of one endpoint's deliveries that
    // finish together queue here instead of locking each other's deliveries in opposite order.
    const locked = await tx.query(`SELECT state FROM webhook_endpoints WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [
      c.organisationId,
      c.endpoint.id,
    ]);
    const endpointGone = locked.rows[0]?.state !== 'enabled';
    await tx.query(
      `INSERT INTO webhook_attempts (organisation_id, delivery_id, attempt, attempted_at, outcome, status_code, duration_ms, error)
       SELECT $1, $2, coalesce(max(attempt), 0) + 1, $3, $4, $5, $6, $7 FROM webhook_attempts WHERE organisation_id = $1 AND delivery_id = $2`,
      [c.organisationId, c.id, now, result.outcome, result.statusCode, result.durationMs, result.error],
    );
    if (result.outcome === 'delivered') {
      await tx.query(
        `UPDATE webhook_deliveries SET state = 'delivered', attempts = $3, delivered_at = $4, locked_until = NULL, last_status = $5, last_error = NULL
          WHERE organisation_id = $1 AND id = $2`,
        [c.organisationId, c.id, attempts, now, result.statusCode],
      );
      await tx.query(`UPDATE webhook_endpoints SET failing_since = NULL WHERE organisation_id = $1 AND id = $2`, [
        c.organisationId,
        c.endpoint.id,
      ]);
      return { state: 'delivered', disabled: null };
    }
    // A delivery whose endpoint was disabled meanwhile joins the dead letters with the rest.
    const dead = attempts >= MAX_ATTEMPTS || endpointGone;
    await tx.query(
      `UPDATE webhook_deliveries SET attempts = $3, locked_until = NULL, last_status = $4, last_error = $5,
              state = CASE WHEN $6 THEN 'dead' ELSE 'pending' END, dead_at = CASE WHEN $6 THEN $7::timestamptz END,
              next_attempt_at = $7::timestamptz + make_interval(secs => $8::double precision / 1000)
        WHERE organisation_id = $1 AND id = $2`,
      [c.organisationId, c.id, attempts, result.statusCode, result.error, dead, now, dead ? 0 : RETRY_SCHEDULE_MS[attempts - 1]],
    );
    if (endpointGone) return { state: 'dead', disabled: null };
    const { rows } = await tx.query(
      `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $3) WHERE organisation_id = $1 AND id = $2 RETURNING *`,
      [c.organisationId, c.endpoint.id, now],
    );
    const endpoint = rows[0];
    if (now.getTime() - endpoint.failing_since.getTime() < disableAfterMs) {
      return { state: dead ? 'dead' : 'pending', disabled: null };
    }
    const reason = `only failures since ${endpoint.failing_since.toISOString()}; last: ${result.error ?? result.outcome}`;
    await tx.query(
      `UPDATE webhook_endpoints SET state = 'disabled', disabled_at = $3, disabled_reason = $4 WHERE organisation_id = $1 AND id = $2`,
      [c.organisationId, c.endpoint.id, now, reason],
    );
    // What was still waiting goes to the dead letters, where the admin can redeliver it after enabling.
    await tx.query(
      `UPDATE webhook_deliveries SET state = 'dead', dead_at = $3, locked_until = NULL,
              last_error = coalesce(last_error, 'the endpoint was disabled')
        WHERE organisation_id = $1 AND endpoint_id = $2 AND state = 'pending'`,
      [c.organisationId, c.endpoint.id, now],
    );
    return {
      state: 'dead',
      disabled: { endpointId: c.endpoint.id, url: endpoint.url, failingSince: endpoint.failing_since, createdBy: endpoint.created_by },
    };
  });
}

export async function listDeliveries(
  db: Db,
  organisationId: string,
  endpointId: string,
  state: DeliveryState | undefined,
  limit: number,
): Promise<Delivery[]> {
  const { rows } = await db.query(
    `SELECT * FROM webhook_deliveries WHERE organisation_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR state = $3)
      ORDER BY created_at DESC, id DESC LIMIT $4`,
    [organisationId, endpointId, state ?? null, limit],
  );
  return rows.map(toDelivery);
}

export interface Attempt {
  attempt: number;
  attemptedAt: Date;
  outcome: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export async function getDelivery(
  db: Db,
  organisationId: string,
  endpointId: string,
  id: string,
): Promise<(Delivery & { attemptLog: Attempt[] }) | null> {
  const { rows } = await db.query('SELECT * FROM webhook_deliveries WHERE organisation_id = $1 AND endpoint_id = $2 AND id = $3', [
    organisationId,
    endpointId,
    id,
  ]);
  if (!rows[0]) return null;
  const log = await db.query('SELECT * FROM webhook_attempts WHERE organisation_id = $1 AND delivery_id = $2 ORDER BY attempt', [
    organisationId,
    id,
  ]);
  return {
    ...toDelivery(rows[0]),
    attemptLog: log.rows.map((r) => ({
      attempt: r.attempt,
      attemptedAt: r.attempted_at,
      outcome: r.outcome,
      statusCode: r.status_code,
      durationMs: r.duration_ms,
      error: r.error,
    })),
  };
}

/** A dead delivery back in line now, with a fresh schedule; null when it is not dead (or unknown). */
export async function redeliver(db: Db, organisationId: string, endpointId: string, id: string, now: Date): Promise<Delivery | null> {
  const { rows } = await db.query(
    `UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = $4, dead_at = NULL, locked_until = NULL
      WHERE organisation_id = $1 AND endpoint_id = $2 AND id = $3 AND state = 'dead' RETURNING *`,
    [organisationId, endpointId, id, now],
  );
  return rows[0] ? toDelivery(rows[0]) : null;
}

export async function pendingDeliveries(db: Db): Promise<{ pending: number; dead: number }> {
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE state = 'pending')::int AS pending, count(*) FILTER (WHERE state = 'dead')::int AS dead FROM webhook_deliveries`,
  );
  return rows[0];
}
