// Lost-append recovery: a statement sent on a connection that then broke has an unknown outcome;
// this finds out what became of it once the server process that ran it is gone.
import { asSystem } from '../shared/db-scope.js';
import type pg from 'pg';
import { AppendOutcomeUnknownError, IdempotencyConflictError } from './errors.js';
import { toAppendResult, type Queryable } from './reads.js';
import type { AppendResult } from './types.js';
import type { PreparedEvent } from './validation.js';

const OUTCOME_RETRY_MS = 200;

export type AppendOutcome = { status: 'written'; result: AppendResult } | { status: 'not_written' } | { status: 'unknown'; cause: unknown };

/** The connection broke after the statement was sent: whether it ran is unknown. */
export class StatementLost extends Error {
  constructor(
    readonly backendPid: number | null,
    options: { cause: unknown },
  ) {
    super('the connection broke after the statement was sent', options);
  }
}

/**
 * True when the connection broke after the statement was handed to it, so the server may have run
 * (and committed) it. A server ERROR rolled the statement back; FATAL and PANIC end the session at
 * an unknown point; a failure without a server answer leaves it open, unless pg refused to send.
 */
function sentAndLost(err: unknown): boolean {
  const e = err as { severity?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.severity === 'string') return e.severity !== 'ERROR';
  return !/not queryable/i.test(typeof e.message === 'string' ? e.message : '');
}

/** The server process of a connection (pg keeps it from the startup handshake but does not type it). */
function backendPid(client: pg.PoolClient): number | null {
  return (client as unknown as { processID?: number | null }).processID ?? null;
}

function isQueryable(client: pg.PoolClient): boolean {
  return (client as unknown as { _queryable?: boolean })._queryable !== false;
}

/**
 * One statement on a connection of its own, so a failure can be told apart: one before the
 * statement was sent (nothing written), a statement error (rolled back), or a connection that
 * broke while the statement was on its way or running (StatementLost: outcome unknown).
 */
export async function onConnection(
  pool: pg.Pool,
  query: pg.QueryConfig,
  sending?: (pid: number | null) => void,
): Promise<pg.QueryResultRow[]> {
  const client = await pool.connect();
  sending?.(backendPid(client));
  try {
    const { rows } = await client.query(query);
    client.release();
    return rows;
  } catch (err) {
    const lost = sentAndLost(err);
    // A statement error leaves the session usable; a broken one is discarded.
    client.release(lost || !isQueryable(client) ? (err as Error) : undefined);
    throw lost ? new StatementLost(backendPid(client), { cause: err }) : err;
  }
}

export function outcomeUnknown(streamId: string, prepared: PreparedEvent[], lost: StatementLost): AppendOutcomeUnknownError {
  const ids = prepared.map((e) => e.event_id);
  return new AppendOutcomeUnknownError(streamId, ids, lost.backendPid, JSON.stringify(prepared), { cause: lost.cause });
}

export async function appendOnce(
  pool: pg.Pool,
  query: pg.QueryConfig,
  streamId: string,
  prepared: PreparedEvent[],
): Promise<pg.QueryResultRow[]> {
  try {
    return await onConnection(pool, query);
  } catch (err) {
    throw err instanceof StatementLost ? outcomeUnknown(streamId, prepared, err) : err;
  }
}

/** See PostgresEventStore.outcomeOf. */
export async function outcomeOf(pool: pg.Pool, lost: AppendOutcomeUnknownError, withinMs: number): Promise<AppendOutcome> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    let stored: AppendResult | null;
    try {
      stored = await lookUp(pool, lost, deadline);
    } catch (err) {
      if (err instanceof IdempotencyConflictError) throw err;
      if (Date.now() + OUTCOME_RETRY_MS > deadline) return { status: 'unknown', cause: err };
      await new Promise((r) => setTimeout(r, OUTCOME_RETRY_MS));
      continue;
    }
    if (!stored) return { status: 'not_written' };
    return { status: 'written', result: { ...stored, duplicate: false } };
  }
}

async function lookUp(pool: pg.Pool, lost: AppendOutcomeUnknownError, deadline: number): Promise<AppendResult | null> {
  // Ending the lost statement's server process takes the connecting role's rights: system work.
  const client = await asSystem(() => pool.connect());
  let stored: AppendResult | null;
  try {
    if (lost.backendPid !== null) await awaitBackendGone(client, lost.backendPid, deadline);
    stored = await findStored(client, lost.streamId, lost.payload, lost.eventIds.length);
  } catch (err) {
    client.release(err instanceof IdempotencyConflictError ? undefined : (err as Error));
    throw err;
  }
  client.release();
  return stored;
}

/** Waits until a server process is gone, ending it first; throws if it outlives the deadline. */
async function awaitBackendGone(client: pg.PoolClient, pid: number, deadline: number): Promise<void> {
  // pid <> own pid: a process id can be reused, never by the session asking.
  const alive = `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND pid <> pg_backend_pid() AND datname = current_database()`;
  const { rowCount } = await client.query(alive, [pid]);
  if (!rowCount) return;
  await client.query('SELECT pg_terminate_backend($1)', [pid]).catch(() => undefined);
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    const again = await client.query(alive, [pid]);
    if (!again.rowCount) return;
    if (Date.now() > deadline) throw new Error(`the server process ${pid} that ran the append is still running`);
  }
}

/**
 * The stored originals when every event id is already stored with the same stream, type and
 * data (an idempotent retry: nothing is written); null when none is; a conflict otherwise.
 */
export async function findStored(db: Queryable, streamId: string, payload: string, count: number): Promise<AppendResult | null> {
  const { rows } = await db.query(
    `SELECT ev.event_id, ev.stream_version, ev.global_position, ev.transaction_id::text AS transaction_id, ev.recorded_at,
            (ev.stream_id = $2 AND ev.type = n.e->>'type' AND ev.schema_version = (n.e->>'schema_version')::integer
             AND ev.data = n.e->'data') AS same
       FROM jsonb_array_elements($1::jsonb) AS n(e)
       JOIN events ev ON ev.event_id = (n.e->>'event_id')::uuid
      ORDER BY ev.stream_version`,
    [payload, streamId],
  );
  if (rows.length === 0) return null;
  if (rows.length !== count || rows.some((r) => !r.same)) throw new IdempotencyConflictError(streamId);
  return toAppendResult(streamId, rows, true);
}
