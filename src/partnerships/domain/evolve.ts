// What the ledger knows about one partnership, and its state on a business date. Pure: no clock, no
// I/O, never mutates its input, never throws on history it does not expect (history is a fact; the
// decider is where rules are enforced).
//
// Two times (docs/domain.md): the *history* is every entry in the order it was recorded, with its
// corrections applied and its retraction marked; the *state on a date D* is the fold of the live
// entries whose business date is on or before D, in business-date order (ties by recording order).
// The order in which entries were recorded can therefore never change a state.
import { derivedCache, derivedOfHistory, entryDay, type Derived } from './business-order.js';
import { applyEntry, releaseScratch, type FoldScratch } from './apply-entry.js';
import type { RecordedEvent } from './events.js';
import { ANNOTATIONS, recordInto, type EntryRecord, type History } from './history.js';
import { initialDerivedState, initialState, type DerivedState, type PartnershipState } from './state.js';

/** The derived state on `date` (YYYY-MM-DD; everything known when left out). */
export function deriveAt(history: History, date?: string): DerivedState {
  const d = derivedOfHistory(history);
  if (date === undefined || date >= d.lastDay) return finalState(history, d);
  return foldUntil(history, d.order, (day) => day > date).state;
}

/**
 * The state before `day` (every entry dated earlier) and the entries from that day on, in order: what
 * a check of a change on `day` replays.
 */
export function splitAt(history: History, day: string): { before: DerivedState; from: readonly EntryRecord[] } {
  const d = derivedOfHistory(history);
  if (day > d.lastDay) return { before: finalState(history, d), from: [] };
  // The usual change is dated on the last day known: the state before it is kept.
  if (day === d.lastDay) {
    d.beforeLast ??= foldUntil(history, d.order, (entryDay) => entryDay >= day).state;
    return { before: d.beforeLast, from: d.order.slice(d.lastStart) };
  }
  const { state, index } = foldUntil(history, d.order, (entryDay) => entryDay >= day);
  return { before: state, from: d.order.slice(index) };
}

function finalState(history: History, d: Derived): DerivedState {
  d.final ??= foldUntil(history, d.order, () => false).state;
  return d.final;
}

function foldUntil(
  history: History,
  order: readonly EntryRecord[],
  stop: (day: string) => boolean,
): { state: DerivedState; index: number } {
  let state = initialDerivedState();
  const scratch: FoldScratch = {};
  let i = 0;
  for (; i < order.length; i++) {
    if (stop(entryDay(order[i]))) break;
    state = applyEntry(state, order[i], history.entries, scratch);
  }
  return { state, index: i };
}

/** The state on a business date, as the ledger knows it now. */
export function stateAt(history: History, date?: string): PartnershipState {
  const state = { ...deriveAt(history, date), entries: history.entries, entryOrder: history.entryOrder, version: history.version };
  // The state is also a history (the same entries): it shares what was derived from them.
  derivedCache.set(state, derivedOfHistory(history));
  return state;
}

/**
 * The history with `events` recorded after it, in stream order (the input is left as it was).
 * `trial`: a history only to check a change against, never kept or shown; its entries are a layer
 * over the old ones instead of a copy (for a long stream the copy would cost more than the check).
 */
export function recordAll(from: History, events: Iterable<RecordedEvent>, opts: { trial?: boolean } = {}): History {
  const entries: Record<string, EntryRecord> = opts.trial ? overlay(from.entries) : { ...from.entries };
  const entryOrder = [...from.entryOrder];
  let version = from.version;
  for (const event of events) recordInto(event, entries, entryOrder, version++);
  const history: History = { entries, entryOrder, version };
  carryForward(from, history);
  return history;
}

const depth = new WeakMap<object, number>();

/** A layer over `entries` to record into (lookups see both; the old object is never changed). */
function overlay(entries: Readonly<Record<string, EntryRecord>>): Record<string, EntryRecord> {
  const level = (depth.get(entries) ?? 0) + 1;
  if (level > 32) {
    const flat: Record<string, EntryRecord> = {};
    for (const key in entries) flat[key] = entries[key];
    return flat;
  }
  const layered = Object.create(entries) as Record<string, EntryRecord>;
  depth.set(layered, level);
  return layered;
}

/**
 * When the new entries are plain milestones dated on or after the last day already known (and none
 * is an annotation, which could move or remove an earlier entry), the order and the final state
 * continue from the old history's instead of being computed again.
 */
function carryForward(from: History, to: History): void {
  const known = derivedCache.get(from);
  if (!known) return;
  const added = to.entryOrder.slice(from.entryOrder.length).map((id) => to.entries[id]);
  if (added.some((e) => !e || ANNOTATIONS.has(e.type))) return;
  let lastDay = known.lastDay;
  for (const e of added) {
    const day = entryDay(e);
    if (day < lastDay) return;
    lastDay = day;
  }
  const order = [...known.order, ...added];
  let lastStart = order.length;
  while (lastStart > 0 && entryDay(order[lastStart - 1]) === lastDay) lastStart--;
  let final = known.final;
  let beforeLast = lastDay === known.lastDay ? known.beforeLast : undefined;
  if (known.final) {
    // Entries of the old history are all before the new last day unless it did not move.
    let state = known.final;
    const scratch: FoldScratch = {};
    for (const e of added) {
      if (lastDay !== known.lastDay && entryDay(e) === lastDay && !beforeLast) {
        beforeLast = state;
        releaseScratch(scratch);
      }
      state = applyEntry(state, e, to.entries, scratch);
    }
    if (lastDay !== known.lastDay) beforeLast ??= state;
    final = state;
  }
  derivedCache.set(to, { order, lastDay, lastStart, ...(final ? { final } : {}), ...(beforeLast ? { beforeLast } : {}) });
}

/** Records events after `from` (in stream order) and derives the state with everything known. */
export function fold(events: Iterable<RecordedEvent>, from: History = initialState()): PartnershipState {
  return stateAt(recordAll(from, events));
}

export function evolve(state: History, event: RecordedEvent): PartnershipState {
  return fold([event], state);
}
