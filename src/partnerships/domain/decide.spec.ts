import { COMMAND_EVENT, COMMAND_TYPES, type PartnershipCommand } from './commands.js';
import { decide } from './decide.js';
import {
  HistoryConflictError,
  PartnershipAlreadyExistsError,
  PartnershipNotFoundError,
  TransitionNotAllowedError,
  ValidationError,
} from './errors.js';
import type { RecordedEvent } from './events.js';
import { fold } from './evolve.js';
import { command } from './testing/commands.js';
import {
  DORTMUND,
  MYKOLAIV,
  PARTNERSHIP_ID,
  SOLIDARITY_PAPER,
  TWINNING_PAPER,
  ZHYTOMYR,
  beforeSolidaritySigning,
  cooperation,
  day,
  month,
  solidaritySigning,
  twinningDecision,
  wholeStory,
  year,
} from './testing/dortmund-zhytomyr.js';
import { DEFAULT_NOW, given } from './testing/given.js';

const initiated = beforeSolidaritySigning[0];
const withCounterpart = beforeSolidaritySigning.slice(0, 4);
const suspended: RecordedEvent = {
  eventId: 'suspended',
  type: 'PartnershipSuspended',
  data: { occurredOn: year('2024'), reason: 'council paused exchanges' },
};
const terminated: RecordedEvent = {
  eventId: 'terminated',
  type: 'PartnershipTerminated',
  data: { occurredOn: day('2025-07-10'), reason: 'council ended it' },
};
/** The same command dated today (DEFAULT_NOW's day): after everything in the story. */
const today = (c: PartnershipCommand): PartnershipCommand =>
  c.type === 'CorrectEntry' || c.type === 'RetractEntry'
    ? c
    : ({ ...c, data: { ...c.data, occurredOn: day('2025-07-10') } } as PartnershipCommand);

/** One valid command of every kind, valid against the whole story (the ids exist, the area is new). */
const everyCommand: PartnershipCommand[] = [
  command('InitiatePartnership', { occurredOn: year('2022'), ownMunicipality: DORTMUND, tier: 'initiative' }),
  command('DesignateCounterpart', { occurredOn: month('2022-06'), name: ZHYTOMYR }),
  command('RenameCounterpart', { occurredOn: year('2024'), name: { de: 'Shytomyr' } }),
  command('RecordAidDelivery', { occurredOn: month('2025-06'), receiver: ZHYTOMYR, modality: 'services' }),
  command('RecordAidCommitment', {
    occurredOn: month('2025-06'),
    receiver: ZHYTOMYR,
    modality: 'cash',
    value: { amount: '1000.00', currency: 'EUR' },
  }),
  command('PrepareDraftResolution', { occurredOn: month('2025-06'), paperReference: 'DS-new', title: 'New paper' }),
  command('RecordBoardReview', { occurredOn: day('2025-06-01'), body: 'Verwaltungsvorstand', outcome: 'approved' }),
  command('ReferToCommittee', { occurredOn: day('2025-06-01'), committee: 'Main committee' }),
  command('RecordCommitteeDecision', { occurredOn: day('2025-06-01'), committee: 'Main committee', outcome: 'recommended' }),
  command('RecordCouncilDecision', { occurredOn: day('2025-06-01'), outcome: 'adopted' }),
  command('ScheduleAgreementSigning', { occurredOn: day('2025-09-01'), madeOn: day('2025-07-10') }),
  command('RecordAgreementSigning', { occurredOn: day('2025-06-01'), agreementKind: 'letter_of_intent' }),
  command('AddCooperationArea', { occurredOn: month('2025-06'), area: 'sports' }),
  command('RemoveCooperationArea', { occurredOn: month('2025-06'), area: 'mobility' }),
  command('RecordParticipantJoined', {
    occurredOn: month('2025-06'),
    organisation: 'Klinikum Dortmund',
    participantType: 'healthcare',
    side: 'own',
  }),
  command('RecordParticipantLeft', { occurredOn: month('2025-06'), organisation: 'Local businesses', side: 'own' }),
  command('RecordActivity', { occurredOn: month('2025-06'), title: 'Delegation visit' }),
  command('RecordFundingReceived', {
    occurredOn: month('2025-06'),
    funder: 'European Commission',
    programme: 'CERV town twinning',
    value: { amount: '30000.00', currency: 'EUR' },
  }),
  command('SuspendPartnership', { occurredOn: day('2025-07-10'), reason: 'pause' }),
  command('ResumePartnership', { occurredOn: month('2025-06') }),
  command('TerminatePartnership', { occurredOn: day('2025-07-10'), reason: 'end' }),
  command('AttachDocument', { occurredOn: day('2025-07-09'), name: 'charter.pdf', mediaType: 'application/pdf' }),
  command('AddNote', { occurredOn: day('2025-07-09'), text: 'Press release sent.' }),
  command('CorrectEntry', { eventId: 'aid-may', reason: 'invoice', changes: { sector: 'energy' } }),
  command('RetractEntry', { eventId: 'aid-june', reason: 'duplicate' }),
];
const others = everyCommand.filter((c) => c.type !== 'InitiatePartnership');

