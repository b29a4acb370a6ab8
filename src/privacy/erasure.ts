// Erasure as a recorded act (docs/privacy.md): the subjects' keys are deleted and the erasure logged
// (who, whom by subject id, when, why) in one transaction; then the read models are rebuilt from the
// log, where the subjects' values now read as erased, and stored reports that held them are
// rendered again. The record holds no personal data: only the subject id and what was affected.
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ident, type ProjectionDefinition, type ProjectionEngine, type RebuildProgress } from '../event-store/index.js';
import { withTransaction } from '../event-store/transaction.js';
import { ERASURES_CHANNEL, erasureNotices } from './erasure-listener.js';
import { currentMasterKey, type MasterKey } from './master-key.js';
import { openValue, subjectsIn, type Envelope, isEnvelope } from './sealing.js';
import { forgetSubjects, keysOf } from './subject-keys.js';

export interface ErasureRequest {
  organisationId: string;
  subjectIds: string[];
  /** who asked: an actor id or key name, never the erased person's name */
  erasedBy: string;
  reason: string;
  /** replaying a log after a restore: the original records, kept as they were */
  original?: ReadonlyMap<string, { id: string; erasedAt: Date }>;
  /** rebuild the read models now (default); a replay rebuilds once after all its entries */
  rebuild?: boolean;
}

export interface ErasureOutcome {
  erasures: { id: string; subjectId: string; erasedAt: string }[];
  /** subjects that were erased before (or never had a key here): nothing to do for them */
  alreadyErased: string[];
  /** events holding the subjects' values (they stay, as ciphertext no key opens) */
  events: number;
  streams: string[];
  /** read-model rows that showed a value of the subjects before the rebuild */
  readRows: number;
  /** stored reports that showed a value of the subjects (or are dossiers of an affected partnership), queued to be rendered again */
  reports: number;
  reportIds: string[];
  rebuilt: string[];
  /** the values now erased, for a replay's own report pass; never returned to a client */
  plain: string[];
}

export class ErasureInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The events holding a value of one of `subjectIds`, with those values in the clear (the keys still exist). */
async function holdings(db: pg.Pool, master: MasterKey, subjectIds: string[]) {
  const keys = await keysOf(db, master, subjectIds);
  const { rows } = await db.query(
    `SELECT event_id, stream_id, data FROM events WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos(data::text, s) > 0)`,
    [subjectIds],
  );
  const plain = new Set<string>();
  const held = rows.filter((r) => {
    const ids = subjectsIn(r.data).filter((s) => subjectIds.includes(s));
    const collect = (v: unknown): void => {
      if (isEnvelope(v) && keys.has(v.subject) && ids.includes(v.subject)) {
        const value = openValue(keys.get(v.subject)!, v as Envelope);
        if (typeof value === 'string') plain.add(value);
      } else if (Array.isArray(v)) v.forEach(collect);
      else if (typeof v === 'object' && v !== null) Object.values(v).forEach(collect);
    };
    collect(r.data);
    return ids.length > 0;
  });
  return { events: held.length, streams: [...new Set(held.map((r) => r.stream_id as string))], plain: [...plain] };
}

