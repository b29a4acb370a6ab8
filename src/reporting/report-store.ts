// Reports and their files in Postgres. Hand-written SQL on the shared pg pool: the status changes are
// conditional updates (a completed report is never overwritten), which read clearest as SQL.
import type pg from 'pg';
import { withTransaction } from '../event-store/transaction.js';
import { v5 as uuidv5 } from 'uuid';
import type { FailureKind } from './errors.js';
import type { ReportFormat, ReportStatus, ReportType } from './report-types.js';
import { traceCarrierText } from '../shared/tracing.js';
import { INSTANCE_ORGANISATION_ID } from '../organisations/acting.js';

type Db = pg.Pool | pg.ClientBase;

/** Namespace for report ids derived from something else (an event id, a scheduler run). */
const REPORT_NS = 'b7d7a0a4-6f0e-4f51-9a57-3c1f4c7e2d10';
export const derivedReportId = (key: string): string => uuidv5(key, REPORT_NS);

export interface ReportFileInfo {
  format: ReportFormat;
  mediaType: string;
  fileName: string;
  byteSize: number;
}

export interface Report {
  id: string;
  /** whose report it is: its builders read only what this organisation may read */
  organisationId: string;
  type: ReportType;
  parameters: Record<string, unknown>;
  status: ReportStatus;
  progress: number;
  error: string | null;
  attempts: number;
  requestedBy: string;
  dedupeKey: string | null;
  summary: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** the BullMQ job now carrying the report */
  jobId: string | null;
  /** after a failed attempt that will be retried: when the next attempt is due */
  nextAttemptAt: string | null;
  errorKind: FailureKind | null;
  /** failed attempts that were retried: the backoff grows with it, across job ids */
  retries: number;
  unexpectedFailures: number;
  /** how often the reconciler had to enqueue it again (its job was lost from Redis) */
  requeues: number;
  files: ReportFileInfo[];
}

export interface NewFile {
  format: ReportFormat;
  mediaType: string;
  fileName: string;
  content: Buffer;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SELECT = `SELECT r.*, coalesce((SELECT json_agg(json_build_object('format', f.format, 'mediaType', f.media_type, 'fileName', f.file_name, 'byteSize', f.byte_size) ORDER BY f.format)
                 FROM report_files f WHERE f.report_id = r.id), '[]') AS files FROM reports r`;

function toReport(r: pg.QueryResultRow): Report {
  return {
    id: r.id,
    type: r.type,
    parameters: r.parameters,
    status: r.status,
    progress: r.progress,
    error: r.error,
    attempts: r.attempts,
    requestedBy: r.requested_by,
    dedupeKey: r.dedupe_key,
    summary: r.summary,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    jobId: r.job_id ?? null,
    nextAttemptAt: iso(r.next_attempt_at ?? null),
    errorKind: r.error_kind ?? null,
    retries: r.retries ?? 0,
    unexpectedFailures: r.unexpected_failures ?? 0,
    requeues: r.requeues ?? 0,
    files: r.files ?? [],
    organisationId: r.organisation_id,
  };
}

type OutboxReason = 'requested' | 'dispatched' | 'scheduled' | 'reconciled';

export interface NewReport {
  id: string;
  type: ReportType;
  parameters: Record<string, unknown>;
  requestedBy: string;
  dedupeKey?: string;
  createdAt?: Date;
  /** the BullMQ job id the relay will use */
  jobId: string;
  reason: OutboxReason;
  /** whose report it is: default the partnership's own organisation, else the instance's first */
  organisationId?: string;
}

/**
 * Writes a report row and its enqueue intent (an outbox row) in one statement, hence one
 * transaction even outside an explicit one; the relay hands the job to BullMQ after commit. A row
 * that already exists (same id or dedupe key) is returned as it is and nothing is queued again.
 */
export async function createReport(db: Db, input: NewReport): Promise<{ report: Report; created: boolean }> {
  const { rows } = await db.query(
    `WITH r AS (
       INSERT INTO reports (id, type, parameters, requested_by, dedupe_key, created_at, job_id, organisation_id)
       VALUES ($1, $2, $3, $4, $5, coalesce($6, now()), $7,
               coalesce($10::uuid, partnership_organisation($3::jsonb->>'partnershipId'), '${INSTANCE_ORGANISATION_ID}'::uuid))
       ON CONFLICT DO NOTHING RETURNING id, job_id, organisation_id)
     INSERT INTO report_outbox (report_id, job_id, reason, trace_context, organisation_id)
     SELECT id, job_id, $8, $9, organisation_id FROM r RETURNING report_id`,
    [
      input.id,
      input.type,
      JSON.stringify(input.parameters),
      input.requestedBy,
      input.dedupeKey ?? null,
      input.createdAt ?? null,
      input.jobId,
      input.reason,
      traceCarrierText(),
      input.organisationId ?? null,
    ],
  );
  const existing = rows.length
    ? await getReport(db, input.id)
    : input.dedupeKey
      ? await db
          .query(`${SELECT} WHERE r.dedupe_key = $1 OR r.id = $2`, [input.dedupeKey, input.id])
          .then((r) => (r.rows[0] ? toReport(r.rows[0]) : null))
      : await getReport(db, input.id);
  return { report: existing!, created: rows.length > 0 };
}

/** A report, or null; given an organisation, only that organisation's (another's is "not found"). */
export async function getReport(db: Db, id: string, organisationId?: string): Promise<Report | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const { rows } = await db.query(`${SELECT} WHERE r.id = $1 AND ($2::uuid IS NULL OR r.organisation_id = $2)`, [
    id,
    organisationId ?? null,
  ]);
  return rows[0] ? toReport(rows[0]) : null;
}

