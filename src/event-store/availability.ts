// Which database failures mean "the database is not available right now" (as opposed to a fault in
// a statement), and whether a statement may have been in flight when the connection broke. The
// HTTP edge answers 503 for the first kind; the store uses the second to know when an append's
// outcome is unknown.

type UnavailableReason =
  | 'pool_exhausted'
  | 'connections_exhausted'
  | 'unreachable'
  | 'connection_lost'
  | 'statement_timeout'
  | 'lock_timeout'
  | 'lock_wait'
  | 'server_resources'
  | 'shutting_down';

export interface DatabaseUnavailability {
  reason: UnavailableReason;
  /** why, in words a client understands */
  description: string;
  /** a sensible Retry-After, in seconds */
  retryAfterSeconds: number;
  /** the connection broke after a statement may have been sent: its outcome is not known */
  inFlight: boolean;
}

const u = (reason: UnavailableReason, description: string, retryAfterSeconds: number, inFlight = false): DatabaseUnavailability => ({
  reason,
  description,
  retryAfterSeconds,
  inFlight,
});

// Node's socket errors while dialling: nothing was sent.
const DIAL_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']);
// ...and on an open connection: whatever was sent may or may not have been executed.
const BROKEN_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ENOTCONN']);

/** The store's own answer when appends wait for a statement slot while the slots' statements wait on a lock. */
export const APPENDS_WAIT_ON_LOCK = u(
  'lock_wait',
  'appends are waiting on a lock that another database session holds (the connection pool is not full)',
  2,
);

function bySqlState(code: string): DatabaseUnavailability | null {
  if (code === '53300') return u('connections_exhausted', 'the database server has no free connections', 2);
  if (code.startsWith('53')) return u('server_resources', 'the database server is short of resources', 10);
  if (code === '57014') return u('statement_timeout', 'a database statement took too long and was cancelled', 2);
  if (code === '55P03') return u('lock_timeout', 'a database lock was not released in time', 1);
  if (code === '57P03') return u('unreachable', 'the database is starting up or shutting down', 5);
  // FATAL: the server ended the session (pg_terminate_backend, a shutdown, a crash, an idle timeout).
  if (code === '57P01' || code === '57P02' || code === '57P05' || code === '25P03')
    return u('connection_lost', 'the database ended the connection', 1, true);
  if (code === '08001' || code === '08004') return u('unreachable', 'the database refused the connection', 5);
  if (code.startsWith('08')) return u('connection_lost', 'the connection to the database failed', 1, true);
  return null;
}

function classifyOne(err: unknown): DatabaseUnavailability | null {
  const e = err as { code?: unknown; message?: unknown; severity?: unknown };
  if (!e || typeof e !== 'object') return null;
  if (typeof e.code === 'string') {
    if (DIAL_CODES.has(e.code)) return u('unreachable', 'the database is not reachable', 5);
    if (BROKEN_CODES.has(e.code)) return u('connection_lost', 'the connection to the database broke', 1, true);
    // A SQLSTATE comes with a severity from the server; a bare five-character code from elsewhere is not one.
    if (/^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string') {
      const s = bySqlState(e.code);
      if (s) return s;
    }
  }
  const message = typeof e.message === 'string' ? e.message : '';
  // pg-pool: every client is checked out and none came back within connectionTimeoutMillis.
  if (/timeout exceeded when trying to connect/i.test(message))
    return u('pool_exhausted', "all connections of the service's database pool are busy", 1);
  if (/Connection terminated due to connection timeout/i.test(message)) return u('unreachable', 'the database did not answer in time', 5);
  if (/Cannot use a pool after calling end/i.test(message)) return u('shutting_down', 'the service is shutting down', 5);
  // pg refuses before sending anything on a client that already broke.
  if (/not queryable/i.test(message)) return u('connection_lost', 'the connection to the database broke', 1);
  if (/Connection terminated|Query read timeout/i.test(message))
    return u('connection_lost', 'the connection to the database broke', 1, true);
  return null;
}

/**
 * Classifies a failure as the database being unavailable, or null when it is something else (a
 * constraint, a bug). Follows TypeORM's driverError, Error.cause and AggregateError members.
 */
export function databaseUnavailability(err: unknown): DatabaseUnavailability | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const c = classifyOne(e);
    if (c) return c;
    const o = e as { cause?: unknown; driverError?: unknown; errors?: unknown };
    if (o.driverError) queue.push(o.driverError);
    if (o.cause) queue.push(o.cause);
    if (Array.isArray(o.errors)) queue.push(...o.errors);
  }
  return null;
}

/**
 * The database was unavailable and the caller knows what that did to the request: `nothingWritten`
 * is true only when it is certain that no write of the request was recorded.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'database_unavailable';
  constructor(
    readonly unavailability: DatabaseUnavailability,
    readonly nothingWritten: boolean,
    options?: { cause?: unknown },
  ) {
    super(`The database is unavailable: ${unavailability.description}.`, options);
  }
}
