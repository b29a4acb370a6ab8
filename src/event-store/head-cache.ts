import type pg from 'pg';
import type { ExpectedVersion } from './types.js';

type Queryable = pg.Pool | pg.ClientBase;

const HEAD_CACHE_SIZE = 10_000;

/** The last event of a stream as the append needs it: its version, hash and recording time. */
export interface Head {
  version: number;
  hash: string | null;
  recordedAtMs: number;
}
export const EMPTY_HEAD: Head = Object.freeze({ version: 0, hash: null, recordedAtMs: 0 });
export const toHead = (row: pg.QueryResultRow): Head => ({
  version: row.stream_version,
  hash: row.hash,
  recordedAtMs: row.recorded_at.getTime(),
});
const HEAD_SQL = 'SELECT stream_version, hash, recorded_at FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1';
const HEADS_SQL = `SELECT s.stream_id, h.stream_version, h.hash, h.recorded_at FROM unnest($1::text[]) AS s(stream_id)
  CROSS JOIN LATERAL (SELECT stream_version, hash, recorded_at FROM events e WHERE e.stream_id = s.stream_id
                       ORDER BY stream_version DESC LIMIT 1) h`;

export function satisfies(expected: ExpectedVersion, version: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return version === 0;
  if (expected === 'stream_exists') return version > 0;
  return version === expected;
}

/** Heads of recently appended or read streams (LRU); a hint the append's guard checks, never trusted alone. */
export class HeadCache {
  private readonly heads = new Map<string, Head>();

  version(streamId: string): number {
    return this.heads.get(streamId)?.version ?? 0;
  }

  /** The remembered head if it fits the expectation (a stale one may be why not); none after a failed attempt. */
  remembered(streamId: string, expected: ExpectedVersion, fresh: boolean): Head | undefined {
    const head = fresh ? undefined : this.heads.get(streamId);
    return head && satisfies(expected, head.version) ? head : undefined;
  }

  /** The head to build on: remembered, else read. */
  async headOf(streamId: string, expected: ExpectedVersion, db: Queryable, fresh: boolean): Promise<Head> {
    return this.remembered(streamId, expected, fresh) ?? (await readHead(streamId, db));
  }

  remember(streamId: string, head: Head): void {
    this.heads.delete(streamId); // re-insert: Map order is the LRU order
    this.heads.set(streamId, head);
    if (this.heads.size > HEAD_CACHE_SIZE) this.heads.delete(this.heads.keys().next().value!);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}

/** The heads of several streams in one round trip (one backward index probe each). */
export async function readHeads(pool: pg.Pool, streamIds: string[]): Promise<Map<string, Head>> {
  const { rows } = await pool.query({ name: 'stream_heads', text: HEADS_SQL, values: [streamIds] });
  return new Map(rows.map((r) => [r.stream_id, toHead(r)]));
}

async function readHead(streamId: string, db: Queryable): Promise<Head> {
  const { rows } = await db.query({ name: 'stream_head', text: HEAD_SQL, values: [streamId] });
  return rows[0] ? toHead(rows[0]) : EMPTY_HEAD;
}
