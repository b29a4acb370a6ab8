import { type PartnershipCommand } from './commands.js';
import { decide } from './decide.js';
import { HistoryConflictError, TransitionNotAllowedError, ValidationError } from './errors.js';
import type { RecordedEvent } from './events.js';
import { fold } from './evolve.js';
import { command } from './testing/commands.js';
import {
  PARTNERSHIP_ID,
  SOLIDARITY_PAPER,
  ZHYTOMYR,
  beforeSolidaritySigning,
  cooperation,
  day,
  month,
  twinningDecision,
  wholeStory,
  year,
} from './testing/dortmund-zhytomyr.js';
import { DEFAULT_NOW, given } from './testing/given.js';
import { initiated, withCounterpart } from './testing/decide-fixtures.js';

describe('decide: papers and consultations', () => {
  it('drafts a paper once', () => {
    given(...beforeSolidaritySigning)
      .when(command('PrepareDraftResolution', { occurredOn: month('2023-01'), paperReference: SOLIDARITY_PAPER, title: 'Again' }))
      .thenThrows(TransitionNotAllowedError, {
        needed: 'a paper reference not yet drafted',
        message: expect.stringMatching(/already drafted \(December 2022\); a paper is drafted once/),
      });
  });

  it('lets a paper be drafted again after its draft entry was retracted', () => {
    const retracted: RecordedEvent = {
      eventId: 'r',
      type: 'EntryRetracted',
      data: { targetEventId: 'draft', targetType: 'DraftResolutionPrepared', reason: 'wrong number' },
    };
    expect(
      given(...beforeSolidaritySigning, retracted)
        .when(command('PrepareDraftResolution', { occurredOn: month('2022-12'), paperReference: SOLIDARITY_PAPER, title: 'Again' }))
        .result(),
    ).toHaveLength(1);
  });

  it('lets consultations repeat: deferred, then approved, by several bodies', () => {
    const deferred: RecordedEvent = {
      eventId: 'b0',
      type: 'BoardReviewed',
      data: { occurredOn: day('2023-01-03'), paperReference: SOLIDARITY_PAPER, body: 'Verwaltungsvorstand', outcome: 'deferred' },
    };
    const repeat = command('RecordBoardReview', {
      occurredOn: day('2023-01-10'),
      paperReference: SOLIDARITY_PAPER,
      body: 'Verwaltungsvorstand',
      outcome: 'approved',
    });
    expect(
      given(...beforeSolidaritySigning.slice(0, 6), deferred)
        .when(repeat)
        .result(),
    ).toHaveLength(1);
    expect(
      given(...beforeSolidaritySigning)
        .when(
          command('ReferToCommittee', { occurredOn: day('2023-01-11'), paperReference: SOLIDARITY_PAPER, committee: 'Second committee' }),
        )
        .result(),
    ).toHaveLength(1);
    expect(
      given(...beforeSolidaritySigning)
        .when(command('RecordCouncilDecision', { occurredOn: day('2023-02-10'), paperReference: SOLIDARITY_PAPER, outcome: 'adopted' }))
        .result(),
    ).toHaveLength(1);
  });

  it.each([
    command('RecordBoardReview', { occurredOn: day('2023-01-10'), paperReference: 'DS-unknown', body: 'Board', outcome: 'approved' }),
    command('ReferToCommittee', { occurredOn: day('2023-01-10'), paperReference: 'DS-unknown', committee: 'Committee' }),
    command('RecordCommitteeDecision', {
      occurredOn: day('2023-01-10'),
      paperReference: 'DS-unknown',
      committee: 'Committee',
      outcome: 'recommended',
    }),
    command('RecordCouncilDecision', { occurredOn: day('2023-01-10'), paperReference: 'DS-unknown', outcome: 'adopted' }),
  ])('refuses a consultation of a paper never drafted ($type)', (cmd) => {
    given(...beforeSolidaritySigning)
      .when(cmd)
      .thenThrows(ValidationError, { errors: [{ field: 'paperReference', reason: expect.stringMatching(/DS-unknown/) }] });
  });

  it('accepts a consultation that names no paper', () => {
    expect(
      given(...beforeSolidaritySigning)
        .when(command('RecordCouncilDecision', { occurredOn: day('2023-01-10'), outcome: 'deferred' }))
        .result(),
    ).toHaveLength(1);
  });
});

