import { decide } from './decide.js';
import { HistoryConflictError, TransitionNotAllowedError, ValidationError } from './errors.js';
import type { RecordedEvent } from './events.js';
import { fold, stateAt } from './evolve.js';
import { command } from './testing/commands.js';
import { suspended } from './testing/decide-fixtures.js';
import { day, funding, wholeStory } from './testing/dortmund-zhytomyr.js';
import { DEFAULT_NOW, given } from './testing/given.js';

const fulfilled: RecordedEvent = {
  eventId: 'final-done',
  type: 'ObligationFulfilled',
  data: { occurredOn: day('2025-06-30'), obligationId: 'final-report', documentReference: 'report-17' },
};
const extended: RecordedEvent = {
  eventId: 'final-moved',
  type: 'ObligationExtended',
  data: { occurredOn: day('2025-05-02'), obligationId: 'final-report', newDueDate: '2026-03-31', reason: 'granted' },
};
const waived: RecordedEvent = {
  eventId: 'interim-waived',
  type: 'ObligationWaived',
  data: { occurredOn: day('2024-09-01'), obligationId: 'interim-report', reason: 'the funder waived it' },
};
const obligationsOf = (events: RecordedEvent[], on?: string) => stateAt(fold(events), on).obligations ?? [];

describe('obligations: the fold', () => {
  it('a funding entry brings its obligations, open, from its own date on', () => {
    expect(obligationsOf(wholeStory, '2024-02-29')).toEqual([]);
    expect(obligationsOf(wholeStory)).toEqual([
      expect.objectContaining({ id: 'interim-report', kind: 'interim_report', dueDate: '2024-09-30', status: 'open' }),
      expect.objectContaining({
        id: 'final-report',
        kind: 'final_report',
        dueDate: '2025-12-31',
        fundingEventId: 'funding-2024',
        since: day('2024-03-01'),
        programme: 'CERV town twinning',
        status: 'open',
      }),
    ]);
  });

  it('a fulfilment, an extension and a waiver change the obligation from their own dates on', () => {
    const events = [...wholeStory, waived, extended, fulfilled];
    expect(obligationsOf(events, '2025-05-01').map((o) => [o.id, o.status, o.dueDate])).toEqual([
      ['interim-report', 'waived', '2024-09-30'],
      ['final-report', 'open', '2025-12-31'],
    ]);
    expect(obligationsOf(events, '2025-05-02')[1]).toMatchObject({ dueDate: '2026-03-31', originalDueDate: '2025-12-31', status: 'open' });
    expect(obligationsOf(events)[1]).toMatchObject({
      status: 'fulfilled',
      settledBy: 'final-done',
      settledOn: day('2025-06-30'),
      documentReference: 'report-17',
    });
  });

  it('retracting the fulfilment opens the obligation again; retracting the funding entry removes its obligations', () => {
    const retractFulfilment: RecordedEvent = {
      eventId: 'r1',
      type: 'EntryRetracted',
      data: { targetEventId: 'final-done', targetType: 'ObligationFulfilled', reason: 'wrong report' },
    };
    expect(obligationsOf([...wholeStory, fulfilled, retractFulfilment])[1].status).toBe('open');
    const retractFunding: RecordedEvent = {
      eventId: 'r2',
      type: 'EntryRetracted',
      data: { targetEventId: 'funding-2024', targetType: 'FundingReceived', reason: 'wrong partnership' },
    };
    expect(obligationsOf([...wholeStory, retractFunding])).toEqual([]);
  });
});

