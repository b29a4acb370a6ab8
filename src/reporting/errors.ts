// Which report failures are worth retrying. One function decides, so the worker, the dispatcher's
// readiness and the API answer alike: a fault of the surroundings (database, Redis, a projection
// that is behind, a lock) is temporary and never fails a report; only an error that would repeat
// on every attempt (the request itself is wrong) does.
import { UnrecoverableError } from 'bullmq';
import { EventStoreInputError } from '../event-store/errors.js';
import { PartnershipNotFoundError, ValidationError } from '../partnerships/domain/index.js';
import { EnqueueTimeoutError } from '../shared/timeout.js';

/** A failure worth retrying later (the projection has not caught up yet). */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}

/** A report that can never be produced as asked (e.g. stored parameters no builder accepts). */
export class PermanentReportError extends Error {
  override readonly name = 'PermanentReportError';
}

export type FailureKind = 'transient' | 'permanent' | 'unexpected';

export interface Classified {
  kind: FailureKind;
  /** why, in words a report's reader understands */
  reason: string;
}

// Node's socket and DNS errors: the other side is not (yet) reachable.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTCONN',
]);

/** PostgreSQL SQLSTATEs that describe the server's situation, not the statement. */
function sqlState(code: string): Classified | null {
  if (code.startsWith('08')) return { kind: 'transient', reason: 'the database connection failed' };
  if (code === '53300') return { kind: 'transient', reason: 'the database has no free connections' };
  if (code.startsWith('53')) return { kind: 'transient', reason: 'the database is short of resources' };
  if (code === '57P01' || code === '57P02' || code === '57P03')
    return { kind: 'transient', reason: 'the database is shutting down or starting up' };
  if (code === '57P05') return { kind: 'transient', reason: 'the database closed an idle session' };
  if (code === '57014') return { kind: 'transient', reason: 'a statement timed out or was cancelled' };
  if (code === '40001' || code === '40P01') return { kind: 'transient', reason: 'a concurrent transaction got in the way' };
  if (code === '55P03') return { kind: 'transient', reason: 'a lock held by another transaction was not released in time' };
  if (code === '25P03') return { kind: 'transient', reason: 'the database ended a transaction left idle' };
  if (code === '58000' || code === '58030') return { kind: 'transient', reason: 'the database server had an I/O error' };
  if (code.startsWith('22')) return { kind: 'permanent', reason: 'the report parameters are not valid data' };
  return null;
}

const MESSAGE_RULES: [RegExp, Classified][] = [
  // node-postgres
  [
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Query read timeout/i,
    { kind: 'transient', reason: 'the database connection was lost' },
  ],
  [/Cannot use a pool after calling end/i, { kind: 'transient', reason: 'the process is shutting down' }],
  // ioredis
  [
    /Connection is closed|Stream isn't writeable|Reached the max retries per request|Command timed out/i,
    { kind: 'transient', reason: 'Redis is not reachable' },
  ],
  [
    /^(LOADING|READONLY|CLUSTERDOWN|TRYAGAIN|MASTERDOWN|BUSY|NOREPLICAS)\b/,
    { kind: 'transient', reason: 'Redis is not accepting writes right now' },
  ],
  // BullMQ: the job's lock or key went away (a Redis restart, failover or flush, or a stalled worker)
  [
    /Missing lock for job|Lock mismatch for job|could not renew lock|Missing key for job|job stalled more than allowable limit/i,
    { kind: 'transient', reason: 'the job lost its lock in Redis' },
  ],
];

function classifyOne(err: unknown): Classified | null {
  if (err instanceof NotReadyError) return { kind: 'transient', reason: 'the projections have not caught up yet' };
  if (err instanceof EnqueueTimeoutError) return { kind: 'transient', reason: 'Redis is not reachable' };
  if (err instanceof PermanentReportError) return { kind: 'permanent', reason: 'the report cannot be produced as requested' };
  if (err instanceof PartnershipNotFoundError) return { kind: 'permanent', reason: 'the partnership does not exist' };
  if (err instanceof ValidationError || err instanceof EventStoreInputError)
    return { kind: 'permanent', reason: 'the report parameters are invalid' };
  if (err instanceof UnrecoverableError) return { kind: 'permanent', reason: 'the job cannot be processed' };
  const e = err as { code?: unknown; name?: unknown; message?: unknown; severity?: unknown };
  if (!e || typeof e !== 'object') return null;
  if (e.name === 'MaxRetriesPerRequestError') return { kind: 'transient', reason: 'Redis is not reachable' };
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code)) return { kind: 'transient', reason: 'a server is not reachable' };
    // pg errors carry a severity; a bare five-character code from elsewhere is not a SQLSTATE.
    if (/^[0-9A-Z]{5}$/.test(e.code) && (typeof e.severity === 'string' || /^[0-9]/.test(e.code))) {
      const s = sqlState(e.code);
      if (s) return s;
    }
  }
  if (typeof e.message === 'string') for (const [re, c] of MESSAGE_RULES) if (re.test(e.message)) return c;
  return null;
}

/** Decides whether a failure is temporary, permanent, or not known (retried a few times only). */
export function classifyError(err: unknown): Classified {
  // Follow wrapped causes (AggregateError from a multi-address connect, Error.cause chains).
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!e || seen.has(e)) continue;
    seen.add(e);
    const c = classifyOne(e);
    if (c) return c;
    const o = e as { cause?: unknown; errors?: unknown };
    if (o.cause) queue.push(o.cause);
    if (Array.isArray(o.errors)) queue.push(...o.errors);
  }
  return { kind: 'unexpected', reason: 'an unexpected error' };
}

export const errorMessage = (err: unknown): string => {
  if (err instanceof Error) {
    if (err.message) return err.message;
    const inner = (err as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner[0] instanceof Error) return inner[0].message;
    return err.name;
  }
  return String(err);
};
