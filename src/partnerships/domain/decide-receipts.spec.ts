// Receipt confirmations: a delivery's receiver confirms what arrived, on or after the delivery, once
// in full; corrections and retractions of either side are checked against the other.
import { decide } from './decide.js';
import { HistoryConflictError, TransitionNotAllowedError, ValidationError } from './errors.js';
import type { RecordedEvent } from './events.js';
import { deriveAt, fold, recordAll } from './evolve.js';
import { receiptStatus } from './state.js';
import { command } from './testing/commands.js';
import { day, month, wholeStory } from './testing/dortmund-zhytomyr.js';
import { DEFAULT_NOW, given } from './testing/given.js';

const part = (eventId: string, on: string, deliveryId = 'aid-may'): RecordedEvent => ({
  eventId,
  type: 'AidReceiptConfirmed',
  data: { occurredOn: day(on), deliveryId, received: 'part', discrepancies: 'two generators missing' },
});
const all = (eventId: string, on: string, deliveryId = 'aid-may'): RecordedEvent => ({
  eventId,
  type: 'AidReceiptConfirmed',
  data: { occurredOn: day(on), deliveryId, received: 'all', documentReference: 'Akt 17/2022' },
});

describe('decide: confirming the receipt of a delivery', () => {
  it('records a full confirmation with its document reference', () => {
    const data = { occurredOn: day('2022-05-20'), deliveryId: 'aid-may', received: 'all' as const, documentReference: 'Akt 17/2022' };
    given(...wholeStory)
      .when(command('ConfirmAidReceipt', data))
      .then([{ type: 'AidReceiptConfirmed', data }]);
  });

  it('needs a note on the discrepancies when only part arrived', () => {
    given(...wholeStory)
      .when(command('ConfirmAidReceipt', { occurredOn: day('2022-05-20'), deliveryId: 'aid-may', received: 'part' }))
      .thenThrows(ValidationError, { errors: [{ field: 'discrepancies', reason: expect.stringMatching(/required when only part/) }] });
  });

  it.each([
    ['an entry that does not exist', 'no-such-entry', /no entry no-such-entry exists/],
    ['an entry that is no delivery', 'counterpart', /CounterpartDesignated, not a delivery/],
  ])('refuses a confirmation of %s, naming deliveryId (422)', (_what, deliveryId, reason) => {
    given(...wholeStory)
      .when(command('ConfirmAidReceipt', { occurredOn: day('2022-07-01'), deliveryId, received: 'all' }))
      .thenThrows(ValidationError, { code: 'validation_failed', errors: [{ field: 'deliveryId', reason: expect.stringMatching(reason) }] });
  });

  it('refuses a confirmation of a retracted delivery (422)', () => {
    const retracted: RecordedEvent = {
      eventId: 'retract-may',
      type: 'EntryRetracted',
      data: { targetEventId: 'aid-may', targetType: 'AidDelivered', reason: 'duplicate' },
    };
    given(...wholeStory, retracted)
      .when(command('ConfirmAidReceipt', { occurredOn: day('2022-07-01'), deliveryId: 'aid-may', received: 'all' }))
      .thenThrows(ValidationError, { errors: [{ field: 'deliveryId', reason: 'delivery aid-may was retracted' }] });
  });

  it('refuses a receipt dated before its delivery, as a business-time rule (409)', () => {
    given(...wholeStory)
      .when(command('ConfirmAidReceipt', { occurredOn: day('2022-04-30'), deliveryId: 'aid-may', received: 'all' }))
      .thenThrows(TransitionNotAllowedError, {
        code: 'transition_not_allowed',
        message: expect.stringMatching(/cannot be confirmed before its delivery.*aid-may/s),
        needed: expect.stringMatching(/on or after the delivery/),
      });
  });

  it('takes a receipt on the first day of a delivery known to the month', () => {
    expect(
      given(...wholeStory)
        .when(command('ConfirmAidReceipt', { occurredOn: month('2022-05'), deliveryId: 'aid-may', received: 'all' }))
        .result(),
    ).toHaveLength(1);
  });

  it('accepts further parts, then the rest, and refuses a confirmation after the full one (409)', () => {
    const afterParts = [...wholeStory, part('p1', '2022-05-20'), part('p2', '2022-06-02')];
    expect(
      given(...afterParts)
        .when(command('ConfirmAidReceipt', { occurredOn: day('2022-06-10'), deliveryId: 'aid-may', received: 'all' }))
        .result(),
    ).toHaveLength(1);
    given(...afterParts, all('a1', '2022-06-10'))
      .when(command('ConfirmAidReceipt', { occurredOn: day('2022-07-01'), deliveryId: 'aid-may', received: 'part', discrepancies: 'x' }))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/already confirmed as received in full.*entry a1/s) });
  });

  it('refuses a back-dated full confirmation that a later full one would then contradict', () => {
    given(...wholeStory, all('a1', '2022-06-10'))
      .when(command('ConfirmAidReceipt', { occurredOn: day('2022-05-25'), deliveryId: 'aid-may', received: 'all' }))
      .thenThrows(HistoryConflictError, { conflicts: [expect.objectContaining({ eventId: 'a1' })] });
  });

  it('refuses to retract or re-date a delivery that a confirmation relies on, naming the confirmation', () => {
    given(...wholeStory, part('p1', '2022-05-20'))
      .when(command('RetractEntry', { eventId: 'aid-may', reason: 'duplicate' }))
      .thenThrows(HistoryConflictError, { conflicts: [expect.objectContaining({ eventId: 'p1', type: 'AidReceiptConfirmed' })] });
    given(...wholeStory, part('p1', '2022-05-20'))
      .when(command('CorrectEntry', { eventId: 'aid-may', reason: 'invoice date', changes: { occurredOn: day('2022-05-25') } }))
      .thenThrows(HistoryConflictError, { conflicts: [expect.objectContaining({ eventId: 'p1' })] });
  });

  it('lets the confirmation be corrected and retracted, but not re-pointed at another delivery', () => {
    const h = [...wholeStory, part('p1', '2022-05-20')];
    expect(
      given(...h)
        .when(command('CorrectEntry', { eventId: 'p1', reason: 'all arrived', changes: { received: 'all', discrepancies: null } }))
        .result(),
    ).toHaveLength(1);
    expect(
      given(...h)
        .when(command('RetractEntry', { eventId: 'p1', reason: 'recorded for the wrong delivery' }))
        .result(),
    ).toHaveLength(1);
    given(...h)
      .when(command('CorrectEntry', { eventId: 'p1', reason: 'wrong delivery', changes: { deliveryId: 'aid-june' } }))
      .thenThrows(ValidationError, {
        errors: [{ field: 'changes.deliveryId', reason: expect.stringMatching(/retract it and record it again/) }],
      });
    given(...h)
      .when(command('CorrectEntry', { eventId: 'p1', reason: 'earlier', changes: { occurredOn: day('2022-04-01') } }))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/before its delivery/) });
    given(...h)
      .when(command('CorrectEntry', { eventId: 'p1', reason: 'no note', changes: { discrepancies: null } }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.discrepancies', reason: expect.any(String) }] });
  });

  it('folds each delivery to awaiting, partly confirmed or confirmed, on every date', () => {
    const state = fold([...wholeStory, part('p1', '2022-05-20'), all('a1', '2022-06-10')]);
    const on = (d: string, id = 'aid-may') => receiptStatus(deriveAt(state, d).deliveries[id]?.confirmations ?? []);
    expect([on('2022-05-19'), on('2022-05-20'), on('2022-06-10'), on('2025-01-01', 'aid-june')]).toEqual([
      'awaiting',
      'partly_confirmed',
      'confirmed',
      'awaiting',
    ]);
    const latest = deriveAt(state).deliveries['aid-may'];
    expect(latest.confirmations.map((c) => [c.eventId, c.received, c.receivedOn.date])).toEqual([
      ['p1', 'part', '2022-05-20'],
      ['a1', 'all', '2022-06-10'],
    ]);
    // A retracted confirmation no longer counts.
    const retracted = recordAll(state, [
      { eventId: 'r1', type: 'EntryRetracted', data: { targetEventId: 'a1', targetType: 'AidReceiptConfirmed', reason: 'wrong' } },
    ]);
    expect(receiptStatus(deriveAt(retracted).deliveries['aid-may'].confirmations)).toBe('partly_confirmed');
  });

  it('does not let a receipt lie after today', () => {
    expect(() =>
      decide(command('ConfirmAidReceipt', { occurredOn: day('2025-07-11'), deliveryId: 'aid-may', received: 'all' }), fold(wholeStory), {
        now: DEFAULT_NOW,
      }),
    ).toThrow(ValidationError);
  });
});
