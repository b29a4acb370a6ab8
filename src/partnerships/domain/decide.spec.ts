import { COMMAND_EVENT, COMMAND_TYPES } from './commands.js';
import { decide } from './decide.js';
import { PartnershipAlreadyExistsError, PartnershipNotFoundError, ValidationError } from './errors.js';
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
  day,
  month,
  solidaritySigning,
  wholeStory,
  year,
} from './testing/dortmund-zhytomyr.js';
import { DEFAULT_NOW, given } from './testing/given.js';
import { everyCommand, initiated, others, suspended, withCounterpart } from './testing/decide-fixtures.js';

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
