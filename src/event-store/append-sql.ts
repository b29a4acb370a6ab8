// The append's SQL: rows numbered and hashed here on the stream's head, and the guarded INSERT
// that sends them (one append, or several coalesced into one statement).
import type pg from 'pg';
import { eventHash, NotReproducible } from './canonical.js';
import { satisfies, type Head } from './head-cache.js';
import type { ExpectedVersion } from './types.js';
import { expectedToSql, type PreparedEvent } from './validation.js';

/** What an append sends: rows numbered and hashed here, or (rarely) a call of append_events(). */
export type PlannedAppend =
  | {
      kind: 'rows';
      /** the events' columns (COLUMNS_IN), a row each */
      rows: unknown[][];
      /** the head the rows build on: its version and hash */
      guard: [number, string | null];
      /** the stream's head once the rows commit */
      head: Head;
    }
  | { kind: 'function'; query: pg.QueryConfig };

/** The stream is not at the expected version (the store's form of append_events()' PL412). */
export class ExpectationFailed extends Error {
  constructor(readonly actual: number) {
    super('wrong expected version');
  }
}

type Statement = { name?: string; text: string };
const STATEMENTS = new Map<string, Statement>();
const ROW_TYPES = 'uuid text integer text integer jsonb jsonb timestamptz timestamptz text text uuid'.split(' ');
const GUARD_TYPES = ['integer', 'text'];
const COLUMNS_IN =
  'event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash, organisation_id';
const VALUES_OUT =
  'v.event_id, v.stream_id, v.stream_version, v.type, v.schema_version, v.data, v.metadata, v.occurred_at, v.recorded_at, v.prev_hash, v.hash, v.organisation_id';
// recorded_at is not returned: the store chose it (planAppend) and adds it to the rows (withRecordedAt).
const RETURNING = 'RETURNING event_id, stream_id, stream_version, global_position, transaction_id::text AS transaction_id';

export const withRecordedAt = (rows: pg.QueryResultRow[], ms: number) => {
  for (const r of rows) r.recorded_at = new Date(ms);
  return rows;
};

/**
 * The INSERT of `count` rows. An append's rows go in only if its stream's last event is still the
 * head they build on (one backward index probe per append, as append_events() makes); a new stream
 * (head version 0) is guarded by the unique version 1. One append: twelve values a row and the head
 * once, at the end. Several: fourteen a row, each append's head on its first row (nulls on the
 * others), and the appends told apart by stream. Counts up to 100 are prepared once per connection
 * (PostgreSQL replans them when the table's statistics change).
 */
function insertStatement(count: number, appends: 'one' | 'several'): Statement {
  const key = `${appends}_${count}`;
  let statement = STATEMENTS.get(key);
  if (statement) return statement;
  const types = appends === 'one' ? ROW_TYPES : [...ROW_TYPES, ...GUARD_TYPES];
  const values = Array.from({ length: count }, (_, i) => `(${types.map((t, k) => `$${1 + i * types.length + k}::${t}`).join(', ')})`);
  const head = count * types.length;
  const text =
    appends === 'one'
      ? `INSERT INTO events (${COLUMNS_IN}) SELECT ${VALUES_OUT} FROM (VALUES ${values.join(', ')}) AS v(${COLUMNS_IN})
          WHERE $${head + 1}::integer = 0
             OR (SELECT e.hash FROM events e WHERE e.stream_id = $2 ORDER BY e.stream_version DESC LIMIT 1) = $${head + 2}::text
         ${RETURNING}`
      : `WITH v(${COLUMNS_IN}, head_version, head_hash) AS (VALUES ${values.join(', ')}),
         ok AS (SELECT v.stream_id FROM v WHERE v.head_version IS NOT NULL AND (v.head_version = 0
                  OR (SELECT e.hash FROM events e WHERE e.stream_id = v.stream_id ORDER BY e.stream_version DESC LIMIT 1) = v.head_hash))
         INSERT INTO events (${COLUMNS_IN}) SELECT ${VALUES_OUT} FROM v JOIN ok ON ok.stream_id = v.stream_id
         ${RETURNING}`;
  if (count > 100) return { text };
  statement = { name: `append_events_${key}`, text };
  STATEMENTS.set(key, statement);
  return statement;
}

export type RowsToInsert = { rows: unknown[][]; guard: [number, string | null] };
const NO_GUARD = [null, null];

export const insertQuery = (appends: RowsToInsert[]): pg.QueryConfig => {
  const count = appends.reduce((n, a) => n + a.rows.length, 0);
  const values: unknown[] = [];
  if (appends.length === 1) {
    for (const row of appends[0].rows) values.push(...row);
    values.push(...appends[0].guard);
  } else {
    for (const a of appends) a.rows.forEach((row, i) => values.push(...row, ...(i === 0 ? a.guard : NO_GUARD)));
  }
  return { ...insertStatement(count, appends.length === 1 ? 'one' : 'several'), values };
};

/**
 * An append's rows, numbered and hashed here on the stream's head (see canonical.ts), or a call of
 * append_events() for values whose jsonb text cannot be reproduced here (the database hashes them).
 */
export function planAppend(streamId: string, prepared: PreparedEvent[], expected: ExpectedVersion, head: Head): PlannedAppend {
  if (!satisfies(expected, head.version)) throw new ExpectationFailed(head.version);
  const recordedAtMs = Math.max(Date.now(), head.recordedAtMs);
  const recordedAt = new Date(recordedAtMs).toISOString();
  const rows: unknown[][] = [];
  let prev = head.hash;
  let version = head.version;
  try {
    for (const e of prepared) {
      version++;
      const occurredAtMs = e.occurred_at === null ? null : Date.parse(e.occurred_at);
      const hash = eventHash(prev, {
        streamId,
        version,
        eventId: e.event_id,
        type: e.type,
        schemaVersion: e.schema_version,
        data: e.data,
        metadata: e.metadata,
        occurredAtMs,
        recordedAtMs,
      });
      const data = JSON.stringify(e.data);
      const metadata = JSON.stringify(e.metadata);
      rows.push([
        e.event_id,
        streamId,
        version,
        e.type,
        e.schema_version,
        data,
        metadata,
        e.occurred_at,
        recordedAt,
        prev,
        hash,
        e.organisation_id,
      ]);
      prev = hash;
    }
  } catch (err) {
    if (!(err instanceof NotReproducible)) throw err;
    const text =
      'SELECT event_id, stream_version, global_position, transaction_id::text AS transaction_id, recorded_at FROM append_events($1, $2, $3::jsonb)';
    return {
      kind: 'function',
      query: { name: 'append_events', text, values: [streamId, expectedToSql(expected), JSON.stringify(prepared)] },
    };
  }
  return { kind: 'rows', rows, guard: [head.version, head.hash], head: { version, hash: prev, recordedAtMs } };
}