/** Rows of `tables` whose text holds one of `plain`. */
async function rowsHolding(db: pg.ClientBase | pg.Pool, tables: string[], plain: string[]): Promise<number> {
  if (!plain.length) return 0;
  let n = 0;
  for (const t of tables) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM ${ident(t)} x WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE strpos(x::text, p) > 0)`,
      [plain],
    );
    n += rows[0].n;
  }
  return n;
}

/**
 * Stored reports that show one of `plain` in a text file, or are dossiers of an affected partnership
 * (their PDF cannot be searched): their files are deleted at once, in the erasure's transaction.
 */
async function dropReportFiles(c: pg.ClientBase, streams: string[], plain: string[]): Promise<string[]> {
  const { rows } = await c.query(
    `WITH hit AS (
       SELECT r.id FROM reports r WHERE r.status IN ('completed', 'failed') AND (
         (r.type = 'dossier' AND r.parameters->>'partnershipId' = ANY($1::text[]))
         OR EXISTS (SELECT 1 FROM report_files f, unnest($2::text[]) p
                     WHERE f.report_id = r.id AND f.format <> 'pdf' AND strpos(convert_from(f.content, 'UTF8'), p) > 0))),
     del AS (DELETE FROM report_files f USING hit WHERE f.report_id = hit.id)
     SELECT id FROM hit`,
    [streams, plain],
  );
  return rows.map((r) => r.id as string);
}

/**
 * Queues those reports to be rendered again under a new job id, once the read models are rebuilt
 * (before, a worker would render the old rows again).
 */
async function requeueReports(pool: pg.Pool, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await pool.query(
    `WITH upd AS (
       UPDATE reports r SET status = 'queued', progress = 0, error = NULL, error_kind = NULL, finished_at = NULL,
              summary = NULL, requeues = r.requeues + 1, job_id = 'report-' || r.id::text || '-e' || (r.requeues + 1)
        WHERE r.id = ANY($1::uuid[]) AND r.status IN ('completed', 'failed') RETURNING r.id, r.job_id, r.organisation_id)
     INSERT INTO report_outbox (report_id, job_id, reason, organisation_id) SELECT id, job_id, 'reconciled', organisation_id FROM upd`,
    [ids],
  );
}

/** How long an erasure waits for reports that were being rendered from the old read rows. */
const RUNNING_REPORTS_WAIT_MS = 60_000;

/**
 * Reports rendered while the erasure ran may show the old read rows: once those that were running
 * have finished, the ones that finished since the erasure began and show a value (or are dossiers
 * of an affected partnership) are rendered again too.
 */
async function lateReports(pool: pg.Pool, since: Date, streams: string[], plain: string[], done: string[]): Promise<string[]> {
  const deadline = Date.now() + RUNNING_REPORTS_WAIT_MS;
  for (;;) {
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM reports WHERE status = 'running' AND NOT (id = ANY($1::uuid[]))`, [
      done,
    ]);
    if (rows[0].n === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const { rows } = await pool.query(
    `WITH hit AS (
       SELECT r.id FROM reports r WHERE r.status IN ('completed', 'failed') AND r.finished_at >= $3 AND NOT (r.id = ANY($4::uuid[])) AND (
         (r.type = 'dossier' AND r.parameters->>'partnershipId' = ANY($1::text[]))
         OR EXISTS (SELECT 1 FROM report_files f, unnest($2::text[]) p
                     WHERE f.report_id = r.id AND f.format <> 'pdf' AND strpos(convert_from(f.content, 'UTF8'), p) > 0))),
     del AS (DELETE FROM report_files f USING hit WHERE f.report_id = hit.id)
     SELECT id FROM hit`,
    [streams, plain, since, done],
  );
  return rows.map((r) => r.id as string);
}

/** Rebuilds every projection, then renders the affected reports again. */
async function rebuildAfterErasure(
  pool: pg.Pool,
  engine: ProjectionEngine,
  projections: ProjectionDefinition[],
  affected: { since: Date; streams: string[]; plain: string[]; reportIds: string[] },
  onProgress?: (name: string, p: RebuildProgress) => void,
): Promise<{ rebuilt: string[]; reportIds: string[] }> {
  const rebuilt: string[] = [];
  for (const def of projections) {
    await engine.rebuild(def, (p) => onProgress?.(def.name, p));
    rebuilt.push(def.name);
  }
  await requeueReports(pool, affected.reportIds);
  const late = await lateReports(pool, affected.since, affected.streams, affected.plain, affected.reportIds);
  await requeueReports(pool, late);
  return { rebuilt, reportIds: [...affected.reportIds, ...late] };
}

