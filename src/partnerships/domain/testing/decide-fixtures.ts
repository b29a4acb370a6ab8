// Commands and histories shared by the decider's specs. Test-only helper: imported by specs, never
// by application code.
import type { PartnershipCommand } from '../commands.js';
import type { RecordedEvent } from '../events.js';
import { command } from './commands.js';
import { DORTMUND, ZHYTOMYR, beforeSolidaritySigning, day, month, year } from './dortmund-zhytomyr.js';

export const initiated = beforeSolidaritySigning[0];
export const withCounterpart = beforeSolidaritySigning.slice(0, 4);
export const suspended: RecordedEvent = {
  eventId: 'suspended',
  type: 'PartnershipSuspended',
  data: { occurredOn: year('2024'), reason: 'council paused exchanges' },
};
export const terminated: RecordedEvent = {
  eventId: 'terminated',
  type: 'PartnershipTerminated',
  data: { occurredOn: day('2025-07-10'), reason: 'council ended it' },
};
/** The same command dated today (DEFAULT_NOW's day): after everything in the story. */
export const today = (c: PartnershipCommand): PartnershipCommand =>
  c.type === 'CorrectEntry' || c.type === 'RetractEntry'
    ? c
    : ({ ...c, data: { ...c.data, occurredOn: day('2025-07-10') } } as PartnershipCommand);

/** One valid command of every kind, valid against the whole story (the ids exist, the area is new). */
export const everyCommand: PartnershipCommand[] = [
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
  command('ConfirmAidReceipt', {
    occurredOn: day('2022-06-01'),
    deliveryId: 'aid-may',
    received: 'part',
    discrepancies: 'one of the generators is missing',
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
export const others = everyCommand.filter((c) => c.type !== 'InitiatePartnership');
