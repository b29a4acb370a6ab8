// The command routes, one line per milestone: its path under /api/v1/partnerships/{id}/, the command
// it sends, the operation's name and summary in the API document, a request body from the
// Dortmund–Zhytomyr story, and who may send it. The body's fields are the milestone's description
// (domain/events.ts); nothing here repeats them.
import type { Role } from '../../shared/auth/roles.decorator.js';
import { WRITE_ROLES } from '../../shared/auth/roles.decorator.js';
import {
  COMMAND_EVENT,
  COMMAND_FIELDS,
  CORRECTION_FIELDS,
  RETRACTION_FIELDS,
  opt,
  partnershipIdField,
  type Fields,
  type MilestoneCommandType,
  type MilestoneType,
} from '../domain/index.js';

/** A request body as JSON: dates are strings ('YYYY' | 'YYYY-MM' | 'YYYY-MM-DD'). */
export type Example = Readonly<Record<string, unknown>>;

export interface MilestoneRoute {
  /** the segment after /api/v1/partnerships/{id}/; '' creates a partnership (POST /api/v1/partnerships) */
  path: string;
  command: MilestoneCommandType;
  /** the operation's method name: its operationId is MilestonesController_<operation> */
  operation: string;
  summary: string;
  /** the request body's schema name in the API document */
  schema: string;
  example: Example;
  roles: readonly Role[];
}

const line = (
  path: string,
  command: MilestoneCommandType,
  operation: string,
  schema: string,
  summary: string,
  example: Example,
  roles: readonly Role[] = WRITE_ROLES,
): MilestoneRoute => ({ path, command, operation, schema, summary, example, roles });

