import type pg from 'pg';
import { verifyChains, type BrokenLink, type ChainReport } from './chain.js';
import { CHECKPOINT_COLUMNS, openRow, signedHeadsSql, toCheckpointRow, type CheckpointRow } from './checkpoints.js';
import { headsHasher, type CheckpointPayload, type SignedCheckpoint } from './digest.js';
import type { LedgerKeys } from './keys.js';
import { streamRows } from './rows.js';

type StreamMismatchCode = 'stream_truncated' | 'stream_missing' | 'head_rewritten' | 'events_inserted' | 'stream_not_in_checkpoint';

/** A stream whose state at a checkpoint's snapshot is not what the checkpoint signed. */
export interface StreamMismatch {
  streamId: string;
  code: StreamMismatchCode;
  message: string;
  checkpointId: number;
  signed: { version: number; hash: string } | null;
  actual: { version: number; hash: string } | null;
}

type CheckpointProblemCode =
  | 'checkpoint_invalid'
  | 'checkpoint_link_broken'
  | 'checkpoint_missing'
  | 'checkpoint_differs'
  | 'checkpoint_heads_altered'
  | 'event_count_differs'
  | 'head_differs'
  | 'heads_root_differs';

interface CheckpointProblem {
  checkpointId: number | null;
  code: CheckpointProblemCode;
  message: string;
}

interface CheckpointComparison {
  checkpointId: number;
  source: 'table' | 'digest file' | 'digest file and table';
  createdAt: string;
  ok: boolean;
  signed: { eventCount: number; streamCount: number; head: CheckpointPayload['head'] };
  actual: { eventCount: number; streamCount: number; head: CheckpointPayload['head'] };
  /** False when the heads stored for the checkpoint no longer hash to what it signed. */
  storedHeadsIntact: boolean;
  mismatchedStreams: number;
}

export interface LedgerReport {
  ok: boolean;
  chain: ChainReport;
  checkpoints: {
    /** Whether signatures could be checked at all (a trusted key is configured). */
    checked: boolean;
    rows: number;
    valid: number;
    latestValid: { id: number; createdAt: string; keyId: string } | null;
    problems: CheckpointProblem[];
  };
  comparisons: CheckpointComparison[];
  /** Streams that differ from a signed checkpoint (up to maxListed; mismatchedStreams counts all). */
  streams: StreamMismatch[];
  /** Every stream with a broken link or a mismatch with a signed checkpoint (up to maxListed). */
  brokenStreams: string[];
  notes: string[];
}

export interface VerifyLedgerOptions {
  /** A digest file opened with openDigestFile (already authenticated). */
  digest?: SignedCheckpoint;
  onBroken?: (link: BrokenLink) => void;
  onMismatch?: (m: StreamMismatch) => void;
  maxListed?: number;
}

function describe(m: Omit<StreamMismatch, 'code' | 'message'>): Pick<StreamMismatch, 'code' | 'message'> {
  const at = `checkpoint ${m.checkpointId}`;
  const { signed, actual } = m;
  if (signed && !actual)
    return { code: 'stream_missing', message: `${at} signed version ${signed.version}; no event of the stream remains` };
  if (actual && !signed)
    return {
      code: 'stream_not_in_checkpoint',
      message: `has version ${actual.version} at ${at}, which signed no such stream: events were inserted into the past`,
    };
  if (actual!.version < signed!.version)
    return {
      code: 'stream_truncated',
      message: `${at} signed version ${signed!.version}; the log ends at version ${actual!.version}: events were deleted at the end`,
    };
  if (actual!.version > signed!.version)
    return {
      code: 'events_inserted',
      message: `${at} signed version ${signed!.version}; the log has version ${actual!.version} at that checkpoint: events were inserted into the past`,
    };
  return {
    code: 'head_rewritten',
    message: `version ${signed!.version} no longer has the hash ${at} signed: an event up to it was changed and the chain recomputed`,
  };
}

/**
 * Verifies the whole log: every hash chain, every signed checkpoint in the table, and the log's
 * state at the latest valid checkpoint and at a given digest file's checkpoint against what they signed.
 */
