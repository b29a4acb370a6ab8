// The mail outbox in PostgreSQL. Entries for a person gather in one `collecting` mail until its
// batching window ends; a worker then claims it (`sending`, with a lease), sends it, and marks it
// `sent`. A worker killed mid-send leaves its lease to run out, and the next one sends the same mail
// with the same Message-ID, so a receiving system can drop a repeat (at least once, never lost).
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';

type Db = pg.Pool | pg.ClientBase;

export type MailKind = 'entries' | 'reminder' | 'endpoint_disabled';

export interface OutboxMail {
  organisationId: string;
  id: string;
  personId: string | null;
  recipient: string | null;
  kind: MailKind;
  payload: Record<string, unknown>;
  messageId: string;
  attempts: number;
}

/** A retry after a failed send waits this long, doubling, at most an hour. */
const RETRY_MS = 30_000;
const RETRY_MAX_MS = 3_600_000;
/** After this many failed sends the mail is dropped with its last error (kept for the admins to see). */
const MAIL_ATTEMPTS = 20;

const messageIdFor = (id: string, domain: string) => `<${id}@${domain}>`;

/** Adds an entry to the person's gathering mail (opening one when none is open); a repeat adds nothing. */
export async function addEntry(
  db: Db,
  e: {
    organisationId: string;
    personId: string;
    eventId: string;
    partnershipId: string;
    eventType: string;
    occurredAt: Date | null;
    recordedAt: Date;
  },
  now: Date,
  batchSeconds: number,
  domain: string,
): Promise<void> {
  const id = uuidv7();
  await db.query(
    `WITH m AS (
       INSERT INTO mail_outbox (organisation_id, id, person_id, kind, state, send_after, message_id, created_at)
       VALUES ($1, $2, $3, 'entries', 'collecting', $4::timestamptz + make_interval(secs => $5), $6, $4)
       ON CONFLICT (organisation_id, person_id) WHERE state = 'collecting' DO UPDATE SET state = 'collecting'
       RETURNING id)
     INSERT INTO mail_items (organisation_id, person_id, event_id, mail_id, partnership_id, event_type, occurred_at, recorded_at)
     SELECT $1, $3, $7, m.id, $8, $9, $10, $11 FROM m
     ON CONFLICT (organisation_id, person_id, event_id) DO NOTHING`,
    [
      e.organisationId,
      id,
      e.personId,
      now,
      batchSeconds,
      messageIdFor(id, domain),
      e.eventId,
      e.partnershipId,
      e.eventType,
      e.occurredAt,
      e.recordedAt,
    ],
  );
}

/** A single mail (reminder, notice), once per `dedupeKey` and recipient. Answers whether it was new. */
export async function addSingleMail(
  db: Db,
  m: { organisationId: string; personId: string; kind: Exclude<MailKind, 'entries'>; dedupeKey: string; payload: Record<string, unknown> },
  now: Date,
  domain: string,
): Promise<boolean> {
  const id = uuidv7();
  const { rowCount } = await db.query(
    `INSERT INTO mail_outbox (organisation_id, id, person_id, kind, state, dedupe_key, payload, send_after, message_id, created_at)
     VALUES ($1, $2, $3, $4, 'sending', $5, $6, $7, $8, $7)
     ON CONFLICT (organisation_id, person_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`,
    [m.organisationId, id, m.personId, m.kind, m.dedupeKey, m.payload, now, messageIdFor(id, domain)],
  );
  return (rowCount ?? 0) > 0;
}

const toMail = (r: pg.QueryResultRow): OutboxMail => ({
  organisationId: r.organisation_id,
  id: r.id,
  personId: r.person_id,
  recipient: r.recipient,
  kind: r.kind,
  payload: r.payload,
  messageId: r.message_id,
  attempts: r.attempts,
});

/**
 * Claims mails that are due: gathering ones whose window ended, and sending ones whose lease ran
 * out (a killed worker's, or a failed send's retry time). The lease is this worker's until `now + leaseMs`.
 */
export async function claimDueMails(db: Db, now: Date, leaseMs: number, limit: number): Promise<OutboxMail[]> {
  const { rows } = await db.query(
    `UPDATE mail_outbox m SET state = 'sending', locked_until = $1::timestamptz + make_interval(secs => $2::double precision / 1000),
            attempts = attempts + 1
      WHERE (organisation_id, id) IN (
        SELECT organisation_id, id FROM mail_outbox
         WHERE (state = 'collecting' AND send_after <= $1)
            OR (state = 'sending' AND send_after <= $1 AND (locked_until IS NULL OR locked_until <= $1))
         ORDER BY send_after LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING m.*`,
    [now, leaseMs, limit],
  );
  return rows.map(toMail);
}

export interface MailEntry {
  partnershipId: string;
  eventType: string;
  occurredAt: Date | null;
}

export async function entriesOf(db: Db, mail: OutboxMail): Promise<MailEntry[]> {
  const { rows } = await db.query(
    `SELECT partnership_id, event_type, occurred_at FROM mail_items WHERE organisation_id = $1 AND mail_id = $2 ORDER BY recorded_at, event_id`,
    [mail.organisationId, mail.id],
  );
  return rows.map((r) => ({ partnershipId: r.partnership_id, eventType: r.event_type, occurredAt: r.occurred_at }));
}

/** The event metadata (with its trace context) of each entry of a mail, in the mail's order. */
export async function entriesMetadataOf(db: Db, mail: OutboxMail): Promise<unknown[]> {
  const { rows } = await db.query(
    `SELECT e.metadata FROM mail_items i JOIN events e ON e.event_id = i.event_id
      WHERE i.organisation_id = $1 AND i.mail_id = $2 ORDER BY i.recorded_at, i.event_id`,
    [mail.organisationId, mail.id],
  );
  return rows.map((r) => r.metadata);
}

export async function markSent(db: Db, mail: OutboxMail, now: Date): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET state = 'sent', sent_at = $3, locked_until = NULL, last_error = NULL WHERE organisation_id = $1 AND id = $2`,
    [mail.organisationId, mail.id, now],
  );
}

export async function markDropped(db: Db, mail: OutboxMail, reason: string): Promise<void> {
  await db.query(`UPDATE mail_outbox SET state = 'dropped', locked_until = NULL, last_error = $3 WHERE organisation_id = $1 AND id = $2`, [
    mail.organisationId,
    mail.id,
    reason,
  ]);
}

/** A failed send: retried after a growing pause, dropped after MAIL_ATTEMPTS. */
export async function markFailed(db: Db, mail: OutboxMail, now: Date, error: string): Promise<void> {
  if (mail.attempts >= MAIL_ATTEMPTS) return markDropped(db, mail, `gave up after ${mail.attempts} attempts: ${error}`);
  const wait = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** (mail.attempts - 1));
  await db.query(
    `UPDATE mail_outbox SET send_after = $3::timestamptz + make_interval(secs => $4::double precision / 1000), locked_until = NULL, last_error = $5
      WHERE organisation_id = $1 AND id = $2`,
    [mail.organisationId, mail.id, now, wait, error],
  );
}

export async function pendingMails(db: Db): Promise<{ pending: number; oldest: Date | null }> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n, min(created_at) AS oldest FROM mail_outbox WHERE state IN ('collecting', 'sending')`,
  );
  return { pending: rows[0].n, oldest: rows[0].oldest };
}
