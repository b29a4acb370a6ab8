import type pg from 'pg';
import {
  DigestRefusedError,
  headsHasher,
  openSigned,
  signPayload,
  CHECKPOINT_FORMAT,
  type CheckpointPayload,
  type SignedCheckpoint,
} from './digest.js';
import { NO_KEY_HINT, type LedgerKeys } from './keys.js';
import { compare, signedHeadsSql } from './compare.js';
import { COMPUTED_HASH_SQL, linkProblems, streamRows } from './rows.js';

// Advisory-lock class of the checkpoint writer: one writer at a time across processes.
export const LEDGER_LOCK_CLASS = 0x4c43; // 'LC'

export interface CheckpointRow {
  id: number;
  text: string;
  digest: string;
  keyId: string;
  signature: string;
}

/** The writer found the log no longer extends the last signed checkpoint, and will not sign over it. */
export class CheckpointRefusedError extends Error {
  readonly code = 'checkpoint_refused';
  constructor(
    readonly summary: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${summary}:\n  ${problems.join('\n  ')}` : summary);
  }
}

class CheckpointsDisabledError extends Error {
  readonly code = 'checkpoints_disabled';
  constructor() {
    super(`checkpoints are disabled: ${NO_KEY_HINT}`);
  }
}

export type CheckpointOutcome =
  | { status: 'created'; checkpoint: SignedCheckpoint }
  /** Nothing was appended since the latest checkpoint: it still describes the whole log. */
  | { status: 'unchanged'; checkpoint: SignedCheckpoint }
  /** Another process holds the writer lock (only when not waiting for it). */
  | { status: 'busy' };

/**
 * The events a snapshot ($1) covers, or with a previous snapshot ($2) only those it adds: a
 * transaction not visible in the previous snapshot has an id at or above its xmin, which keeps the
 * scan on the (transaction_id, global_position) index.
 */
const DELTA = `events.transaction_id < pg_snapshot_xmax($1::pg_snapshot)
  AND pg_visible_in_snapshot(events.transaction_id, $1::pg_snapshot)
  AND ($2::pg_snapshot IS NULL OR (events.transaction_id >= pg_snapshot_xmin($2::pg_snapshot)
       AND NOT pg_visible_in_snapshot(events.transaction_id, $2::pg_snapshot)))`;

/** New events that do not extend their stream's signed head, or whose own chain is broken. */
const DELTA_PROBLEMS_SQL = `
  WITH delta AS (
    SELECT stream_id, stream_version, event_id::text AS event_id, global_position, prev_hash, hash, ${COMPUTED_HASH_SQL} AS computed
      FROM events WHERE ${DELTA}
  ), chain AS (
    SELECT d.*, lag(stream_version) OVER w AS lag_version, lag(hash) OVER w AS lag_hash
      FROM delta d WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version, global_position)
  ), judged AS (
    SELECT c.*, coalesce(c.lag_version, ph.stream_version, 0) AS prev_version,
           CASE WHEN c.lag_version IS NOT NULL THEN c.lag_hash ELSE ph.hash END AS expected_prev
      FROM chain c
      LEFT JOIN LATERAL (SELECT h.stream_version, h.hash FROM ledger_checkpoint_heads h
                          WHERE c.lag_version IS NULL AND h.stream_id = c.stream_id AND h.checkpoint_id BETWEEN $3 AND $4
                          ORDER BY h.checkpoint_id DESC LIMIT 1) ph ON true
  )
  SELECT stream_id, stream_version, event_id, prev_hash, hash, computed, prev_version, expected_prev FROM judged
   WHERE computed IS DISTINCT FROM hash OR prev_hash IS DISTINCT FROM expected_prev OR stream_version <> prev_version + 1
   ORDER BY stream_id, stream_version LIMIT 20`;

export const CHECKPOINT_COLUMNS = 'id, payload, digest, key_id, signature';

export function toCheckpointRow(r: pg.QueryResultRow): CheckpointRow {
  return { id: Number(r.id), text: r.payload, digest: r.digest, keyId: r.key_id, signature: r.signature };
}

/** The signed payload of a row; throws DigestRefusedError if it is not authentic. */
export function openRow(row: CheckpointRow, keys: LedgerKeys): SignedCheckpoint {
  const payload = openSigned(row.text, row.digest, row.keyId, row.signature, keys);
  if (payload.id !== row.id) throw new DigestRefusedError(`row ${row.id} holds the signed checkpoint ${payload.id}`);
  return { payload, text: row.text, digest: row.digest, keyId: row.keyId, signature: row.signature };
}

async function latestCheckpointRow(db: pg.Pool | pg.ClientBase): Promise<CheckpointRow | null> {
  const { rows } = await db.query(`SELECT ${CHECKPOINT_COLUMNS} FROM ledger_checkpoints ORDER BY id DESC LIMIT 1`);
  return rows[0] ? toCheckpointRow(rows[0]) : null;
}

/** Compares two gap-safe positions: the later of the pair. */
function laterHead(a: CheckpointPayload['head'], b: CheckpointPayload['head']): CheckpointPayload['head'] {
  const [ta, tb] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  if (ta !== tb) return ta > tb ? a : b;
  return a.position >= b.position ? a : b;
}

/** How many differing streams a refusal names; the verifier lists them all. */
const LISTED = 20;

/**
 * Writes signed checkpoints. Each one extends the previous: before signing, the writer checks that
 * the previous checkpoint is authentic, that the log at its snapshot still has what it signed (the
 * count, the newest event and the head of every stream it signed, whether or not it grew since),
 * and that every event added since continues its stream from the signed head with an intact chain.
 * So a change behind the store is never laundered into a newer checkpoint: the writer refuses instead.
 */
export class LedgerCheckpointer {
  constructor(
    private readonly pool: pg.Pool,
    private readonly keys: LedgerKeys,
    /** Stored head rows beyond twice the stream count after which a checkpoint stores a full list again. */
    private readonly options: { historySlack?: number } = {},
  ) {}

  get enabled(): boolean {
    return this.keys.signer !== null;
  }

  /**
   * wait: queue behind another writer instead of skipping. force: when the checks refuse, sign the
   * log as it is now anyway, as a new base, with what they found recorded in the signed payload
   * (`forced`), for an operator who has investigated. rebase: always a new base (forced if refused).
   */
  async checkpoint(options: { wait?: boolean; force?: boolean; rebase?: boolean } = {}): Promise<CheckpointOutcome> {
    const signer = this.keys.signer;
    if (!signer) throw new CheckpointsDisabledError();
    const override = options.force === true || options.rebase === true;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (options.wait) await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LEDGER_LOCK_CLASS]);
      else {
        const { rows } = await client.query('SELECT pg_try_advisory_xact_lock($1, 0) AS ok', [LEDGER_LOCK_CLASS]);
        if (!rows[0].ok) {
          await client.query('ROLLBACK');
          return { status: 'busy' };
        }
      }
      // Taken after the lock, so it covers everything the previous writer signed.
      const snapshot: string = (await client.query('SELECT pg_current_snapshot()::text AS s')).rows[0].s;
      const latestRow = await latestCheckpointRow(client);
      let previous: SignedCheckpoint | null = null;
      let refusal: CheckpointRefusedError | null = null;
      if (latestRow) {
        try {
          previous = openRow(latestRow, this.keys);
        } catch (err) {
          refusal = new CheckpointRefusedError(`the latest checkpoint ${latestRow.id} is not authentic: ${(err as Error).message}`);
        }
      }
      // Reads first: no transaction id is taken until the writes, so consumers are not held back meanwhile.
      refusal ??= await this.refusal(client, snapshot, previous?.payload ?? null);
      if (refusal && !override) throw refusal;
      // Signed over a refusal (or rebased), the checkpoint extends nothing: it lists every head anew.
      const prev = refusal || options.rebase ? null : (previous?.payload ?? null);
      const forced = refusal ? [refusal.summary, ...refusal.problems] : undefined;

      // ORDER BY names the table's xid8 column: the bare name is the text alias (9999 above 10001).
      const stats = await client.query(
        `SELECT count(*) OVER () AS n, transaction_id::text AS transaction_id, global_position FROM events
          WHERE ${DELTA} ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
        [snapshot, prev?.snapshot ?? null],
      );
      const added = stats.rows[0] ? Number(stats.rows[0].n) : 0;
      if (prev && previous && added === 0) {
        await client.query('ROLLBACK');
        return { status: 'unchanged', checkpoint: previous };
      }

      const id = Number((await client.query(`SELECT nextval(pg_get_serial_sequence('ledger_checkpoints', 'id')) AS id`)).rows[0].id);
      await client.query(
        `INSERT INTO ledger_checkpoint_heads (checkpoint_id, stream_id, stream_version, hash)
         SELECT DISTINCT ON (stream_id) $3::bigint, stream_id, stream_version, hash FROM events WHERE ${DELTA}
          ORDER BY stream_id, stream_version DESC, global_position DESC`,
        [snapshot, prev?.snapshot ?? null, id],
      );
      let baseId = id;
      if (prev) {
        // Deltas keep storage proportional to change; a full list now and then keeps reading one short.
        const history = Number(
          (
            await client.query('SELECT count(*) AS n FROM ledger_checkpoint_heads WHERE checkpoint_id BETWEEN $1 AND $2', [
              prev.baseId,
              prev.id,
            ])
          ).rows[0].n,
        );
        if (history > 2 * prev.streamCount + (this.options.historySlack ?? 1000))
          await client.query(
            `INSERT INTO ledger_checkpoint_heads (checkpoint_id, stream_id, stream_version, hash)
             SELECT $1::bigint, h.stream_id, h.stream_version, h.hash FROM (${signedHeadsSql('$2', '$3')}) h
              WHERE NOT EXISTS (SELECT 1 FROM ledger_checkpoint_heads n WHERE n.checkpoint_id = $1 AND n.stream_id = h.stream_id)`,
            [id, prev.baseId, prev.id],
          );
        else baseId = prev.baseId;
      }
      const heads = headsHasher();
      for await (const h of streamRows(client, signedHeadsSql(), [baseId, id])) heads.add(h.stream_id, h.stream_version, h.hash);

      const newest = stats.rows[0]
        ? { transactionId: stats.rows[0].transaction_id as string, position: Number(stats.rows[0].global_position) }
        : { transactionId: '0', position: 0 };
      const payload: CheckpointPayload = {
        format: CHECKPOINT_FORMAT,
        id,
        previous: latestRow ? { id: latestRow.id, digest: latestRow.digest } : null,
        baseId,
        createdAt: new Date().toISOString(),
        snapshot,
        head: prev ? laterHead(prev.head, newest) : newest,
        eventCount: (prev?.eventCount ?? 0) + added,
        streamCount: heads.count,
        headsRoot: heads.digest(),
        ...(forced ? { forced } : {}),
      };
      const signed = signPayload(payload, signer);
      await client.query(
        `INSERT INTO ledger_checkpoints (id, created_at, payload, digest, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, payload.createdAt, signed.text, signed.digest, signed.keyId, signed.signature],
      );
      await client.query('COMMIT');
      return { status: 'created', checkpoint: signed };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * Why the log cannot be signed as an extension of `prev` (or, with no previous checkpoint, why
   * it cannot be signed at all), naming what differs; null when it can.
   */
  private async refusal(client: pg.PoolClient, snapshot: string, prev: CheckpointPayload | null): Promise<CheckpointRefusedError | null> {
    const problems: string[] = [];
    if (prev) {
      let streams = 0;
      const { comparison, problems: found } = await compare(client, prev, 'table', (m) => {
        if (++streams <= LISTED) problems.push(`${m.streamId}: ${m.message}`);
      });
      if (!comparison.storedHeadsIntact)
        return new CheckpointRefusedError(`the stored stream heads of checkpoint ${prev.id} no longer match what it signed`);
      if (streams > LISTED) problems.push(`… and ${streams - LISTED} more streams (npm run ledger:verify lists them all)`);
      problems.push(...found.map((p) => `checkpoint ${prev.id}: ${p.message}`));
    }
    const { rows } = await client.query(DELTA_PROBLEMS_SQL, [snapshot, prev?.snapshot ?? null, prev?.baseId ?? 1, prev?.id ?? 0]);
    for (const r of rows)
      problems.push(
        `${r.stream_id} v${r.stream_version} (event ${r.event_id}): ${linkProblems(r)
          .map((p) => p.message)
          .join('; ')}`,
      );
    if (!problems.length) return null;
    return new CheckpointRefusedError(
      prev ? `the log no longer extends checkpoint ${prev.id}` : 'the log has broken hash chains',
      problems,
    );
  }
}
