// The commands: what someone asks to record, and which event each records when it succeeds.
import { EVENT_FIELDS, type EventData, type EventType, type MilestoneType, type PartnershipInitiatedData } from './events.js';
import { date, longText, opt, pattern, req, type DataOf, type Field, type Fields } from './fields.js';
import { PARTNERSHIP_ID_PATTERN } from './vocabulary.js';

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

/** Which event each command records when it succeeds. */
export const COMMAND_EVENT = {
  InitiatePartnership: 'PartnershipInitiated',
  DesignateCounterpart: 'CounterpartDesignated',
  RenameCounterpart: 'CounterpartRenamed',
  RecordAidDelivery: 'AidDelivered',
  RecordAidCommitment: 'AidCommitted',
  ConfirmAidReceipt: 'AidReceiptConfirmed',
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
  RecordFundingReceived: 'FundingReceived',
  SuspendPartnership: 'PartnershipSuspended',
  ResumePartnership: 'PartnershipResumed',
  TerminatePartnership: 'PartnershipTerminated',
  AttachDocument: 'DocumentAttached',
  AddNote: 'NoteAdded',
  CorrectEntry: 'EntryCorrected',
  RetractEntry: 'EntryRetracted',
} as const satisfies Record<string, EventType>;

export type CommandType = keyof typeof COMMAND_EVENT;

/** The commands that record a milestone (every one but corrections and retractions). */
export type MilestoneCommandType = { [C in CommandType]: (typeof COMMAND_EVENT)[C] extends MilestoneType ? C : never }[CommandType];

const { note, source, ...suspended } = EVENT_FIELDS.PartnershipSuspended;
/** A suspension, and — when it is recorded after the fact — the day it ended, in one command. */
const SUSPEND_FIELDS = {
  ...suspended,
  resumedOn: opt(date, {
    help: 'for a suspension recorded after it ended: the day it was resumed (recorded as a resumption in the same command)',
  }),
  resumptionReason: opt(longText()),
  note,
  source,
};
export type SuspendPartnershipData = DataOf<typeof SUSPEND_FIELDS>;

const { partnershipId: _stream, ...initiated } = EVENT_FIELDS.PartnershipInitiated;

/**
 * What each milestone command's data holds. Most carry exactly the data of the event they record;
 * an initiation takes its id from the command, a suspension may carry its end.
 */
export const COMMAND_FIELDS: { readonly [C in MilestoneCommandType]: Fields } = {
  ...(Object.fromEntries(
    Object.entries(COMMAND_EVENT)
      .filter(([, t]) => t !== 'EntryCorrected' && t !== 'EntryRetracted')
      .map(([c, t]) => [c, EVENT_FIELDS[t]]),
  ) as unknown as Record<MilestoneCommandType, Fields>),
  InitiatePartnership: initiated,
  SuspendPartnership: SUSPEND_FIELDS,
};

/** A partnership id chosen by the office: a URL path segment. */
export const partnershipIdField: Field<string> = pattern(
  PARTNERSHIP_ID_PATTERN,
  'must be 1–100 letters, digits, ".", "_", "~" or "-", starting with a letter or digit',
  100,
);

/** A correction's and a retraction's own fields (the entry is named by the route). */
export const CORRECTION_FIELDS = {
  reason: req(longText()),
  changes: req({
    ...EVENT_FIELDS.EntryCorrected.changes,
    help: "fields of the entry to replace, with the entry's own field names; null clears an optional field",
  }),
};
export const RETRACTION_FIELDS = { reason: req(longText()) };

interface OwnCommandData {
  InitiatePartnership: InitiatePartnershipData;
  SuspendPartnership: SuspendPartnershipData;
  CorrectEntry: CorrectEntryData;
  RetractEntry: RetractEntryData;
}
export type CommandData<C extends CommandType> = C extends keyof OwnCommandData ? OwnCommandData[C] : EventData<(typeof COMMAND_EVENT)[C]>;
export type PartnershipCommand = { [C in CommandType]: { type: C; partnershipId: string; data: CommandData<C> } }[CommandType];
export type CommandOfType<T extends CommandType> = Extract<PartnershipCommand, { type: T }>;

export const COMMAND_TYPES = Object.keys(COMMAND_EVENT) as CommandType[];
