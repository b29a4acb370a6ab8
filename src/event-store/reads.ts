// The store's reads, one query each: a stream, one event, a stream's version, the log in gap-safe
// global order, and the log's head.
import type pg from 'pg';
import { EventStoreInputError } from './errors.js';
import type { AppendResult, Checkpoint, ReadStreamOptions, StoredEvent } from './types.js';

export type Queryable = pg.Pool | pg.ClientBase;

const COLUMNS = `event_id, stream_id, stream_version, global_position, transaction_id::text AS transaction_id, type,
  schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash, organisation_id`;

export function toStoredEvent(row: pg.QueryResultRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
    organisationId: row.organisation_id,
  };
}

export function toAppendResult(streamId: string, rows: pg.QueryResultRow[], duplicate: boolean): AppendResult {
  return {
    streamId,
    nextVersion: rows[rows.length - 1].stream_version,
    events: rows.map((r) => ({
      eventId: r.event_id,
      streamVersion: r.stream_version,
      globalPosition: Number(r.global_position),
      recordedAt: r.recorded_at,
    })),
    transactionId: rows[0].transaction_id,
    duplicate,
  };
}

/**
 * Gap-safe global order: only transactions older than every transaction still running are read, so
 * an event that commits late with a lower position is never skipped. ORDER BY names the table's
 * columns: the bare name would sort by the text alias in the select list (wrong past a digit
 * boundary of transaction ids, and unable to use the index).
 */
export const READ_ALL_SQL = `SELECT ${COLUMNS} FROM events
  WHERE (events.transaction_id, events.global_position) > ($1::xid8, $2::bigint)
    AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY events.transaction_id, events.global_position LIMIT $3`;

/** A stream's rows (validated options); the caller maps them. */
export async function readStreamRows(db: Queryable, streamId: string, options: ReadStreamOptions): Promise<pg.QueryResultRow[]> {
  const from = options.fromVersion ?? 1;
  const to = options.toVersion ?? 2_147_483_647;
  const backward = options.direction === 'backward';
  const limit = options.limit ?? null;
  for (const [field, v] of [
    ['fromVersion', from],
    ['toVersion', to],
  ] as const)
    if (!Number.isInteger(v) || v < 0) throw new EventStoreInputError(field, 'must be a non-negative integer');
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new EventStoreInputError('limit', 'must be a positive integer');
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3
     ORDER BY stream_version ${backward ? 'DESC' : 'ASC'} LIMIT $4`,
    [streamId, from, to, limit],
  );
  return rows;
}

export async function getEvent(db: Queryable, eventId: string): Promise<StoredEvent | null> {
  if (typeof eventId !== 'string' || !/^[0-9a-f-]{36}$/i.test(eventId)) return null;
  const { rows } = await db.query(`SELECT ${COLUMNS} FROM events WHERE event_id = $1`, [eventId]);
  return rows[0] ? toStoredEvent(rows[0]) : null;
}

export async function streamVersion(db: Queryable, streamId: string): Promise<number> {
  const { rows } = await db.query('SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1', [
    streamId,
  ]);
  return rows[0]?.stream_version ?? 0;
}

export async function readAll(db: Queryable, after: Checkpoint, limit: number): Promise<StoredEvent[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) throw new EventStoreInputError('limit', 'must be 1..100000');
  const { rows } = await db.query({ name: 'read_all', text: READ_ALL_SQL, values: [after.transactionId, after.position, limit] });
  return rows.map(toStoredEvent);
}

export async function head(db: Queryable, after?: Checkpoint): Promise<{ checkpoint: Checkpoint; behind: number | null }> {
  const { rows } = await db.query(
    `SELECT transaction_id::text AS transaction_id, global_position FROM events
      WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
  );
  const checkpoint = rows[0]
    ? { transactionId: rows[0].transaction_id, position: Number(rows[0].global_position) }
    : { transactionId: '0', position: 0 };
  let behind: number | null = null;
  if (after) {
    const r = await db.query(`SELECT count(*)::int AS n FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`, [
      after.transactionId,
      after.position,
    ]);
    behind = r.rows[0].n;
  }
  return { checkpoint, behind };
}

export async function latestCommitted(db: Queryable): Promise<Checkpoint> {
  const { rows } = await db.query(
    `SELECT transaction_id::text AS transaction_id, global_position FROM events
      ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
  );
  return rows[0]
    ? { transactionId: rows[0].transaction_id, position: Number(rows[0].global_position) }
    : { transactionId: '0', position: 0 };
}
