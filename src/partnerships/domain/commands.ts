// Commands say what someone wants recorded (imperative); the decider turns them into events (past tense).
import type {
  ActivityHeldData,
  AgreementSignedData,
  AgreementSigningScheduledData,
  AidCommittedData,
  AidDeliveredData,
  BoardReviewedData,
  CommitteeDecidedData,
  CooperationAreaAddedData,
  CooperationAreaRemovedData,
  CouncilDecidedData,
  CounterpartDesignatedData,
  CounterpartRenamedData,
  DocumentAttachedData,
  DraftResolutionPreparedData,
  EventType,
  NoteAddedData,
  ParticipantJoinedData,
  ParticipantLeftData,
  PartnershipInitiatedData,
  PartnershipResumedData,
  PartnershipSuspendedData,
  PartnershipTerminatedData,
  ReferredToCommitteeData,
} from './events.js';

/** `partnershipId` comes from the command, not from the data. */
export type InitiatePartnershipData = Omit<PartnershipInitiatedData, 'partnershipId'>;

export interface CorrectEntryData {
  /** the entry being corrected */
  eventId: string;
  reason: string;
  /** top-level fields of the target's data to replace; null clears an optional field */
  changes: Record<string, unknown>;
}

export interface RetractEntryData {
  /** the entry being retracted */
  eventId: string;
  reason: string;
}

type Cmd<T extends string, D> = { type: T; partnershipId: string; data: D };

export type PartnershipCommand =
  | Cmd<'InitiatePartnership', InitiatePartnershipData>
  | Cmd<'DesignateCounterpart', CounterpartDesignatedData>
  | Cmd<'RenameCounterpart', CounterpartRenamedData>
  | Cmd<'RecordAidDelivery', AidDeliveredData>
  | Cmd<'RecordAidCommitment', AidCommittedData>
  | Cmd<'PrepareDraftResolution', DraftResolutionPreparedData>
  | Cmd<'RecordBoardReview', BoardReviewedData>
  | Cmd<'ReferToCommittee', ReferredToCommitteeData>
  | Cmd<'RecordCommitteeDecision', CommitteeDecidedData>
  | Cmd<'RecordCouncilDecision', CouncilDecidedData>
  | Cmd<'ScheduleAgreementSigning', AgreementSigningScheduledData>
  | Cmd<'RecordAgreementSigning', AgreementSignedData>
  | Cmd<'AddCooperationArea', CooperationAreaAddedData>
  | Cmd<'RemoveCooperationArea', CooperationAreaRemovedData>
  | Cmd<'RecordParticipantJoined', ParticipantJoinedData>
  | Cmd<'RecordParticipantLeft', ParticipantLeftData>
  | Cmd<'RecordActivity', ActivityHeldData>
  | Cmd<'SuspendPartnership', PartnershipSuspendedData>
  | Cmd<'ResumePartnership', PartnershipResumedData>
  | Cmd<'TerminatePartnership', PartnershipTerminatedData>
  | Cmd<'AttachDocument', DocumentAttachedData>
  | Cmd<'AddNote', NoteAddedData>
  | Cmd<'CorrectEntry', CorrectEntryData>
  | Cmd<'RetractEntry', RetractEntryData>;

export type CommandType = PartnershipCommand['type'];
export type CommandOfType<T extends CommandType> = Extract<PartnershipCommand, { type: T }>;

/** Which event each command records when it succeeds. */
export const COMMAND_EVENT = {
  InitiatePartnership: 'PartnershipInitiated',
  DesignateCounterpart: 'CounterpartDesignated',
  RenameCounterpart: 'CounterpartRenamed',
  RecordAidDelivery: 'AidDelivered',
  RecordAidCommitment: 'AidCommitted',
  PrepareDraftResolution: 'DraftResolutionPrepared',
  RecordBoardReview: 'BoardReviewed',
  ReferToCommittee: 'ReferredToCommittee',
  RecordCommitteeDecision: 'CommitteeDecided',
  RecordCouncilDecision: 'CouncilDecided',
  ScheduleAgreementSigning: 'AgreementSigningScheduled',
  RecordAgreementSigning: 'AgreementSigned',
  AddCooperationArea: 'CooperationAreaAdded',
  RemoveCooperationArea: 'CooperationAreaRemoved',
  RecordParticipantJoined: 'ParticipantJoined',
  RecordParticipantLeft: 'ParticipantLeft',
  RecordActivity: 'ActivityHeld',
  SuspendPartnership: 'PartnershipSuspended',
  ResumePartnership: 'PartnershipResumed',
  TerminatePartnership: 'PartnershipTerminated',
  AttachDocument: 'DocumentAttached',
  AddNote: 'NoteAdded',
  CorrectEntry: 'EntryCorrected',
  RetractEntry: 'EntryRetracted',
} as const satisfies Record<CommandType, EventType>;

export const COMMAND_TYPES = Object.keys(COMMAND_EVENT) as CommandType[];
