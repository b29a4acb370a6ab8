import { TimelineBuilder } from './timeline.mapping.js';
import type { StoredEvent } from '../../../event-store/types.js';

let v = 0;
const ev = (
  type: string,
  data: Record<string, unknown>,
  eventId = `00000000-0000-7000-8000-${String(++v).padStart(12, '0')}`,
): StoredEvent => ({
  eventId,
  streamId: 'p',
  streamVersion: v,
  globalPosition: v,
  transactionId: '1',
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: 'spec' },
  occurredAt: null,
  recordedAt: new Date(Date.UTC(2024, 0, v)),
  prevHash: null,
  hash: 'h',
});
const day = (date: string) => ({ date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year' });

describe('TimelineBuilder', () => {
  it('applies a correction and its retraction in one pass, and marks retracted entries', () => {
    const b = new TimelineBuilder();
    const aid = ev('AidDelivered', {
      occurredOn: day('2022-05'),
      receiver: { en: 'Vinnytsia' },
      value: { amount: '10.00', currency: 'EUR' },
      modality: 'cash',
    });
    const other = ev('NoteAdded', { occurredOn: day('2022-04-01'), text: 'x' });
    const corr = ev('EntryCorrected', {
      targetEventId: aid.eventId,
      targetType: 'AidDelivered',
      reason: 'typo',
      changes: { value: { amount: '11.00', currency: 'EUR' }, occurredOn: day('2021-12-24') },
      previous: {},
    });
    for (const e of [aid, other, corr]) b.apply(e);
    expect(b.entries.get(aid.eventId)).toMatchObject({
      corrected: true,
      data: { value: { amount: '11.00' } },
      original: { value: { amount: '10.00' } },
    });
    // The corrected date moves the entry before the note.
    expect(b.sorted().map((e) => e.eventId)).toEqual([aid.eventId, other.eventId]);
    b.apply(ev('EntryRetracted', { targetEventId: corr.eventId, targetType: 'EntryCorrected', reason: 'was right' }));
    const restored = b.entries.get(aid.eventId)!;
    expect(restored).toMatchObject({ corrected: false, data: { value: { amount: '10.00' } }, occurredOn: day('2022-05') });
    expect(restored.corrections).toEqual([expect.objectContaining({ eventId: corr.eventId, retracted: true })]);
    b.apply(ev('EntryRetracted', { targetEventId: other.eventId, targetType: 'NoteAdded', reason: 'duplicate' }));
    expect(b.entries.get(other.eventId)).toMatchObject({
      retracted: true,
      retraction: expect.objectContaining({ reason: 'duplicate', actor: 'spec' }),
    });
    expect(b.entries.size).toBe(2);
  });

  it('ignores events of other kinds and annotations of unknown entries', () => {
    const b = new TimelineBuilder();
    b.apply(ev('SomethingElse', {}));
    b.apply(ev('EntryRetracted', { targetEventId: 'nope', reason: 'x' }));
    expect(b.entries.size).toBe(0);
  });
});