describe('obligations: the decider', () => {
  it('gives obligations without an id one from kind and due date, numbered when it is taken', () => {
    const [event] = decide(
      command('RecordFundingReceived', {
        occurredOn: day('2025-07-01'),
        funder: 'Nakopa',
        obligations: [
          { kind: 'final_report', dueDate: '2025-12-31' },
          { kind: 'final_report', dueDate: '2025-12-31' },
          { id: 'posting', kind: 'public_posting', dueDate: '2025-08-01' },
        ],
      }),
      fold(wholeStory),
      { now: DEFAULT_NOW },
    );
    expect((event.data as { obligations: { id: string }[] }).obligations.map((o) => o.id)).toEqual([
      'final_report-2025-12-31',
      'final_report-2025-12-31-2',
      'posting',
    ]);
  });

  it('refuses an id another funding entry already uses, and one repeated in the list (422, naming the field)', () => {
    given(...wholeStory)
      .when(
        command('RecordFundingReceived', {
          occurredOn: day('2025-07-01'),
          funder: 'Nakopa',
          obligations: [{ id: 'final-report', kind: 'final_report', dueDate: '2025-12-31' }],
        }),
      )
      .thenThrows(ValidationError, { errors: [{ field: 'obligations[0].id', reason: expect.stringMatching(/already names/) }] });
    given(...wholeStory)
      .when(
        command('RecordFundingReceived', {
          occurredOn: day('2025-07-01'),
          funder: 'Nakopa',
          obligations: [
            { id: 'x', kind: 'final_report', dueDate: '2025-12-31' },
            { id: 'x', kind: 'proof_of_use', dueDate: '2025-12-31' },
          ],
        }),
      )
      .thenThrows(ValidationError, { errors: [{ field: 'obligations[1].id', reason: expect.stringMatching(/repeats/) }] });
  });

  it('refuses a due date that is not a day', () => {
    given(...wholeStory)
      .when(
        command('RecordFundingReceived', {
          occurredOn: day('2025-07-01'),
          funder: 'Nakopa',
          obligations: [{ kind: 'final_report', dueDate: '2025-02-30' }],
        }),
      )
      .thenThrows(ValidationError, { errors: [{ field: 'obligations[0].dueDate', reason: expect.stringMatching(/not a day/) }] });
  });

  it('records a fulfilment of an open obligation', () => {
    given(...wholeStory)
      .when(command('RecordObligationFulfilled', { occurredOn: day('2025-07-01'), obligationId: 'final-report' }))
      .then([{ type: 'ObligationFulfilled', data: { occurredOn: day('2025-07-01'), obligationId: 'final-report' } }]);
  });

  it('refuses an unknown obligation with 422 naming obligationId', () => {
    for (const cmd of [
      command('RecordObligationFulfilled', { occurredOn: day('2025-07-01'), obligationId: 'no-such' }),
      command('ExtendObligation', { occurredOn: day('2025-07-01'), obligationId: 'no-such', newDueDate: '2026-01-01', reason: 'r' }),
      command('WaiveObligation', { occurredOn: day('2025-07-01'), obligationId: 'no-such', reason: 'r' }),
    ]) {
      given(...wholeStory)
        .when(cmd)
        .thenThrows(ValidationError, {
          errors: [{ field: 'obligationId', reason: 'no obligation "no-such" is recorded for this partnership' }],
        });
    }
  });

  it('refuses a fulfilment dated before the obligation existed (409)', () => {
    given(...wholeStory)
      .when(command('RecordObligationFulfilled', { occurredOn: day('2024-02-29'), obligationId: 'final-report' }))
      .thenThrows(TransitionNotAllowedError, {
        code: 'transition_not_allowed',
        message: expect.stringMatching(/did not exist on 29 February 2024/),
      });
  });

  it('refuses to act on a fulfilled or waived obligation (409)', () => {
    given(...wholeStory, fulfilled)
      .when(command('RecordObligationFulfilled', { occurredOn: day('2025-07-01'), obligationId: 'final-report' }))
      .thenThrows(TransitionNotAllowedError, { needed: 'an open obligation', message: expect.stringMatching(/already fulfilled/) });
    given(...wholeStory, waived)
      .when(
        command('ExtendObligation', {
          occurredOn: day('2025-07-01'),
          obligationId: 'interim-report',
          newDueDate: '2025-12-01',
          reason: 'r',
        }),
      )
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/already waived/) });
  });

  it('accepts a fulfilment before a later waiver only if it does not contradict it (409 contradicts_later_entries)', () => {
    given(...wholeStory, waived)
      .when(command('RecordObligationFulfilled', { occurredOn: day('2024-08-01'), obligationId: 'interim-report' }))
      .thenThrows(HistoryConflictError, {
        code: 'contradicts_later_entries',
        conflicts: [expect.objectContaining({ eventId: 'interim-waived' })],
      });
  });

  it('refuses to retract a funding entry whose obligation was fulfilled, or to move it after the fulfilment', () => {
    given(...wholeStory, fulfilled)
      .when(command('RetractEntry', { eventId: 'funding-2024', reason: 'wrong partnership' }))
      .thenThrows(HistoryConflictError, { conflicts: [expect.objectContaining({ eventId: 'final-done' })] });
    given(...wholeStory, fulfilled)
      .when(command('CorrectEntry', { eventId: 'funding-2024', reason: 'later', changes: { occurredOn: day('2025-07-01') } }))
      .thenThrows(HistoryConflictError, { conflicts: [expect.objectContaining({ eventId: 'final-done' })] });
  });

  it('keeps the ids of a corrected list and gives new entries free ones', () => {
    const [event] = decide(
      command('CorrectEntry', {
        eventId: 'funding-2024',
        reason: 'the funder added a posting',
        changes: {
          obligations: [...(funding.data as { obligations: unknown[] }).obligations, { kind: 'public_posting', dueDate: '2024-06-01' }],
        },
      }),
      fold(wholeStory),
      { now: DEFAULT_NOW },
    );
    const changes = (event.data as unknown as { changes: { obligations: { id: string }[] } }).changes;
    expect(changes.obligations.map((o) => o.id)).toEqual(['interim-report', 'final-report', 'public_posting-2024-06-01']);
  });

  it('records obligation entries while the partnership is suspended: deadlines do not pause', () => {
    expect(
      given(...wholeStory, suspended)
        .when(command('RecordObligationFulfilled', { occurredOn: day('2025-07-01'), obligationId: 'final-report' }))
        .result(),
    ).toHaveLength(1);
  });

  it('refuses a fulfilment dated after today', () => {
    given(...wholeStory)
      .when(command('RecordObligationFulfilled', { occurredOn: day('2025-07-11'), obligationId: 'final-report' }))
      .thenThrows(ValidationError, { errors: [{ field: 'occurredOn', reason: expect.stringMatching(/after today/) }] });
  });
});
