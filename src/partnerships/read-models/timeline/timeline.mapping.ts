// Timeline entries from events: pure, so the projector (SQL) and the as-of reads (in memory) agree.
import type { StoredEvent } from '../../../event-store/types.js';
import { applyChanges, businessDateStart, isEventType, type BusinessDate } from '../../domain/index.js';
import type { TimelineEntry } from './timeline.types.js';

function actorOf(e: StoredEvent): string | null {
  return typeof e.metadata?.actor === 'string' ? e.metadata.actor : null;
}

function occurredOnOf(data: Record<string, unknown>): BusinessDate | null {
  const on = data.occurredOn as BusinessDate | undefined;
  return on && typeof on.date === 'string' ? on : null;
}

/** The first day of the entry's business date: backdated and month-precision entries sort where they happened. */
export function sortDateOf(entry: Pick<TimelineEntry, 'occurredOn'>): string | null {
  return entry.occurredOn ? businessDateStart(entry.occurredOn) : null;
}

function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  const da = sortDateOf(a) ?? '9999-12-31';
  const db = sortDateOf(b) ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.streamVersion - b.streamVersion;
}

export class TimelineBuilder {
  readonly entries = new Map<string, TimelineEntry>();
  readonly changed = new Set<string>();
  /** correction event id → the entry it corrects */
  private readonly correctionTargets = new Map<string, string>();

  /** Adds an entry read back from the projection table so later events can amend it. */
  load(entry: TimelineEntry): void {
    this.entries.set(entry.eventId, entry);
    for (const c of entry.corrections) this.correctionTargets.set(c.eventId, entry.eventId);
  }

  apply(e: StoredEvent): void {
    if (!isEventType(e.type)) return;
    const data = (e.data ?? {}) as Record<string, unknown>;
    const recordedAt = e.recordedAt.toISOString();
    if (e.type === 'EntryCorrected') {
      const target = this.entries.get(String(data.targetEventId));
      if (!target) return;
      this.correctionTargets.set(e.eventId, target.eventId);
      const corrections = [
        ...target.corrections,
        {
          eventId: e.eventId,
          reason: typeof data.reason === 'string' ? data.reason : '',
          changes: (data.changes ?? {}) as Record<string, unknown>,
          previous: (data.previous ?? {}) as Record<string, unknown>,
          recordedAt,
          actor: actorOf(e),
          retracted: false,
        },
      ];
      this.put(recompute({ ...target, corrections }));
      return;
    }
    if (e.type === 'EntryRetracted') {
      const targetId = String(data.targetEventId);
      const retraction = { eventId: e.eventId, reason: typeof data.reason === 'string' ? data.reason : '', recordedAt, actor: actorOf(e) };
      const correctedId = this.correctionTargets.get(targetId);
      if (correctedId) {
        // Retracting a correction restores the value it replaced; the correction stays visible, marked.
        const entry = this.entries.get(correctedId);
        if (!entry) return;
        const corrections = entry.corrections.map((c) => (c.eventId === targetId ? { ...c, retracted: true } : c));
        this.put(recompute({ ...entry, corrections }));
        return;
      }
      const target = this.entries.get(targetId);
      if (!target) return;
      this.put({ ...target, retracted: true, retraction });
      return;
    }
    const occurredOn = occurredOnOf(data);
    this.put({
      eventId: e.eventId,
      partnershipId: e.streamId,
      streamVersion: e.streamVersion,
      type: e.type,
      occurredOn,
      planned: data.planned === true,
      data,
      original: data,
      corrections: [],
      corrected: false,
      retracted: false,
      retraction: null,
      recordedAt,
      actor: actorOf(e),
    });
  }

  /** Entries ordered as the timeline shows them. */
  sorted(): TimelineEntry[] {
    return [...this.entries.values()].sort(compareEntries);
  }

  private put(entry: TimelineEntry): void {
    this.entries.set(entry.eventId, entry);
    this.changed.add(entry.eventId);
  }
}

function recompute(entry: TimelineEntry): TimelineEntry {
  let data = entry.original ?? entry.data;
  for (const c of entry.corrections) if (!c.retracted) data = applyChanges(data, c.changes);
  return {
    ...entry,
    data,
    occurredOn: occurredOnOf(data),
    planned: data.planned === true,
    corrected: entry.corrections.some((c) => !c.retracted),
  };
}
