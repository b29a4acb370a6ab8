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
