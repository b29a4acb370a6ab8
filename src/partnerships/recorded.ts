// The one bridge from the store's rows to the domain's history, for the write side and the reads.
import type { StoredEvent } from '../event-store/types.js';
import type { RecordedEvent } from './domain/index.js';

/** A stored event as the domain folds it. */
export function toRecorded(e: StoredEvent): RecordedEvent {
  return { eventId: e.eventId, type: e.type, data: e.data, recordedAt: e.recordedAt.toISOString() } as RecordedEvent;
}