export interface ListFilter {
  type?: ReportType;
  status?: ReportStatus;
  limit: number;
  /** only this organisation's reports */
  organisationId?: string;
  /** newest first; the cursor is the (created_at, id) of the last item seen */
  after?: { createdAt: string; id: string };
}

export async function listReports(db: Db, f: ListFilter): Promise<{ items: Report[]; next: { createdAt: string; id: string } | null }> {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.organisationId) where.push(`r.organisation_id = $${args.push(f.organisationId)}`);
  if (f.type) where.push(`r.type = $${args.push(f.type)}`);
  if (f.status) where.push(`r.status = $${args.push(f.status)}`);
  if (f.after) where.push(`(r.created_at, r.id) < ($${args.push(f.after.createdAt)}::timestamptz, $${args.push(f.after.id)}::uuid)`);
  const { rows } = await db.query(
    `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.created_at DESC, r.id DESC LIMIT $${args.push(f.limit + 1)}`,
    args,
  );
  const items = rows.slice(0, f.limit).map(toReport);
  const last = rows.length > f.limit ? items[items.length - 1] : null;
  return { items, next: last ? { createdAt: last.createdAt, id: last.id } : null };
}

export type Claim = { report: Report } | { skipped: string };

/**
 * Marks a report running for one more attempt. Only a queued or running report is claimed, and only
 * by the job that carries it now: a job the reconciler replaced (it looked lost) steps aside. The
 * last error and its retry time stay visible until the report completes.
 */
export async function claimReport(db: Db, id: string, jobId?: string): Promise<Claim | null> {
  const { rows } = await db.query(
    `UPDATE reports SET status = 'running', attempts = attempts + 1, progress = 0, started_at = now(), finished_at = NULL
      WHERE id = $1 AND status IN ('queued', 'running') AND ($2::text IS NULL OR job_id IS NULL OR job_id = $2)
      RETURNING id`,
    [id, jobId ?? null],
  );
  if (rows.length) return { report: (await getReport(db, id))! };
  const existing = await getReport(db, id);
  if (!existing) return null;
  if (existing.status === 'completed' || existing.status === 'failed') return { skipped: `already ${existing.status}` };
  return { skipped: `superseded by job ${existing.jobId}` };
}

export async function setProgress(db: Db, id: string, progress: number): Promise<void> {
  await db.query(`UPDATE reports SET progress = $2 WHERE id = $1 AND status = 'running'`, [
    id,
    Math.max(0, Math.min(100, Math.round(progress))),
  ]);
}

/**
 * Stores the files and marks the report completed, in one transaction under a row lock: when two
 * workers race on the same report (a stalled job re-run while the first is still alive), the second
 * finds it completed and writes nothing. Returns false in that case.
 */
export async function completeReport(pool: pg.Pool, id: string, files: NewFile[], summary: Record<string, unknown>): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query('SELECT status FROM reports WHERE id = $1 FOR UPDATE', [id]);
    if (!rows[0] || rows[0].status === 'completed') return false;
    await client.query('DELETE FROM report_files WHERE report_id = $1', [id]);
    for (const f of files) {
      await client.query(
        `INSERT INTO report_files (report_id, format, media_type, file_name, content, byte_size, organisation_id)
         SELECT $1, $2, $3, $4, $5, $6, organisation_id FROM reports WHERE id = $1`,
        [id, f.format, f.mediaType, f.fileName, f.content, f.content.length],
      );
    }
    await client.query(
      `UPDATE reports SET status = 'completed', progress = 100, error = NULL, error_kind = NULL, next_attempt_at = NULL,
              summary = $2, finished_at = now() WHERE id = $1`,
      [id, JSON.stringify(summary)],
    );
    return true;
  });
}

/**
 * Records an attempt that will be retried: queued again, with the error, its kind and the time of
 * the next attempt for whoever reads the report.
 */
export async function deferReport(
  db: Db,
  id: string,
  failure: { error: string; kind: 'transient' | 'unexpected'; nextAttemptAt: Date },
): Promise<void> {
  await db.query(
    `UPDATE reports SET status = 'queued', error = $2, error_kind = $3, next_attempt_at = $4, finished_at = NULL, retries = retries + 1,
            unexpected_failures = unexpected_failures + CASE WHEN $3 = 'unexpected' THEN 1 ELSE 0 END
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, failure.error.slice(0, 2000), failure.kind, failure.nextAttemptAt],
  );
}

/** Records that a report will not be produced, with the reason (which says it is not retried). */
export async function failReport(db: Db, id: string, error: string): Promise<void> {
  await db.query(
    `UPDATE reports SET status = 'failed', error = $2, error_kind = 'permanent', next_attempt_at = NULL, finished_at = now()
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [id, error.slice(0, 2000)],
  );
}

export async function getFile(
  db: Db,
  id: string,
  format: ReportFormat,
  organisationId?: string,
): Promise<(ReportFileInfo & { content: Buffer }) | null> {
  const { rows } = await db.query(
    `SELECT format, media_type, file_name, byte_size, content FROM report_files
      WHERE report_id = $1 AND format = $2 AND ($3::uuid IS NULL OR organisation_id = $3)`,
    [id, format, organisationId ?? null],
  );
  const r = rows[0];
  return r ? { format: r.format, mediaType: r.media_type, fileName: r.file_name, byteSize: r.byte_size, content: r.content } : null;
}

/** Where the newest completed digest ended: the next digest starts there. */
export async function previousDigestUntil(db: Db, before: string): Promise<string | null> {
  const { rows } = await db.query(
    `SELECT summary->>'until' AS until FROM reports
      WHERE type = 'office_digest' AND status = 'completed' AND summary ? 'until' AND summary->>'until' <= $1
      ORDER BY summary->>'until' DESC LIMIT 1`,
    [before],
  );
  return rows[0]?.until ?? null;
}
