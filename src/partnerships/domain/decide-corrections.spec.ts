import { EntryNotFoundError, TransitionNotAllowedError, ValidationError } from './errors.js';
import type { RecordedEvent } from './events.js';
import { command } from './testing/commands.js';
import {
  SOLIDARITY_PAPER,
  TWINNING_PAPER,
  beforeSolidaritySigning,
  day,
  solidaritySigning,
  wholeStory,
} from './testing/dortmund-zhytomyr.js';
import { given } from './testing/given.js';

const correction: RecordedEvent = {
  eventId: 'c1',
  type: 'EntryCorrected',
  data: {
    targetEventId: 'aid-may',
    targetType: 'AidDelivered',
    reason: 'invoice',
    changes: { sector: 'energy' },
    previous: { sector: null },
  },
};
const retraction: RecordedEvent = {
  eventId: 'r1',
  type: 'EntryRetracted',
  data: { targetEventId: 'aid-june', targetType: 'AidDelivered', reason: 'duplicate' },
};
const history = [...wholeStory, correction, retraction];
const correct = (eventId: string, changes: Record<string, unknown>, reason = 'typo') =>
  command('CorrectEntry', { eventId, reason, changes });
const retract = (eventId: string, reason = 'recorded in error') => command('RetractEntry', { eventId, reason });

