import { type PartnershipCommand } from './commands.js';
import { decide } from './decide.js';
import { TransitionNotAllowedError, ValidationError } from './errors.js';
import type { RecordedEvent } from './events.js';
import { fold } from './evolve.js';
import { command } from './testing/commands.js';
import {
  PARTNERSHIP_ID,
  SOLIDARITY_PAPER,
  TWINNING_PAPER,
  ZHYTOMYR,
  beforeSolidaritySigning,
  day,
  month,
  wholeStory,
  year,
} from './testing/dortmund-zhytomyr.js';
import { given } from './testing/given.js';
import { others, suspended, terminated, today } from './testing/decide-fixtures.js';

describe('decide: standing', () => {
  const afterTermination = [...wholeStory, terminated];

  it.each(others.filter((c) => c.type !== 'CorrectEntry' && c.type !== 'RetractEntry').map((c) => [c.type, c] as const))(
    'refuses %s after termination and explains how to restart',
    (_type, cmd) => {
      given(...afterTermination)
        .when(today(cmd))
        .thenThrows(TransitionNotAllowedError, {
          code: 'transition_not_allowed',
          state: { tier: 'twinning', standing: 'terminated' },
          needed: expect.stringMatching(/predecessorId/),
          message: expect.stringMatching(/terminated.*predecessorId/s),
        });
    },
  );

  it('still accepts corrections and retractions after termination', () => {
    given(...afterTermination)
      .when(
        command('CorrectEntry', {
          eventId: 'terminated',
          reason: 'wrong reason',
          changes: { reason: 'merged into a regional partnership' },
        }),
      )
      .then([
        {
          type: 'EntryCorrected',
          data: {
            targetEventId: 'terminated',
            targetType: 'PartnershipTerminated',
            reason: 'wrong reason',
            changes: { reason: 'merged into a regional partnership' },
            previous: { reason: 'council ended it' },
          },
        },
      ]);
    given(...afterTermination)
      .when(command('RetractEntry', { eventId: 'terminated', reason: 'entered by mistake' }))
      .then([
        {
          type: 'EntryRetracted',
          data: { targetEventId: 'terminated', targetType: 'PartnershipTerminated', reason: 'entered by mistake' },
        },
      ]);
  });

  const allowedWhileSuspended = [
    'ResumePartnership',
    'TerminatePartnership',
    'CorrectEntry',
    'RetractEntry',
    'AddNote',
    'AttachDocument',
    'ConfirmAidReceipt',
  ];

  it.each(others.filter((c) => allowedWhileSuspended.includes(c.type)).map((c) => [c.type, c] as const))(
    'accepts %s while suspended',
    (_type, cmd) => {
      expect(
        given(...wholeStory, suspended)
          .when(cmd)
          .result(),
      ).toHaveLength(1);
    },
  );

  it.each(
    others.filter((c) => !allowedWhileSuspended.includes(c.type) && c.type !== 'SuspendPartnership').map((c) => [c.type, c] as const),
  )('refuses %s while suspended: it must be resumed first', (_type, cmd) => {
    given(...wholeStory, suspended)
      .when(today(cmd))
      .thenThrows(TransitionNotAllowedError, {
        state: { standing: 'suspended' },
        needed: 'ResumePartnership first',
        message: expect.stringMatching(/is suspended; it must be resumed/),
      });
  });

  it('refuses to suspend a suspended partnership', () => {
    given(...wholeStory, suspended)
      .when(command('SuspendPartnership', { occurredOn: year('2025'), reason: 'again' }))
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/already suspended/) });
  });

  it('refuses to resume an active partnership', () => {
    given(...wholeStory)
      .when(command('ResumePartnership', { occurredOn: year('2025') }))
      .thenThrows(TransitionNotAllowedError, {
        state: { standing: 'active' },
        needed: 'a suspended partnership',
        message: expect.stringMatching(/active, not suspended/),
      });
  });

  it('accepts everything again once resumed', () => {
    const resumed: RecordedEvent = { eventId: 'resumed', type: 'PartnershipResumed', data: { occurredOn: year('2025') } };
    expect(
      given(...wholeStory, suspended, resumed)
        .when(command('RecordActivity', { occurredOn: year('2025'), title: 'Workshop' }))
        .result(),
    ).toHaveLength(1);
  });
});

