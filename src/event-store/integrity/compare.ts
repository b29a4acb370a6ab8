// The log's state at a signed checkpoint's snapshot against what the checkpoint signed: used by the
// verifier for every checkpoint it checks, and by the writer before it extends the latest one.
import type pg from 'pg';
import { headsHasher, type CheckpointPayload } from './digest.js';
import { streamRows } from './rows.js';

/** A checkpoint's full list of stream heads, in byte order of the stream ids. */
export const signedHeadsSql = (from = '$1', to = '$2') => `
  SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM ledger_checkpoint_heads
   WHERE checkpoint_id BETWEEN ${from} AND ${to} ORDER BY stream_id, checkpoint_id DESC`;

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

export interface CheckpointProblem {
  checkpointId: number | null;
  code: CheckpointProblemCode;
  message: string;
}

export interface CheckpointComparison {
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
 * The log's state at the checkpoint's snapshot (which events were visible then) against what it signed.
 * One read-only query, streamed in byte order of the stream ids: the actual heads and the stored
 * signed heads side by side, hashed as they pass, so memory stays bounded on any number of streams.
 */
export async function compare(
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
  // ORDER BY names the table's xid8 column: the bare name is the text alias (9999 above 10001).
  const { rows } = await client.query(
    `SELECT transaction_id::text AS transaction_id, global_position FROM events WHERE ${visible}
      ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
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