export async function eraseSubjects(
  pool: pg.Pool,
  engine: ProjectionEngine,
  projections: ProjectionDefinition[],
  req: ErasureRequest,
  onProgress?: (name: string, p: RebuildProgress) => void,
  master: MasterKey = currentMasterKey(),
): Promise<ErasureOutcome> {
  const subjectIds = [...new Set(req.subjectIds)];
  if (!subjectIds.length) throw new ErasureInputError('subject', 'is required: name at least one subject');
  for (const s of subjectIds)
    if (!UUID.test(s)) throw new ErasureInputError('subject', `must be a subject id (a UUID), got ${JSON.stringify(s)}`);
  if (!req.reason.trim()) throw new ErasureInputError('reason', 'must not be empty');
  if (req.reason.length > 2000) throw new ErasureInputError('reason', 'must be at most 2000 characters');

  const { rows: present } = await pool.query(
    'SELECT subject_id FROM subject_keys WHERE organisation_id = $1 AND subject_id = ANY($2::uuid[])',
    [req.organisationId, subjectIds],
  );
  const since = new Date();
  const live = present.map((r) => r.subject_id as string);
  const alreadyErased = subjectIds.filter((s) => !live.includes(s));
  const found = await holdings(pool, master, live);
  const tables = projections.flatMap((p) => p.tables);
  const readRows = await rowsHolding(pool, tables, found.plain);

  const { erasures, reportIds } = await withTransaction(pool, async (c) => {
    const now = new Date();
    await c.query('DELETE FROM subject_keys WHERE organisation_id = $1 AND subject_id = ANY($2::uuid[])', [req.organisationId, live]);
    // Delivered on commit: other processes forget these keys then (erasure-listener.ts).
    for (const notice of erasureNotices(live)) await c.query('SELECT pg_notify($1, $2)', [ERASURES_CHANNEL, notice]);
    const reportIds = await dropReportFiles(c, found.streams, found.plain);
    const affected = { events: found.events, streams: found.streams.length, readRows, reports: reportIds.length };
    const erasures = [];
    // A replay records every entry of the log, also those whose key the restored backup did not have.
    for (const subjectId of req.original ? subjectIds : live) {
      const { id, erasedAt } = req.original?.get(subjectId) ?? { id: uuidv7(), erasedAt: now };
      const { rowCount } = await c.query(
        `INSERT INTO erasures (organisation_id, id, subject_id, erased_by, reason, erased_at, affected)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [req.organisationId, id, subjectId, req.erasedBy, req.reason, erasedAt, JSON.stringify(affected)],
      );
      if (rowCount) erasures.push({ id, subjectId, erasedAt: erasedAt.toISOString() });
    }
    return { erasures, reportIds };
  });
  forgetSubjects();

  const after =
    live.length && req.rebuild !== false
      ? await rebuildAfterErasure(pool, engine, projections, { since, streams: found.streams, plain: found.plain, reportIds }, onProgress)
      : { rebuilt: [], reportIds };
  return {
    erasures,
    alreadyErased,
    events: found.events,
    streams: found.streams,
    readRows,
    reports: after.reportIds.length,
    reportIds: after.reportIds,
    rebuilt: after.rebuilt,
    plain: found.plain,
  };
}

export interface ErasureLogEntry {
  organisationId: string;
  id: string;
  subjectId: string;
  erasedBy: string;
  reason: string;
  erasedAt: string;
}

/** The erasure log (no personal data in it), oldest first: what a restore replays. */
export async function erasureLog(db: pg.Pool | pg.ClientBase): Promise<ErasureLogEntry[]> {
  const { rows } = await db.query(
    'SELECT organisation_id, id, subject_id, erased_by, reason, erased_at FROM erasures ORDER BY erased_at, id',
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    id: r.id,
    subjectId: r.subject_id,
    erasedBy: r.erased_by,
    reason: r.reason,
    erasedAt: r.erased_at.toISOString(),
  }));
}

/**
 * Brings a restored database into line with an erasure log taken later: every entry it lacks is
 * applied (key deleted, record kept with its original id and time), then the read models are rebuilt once.
 */
export async function replayErasures(
  pool: pg.Pool,
  engine: ProjectionEngine,
  projections: ProjectionDefinition[],
  log: ErasureLogEntry[],
  onProgress?: (name: string, p: RebuildProgress) => void,
): Promise<{ applied: number; present: number; keysDeleted: number; rebuilt: string[] }> {
  const { rows } = await pool.query('SELECT id FROM erasures WHERE id = ANY($1::uuid[])', [log.map((e) => e.id)]);
  const present = new Set(rows.map((r) => r.id as string));
  let applied = 0;
  let keysDeleted = 0;
  const reportIds: string[] = [];
  const streams = new Set<string>();
  const plain = new Set<string>();
  const since = new Date();
  for (const e of log.filter((x) => !present.has(x.id))) {
    const out = await eraseSubjects(pool, engine, projections, {
      organisationId: e.organisationId,
      subjectIds: [e.subjectId],
      erasedBy: e.erasedBy,
      reason: e.reason,
      original: new Map([[e.subjectId, { id: e.id, erasedAt: new Date(e.erasedAt) }]]),
      rebuild: false,
    });
    applied += out.erasures.length;
    reportIds.push(...out.reportIds);
    out.streams.forEach((x) => streams.add(x));
    out.plain.forEach((x) => plain.add(x));
    keysDeleted += out.alreadyErased.length ? 0 : 1;
  }
  const { rebuilt } = applied
    ? await rebuildAfterErasure(pool, engine, projections, { since, streams: [...streams], plain: [...plain], reportIds }, onProgress)
    : { rebuilt: [] };
  return { applied, present: present.size, keysDeleted, rebuilt };
}