describe('decide: every command records its event', () => {
  it('InitiatePartnership records PartnershipInitiated with the partnership id', () => {
    given()
      .when(
        command('InitiatePartnership', {
          occurredOn: year('2022'),
          ownMunicipality: DORTMUND,
          tier: 'initiative',
          coordinatingOffice: 'Office for International Relations',
        }),
      )
      .then([
        {
          type: 'PartnershipInitiated',
          data: {
            partnershipId: PARTNERSHIP_ID,
            occurredOn: year('2022'),
            ownMunicipality: DORTMUND,
            tier: 'initiative',
            coordinatingOffice: 'Office for International Relations',
          },
        },
      ]);
  });

  it('InitiatePartnership may name a counterpart and a terminated predecessor', () => {
    const data = {
      occurredOn: year('2026'),
      ownMunicipality: DORTMUND,
      counterpart: ZHYTOMYR,
      counterpartCountry: 'UA',
      tier: 'contact' as const,
      predecessorId: PARTNERSHIP_ID,
    };
    given()
      .when(command('InitiatePartnership', data, 'dortmund-zhytomyr-2'), { now: '2026-01-05T10:00:00Z' })
      .then([{ type: 'PartnershipInitiated', data: { ...data, partnershipId: 'dortmund-zhytomyr-2' } }]);
  });

  it.each(others.map((c) => [c.type, c] as const))('%s succeeds and records the event COMMAND_EVENT names', (_type, cmd) => {
    const history =
      cmd.type === 'DesignateCounterpart' ? [initiated] : cmd.type === 'ResumePartnership' ? [...wholeStory, suspended] : wholeStory;
    const events = decide(cmd, fold(history), { now: DEFAULT_NOW });
    expect(events.map((e) => e.type)).toEqual([COMMAND_EVENT[cmd.type]]);
    if (cmd.type !== 'CorrectEntry' && cmd.type !== 'RetractEntry') expect(events[0].data).toEqual(cmd.data);
  });

  it('covers every command type', () => {
    expect(everyCommand.map((c) => c.type).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('DesignateCounterpart records CounterpartDesignated', () => {
    given(initiated)
      .when(command('DesignateCounterpart', { occurredOn: month('2022-06'), name: ZHYTOMYR, country: 'UA' }))
      .then([{ type: 'CounterpartDesignated', data: { occurredOn: month('2022-06'), name: ZHYTOMYR, country: 'UA' } }]);
  });

  it('RenameCounterpart records CounterpartRenamed', () => {
    given(...withCounterpart)
      .when(command('RenameCounterpart', { occurredOn: year('2024'), name: { de: 'Shytomyr' }, reason: 'new transliteration' }))
      .then([{ type: 'CounterpartRenamed', data: { occurredOn: year('2024'), name: { de: 'Shytomyr' }, reason: 'new transliteration' } }]);
  });

  it('RecordAidDelivery records AidDelivered to a receiver other than the counterpart', () => {
    const data = {
      occurredOn: month('2022-11'),
      receiver: MYKOLAIV,
      value: { amount: '40000.25', currency: 'EUR' },
      modality: 'in_kind' as const,
      items: ['generators', 'blankets'],
      sector: 'energy',
      fundingChannel: 'municipal budget',
      source: { reference: 'press release 2022-11', url: 'https://example.org/aid' },
    };
    given(...withCounterpart)
      .when(command('RecordAidDelivery', data))
      .then([{ type: 'AidDelivered', data }]);
  });

  it('RecordAidCommitment records AidCommitted, even dated ahead', () => {
    const data = {
      occurredOn: month('2025-09'),
      receiver: ZHYTOMYR,
      value: { amount: '50000', currency: 'EUR' },
      modality: 'cash' as const,
      expectedBy: year('2026'),
    };
    given(...wholeStory)
      .when(command('RecordAidCommitment', data))
      .then([{ type: 'AidCommitted', data }]);
  });

  it('PrepareDraftResolution records DraftResolutionPrepared', () => {
    const data = {
      occurredOn: month('2022-12'),
      paperReference: SOLIDARITY_PAPER,
      title: 'Solidarity partnership',
      proposedTier: 'solidarity' as const,
      route: ['Verwaltungsvorstand', 'City Council'],
    };
    given(...withCounterpart)
      .when(command('PrepareDraftResolution', data))
      .then([{ type: 'DraftResolutionPrepared', data }]);
  });

  it('RecordBoardReview records BoardReviewed on the paper', () => {
    const data = {
      occurredOn: day('2023-01-10'),
      paperReference: SOLIDARITY_PAPER,
      body: 'Verwaltungsvorstand',
      outcome: 'approved' as const,
    };
    given(...beforeSolidaritySigning.slice(0, 6))
      .when(command('RecordBoardReview', data))
      .then([{ type: 'BoardReviewed', data }]);
  });

  it('ReferToCommittee records ReferredToCommittee with a future meeting date', () => {
    const data = {
      occurredOn: day('2025-07-01'),
      paperReference: TWINNING_PAPER,
      committee: 'Main committee',
      meetingDate: day('2025-09-15'),
    };
    given(...wholeStory)
      .when(command('ReferToCommittee', data))
      .then([{ type: 'ReferredToCommittee', data }]);
  });

  it('RecordCommitteeDecision records CommitteeDecided', () => {
    const data = {
      occurredOn: day('2023-01-25'),
      paperReference: SOLIDARITY_PAPER,
      committee: 'Main committee',
      outcome: 'recommended' as const,
      tally: { inFavour: 20, against: 1, abstained: 2 },
    };
    given(...beforeSolidaritySigning.slice(0, 8))
      .when(command('RecordCommitteeDecision', data))
      .then([{ type: 'CommitteeDecided', data }]);
  });

  it('RecordCouncilDecision records CouncilDecided', () => {
    const data = {
      occurredOn: day('2023-02-09'),
      paperReference: SOLIDARITY_PAPER,
      body: 'City Council',
      outcome: 'adopted' as const,
      resolutionReference: 'R-1',
      tally: { unanimous: true },
    };
    given(...beforeSolidaritySigning.slice(0, 9))
      .when(command('RecordCouncilDecision', data))
      .then([{ type: 'CouncilDecided', data }]);
  });

  it('ScheduleAgreementSigning records AgreementSigningScheduled, planned ahead', () => {
    const data = {
      occurredOn: day('2023-02-09'),
      agreementKind: 'solidarity' as const,
      mode: 'council_session' as const,
      venue: 'Rathaus',
    };
    // Unless the office says when the plan was made, it was made the day it is recorded.
    given(...beforeSolidaritySigning.slice(0, 8))
      .when(command('ScheduleAgreementSigning', data), { now: '2023-01-20T12:00:00Z' })
      .then([{ type: 'AgreementSigningScheduled', data: { ...data, madeOn: day('2023-01-20') } }]);
    given(...beforeSolidaritySigning.slice(0, 8))
      .when(command('ScheduleAgreementSigning', { ...data, madeOn: day('2023-01-10') }), { now: '2023-01-20T12:00:00Z' })
      .then([{ type: 'AgreementSigningScheduled', data: { ...data, madeOn: day('2023-01-10') } }]);
  });

  it('RecordAgreementSigning records AgreementSigned after the adopted council decision', () => {
    const data = {
      occurredOn: day('2023-02-23'),
      agreementKind: 'solidarity' as const,
      mode: 'online' as const,
      signatories: [
        { name: 'Lord Mayor of Dortmund', side: 'own' as const },
        { name: 'Mayor of Zhytomyr', role: 'mayor', side: 'counterpart' as const },
      ],
    };
    given(...beforeSolidaritySigning)
      .when(command('RecordAgreementSigning', data))
      .then([{ type: 'AgreementSigned', data }]);
  });

  it('AddCooperationArea records CooperationAreaAdded', () => {
    const data = { occurredOn: day('2023-02-23'), area: 'digitalisation' };
    given(...beforeSolidaritySigning, solidaritySigning)
      .when(command('AddCooperationArea', data))
      .then([{ type: 'CooperationAreaAdded', data }]);
  });

  it('RemoveCooperationArea records CooperationAreaRemoved for a current area', () => {
    const data = { occurredOn: year('2025'), area: 'Mobility', reason: 'handed to the regional transport office' };
    given(...wholeStory)
      .when(command('RemoveCooperationArea', data))
      .then([{ type: 'CooperationAreaRemoved', data }]);
  });

  it('RecordParticipantJoined records ParticipantJoined', () => {
    const data = {
      occurredOn: year('2023'),
      organisation: 'Zhytomyr Polytechnic',
      participantType: 'academic' as const,
      side: 'counterpart' as const,
    };
    given(...wholeStory)
      .when(command('RecordParticipantJoined', data))
      .then([{ type: 'ParticipantJoined', data }]);
  });

  it('RecordParticipantLeft records ParticipantLeft for an active participant', () => {
    const data = { occurredOn: year('2025'), organisation: 'Local businesses', side: 'own' as const, reason: 'project finished' };
    given(...wholeStory)
      .when(command('RecordParticipantLeft', data))
      .then([{ type: 'ParticipantLeft', data }]);
  });

  it('RecordActivity records ActivityHeld', () => {
    const data = {
      occurredOn: day('2023-07-15'),
      endsOn: day('2023-07-29'),
      title: "Children's summer camp",
      activityKind: 'summer_camp',
      place: 'Dortmund',
      participants: ['children from Zhytomyr'],
      participantCount: 40,
    };
    given(...beforeSolidaritySigning, solidaritySigning)
      .when(command('RecordActivity', data))
      .then([{ type: 'ActivityHeld', data }]);
  });

  it('SuspendPartnership records PartnershipSuspended', () => {
    const data = { occurredOn: day('2025-07-10'), reason: 'pause', decisionReference: 'R-9' };
    given(...wholeStory)
      .when(command('SuspendPartnership', data))
      .then([{ type: 'PartnershipSuspended', data }]);
  });

  it('ResumePartnership records PartnershipResumed when suspended', () => {
    const data = { occurredOn: year('2025'), reason: 'exchanges restart' };
    given(...wholeStory, suspended)
      .when(command('ResumePartnership', data))
      .then([{ type: 'PartnershipResumed', data }]);
  });

  it('TerminatePartnership records PartnershipTerminated', () => {
    const data = { occurredOn: day('2025-07-10'), reason: 'council ended it', decisionReference: 'R-10' };
    given(...wholeStory)
      .when(command('TerminatePartnership', data))
      .then([{ type: 'PartnershipTerminated', data }]);
  });

  it('AttachDocument records DocumentAttached, linked to an entry', () => {
    const data = {
      occurredOn: day('2025-07-09'),
      name: 'twinning-charter.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 123456,
      checksum: 'sha256:abc',
      link: 'https://example.org/c.pdf',
      relatesTo: 'signed-2025',
    };
    given(...wholeStory)
      .when(command('AttachDocument', data))
      .then([{ type: 'DocumentAttached', data }]);
  });

  it('AddNote records NoteAdded', () => {
    const data = { occurredOn: day('2023-02-09'), text: 'Signing moved: delegation could not travel.', relatesTo: 'signing-scheduled' };
    given(...beforeSolidaritySigning)
      .when(command('AddNote', data))
      .then([{ type: 'NoteAdded', data }]);
  });
});

describe('decide: existence', () => {
  it('refuses to initiate a partnership that already exists', () => {
    given(initiated)
      .when(command('InitiatePartnership', { occurredOn: year('2022'), ownMunicipality: DORTMUND, tier: 'initiative' }))
      .thenThrows(PartnershipAlreadyExistsError, {
        code: 'partnership_exists',
        partnershipId: PARTNERSHIP_ID,
        message: expect.stringMatching(/predecessor/),
      });
  });

  it.each(others.map((c) => [c.type, c] as const))('refuses %s for a partnership that does not exist', (_type, cmd) => {
    given().when(cmd).thenThrows(PartnershipNotFoundError, { code: 'partnership_not_found', partnershipId: PARTNERSHIP_ID });
  });

  it('only starts at initiative or contact: higher tiers begin with a signed agreement', () => {
    given()
      .when(command('InitiatePartnership', { occurredOn: year('2022'), ownMunicipality: DORTMUND, tier: 'twinning' }))
      .thenThrows(ValidationError, {
        errors: [{ field: 'tier', reason: expect.stringMatching(/initiative, contact.*agreement is signed/) }],
      });
  });

  it('does not let a partnership be its own predecessor', () => {
    given()
      .when(
        command('InitiatePartnership', {
          occurredOn: year('2022'),
          ownMunicipality: DORTMUND,
          tier: 'initiative',
          predecessorId: PARTNERSHIP_ID,
        }),
      )
      .thenThrows(ValidationError, { errors: [{ field: 'predecessorId', reason: expect.any(String) }] });
  });
});

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

  const allowedWhileSuspended = ['ResumePartnership', 'TerminatePartnership', 'CorrectEntry', 'RetractEntry', 'AddNote', 'AttachDocument'];

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
