import type pg from 'pg';
import { assertStreamId } from '../validation.js';
import { COMPUTED_HASH_SQL, linkProblems, streamRows, type LinkProblem } from './rows.js';

export interface BrokenLink {
  streamId: string;
  streamVersion: number;
  eventId: string;
  globalPosition: number;
  problems: LinkProblem[];
}

export interface ChainReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** Every broken link found, up to maxListed; brokenLinks counts them all. */
  broken: BrokenLink[];
  brokenLinks: number;
  /** Ids of the streams with a broken link, in order (up to maxListed). */
  brokenStreams: string[];
}

export interface ChainOptions {
  streamId?: string;
  /** Called for every broken link as it is found (the CLI prints them as they come). */
  onBroken?: (link: BrokenLink) => void;
  /** How many links and streams the report keeps in memory; the counts always cover all. */
  maxListed?: number;
  /** Called every PROGRESS_EVERY events checked (and at the end), with the number of events to check. */
  onProgress?: (checked: number, total: number) => void;
}

/** The chain query returns only broken links; with onProgress also every this many rows, as a heartbeat. */
const PROGRESS_EVERY = 5000;

/**
 * Recomputes every event's hash and checks, per stream, that versions run 1, 2, 3 … without holes
 * and that each prev_hash is the hash of the event before. One query ordered by the
 * (stream_id, stream_version) index, read through a cursor: only broken links and the last row come
 * back, so memory stays bounded on any number of events; every broken link is named, not only the first.
 */
export async function verifyChains(db: pg.Pool | pg.ClientBase, options: ChainOptions = {}): Promise<ChainReport> {
  if (options.streamId !== undefined) assertStreamId(options.streamId);
  const max = options.maxListed ?? 10_000;
  // A pool lends one client for the cursor (duck-typed: test runners may load pg twice).
  const pool = 'totalCount' in db ? (db as pg.Pool) : null;
  const client = pool ? await pool.connect() : (db as pg.ClientBase);
  const report: ChainReport = { ok: true, eventsChecked: 0, streamsChecked: 0, broken: [], brokenLinks: 0, brokenStreams: [] };
  try {
    const where = options.streamId === undefined ? '' : 'WHERE stream_id = $1';
    const sql = `
      SELECT * FROM (
        SELECT stream_id, stream_version, event_id::text AS event_id, global_position, prev_hash, hash,
               ${COMPUTED_HASH_SQL} AS computed,
               coalesce(lag(stream_version) OVER w, 0) AS prev_version, lag(hash) OVER w AS expected_prev,
               row_number() OVER o AS nth_event, dense_rank() OVER s AS nth_stream, lead(global_position) OVER o IS NULL AS last_row
          FROM events ${where}
        WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version, global_position),
               o AS (ORDER BY stream_id, stream_version, global_position),
               s AS (ORDER BY stream_id)
      ) chain
      WHERE last_row OR computed IS DISTINCT FROM hash OR prev_hash IS DISTINCT FROM expected_prev
         OR stream_version <> prev_version + 1`;
    const params = options.streamId === undefined ? [] : [options.streamId];
    const onProgress = options.onProgress;
    const total = onProgress ? Number((await client.query(`SELECT count(*) AS n FROM events ${where}`, params)).rows[0].n) : 0;
    let lastStream: string | null = null;
    for await (const r of streamRows(client, onProgress ? `${sql} OR nth_event % ${PROGRESS_EVERY} = 0` : sql, params)) {
      if (r.last_row) {
        report.eventsChecked = Number(r.nth_event);
        report.streamsChecked = Number(r.nth_stream);
      }
      onProgress?.(Number(r.nth_event), Math.max(total, Number(r.nth_event)));
      const problems = linkProblems(r);
      if (!problems.length) continue;
      const link: BrokenLink = {
        streamId: r.stream_id,
        streamVersion: r.stream_version,
        eventId: r.event_id,
        globalPosition: Number(r.global_position),
        problems,
      };
      report.brokenLinks++;
      if (report.broken.length < max) report.broken.push(link);
      if (r.stream_id !== lastStream && report.brokenStreams.length < max) report.brokenStreams.push(r.stream_id);
      lastStream = r.stream_id;
      options.onBroken?.(link);
    }
  } finally {
    if (pool) (client as pg.PoolClient).release();
  }
  report.ok = report.brokenLinks === 0;
  return report;
}