describe('CorrectEntry', () => {
  it('records the changed fields with the values they replace', () => {
    given(...history)
      .when(correct('aid-may', { value: { amount: '120000.00', currency: 'EUR' }, fundingChannel: 'state programme' }, 'final invoice'))
      .then([
        {
          type: 'EntryCorrected',
          data: {
            targetEventId: 'aid-may',
            targetType: 'AidDelivered',
            reason: 'final invoice',
            changes: { value: { amount: '120000.00', currency: 'EUR' }, fundingChannel: 'state programme' },
            previous: { value: { amount: '125000.00', currency: 'EUR' }, fundingChannel: null },
          },
        },
      ]);
  });

  it('compares with the current, already corrected value', () => {
    given(...history)
      .when(correct('aid-may', { sector: 'energy' }))
      .then([]);
    given(...history)
      .when(correct('aid-may', { sector: 'health' }))
      .then([
        {
          type: 'EntryCorrected',
          data: {
            targetEventId: 'aid-may',
            targetType: 'AidDelivered',
            reason: 'typo',
            changes: { sector: 'health' },
            previous: { sector: 'energy' },
          },
        },
      ]);
  });

  it('clears an optional field with null', () => {
    const [event] = given(...history)
      .when(correct('aid-may', { items: null }))
      .result();
    expect(event.data).toMatchObject({ changes: { items: null }, previous: { items: ['generators'] } });
  });

  it('points at an entry of this partnership', () => {
    given(...history)
      .when(correct('not-here', { sector: 'x' }))
      .thenThrows(EntryNotFoundError, { code: 'entry_not_found', eventId: 'not-here' });
  });

  it('cannot correct a retracted entry', () => {
    given(...history)
      .when(correct('aid-june', { sector: 'x' }))
      .thenThrows(TransitionNotAllowedError, { needed: 'an entry that is not retracted', message: expect.stringMatching(/was retracted/) });
  });

  it('corrects the original, not a correction or a retraction', () => {
    given(...history)
      .when(correct('c1', { reason: 'x' }))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/correct the original entry/) });
    given(...history)
      .when(correct('r1', { reason: 'x' }))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/retraction; correct the original/) });
  });

  it('names only fields the target has', () => {
    given(...history)
      .when(correct('aid-may', { sector: 'x', agreementKind: 'project', colour: 'red' }))
      .thenThrows(ValidationError, {
        errors: [
          { field: 'changes.agreementKind', reason: 'is not a known field of AidDelivered' },
          { field: 'changes.colour', reason: 'is not a known field of AidDelivered' },
        ],
      });
  });

  it('must change something and say why', () => {
    given(...history)
      .when(correct('aid-may', {}))
      .thenThrows(ValidationError, { errors: [{ field: 'changes', reason: expect.any(String) }] });
    given(...history)
      .when(correct('aid-may', { sector: 'x' }, '  '))
      .thenThrows(ValidationError, { errors: [{ field: 'reason', reason: expect.any(String) }] });
  });

  it('checks the corrected value like a new entry', () => {
    given(...history)
      .when(correct('aid-may', { value: { amount: '-5', currency: 'EUR' } }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.value.amount', reason: expect.any(String) }] });
    given(...history)
      .when(correct('aid-may', { modality: null }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.modality', reason: 'is required' }] });
    given(...history)
      .when(correct('initiated', { tier: 'twinning' }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.tier', reason: expect.any(String) }] });
  });

  it('cannot move a completed milestone into the future', () => {
    given(...history)
      .when(correct('signed-2025', { occurredOn: day('2025-12-01') }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.occurredOn', reason: expect.stringMatching(/future/) }] });
  });

  it('can turn a planned meeting into one that took place, outcome and all', () => {
    const planned: RecordedEvent = {
      eventId: 'planned',
      type: 'BoardReviewed',
      data: { occurredOn: day('2025-06-01'), body: 'Board', planned: true },
    };
    expect(
      given(...history, planned)
        .when(correct('planned', { planned: false, outcome: 'approved' }))
        .result(),
    ).toHaveLength(1);
    given(...history, planned)
      .when(correct('planned', { planned: false }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.outcome', reason: expect.any(String) }] });
  });

  it('cannot re-point the initiation at another partnership', () => {
    given(...history)
      .when(correct('initiated', { partnershipId: 'other' }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.partnershipId', reason: expect.stringMatching(/cannot be corrected/) }] });
  });

  it('keeps a paper drafted once when its reference is corrected', () => {
    given(...history)
      .when(correct('draft-twinning', { paperReference: SOLIDARITY_PAPER }))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/already drafted .*a paper is drafted once/) });
    expect(
      given(...history)
        .when(correct('draft-twinning', { paperReference: 'DS-2025-0002' }))
        .result(),
    ).toHaveLength(1);
  });

  it('keeps consultations pointing at drafted papers', () => {
    given(...history)
      .when(correct('council-2025', { paperReference: 'DS-unknown' }))
      .thenThrows(ValidationError, { errors: [{ field: 'changes.paperReference', reason: expect.any(String) }] });
    expect(
      given(...history)
        .when(correct('council-2025', { paperReference: TWINNING_PAPER, outcome: 'adopted_with_amendments' }))
        .result(),
    ).toHaveLength(1);
  });
});

describe('RetractEntry', () => {
  it('records the retraction with the target type', () => {
    given(...beforeSolidaritySigning, solidaritySigning)
      .when(retract('signed-2023', 'signed by the wrong office'))
      .then([
        {
          type: 'EntryRetracted',
          data: { targetEventId: 'signed-2023', targetType: 'AgreementSigned', reason: 'signed by the wrong office' },
        },
      ]);
  });

  it('can retract a correction, which restores the replaced value', () => {
    given(...history)
      .when(retract('c1'))
      .then([{ type: 'EntryRetracted', data: { targetEventId: 'c1', targetType: 'EntryCorrected', reason: 'recorded in error' } }]);
  });

  it('points at an entry of this partnership', () => {
    given(...history)
      .when(retract('not-here'))
      .thenThrows(EntryNotFoundError, { eventId: 'not-here', message: expect.stringMatching(/no entry not-here/) });
  });

  it('cannot retract twice', () => {
    given(...history)
      .when(retract('aid-june'))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/already been retracted/) });
  });

  it('cannot retract a retraction', () => {
    given(...history)
      .when(retract('r1'))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/retraction cannot be retracted/) });
  });

  it('cannot retract the initiation', () => {
    given(...history)
      .when(retract('initiated'))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/starts the partnership/) });
  });

  it('needs a reason', () => {
    given(...history)
      .when(retract('aid-may', ''))
      .thenThrows(ValidationError, { errors: [{ field: 'reason', reason: expect.any(String) }] });
  });

  it('lowers the tier when the decider output is folded back', () => {
    const given1 = given(...wholeStory);
    const [event] = given1.when(retract('signed-2025')).result();
    const after = given(...wholeStory, { ...event, eventId: 'r-new' }).state;
    expect(given1.state.tier).toBe('twinning');
    expect(after.tier).toBe('solidarity');
    expect(after.pendingUpgrade?.tier).toBe('twinning');
  });
});
