// The HTTP answer when the database is not available: 503 with Retry-After, and a detail that says
// what is known about the request's writes and nothing more.
import type { Request } from 'express';
import { AppendOutcomeUnknownError, DatabaseUnavailableError, databaseUnavailability } from '../event-store/index.js';

export interface DatabaseProblem {
  code: 'database_unavailable' | 'outcome_unknown';
  detail: string;
  extensions: Record<string, unknown>;
  retryAfterSeconds: number;
}

const OUTCOME_RETRY_AFTER = 2;
const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

/** The problem for a database fault, or null when `err` is not one. */
export function databaseProblem(err: unknown, req?: Request): DatabaseProblem | null {
  if (err instanceof AppendOutcomeUnknownError) {
    const keyed = typeof req?.headers['idempotency-key'] === 'string';
    return {
      code: 'outcome_unknown',
      detail:
        'The connection to the database broke while the write was being recorded, and the service could not find out ' +
        'whether it was: it may have been. ' +
        (keyed
          ? 'Retry with the same Idempotency-Key: if it was recorded, the retry answers with what was recorded and writes nothing twice.'
          : 'This request had no Idempotency-Key, so a plain retry could record it twice: first check whether the events ' +
            'listed in eventIds are there, and send an Idempotency-Key with writes.'),
      extensions: { reason: 'connection_lost', eventIds: err.eventIds, partnershipId: err.streamId },
      retryAfterSeconds: OUTCOME_RETRY_AFTER,
    };
  }
  const known = err instanceof DatabaseUnavailableError ? err : null;
  const u = known?.unavailability ?? databaseUnavailability(err);
  if (!u) return null;
  const write = req ? !['GET', 'HEAD', 'OPTIONS'].includes(req.method) : true;
  const retry = `Retry in ${seconds(u.retryAfterSeconds)}.`;
  let detail = `The database is unavailable right now: ${u.description}.`;
  if (known?.nothingWritten) detail += ` Nothing was written. ${retry}`;
  else if (write && u.inFlight)
    detail += ` The request may or may not have been recorded: retry in ${seconds(u.retryAfterSeconds)} with the same Idempotency-Key, which never records twice.`;
  else detail += ` ${retry}`;
  return { code: 'database_unavailable', detail, extensions: { reason: u.reason }, retryAfterSeconds: u.retryAfterSeconds };
}
