import { applyEntry } from './apply-entry.js';
import { derivedOfHistory, entryDay } from './business-order.js';
import type { RecordedEvent } from './events.js';
import { deriveAt, evolve, fold, recordAll, splitAt } from './evolve.js';
import type { History } from './history.js';
import { initialDerivedState, initialState } from './state.js';
import { wholeStory } from './testing/dortmund-zhytomyr.js';

describe('fold shares its working copies only with itself', () => {
  it('gives the same state as evolving step by step', () => {
    const stepwise = wholeStory.reduce(evolve, initialState());
    expect(fold(wholeStory)).toEqual(stepwise);
  });

  it('does not change the state it starts from, nor states evolve returned earlier', () => {
    const half = Math.floor(wholeStory.length / 2);
    const start = fold(wholeStory.slice(0, half));
    const snapshot = JSON.parse(JSON.stringify(start));
    const next = evolve(start, wholeStory[half]);
    const after = fold(wholeStory.slice(half), start);
    expect(JSON.parse(JSON.stringify(start))).toEqual(snapshot);
    expect(Object.keys(next.entries)).toHaveLength(half + 1);
    expect(Object.keys(after.entries)).toHaveLength(wholeStory.length);
    expect(after.entryOrder).toEqual(wholeStory.map((e) => e.eventId));
  });
});

describe('the fold adds deliveries in place without changing a state it handed out', () => {
  const on = (n: number) => ({ date: `2024-01-${String(n).padStart(2, '0')}`, precision: 'day' as const });
  const initiated: RecordedEvent = {
    eventId: 'init',
    type: 'PartnershipInitiated',
    data: { partnershipId: 'p', ownMunicipality: { en: 'X' }, tier: 'initiative', occurredOn: on(1) },
  };
  const delivered = (id: string, n: number): RecordedEvent => ({
    eventId: id,
    type: 'AidDelivered',
    data: { occurredOn: on(n), receiver: { en: 'Zhytomyr' }, value: { amount: '1.00', currency: 'EUR' }, modality: 'cash' },
  });
  const received = (id: string, deliveryId: string, n: number): RecordedEvent => ({
    eventId: id,
    type: 'AidReceiptConfirmed',
    data: { occurredOn: on(n), deliveryId, received: 'all' },
  });
  // Two a day, receipts among them: days 2–11.
  const events = [
    initiated,
    ...Array.from({ length: 10 }, (_, i) => [delivered(`d${i}a`, i + 2), delivered(`d${i}b`, i + 2)]).flat(),
    received('r1', 'd0a', 5),
    received('r2', 'd3b', 9),
  ];
  /** The state on a date folded entry by entry with a copy per change, as before the scratch. */
  const copying = (h: History, date: string) =>
    derivedOfHistory(h)
      .order.filter((e) => entryDay(e) <= date)
      .reduce((s, e) => applyEntry(s, e, h.entries), initialDerivedState());

  it('gives each day the state that copying would, key order included, and keeps earlier days as they were', () => {
    const h = recordAll(initialState(), events);
    const days = ['2024-01-01', '2024-01-02', '2024-01-05', '2024-01-09', '2024-01-11'];
    const seen = days.map((d) => deriveAt(h, d));
    const texts = seen.map((s) => JSON.stringify(s));
    expect(texts).toEqual(days.map((d) => JSON.stringify(copying(h, d))));
    deriveAt(h);
    splitAt(h, '2024-01-07');
    expect(seen.map((s) => JSON.stringify(s))).toEqual(texts);
    expect(Object.keys(seen[2].deliveries)).toEqual(['d0a', 'd0b', 'd1a', 'd1b', 'd2a', 'd2b', 'd3a', 'd3b']);
  });

  it('keeps the state before the last day apart when later entries carry the final state forward', () => {
    const h = recordAll(initialState(), events);
    const final = JSON.stringify(deriveAt(h));
    // One day between the old last day and the new one: the fold owns its copy when it reaches the last day.
    const later = recordAll(h, [delivered('e0', 15), delivered('e1', 20), received('r3', 'd0b', 20), delivered('e2', 20)]);
    const { before, from } = splitAt(later, '2024-01-20');
    expect(JSON.stringify(before)).toEqual(JSON.stringify(copying(later, '2024-01-19')));
    expect(Object.keys(before.deliveries)).toHaveLength(21);
    expect(from.map((e) => e.eventId)).toEqual(['e1', 'r3', 'e2']);
    expect(JSON.stringify(deriveAt(h))).toEqual(final);
    expect(JSON.stringify(deriveAt(later))).toEqual(JSON.stringify(copying(later, '2024-01-20')));
  });
});
