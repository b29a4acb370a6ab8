// The business order of a history: the day each entry takes effect on (a plan when it was made,
// anything else when it happened), and the entries sorted by it, kept beside the immutable history.
import { businessDateStart } from './dates.js';
import { PLANNABLE, type EventType } from './events.js';
import { ANNOTATIONS, type EntryRecord, type History } from './history.js';
import type { DerivedState } from './state.js';
import type { BusinessDate } from './vocabulary.js';

export type EntryLike = { type: EventType; data: Readonly<Record<string, unknown>>; recordedAt?: string };

/** A plan rather than a happening: a scheduled signing, or a consultation or activity marked planned. */
export function isPlan(entry: EntryLike): boolean {
  return entry.type === 'AgreementSigningScheduled' || (PLANNABLE.has(entry.type) && entry.data.planned === true);
}

export const asDate = (v: unknown): BusinessDate | undefined =>
  v && typeof v === 'object' && typeof (v as BusinessDate).date === 'string' ? (v as BusinessDate) : undefined;

/** The day (YYYY-MM-DD) an entry takes effect on: a plan when it was made, anything else when it happened. */
export function foldDate(entry: EntryLike): string {
  if (isPlan(entry)) {
    const madeOn = asDate(entry.data.madeOn);
    if (madeOn) return businessDateStart(madeOn);
    // Plans recorded before `madeOn` existed were made, at the latest, when they were recorded, and
    // a plan for a past date by that date (the default the decider gives new plans too).
    const planned = plannedDateOf(entry);
    const candidates = [entry.recordedAt?.slice(0, 10), planned ? businessDateStart(planned) : undefined].filter((d): d is string => !!d);
    if (candidates.length) return candidates.sort()[0];
  }
  const on = asDate(entry.data.occurredOn);
  return on ? businessDateStart(on) : '0001-01-01';
}

/** The planned date of a plan entry. */
export function plannedDateOf(entry: EntryLike): BusinessDate | undefined {
  if (entry.type === 'ReferredToCommittee') return asDate(entry.data.meetingDate) ?? asDate(entry.data.occurredOn);
  return asDate(entry.data.occurredOn);
}

// Entries and histories are immutable values, so what is derived from them is kept beside them:
// an entry's day, a history's business order and its state with everything known. Appending entries
// dated on or after the last day carries both forward, so recording the usual entry — today's — costs
// only the new entry, not a refold of the stream.
const dayCache = new WeakMap<EntryRecord, string>();
export interface Derived {
  order: EntryRecord[];
  /** the last business day in `order` ('' when empty) */
  lastDay: string;
  /** index in `order` of the first entry on `lastDay` */
  lastStart: number;
  /** the state with every entry applied, once computed */
  final?: DerivedState;
  /** the state with every entry before `lastDay` applied, once computed */
  beforeLast?: DerivedState;
}
export const derivedCache = new WeakMap<History, Derived>();

/** The business day of a recorded entry (foldDate, computed once per entry value). */
export function entryDay(entry: EntryRecord): string {
  let day = dayCache.get(entry);
  if (day === undefined) dayCache.set(entry, (day = foldDate(entry)));
  return day;
}

export function derivedOfHistory(history: History): Derived {
  let d = derivedCache.get(history);
  if (!d) {
    const order: EntryRecord[] = [];
    for (const id of history.entryOrder) {
      const entry = history.entries[id];
      if (entry && !ANNOTATIONS.has(entry.type)) order.push(entry);
    }
    order.sort((a, b) => {
      const da = entryDay(a);
      const db = entryDay(b);
      return da < db ? -1 : da > db ? 1 : a.position - b.position;
    });
    const lastDay = order.length ? entryDay(order[order.length - 1]) : '';
    let lastStart = order.length;
    while (lastStart > 0 && entryDay(order[lastStart - 1]) === lastDay) lastStart--;
    d = { order, lastDay, lastStart };
    derivedCache.set(history, d);
  }
  return d;
}