describe('decide: counterpart, areas and participants', () => {
  it('designates a counterpart once; a different one is a new partnership', () => {
    given(...withCounterpart)
      .when(command('DesignateCounterpart', { occurredOn: year('2023'), name: { en: 'Lviv' } }))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/already has a counterpart, Zhytomyr/) });
    // Dated before Zhytomyr was designated, it would make that designation impossible.
    given(...withCounterpart)
      .when(command('DesignateCounterpart', { occurredOn: year('2022'), name: { en: 'Lviv' } }))
      .thenThrows(HistoryConflictError, {
        code: 'contradicts_later_entries',
        conflicts: [
          expect.objectContaining({ type: 'CounterpartDesignated', reason: expect.stringMatching(/already has a counterpart, Lviv/) }),
        ],
      });
  });

  it('cannot rename a counterpart that was never designated', () => {
    given(initiated)
      .when(command('RenameCounterpart', { occurredOn: year('2022'), name: { en: 'Zhytomyr' } }))
      .thenThrows(TransitionNotAllowedError, { needed: 'DesignateCounterpart first' });
  });

  it('treats adding an area again on the same day as already done (no event), whatever the case or spacing', () => {
    given(...wholeStory)
      .when(command('AddCooperationArea', { occurredOn: day('2023-02-23'), area: '  Digitalisation ' }))
      .then([]);
    // On another day it is a fact of its own: a removal recorded later for a day in between would
    // make it count, so whether it matters cannot be known when it is recorded.
    expect(
      given(...wholeStory)
        .when(command('AddCooperationArea', { occurredOn: year('2025'), area: '  Digitalisation ' }))
        .result(),
    ).toHaveLength(1);
  });

  it('refuses to remove an area that is not there', () => {
    given(...wholeStory)
      .when(command('RemoveCooperationArea', { occurredOn: year('2025'), area: 'space travel' }))
      .thenThrows(TransitionNotAllowedError, {
        message: expect.stringMatching(/"space travel" is not a cooperation area.*digitalisation/),
      });
  });

  it('treats a participant joining twice on the same day as already done, but lets one rejoin after leaving', () => {
    const join = command('RecordParticipantJoined', {
      occurredOn: year('2025'),
      organisation: 'local businesses',
      participantType: 'business',
      side: 'own',
    });
    given(...wholeStory)
      .when({ ...join, data: { ...join.data, occurredOn: year('2023') } })
      .then([]);
    const left: RecordedEvent = {
      eventId: 'left',
      type: 'ParticipantLeft',
      data: { occurredOn: year('2024'), organisation: 'Local businesses', side: 'own' },
    };
    expect(
      given(...wholeStory, left)
        .when(join)
        .result(),
    ).toHaveLength(1);
  });

  it('refuses a participant leaving who never joined (on that side)', () => {
    given(...wholeStory)
      .when(command('RecordParticipantLeft', { occurredOn: year('2025'), organisation: 'Local businesses', side: 'counterpart' }))
      .thenThrows(TransitionNotAllowedError, {
        needed: 'a participant that has joined',
        message: expect.stringMatching(/not taking part/),
      });
  });
});

