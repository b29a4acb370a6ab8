import type pg from 'pg';
import QueryStream from 'pg-query-stream';

/**
 * Rows of one query, fetched in batches through a cursor: memory stays bounded whatever the size
 * of the log. Read-only, so it holds no transaction id and never holds back the consumers' horizon.
 */
// A row's columns are as loose as node-postgres makes them; callers that need a shape name it.
export async function* streamRows<T extends pg.QueryResultRow = pg.QueryResultRow & Parameters<typeof linkProblems>[0]>(
  client: pg.ClientBase,
  text: string,
  values: unknown[] = [],
  batchSize = 1000,
): AsyncGenerator<T> {
  const stream = client.query(new QueryStream(text, values, { batchSize, highWaterMark: batchSize }));
  try {
    for await (const row of stream) yield row as T;
  } finally {
    stream.destroy();
  }
}

type LinkProblemCode = 'version_gap' | 'version_out_of_order' | 'prev_hash_mismatch' | 'hash_mismatch';

export interface LinkProblem {
  code: LinkProblemCode;
  message: string;
}

/** What is wrong with one event, given the event before it in its stream (version 0 / null hash: none). */
export function linkProblems(r: {
  stream_version: number;
  prev_version: number;
  prev_hash: string | null;
  expected_prev: string | null;
  hash: string;
  computed: string | null;
}): LinkProblem[] {
  const out: LinkProblem[] = [];
  const v = r.stream_version;
  const before = r.prev_version;
  if (v > before + 1)
    out.push({
      code: 'version_gap',
      message:
        v === before + 2
          ? `version ${before + 1} is missing before this event`
          : `versions ${before + 1}..${v - 1} are missing before this event`,
    });
  else if (v <= before) out.push({ code: 'version_out_of_order', message: `version ${v} follows version ${before}` });
  if (r.prev_hash !== r.expected_prev)
    out.push({
      code: 'prev_hash_mismatch',
      message:
        r.expected_prev === null
          ? before === 0
            ? 'prev_hash is set, but no earlier event of the stream exists'
            : 'prev_hash is set, but the previous event has none'
          : r.prev_hash === null
            ? `prev_hash is empty, but version ${before} exists`
            : `prev_hash does not match the hash of version ${before}`,
    });
  if (r.computed !== r.hash) out.push({ code: 'hash_mismatch', message: "hash does not match the event's content" });
  return out;
}

/** Recomputes an event's hash with the store's own SQL function (one definition for append and verify). */
export const COMPUTED_HASH_SQL = `event_hash(prev_hash, stream_id, stream_version, event_id, type, schema_version, data, metadata,
  occurred_at, recorded_at)`;