describe('decide: signing an agreement', () => {
  const signing = (data: Partial<Parameters<typeof command<'RecordAgreementSigning'>>[1]> = {}) =>
    command('RecordAgreementSigning', { occurredOn: day('2023-02-23'), agreementKind: 'solidarity', ...data });
  const noDecision = beforeSolidaritySigning.filter((e) => e.eventId !== 'council-2023');
  const council = (data: Record<string, unknown>): RecordedEvent =>
    ({
      eventId: 'council-x',
      type: 'CouncilDecided',
      data: { occurredOn: day('2023-02-09'), paperReference: SOLIDARITY_PAPER, outcome: 'adopted', ...data },
    }) as RecordedEvent;

  it('above contact needs an adopted council decision or an urgent-decision reference', () => {
    given(...noDecision)
      .when(signing())
      .thenThrows(TransitionNotAllowedError, {
        state: { tier: 'contact', standing: 'active' },
        needed: expect.stringMatching(/adopted council decision/),
        message: expect.stringMatching(/needs an adopted council decision or an urgent-decision reference/),
      });
  });

  it('goes ahead with an urgent-decision reference', () => {
    expect(
      given(...noDecision)
        .when(signing({ urgentDecisionReference: 'Dringlichkeitsentscheidung 2023/1' }))
        .result(),
    ).toHaveLength(1);
  });

  it('does not need a decision for a letter of intent', () => {
    expect(
      given(...noDecision)
        .when(signing({ agreementKind: 'letter_of_intent' }))
        .result(),
    ).toHaveLength(1);
  });

  it('counts adopted with amendments, and a decision known only to the month', () => {
    expect(
      given(...noDecision, council({ outcome: 'adopted_with_amendments' }))
        .when(signing())
        .result(),
    ).toHaveLength(1);
    expect(
      given(...noDecision, council({ occurredOn: month('2023-02') }))
        .when(signing())
        .result(),
    ).toHaveLength(1);
  });

  it.each([
    ['a rejected decision', [council({ outcome: 'rejected' })]],
    ['a deferred decision', [council({ outcome: 'deferred' })]],
    ['a decision only planned', [council({ outcome: undefined, planned: true })]],
    ['a decision taken after the signing date', [council({ occurredOn: day('2023-03-01') })]],
    [
      'a retracted decision',
      [
        council({}),
        {
          eventId: 'r',
          type: 'EntryRetracted',
          data: { targetEventId: 'council-x', targetType: 'CouncilDecided', reason: 'x' },
        } as RecordedEvent,
      ],
    ],
  ])('is not enabled by %s', (_label, extra) => {
    given(...noDecision, ...extra)
      .when(signing())
      .thenThrows(TransitionNotAllowedError, { message: expect.stringMatching(/urgent-decision reference/) });
  });

  it.each(['cooperation', 'project', 'twinning_charter'] as const)('applies to a %s agreement too', (agreementKind) => {
    given(...noDecision)
      .when(signing({ agreementKind }))
      .thenThrows(TransitionNotAllowedError);
  });

  it('cannot record a signing that has not happened yet; schedule it instead', () => {
    given(...wholeStory)
      .when(signing({ occurredOn: day('2025-07-11') }))
      .thenThrows(ValidationError, {
        errors: [{ field: 'occurredOn', reason: expect.stringMatching(/after today \(2025-07-10\).*schedule the signing/) }],
      });
  });
});

describe('decide: dates', () => {
  it('refuses a completed milestone dated after today', () => {
    given(...wholeStory)
      .when(command('RecordAidDelivery', { occurredOn: day('2025-07-11'), receiver: ZHYTOMYR, modality: 'cash' }))
      .thenThrows(ValidationError, {
        code: 'validation_failed',
        errors: [{ field: 'occurredOn', reason: expect.stringMatching(/future/) }],
      });
  });

  it('accepts a month-precision date in the current month', () => {
    expect(
      given(...wholeStory)
        .when(command('RecordAidDelivery', { occurredOn: month('2025-07'), receiver: ZHYTOMYR, modality: 'cash' }))
        .result(),
    ).toHaveLength(1);
  });

  it('takes "today" from ctx.now, not from the machine', () => {
    const cmd = command('RecordActivity', { occurredOn: day('2030-01-01'), title: 'Anniversary' });
    expect(() => decide(cmd, fold(wholeStory), { now: '2029-12-31T23:59:59Z' })).toThrow(ValidationError);
    expect(decide(cmd, fold(wholeStory), { now: '2030-01-01T00:00:00Z' })).toHaveLength(1);
  });

  it.each([
    ['a planned activity', command('RecordActivity', { occurredOn: month('2026-07'), title: 'Summer camp', planned: true })],
    [
      'a planned board meeting without an outcome',
      command('RecordBoardReview', { occurredOn: day('2025-09-01'), body: 'Verwaltungsvorstand', planned: true }),
    ],
    [
      'a planned council session',
      command('RecordCouncilDecision', { occurredOn: day('2025-09-15'), paperReference: TWINNING_PAPER, planned: true }),
    ],
    ['a scheduled signing', command('ScheduleAgreementSigning', { occurredOn: day('2026-02-23'), agreementKind: 'cooperation' })],
    ['an aid commitment', command('RecordAidCommitment', { occurredOn: year('2026'), receiver: ZHYTOMYR, modality: 'cash' })],
    ['a note (not a milestone)', command('AddNote', { occurredOn: day('2025-09-01'), text: 'Anniversary coming up.' })],
  ])('lets %s lie in the future', (_label, cmd) => {
    expect(
      given(...wholeStory)
        .when(cmd)
        .result(),
    ).toHaveLength(1);
  });

  it.each(['RecordBoardReview', 'RecordCommitteeDecision', 'RecordCouncilDecision'] as const)(
    '%s needs an outcome unless planned',
    (type) => {
      const data = { occurredOn: day('2025-06-01'), body: 'Board', committee: 'Committee' };
      given(...wholeStory)
        .when({ type, partnershipId: PARTNERSHIP_ID, data } as PartnershipCommand)
        .thenThrows(ValidationError, { errors: expect.arrayContaining([{ field: 'outcome', reason: expect.stringMatching(/planned/) }]) });
    },
  );

  it('refuses a date object that does not exist', () => {
    given(...wholeStory)
      .when(command('RecordActivity', { occurredOn: { date: '2023-02-30', precision: 'day' }, title: 'Workshop' }))
      .thenThrows(ValidationError, { errors: [{ field: 'occurredOn', reason: expect.any(String) }] });
    given(...wholeStory)
      .when(command('RecordActivity', { occurredOn: { date: '2023-02', precision: 'day' }, title: 'Workshop' }))
      .thenThrows(ValidationError, { errors: [{ field: 'occurredOn', reason: expect.any(String) }] });
  });
});
