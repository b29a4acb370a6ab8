// Reports and their files in Postgres. Hand-written SQL on the shared pg pool: the status changes are
// conditional updates (a completed report is never overwritten), which read clearest as SQL.
import type pg from 'pg';
import { withTransaction } from '../event-store/transaction.js';
import { v5 as uuidv5 } from 'uuid';
import type { ReportFormat, ReportStatus, ReportType } from './report-types.js';

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

function toReport(r: Record<string, any>): Report {
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
    files: r.files ?? [],
  };
}

export async function insertReport(
  db: Db,
  input: { id: string; type: ReportType; parameters: Record<string, unknown>; requestedBy: string; dedupeKey?: string; createdAt?: Date },
): Promise<{ report: Report; created: boolean }> {
  const { rows } = await db.query(
    `INSERT INTO reports (id, type, parameters, requested_by, dedupe_key, created_at) VALUES ($1, $2, $3, $4, $5, coalesce($6, now()))
     ON CONFLICT DO NOTHING RETURNING id`,
    [input.id, input.type, JSON.stringify(input.parameters), input.requestedBy, input.dedupeKey ?? null, input.createdAt ?? null],
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

export async function getReport(db: Db, id: string): Promise<Report | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const { rows } = await db.query(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? toReport(rows[0]) : null;
}

export async function deleteReport(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM reports WHERE id = $1', [id]);
}

export interface ListFilter {
  type?: ReportType;
  status?: ReportStatus;
  limit: number;
  /** newest first; the cursor is the (created_at, id) of the last item seen */
  after?: { createdAt: string; id: string };
}

export async function listReports(db: Db, f: ListFilter): Promise<{ items: Report[]; next: { createdAt: string; id: string } | null }> {
  const where: string[] = [];
  const args: unknown[] = [];
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

/** Marks a report running for one more attempt; null when it is already completed (or gone). */
export async function claimReport(db: Db, id: string): Promise<Report | null> {
  const { rows } = await db.query(
    `UPDATE reports SET status = 'running', attempts = attempts + 1, progress = 0, started_at = now(), finished_at = NULL
      WHERE id = $1 AND status <> 'completed' RETURNING id`,
    [id],
  );
  return rows.length ? getReport(db, id) : null;
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
        'INSERT INTO report_files (report_id, format, media_type, file_name, content, byte_size) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, f.format, f.mediaType, f.fileName, f.content, f.content.length],
      );
    }
    await client.query(
      `UPDATE reports SET status = 'completed', progress = 100, error = NULL, summary = $2, finished_at = now() WHERE id = $1`,
      [id, JSON.stringify(summary)],
    );
    return true;
  });
}

/** Records a failed attempt: back to queued while retries remain, failed with its reason after the last. */
export async function failReport(db: Db, id: string, error: string, final: boolean): Promise<void> {
  await db.query(
    `UPDATE reports SET status = $3, error = $2, finished_at = CASE WHEN $3 = 'failed' THEN now() ELSE NULL END
      WHERE id = $1 AND status <> 'completed'`,
    [id, error.slice(0, 2000), final ? 'failed' : 'queued'],
  );
}

export async function getFile(db: Db, id: string, format: ReportFormat): Promise<(ReportFileInfo & { content: Buffer }) | null> {
  const { rows } = await db.query(
    'SELECT format, media_type, file_name, byte_size, content FROM report_files WHERE report_id = $1 AND format = $2',
    [id, format],
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
