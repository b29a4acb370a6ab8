export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export interface EventMetadata {
  actor?: string;
  correlationId?: string;
  causationId?: string;
  requestId?: string;
  source?: string;
  [key: string]: unknown;
}

export interface NewEvent<T = unknown> {
  /** Defaults to a time-ordered uuid v7; pass a derived id to make a retry idempotent. */
  eventId?: string;
  type: string;
  schemaVersion?: number;
  data: T;
  metadata?: EventMetadata;
  /** Business time: when the thing happened, as far as it is known. */
  occurredAt?: Date | string | null;
}

export interface StoredEvent<T = unknown> {
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: number;
  transactionId: string;
  type: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata;
  occurredAt: Date | null;
  recordedAt: Date;
  prevHash: string | null;
  hash: string;
  /** The organisation that recorded it (read models and tests may leave it out). */
  organisationId?: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after this append (the last event's version). */
  nextVersion: number;
  events: { eventId: string; streamVersion: number; globalPosition: number; recordedAt: Date }[];
  transactionId: string;
  /** True when every event was already stored (an idempotent retry): nothing was written. */
  duplicate: boolean;
}

/** A position in the gap-safe global order. The pair, never the position alone. */
export interface Checkpoint {
  transactionId: string;
  position: number;
}

export const START: Checkpoint = Object.freeze({ transactionId: '0', position: 0 });

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  direction?: 'forward' | 'backward';
  limit?: number;
}
