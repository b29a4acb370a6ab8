/** Errors the store raises; each has a stable code so the HTTP layer can map it without string matching. */
export class EventStoreError extends Error {
  readonly code: string = 'event_store_error';
}

export class ConcurrencyError extends EventStoreError {
  override readonly code = 'concurrency_conflict';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, but version ${expected} was expected.`);
  }
}

export class IdempotencyConflictError extends EventStoreError {
  override readonly code = 'idempotency_conflict';
  constructor(readonly streamId: string) {
    super(`Some of these event ids were already used for other content or another stream than ${streamId}.`);
  }
}

export class EventStoreInputError extends EventStoreError {
  override readonly code = 'invalid_append';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

export class StreamContentionError extends EventStoreError {
  override readonly code = 'stream_contention';
  constructor(readonly streamId: string) {
    super(`Too many concurrent writers on stream ${streamId}; retry later.`);
  }
}

/**
 * The connection broke after an append was sent, and whether it was recorded could not be found
 * out (the database stayed out of reach): the events may or may not be stored.
 */
export class AppendOutcomeUnknownError extends EventStoreError {
  override readonly code = 'outcome_unknown';
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
    /** the server process that ran the append, so a lookup can wait until it is gone */
    readonly backendPid: number | null,
    /** the append's events as sent, so a lookup can tell them from other content under the same ids */
    readonly payload: string,
    options?: { cause?: unknown },
  ) {
    super(`The connection broke while appending to ${streamId}; whether the events were recorded is not known.`, options);
  }
}