describe('decide: field checks', () => {
  const aid = (value: unknown) =>
    command('RecordAidDelivery', { occurredOn: month('2022-05'), receiver: ZHYTOMYR, modality: 'cash', value } as never);

  it.each(['-5', '0', '0.00', '1.005', '1e3', 125000, '12,50'])('refuses the amount %j', (amount) => {
    given(...withCounterpart)
      .when(aid({ amount, currency: 'EUR' }))
      .thenThrows(ValidationError, { errors: [{ field: 'value.amount', reason: expect.any(String) }] });
  });

  it('refuses a currency that is not ISO 4217 shaped', () => {
    given(...withCounterpart)
      .when(aid({ amount: '10.00', currency: 'eur' }))
      .thenThrows(ValidationError, { errors: [{ field: 'value.currency', reason: expect.stringMatching(/ISO 4217/) }] });
  });

  it('reports every problem at once, by field', () => {
    given(...withCounterpart)
      .when(
        command('RecordAidDelivery', {
          occurredOn: month('2022-05'),
          receiver: {},
          modality: 'barter',
          value: { amount: '-1', currency: 'EURO' },
        } as never),
      )
      .thenThrows(ValidationError, {
        errors: expect.arrayContaining([
          { field: 'receiver', reason: expect.stringMatching(/at least one language/) },
          { field: 'modality', reason: 'must be one of cash, in_kind, services' },
          { field: 'value.amount', reason: expect.any(String) },
          { field: 'value.currency', reason: expect.any(String) },
        ]),
      });
  });

  it('refuses fields a milestone does not have, and names under something that is no language tag', () => {
    given(...withCounterpart)
      .when(command('RecordActivity', { occurredOn: month('2022-05'), title: 'Visit', colour: 'blue' } as never))
      .thenThrows(ValidationError, { errors: [{ field: 'colour', reason: 'is not a known field of ActivityHeld' }] });
    given(initiated)
      .when(command('DesignateCounterpart', { occurredOn: month('2022-06'), name: { de_DE: 'Schytomyr' } } as never))
      .thenThrows(ValidationError, { errors: expect.arrayContaining([{ field: 'name.de_DE', reason: expect.stringMatching(/BCP 47/) }]) });
    given(initiated)
      .when(command('DesignateCounterpart', { occurredOn: month('2022-06'), name: { EN: 'Zhytomyr' } } as never))
      .thenThrows(ValidationError, { errors: [{ field: 'name.EN', reason: 'write the language tag as "en"' }] });
  });

  it('refuses notes and documents about entries that do not exist', () => {
    given(...wholeStory)
      .when(command('AddNote', { occurredOn: year('2025'), text: 'see', relatesTo: 'ghost' }))
      .thenThrows(ValidationError, { errors: [{ field: 'relatesTo', reason: expect.stringMatching(/ghost/) }] });
    given(...wholeStory)
      .when(command('AttachDocument', { occurredOn: year('2025'), name: 'x', mediaType: 'pdf' }))
      .thenThrows(ValidationError, { errors: [{ field: 'mediaType', reason: expect.any(String) }] });
  });
});

describe('decide is pure', () => {
  it('does not change the state it is given and answers the same every time', () => {
    const state = fold(wholeStory);
    const snapshot = structuredClone(state);
    const cmd = command('CorrectEntry', { eventId: 'signed-2025', reason: 'date', changes: { occurredOn: day('2025-07-08') } });
    const first = decide(cmd, state, { now: DEFAULT_NOW });
    expect(decide(cmd, state, { now: DEFAULT_NOW })).toEqual(first);
    expect(state).toEqual(snapshot);
  });

  it('produces events that fold back into the story', () => {
    let state = fold([]);
    const ids = (i: number) => `e${i}`;
    let i = 0;
    for (const event of wholeStory) {
      // replay the story through the decider, as the application layer would
      const type = Object.entries({
        PartnershipInitiated: 'InitiatePartnership',
        AidDelivered: 'RecordAidDelivery',
        CounterpartDesignated: 'DesignateCounterpart',
        DraftResolutionPrepared: 'PrepareDraftResolution',
        BoardReviewed: 'RecordBoardReview',
        ReferredToCommittee: 'ReferToCommittee',
        AgreementSigningScheduled: 'ScheduleAgreementSigning',
        CouncilDecided: 'RecordCouncilDecision',
        AgreementSigned: 'RecordAgreementSigning',
        CooperationAreaAdded: 'AddCooperationArea',
        ParticipantJoined: 'RecordParticipantJoined',
        FundingReceived: 'RecordFundingReceived',
      }).find(([e]) => e === event.type)![1];
      const { partnershipId: _id, ...data } = event.data as unknown as Record<string, unknown>;
      const decided = decide({ type, partnershipId: PARTNERSHIP_ID, data } as PartnershipCommand, state, { now: DEFAULT_NOW });
      state = fold(
        decided.map((e) => ({ ...e, eventId: ids(i++) })),
        state,
      );
    }
    expect(state.tier).toBe('twinning');
    expect(state.areas).toHaveLength(7);
    expect(state.aidDelivered).toEqual({ EUR: '245000.75' });
    expect(state.version).toBe(wholeStory.length);
  });
});

void cooperation;
void twinningDecision;