export async function verifyLedger(pool: pg.Pool, keys: LedgerKeys, options: VerifyLedgerOptions = {}): Promise<LedgerReport> {
  const max = options.maxListed ?? 10_000;
  const client = await pool.connect();
  try {
    const chain = await verifyChains(client, { onBroken: options.onBroken, maxListed: max });
    const report: LedgerReport = {
      ok: true,
      chain,
      checkpoints: { checked: keys.trusted.size > 0, rows: 0, valid: 0, latestValid: null, problems: [] },
      comparisons: [],
      streams: [],
      brokenStreams: [],
      notes: [],
    };
    const broken = new Set(chain.brokenStreams);
    const problem = (p: CheckpointProblem) => report.checkpoints.problems.push(p);

    const rowCount = Number((await client.query('SELECT count(*) AS n FROM ledger_checkpoints')).rows[0].n);
    report.checkpoints.rows = rowCount;
    if (!report.checkpoints.checked) {
      report.notes.push(
        `signed checkpoints not checked: no key configured (LEDGER_SIGNING_KEY_FILE, LEDGER_SIGNING_KEY or LEDGER_PUBLIC_KEYS_FILE)` +
          (rowCount ? `; the table holds ${rowCount} checkpoint(s)` : ''),
      );
    } else {
      // Every row: authentic, and linked to the row before it (a removed or inserted row breaks the links).
      let before: CheckpointRow | null = null;
      let latest: SignedCheckpoint | null = null;
      let digestRow: CheckpointRow | null = null;
      for await (const r of streamRows(client, `SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoints ORDER BY id`)) {
        const row = toCheckpointRow(r);
        if (options.digest && row.id === options.digest.payload.id) digestRow = row;
        try {
          const c = openRow(row, keys);
          report.checkpoints.valid++;
          latest = c;
          const p = c.payload.previous;
          if (!before && p)
            problem({
              checkpointId: row.id,
              code: 'checkpoint_link_broken',
              message: `names checkpoint ${p.id} as its previous, which is not in the table`,
            });
          else if (before && !p)
            problem({
              checkpointId: row.id,
              code: 'checkpoint_link_broken',
              message: `names no previous checkpoint, but follows checkpoint ${before.id}`,
            });
          else if (before && p && (p.id !== before.id || p.digest !== before.digest))
            problem({
              checkpointId: row.id,
              code: 'checkpoint_link_broken',
              message:
                p.id !== before.id
                  ? `names checkpoint ${p.id} as its previous, but follows checkpoint ${before.id}: checkpoints were removed or inserted`
                  : `its previous checkpoint ${p.id} is not the one it signed`,
            });
        } catch (err) {
          problem({ checkpointId: row.id, code: 'checkpoint_invalid', message: (err as Error).message });
        }
        before = row;
      }
      if (latest) report.checkpoints.latestValid = { id: latest.payload.id, createdAt: latest.payload.createdAt, keyId: latest.keyId };

      const targets: { c: SignedCheckpoint; source: CheckpointComparison['source'] }[] = [];
      const d = options.digest;
      if (d) {
        if (!digestRow)
          problem({
            checkpointId: d.payload.id,
            code: 'checkpoint_missing',
            message:
              `the digest file's checkpoint is not in the table` +
              (latest && latest.payload.id < d.payload.id
                ? ` (the newest valid one is ${latest.payload.id}): checkpoints were removed`
                : ''),
          });
        else if (digestRow.digest !== d.digest)
          problem({
            checkpointId: d.payload.id,
            code: 'checkpoint_differs',
            message: `the table's checkpoint differs from the digest file's`,
          });
        targets.push({
          c: d,
          source: latest?.payload.id === d.payload.id && latest.digest === d.digest ? 'digest file and table' : 'digest file',
        });
      }
      if (latest && !(d && latest.payload.id === d.payload.id && latest.digest === d.digest)) targets.push({ c: latest, source: 'table' });
      if (!latest && !d)
        report.notes.push(
          'no signed checkpoint yet: events deleted at the end of a stream cannot be detected until one is written (npm run ledger:digest)',
        );

      for (const t of targets) {
        const cmp = await compare(client, t.c.payload, t.source, (m) => {
          if (report.streams.length < max) report.streams.push(m);
          if (!broken.has(m.streamId) && broken.size < max) broken.add(m.streamId);
          options.onMismatch?.(m);
        });
        report.comparisons.push(cmp.comparison);
        report.checkpoints.problems.push(...cmp.problems);
      }
    }
    report.brokenStreams = [...broken];
    report.ok = chain.ok && report.checkpoints.problems.length === 0 && report.comparisons.every((c) => c.ok);
    return report;
  } finally {
    client.release();
  }
}

