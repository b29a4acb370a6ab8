// The outbox and the reconciler's view of unfinished reports. Hand-written SQL on the shared pool,
// like the rest of the report store: conditional updates read clearest as SQL.
import type pg from 'pg';
import { withTransaction } from '../event-store/transaction.js';
import type { ReportStatus, ReportType } from './report-types.js';

type Db = pg.Pool | pg.ClientBase;

// Same first key as the event consumers' locks; the name keeps it apart from theirs.
const LOCK_CLASS = 0x504c;
const LOCK_NAME = 'report-outbox-relay';

export const BUSY = Symbol('busy');

/**
 * Runs fn in a transaction holding the relay's advisory lock: one relay/reconciler at a time across
 * processes. The lock is transaction-scoped (safe behind a pooler) and assigns no transaction id,
 * so waiting on Redis inside it does not hold back anyone's read horizon. BUSY: another process has it.
 */
export async function withRelayLock<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T | typeof BUSY> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [LOCK_CLASS, LOCK_NAME]);
    if (!rows[0].ok) return BUSY;
    return fn(client);
  });
}

export interface OutboxEntry {
  id: string;
  reportId: string;
  jobId: string;
  notBefore: Date | null;
  type: ReportType;
  status: ReportStatus;
  /** the writer's trace context, for the job (null while tracing is off) */
  traceContext: string | null;
}

export async function readOutbox(db: Db, limit: number): Promise<OutboxEntry[]> {
  const { rows } = await db.query(
    `SELECT o.id::text, o.report_id, o.job_id, o.not_before, o.trace_context, r.type, r.status
       FROM report_outbox o JOIN reports r ON r.id = o.report_id ORDER BY o.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    jobId: r.job_id,
    notBefore: r.not_before,
    type: r.type,
    status: r.status,
    traceContext: r.trace_context,
  }));
}

export async function deleteOutbox(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.query('DELETE FROM report_outbox WHERE id = ANY($1::bigint[])', [ids]);
}

export async function outboxBacklog(db: Db): Promise<{ pending: number; oldestSeconds: number | null }> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float AS oldest FROM report_outbox`,
  );
  return { pending: rows[0].n, oldestSeconds: rows[0].oldest === null ? null : Math.round(rows[0].oldest) };
}

export interface Unfinished {
  id: string;
  status: 'queued' | 'running';
  jobId: string | null;
}

/** Queued and running reports with no enqueue pending: each must have a live job in Redis. */
export async function unfinishedReports(db: Db, limit: number): Promise<Unfinished[]> {
  const { rows } = await db.query(
    `SELECT r.id, r.status, r.job_id FROM reports r
      WHERE r.status IN ('queued', 'running')
        AND NOT EXISTS (SELECT 1 FROM report_outbox o WHERE o.report_id = r.id)
      ORDER BY r.created_at LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, status: r.status, jobId: r.job_id }));
}

/**
 * Enqueues again reports whose job was lost: a new job id (the old one may linger as failed, and
 * BullMQ would ignore a re-add under it), status back to queued, the retry's time kept. Only rows
 * still as they were seen are touched: one completed meanwhile is left alone.
 */
export async function requeueLost(db: Db, lost: { id: string; jobId: string | null }[]): Promise<{ id: string; jobId: string }[]> {
  if (!lost.length) return [];
  const { rows } = await db.query(
    `WITH lost AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS l(id, seen_job)),
     upd AS (
       UPDATE reports r SET job_id = 'report-' || r.id::text || '-r' || (r.requeues + 1), requeues = r.requeues + 1, status = 'queued'
         FROM lost
        WHERE r.id = lost.id AND r.job_id IS NOT DISTINCT FROM lost.seen_job AND r.status IN ('queued', 'running')
          AND NOT EXISTS (SELECT 1 FROM report_outbox o WHERE o.report_id = r.id)
       RETURNING r.id, r.job_id, r.next_attempt_at, r.organisation_id)
     INSERT INTO report_outbox (report_id, job_id, not_before, reason, organisation_id)
     SELECT id, job_id, next_attempt_at, 'reconciled', organisation_id FROM upd RETURNING report_id, job_id`,
    [lost.map((l) => l.id), lost.map((l) => l.jobId)],
  );
  return rows.map((r) => ({ id: r.report_id, jobId: r.job_id }));
}

/** Reports the schedule created: has any fired before `before`, and did the firing at `slot` happen? */
export async function scheduledDigestState(db: Db, slotKey: string, before: Date): Promise<{ slotDone: boolean; earlier: boolean }> {
  const { rows } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM reports WHERE dedupe_key = $1) AS slot_done,
            EXISTS (SELECT 1 FROM reports WHERE requested_by = 'schedule' AND type = 'office_digest' AND created_at < $2) AS earlier`,
    [slotKey, before],
  );
  return { slotDone: rows[0].slot_done, earlier: rows[0].earlier };
}
