import type pg from 'pg';
import { verifyChains, type BrokenLink, type ChainReport } from './chain.js';
import { CHECKPOINT_COLUMNS, openRow, toCheckpointRow, type CheckpointRow } from './checkpoints.js';
import { compare, type CheckpointComparison, type CheckpointProblem, type StreamMismatch } from './compare.js';
import type { SignedCheckpoint } from './digest.js';
import type { LedgerKeys } from './keys.js';
import { streamRows } from './rows.js';

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
  /** progress of the chain check, the long part (see ChainOptions) */
  onProgress?: (checked: number, total: number) => void;
  maxListed?: number;
}

/**
 * Verifies the whole log: every hash chain, every signed checkpoint in the table, and the log's
 * state at the latest valid checkpoint and at a given digest file's checkpoint against what they signed.
 */
export async function verifyLedger(pool: pg.Pool, keys: LedgerKeys, options: VerifyLedgerOptions = {}): Promise<LedgerReport> {
  const max = options.maxListed ?? 10_000;
  const client = await pool.connect();
  try {
    const chain = await verifyChains(client, { onBroken: options.onBroken, onProgress: options.onProgress, maxListed: max });
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
        const forced = t.c.payload.forced;
        if (forced?.length) report.notes.push(`checkpoint ${t.c.payload.id} was signed over a refusal (forced): ${forced.join('; ')}`);
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