/**
 * The log's state at the checkpoint's snapshot (which events were visible then) against what it signed.
 * One read-only query, streamed in byte order of the stream ids: the actual heads and the stored
 * signed heads side by side, hashed as they pass, so memory stays bounded on any number of streams.
 */
async function compare(
  client: pg.ClientBase,
  signed: CheckpointPayload,
  source: CheckpointComparison['source'],
  onMismatch: (m: StreamMismatch) => void,
): Promise<{ comparison: CheckpointComparison; problems: CheckpointProblem[] }> {
  const visible = `events.transaction_id < pg_snapshot_xmax($1::pg_snapshot) AND pg_visible_in_snapshot(events.transaction_id, $1::pg_snapshot)`;
  const sql = `
    WITH actual AS (
      SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash, count(*) OVER (PARTITION BY stream_id) AS events
        FROM events WHERE ${visible}
       ORDER BY stream_id, stream_version DESC, global_position DESC
    ), signed AS (${signedHeadsSql('$2', '$3')})
    SELECT coalesce(s.stream_id, a.stream_id COLLATE "C") AS stream_id, a.stream_version AS actual_version, a.hash AS actual_hash,
           a.events, s.stream_version AS signed_version, s.hash AS signed_hash
      FROM actual a FULL JOIN signed s ON s.stream_id = a.stream_id
     ORDER BY 1`;
  // Streams can be named only against stored heads that still hash to what was signed.
  const storedHeads = headsHasher();
  for await (const h of streamRows(client, signedHeadsSql(), [signed.baseId, signed.id]))
    storedHeads.add(h.stream_id, h.stream_version, h.hash);
  const storedHeadsIntact = storedHeads.digest() === signed.headsRoot && storedHeads.count === signed.streamCount;

  const actualHeads = headsHasher();
  let eventCount = 0;
  let mismatched = 0;
  for await (const r of streamRows(client, sql, [signed.snapshot, signed.baseId, signed.id])) {
    const actual = r.actual_version === null ? null : { version: r.actual_version as number, hash: r.actual_hash as string };
    const stored = r.signed_version === null ? null : { version: r.signed_version as number, hash: r.signed_hash as string };
    if (actual) {
      actualHeads.add(r.stream_id, actual.version, actual.hash);
      eventCount += Number(r.events);
    }
    if (!storedHeadsIntact || (actual?.version === stored?.version && actual?.hash === stored?.hash)) continue;
    mismatched++;
    const m = { streamId: r.stream_id as string, checkpointId: signed.id, signed: stored, actual };
    onMismatch({ ...m, ...describe(m) });
  }
  const { rows } = await client.query(
    `SELECT transaction_id::text AS transaction_id, global_position FROM events WHERE ${visible}
      ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    [signed.snapshot],
  );
  const head = rows[0]
    ? { transactionId: rows[0].transaction_id as string, position: Number(rows[0].global_position) }
    : { transactionId: '0', position: 0 };
  const actualRoot = actualHeads.digest();
  const problems: CheckpointProblem[] = [];
  const at = (code: CheckpointProblemCode, message: string) => problems.push({ checkpointId: signed.id, code, message });
  if (!storedHeadsIntact)
    at(
      'checkpoint_heads_altered',
      `the stream heads stored for the checkpoint no longer hash to what it signed; the streams named against them may be incomplete`,
    );
  if (actualRoot !== signed.headsRoot && mismatched === 0)
    at('heads_root_differs', `the log's stream heads at the checkpoint do not hash to the signed value`);
  if (eventCount !== signed.eventCount)
    at('event_count_differs', `signed ${signed.eventCount} events; the log has ${eventCount} events at that checkpoint`);
  if (head.transactionId !== signed.head.transactionId || head.position !== signed.head.position)
    at(
      'head_differs',
      `signed the newest event at transaction ${signed.head.transactionId}, position ${signed.head.position}; the log's is at transaction ${head.transactionId}, position ${head.position}`,
    );
  const ok = actualRoot === signed.headsRoot && actualHeads.count === signed.streamCount && problems.length === 0;
  return {
    problems,
    comparison: {
      checkpointId: signed.id,
      source,
      createdAt: signed.createdAt,
      ok,
      signed: { eventCount: signed.eventCount, streamCount: signed.streamCount, head: signed.head },
      actual: { eventCount, streamCount: actualHeads.count, head },
      storedHeadsIntact,
      mismatchedStreams: mismatched,
    },
  };
}