export const MILESTONE_ROUTES: readonly MilestoneRoute[] = [
  line(
    '',
    'InitiatePartnership',
    'initiate',
    'InitiatePartnershipDto',
    'Initiate a partnership (the council mandate or the first contact)',
    {
      partnershipId: 'dortmund-zhytomyr',
      occurredOn: '2022',
      ownMunicipality: { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' },
      tier: 'initiative',
      coordinatingOffice: 'Office for International Relations',
      mandateReference: 'Council resolution 2022: seek a partnership with a Ukrainian city',
    },
  ),
  line('counterpart', 'DesignateCounterpart', 'designateCounterpart', 'DesignateCounterpartDto', 'Designate the counterpart municipality', {
    occurredOn: '2022-06',
    name: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
    country: 'UA',
    note: 'Zhytomyr asked Dortmund for a partnership.',
  }),
  line(
    'counterpart-renames',
    'RenameCounterpart',
    'renameCounterpart',
    'RenameCounterpartDto',
    "Record a change of the counterpart's name",
    {
      occurredOn: '2023-05',
      name: { de: 'Schytomyr' },
      reason: 'Official German spelling',
    },
  ),
  line(
    'aid-deliveries',
    'RecordAidDelivery',
    'recordAidDelivery',
    'AidDeliveryDto',
    'Record aid delivered (the receiver may differ from the counterpart)',
    {
      occurredOn: '2022-05',
      receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
      value: { amount: '125000.00', currency: 'EUR' },
      modality: 'in_kind',
      items: ['generators'],
      sector: 'energy',
    },
  ),
  line('aid-commitments', 'RecordAidCommitment', 'recordAidCommitment', 'AidCommitmentDto', 'Record aid pledged', {
    occurredOn: '2023-03',
    receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
    value: { amount: '50000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['fire engine'],
    expectedBy: '2023-06',
  }),
  line(
    'aid-receipt-confirmations',
    'ConfirmAidReceipt',
    'confirmAidReceipt',
    'AidReceiptConfirmationDto',
    'Confirm the receipt of a delivery: the day it arrived, all or part (with the discrepancies), a document reference',
    {
      occurredOn: '2022-05-20',
      deliveryId: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
      received: 'part',
      discrepancies: 'Two of the twelve generators arrived damaged.',
      documentReference: 'Acceptance certificate 17/2022',
    },
  ),
  line(
    'draft-resolutions',
    'PrepareDraftResolution',
    'prepareDraftResolution',
    'DraftResolutionDto',
    'Record a draft resolution (a paper is drafted once)',
    {
      occurredOn: '2022-12',
      paperReference: 'DS 2022-0001',
      title: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
      proposedTier: 'solidarity',
      route: ['Verwaltungsvorstand', 'Ausschuss', 'Rat der Stadt'],
    },
  ),
  line(
    'board-reviews',
    'RecordBoardReview',
    'recordBoardReview',
    'BoardReviewDto',
    'Record a review by the administrative board (or plan one)',
    {
      occurredOn: '2023-01-10',
      paperReference: 'DS 2022-0001',
      body: 'Verwaltungsvorstand',
      outcome: 'approved',
    },
  ),
  line('committee-referrals', 'ReferToCommittee', 'referToCommittee', 'CommitteeReferralDto', 'Record a referral to a committee', {
    occurredOn: '2023-01-10',
    paperReference: 'DS 2022-0001',
    committee: 'Committee for Citizens Services',
  }),
  line(
    'committee-decisions',
    'RecordCommitteeDecision',
    'recordCommitteeDecision',
    'CommitteeDecisionDto',
    "Record a committee's decision (or plan the meeting)",
    { occurredOn: '2023-02-02', paperReference: 'DS 2022-0001', committee: 'Committee for Citizens Services', outcome: 'recommended' },
  ),
  line(
    'council-decisions',
    'RecordCouncilDecision',
    'recordCouncilDecision',
    'CouncilDecisionDto',
    "Record the council's decision (or plan the session)",
    {
      occurredOn: '2023-02-09',
      paperReference: 'DS 2022-0001',
      body: 'Rat der Stadt Dortmund',
      outcome: 'adopted',
      proposedTier: 'solidarity',
      tally: { unanimous: true },
    },
  ),
  line(
    'signing-schedules',
    'ScheduleAgreementSigning',
    'scheduleSigning',
    'SigningScheduleDto',
    'Schedule the signing of an agreement (the date may lie ahead)',
    { occurredOn: '2023-02-09', agreementKind: 'solidarity', mode: 'council_session', venue: 'Dortmund City Hall' },
  ),
  line(
    'agreements',
    'RecordAgreementSigning',
    'recordAgreement',
    'AgreementDto',
    'Record a signed agreement (above contact it needs an adopted council decision or an urgent-decision reference)',
    {
      occurredOn: '2023-02-23',
      agreementKind: 'solidarity',
      mode: 'online',
      signatories: [
        { name: 'Lord Mayor of Dortmund', side: 'own' },
        { name: 'Mayor of Zhytomyr', side: 'counterpart' },
      ],
    },
  ),
  line('areas', 'AddCooperationArea', 'addArea', 'AreaDto', 'Add a cooperation area', { occurredOn: '2023-02-23', area: 'digitalisation' }),
  line('areas/remove', 'RemoveCooperationArea', 'removeArea', 'AreaRemovalDto', 'Remove a cooperation area', {
    occurredOn: '2024-01',
    area: 'mobility',
    reason: 'No project partner found',
  }),
  line('participants', 'RecordParticipantJoined', 'addParticipant', 'ParticipantDto', 'Record a participant joining', {
    occurredOn: '2023',
    organisation: 'Technische Universität Dortmund',
    participantType: 'academic',
    side: 'own',
  }),
  line('participants/leave', 'RecordParticipantLeft', 'removeParticipant', 'ParticipantLeaveDto', 'Record a participant leaving', {
    occurredOn: '2024',
    organisation: 'Technische Universität Dortmund',
    side: 'own',
    reason: 'Project completed',
  }),
  line(
    'activities',
    'RecordActivity',
    'recordActivity',
    'ActivityDto',
    'Record an activity: exchange, delegation visit, summer camp, workshop (or plan one)',
    {
      occurredOn: '2023-07-24',
      endsOn: '2023-08-04',
      title: 'Summer camp in Dortmund for children from Zhytomyr',
      activityKind: 'summer_camp',
      place: 'Dortmund',
      participantCount: 40,
    },
  ),
  line('funding', 'RecordFundingReceived', 'recordFunding', 'FundingDto', 'Record funding received from a programme, foundation or donor', {
    occurredOn: '2023-11',
    funder: 'European Commission',
    programme: 'CERV town twinning',
    value: { amount: '30000.00', currency: 'EUR' },
    purpose: 'Youth exchange Dortmund–Zhytomyr',
  }),
  line('suspension', 'SuspendPartnership', 'suspend', 'SuspensionDto', 'Suspend the partnership', {
    occurredOn: '2024-02',
    reason: 'Contact interrupted',
    decisionReference: 'VV 2024/02',
  }),
  line('resumption', 'ResumePartnership', 'resume', 'ResumptionDto', 'Resume a suspended partnership', {
    occurredOn: '2024-04',
    reason: 'Contact restored',
  }),
  line(
    'termination',
    'TerminatePartnership',
    'terminate',
    'TerminationDto',
    'Terminate the partnership (afterwards only corrections and retractions)',
    {
      occurredOn: '2025-12',
      reason: 'Ended by council resolution',
      decisionReference: 'DS 2025-0042',
    },
  ),
  line(
    'documents',
    'AttachDocument',
    'attachDocument',
    'DocumentDto',
    'Attach a document (its description and checksum; the file lives elsewhere)',
    {
      occurredOn: '2023-02-23',
      name: 'Solidarity agreement (signed).pdf',
      mediaType: 'application/pdf',
      sizeBytes: 482113,
      checksum: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      link: 'https://dms.example.org/documents/4711',
    },
  ),
  line('notes', 'AddNote', 'addNote', 'NoteDto', 'Add a note', {
    occurredOn: '2023-03',
    text: 'Zhytomyr asked for a follow-up call in March.',
  }),
];

/** The event a route records. */
export const eventOf = (route: MilestoneRoute): MilestoneType => COMMAND_EVENT[route.command];

/** The fields of a route's request body: its command's, and for a creation the id the office may choose. */
export function bodyFields(route: MilestoneRoute): Fields {
  const fields = COMMAND_FIELDS[route.command];
  if (route.path !== '') return fields;
  const { occurredOn, ...rest } = fields;
  return {
    occurredOn,
    partnershipId: opt(partnershipIdField, { help: 'your own id (a slug); a UUID is assigned when left out' }),
    ...rest,
  };
}

/** The routes of corrections and retractions: not milestones of their own, but described the same way. */
export const ENTRY_ROUTES = {
  correct: {
    path: ':id/entries/:eventId/corrections',
    summary: 'Correct fields of an earlier entry (the old values stay visible)',
    schema: 'CorrectionDto',
    fields: CORRECTION_FIELDS as Fields,
    example: { reason: 'The signing took place online on 23 February 2023.', changes: { occurredOn: '2023-02-23', mode: 'online' } },
  },
  retract: {
    path: ':id/entries/:eventId/retractions',
    summary: 'Retract an earlier entry (it stays in the history, marked as retracted)',
    schema: 'RetractionDto',
    fields: RETRACTION_FIELDS as Fields,
    example: { reason: 'Recorded for the wrong partnership.' },
  },
} as const;
