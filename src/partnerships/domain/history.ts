// What the ledger knows about one partnership: every entry in the order it was recorded, with its
// corrections applied and its retraction marked (docs/domain.md, two times).
import type { EventType, RecordedEvent } from './events.js';

/** One event of the stream as the ledger now sees it: data includes every non-retracted correction. */
export interface EntryRecord {
  eventId: string;
  type: EventType;
  /** current value, corrections applied */
  data: Readonly<Record<string, unknown>>;
  /** value as first recorded */
  originalData: Readonly<Record<string, unknown>>;
  /** EntryCorrected eventIds that target this entry, in stream order (retracted ones included) */
  corrections: readonly string[];
  retracted: boolean;
  retractedBy?: string;
  /** 0-based position in the stream: the recording order */
  position: number;
  recordedAt?: string;
  /** record time of the latest change (the entry, a correction, its retraction), when the caller knows it */
  changedAt?: string;
}

export interface History {
  /** every event recorded so far, keyed by eventId */
  entries: Readonly<Record<string, EntryRecord>>;
  /** eventIds in stream order (object key order is not reliable for numeric-looking ids) */
  entryOrder: readonly string[];
  /** number of events recorded: the stream version to append after */
  version: number;
}

export const ANNOTATIONS = new Set<EventType>(['EntryCorrected', 'EntryRetracted']);

/** Replaces top-level fields; null or undefined clears the field. */
export function applyChanges(data: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** Recomputes an entry's current data from its original and its non-retracted corrections. */
function currentData(target: EntryRecord, entries: Readonly<Record<string, EntryRecord>>): Record<string, unknown> {
  let data: Record<string, unknown> = { ...target.originalData };
  for (const id of target.corrections) {
    const correction = entries[id];
    if (!correction || correction.retracted) continue;
    data = applyChanges(data, (correction.data as { changes: Record<string, unknown> }).changes);
  }
  return data;
}

/**
 * Records one event. `entries` and `entryOrder` are the caller's own copies and are changed in place,
 * which keeps recording a long stream linear instead of copying every entry at every event.
 */
export function recordInto(event: RecordedEvent, entries: Record<string, EntryRecord>, entryOrder: string[], position: number): void {
  entries[event.eventId] = {
    eventId: event.eventId,
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    originalData: event.data as unknown as Record<string, unknown>,
    corrections: [],
    retracted: false,
    position,
    recordedAt: event.recordedAt,
  };
  entryOrder.push(event.eventId);
  if (event.type !== 'EntryCorrected' && event.type !== 'EntryRetracted') return;
  const target = entries[event.data.targetEventId];
  // A pointer to nothing changes nothing; the decider prevents it, old history may still have one.
  if (!target) return;
  if (event.type === 'EntryCorrected') {
    entries[target.eventId] = {
      ...target,
      corrections: [...target.corrections, event.eventId],
      data: applyChanges(target.data, event.data.changes),
    };
    return;
  }
  entries[target.eventId] = { ...target, retracted: true, retractedBy: event.eventId };
  if (target.type === 'EntryCorrected') {
    // Retracting a correction restores the value it replaced (and any later corrections).
    const corrected = entries[(target.data as { targetEventId: string }).targetEventId];
    if (corrected) entries[corrected.eventId] = { ...corrected, data: currentData(corrected, entries) };
  }
}
