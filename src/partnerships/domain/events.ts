// Milestone events. These type names and field names are stored forever: never rename or reshape
// one in place — add a new event type or an upcaster instead.
import type { BusinessDate } from './dates.js';

export const TIERS = ['initiative', 'contact', 'solidarity', 'friendship', 'project_partnership', 'twinning'] as const;
export type Tier = (typeof TIERS)[number];

/** `dormant` is never recorded: it is derived from inactivity by the read side (see effectiveStanding). */
export const STANDINGS = ['active', 'suspended', 'terminated', 'dormant'] as const;
export type Standing = (typeof STANDINGS)[number];
export const RECORDED_STANDINGS = ['active', 'suspended', 'terminated'] as const;
export type RecordedStanding = (typeof RECORDED_STANDINGS)[number];

export const AID_MODALITIES = ['cash', 'in_kind', 'services'] as const;
export type AidModality = (typeof AID_MODALITIES)[number];

export const PARTICIPANT_TYPES = ['civil_society', 'academic', 'business', 'healthcare', 'school', 'public_body'] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

export const SIDES = ['own', 'counterpart'] as const;
export type Side = (typeof SIDES)[number];

export const BODY_OUTCOMES = ['approved', 'amended', 'deferred', 'rejected'] as const;
export type BodyOutcome = (typeof BODY_OUTCOMES)[number];

export const DECISION_OUTCOMES = [
  'recommended',
  'adopted',
  'adopted_with_amendments',
  'rejected',
  'deferred',
  'referred_back',
  'withdrawn',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
/** Outcomes that count as an adopted resolution (a signing above `contact` needs one). */
export const ADOPTED_OUTCOMES = ['adopted', 'adopted_with_amendments'] as const satisfies readonly DecisionOutcome[];

export const SIGNING_MODES = ['in_person', 'online', 'council_session'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

export const AGREEMENT_KINDS = ['letter_of_intent', 'solidarity', 'cooperation', 'project', 'twinning_charter'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const NAME_LANGUAGES = ['de', 'uk', 'en'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

/** A name in several languages; at least one must be given. */
export type LocalizedName = { [L in NameLanguage]?: string };

/** `amount` is a positive decimal string with at most two decimals ("125000.00"); `currency` is ISO 4217 ("EUR"). */
export interface Money {
  amount: string;
  currency: string;
}

export interface SourceRef {
  /** e.g. a council-information-system paper number or a file reference */
  reference?: string;
  url?: string;
}

/** Fields every milestone carries. Record time and actor are in the store's envelope, not here. */
export interface MilestoneFields {
  occurredOn: BusinessDate;
  source?: SourceRef;
  note?: string;
}

/** For entries that can be put in the calendar before they happen. A planned entry changes no status. */
export interface PlannableFields {
  planned?: boolean;
}

export interface Tally {
  inFavour?: number;
  against?: number;
  abstained?: number;
  unanimous?: boolean;
}

export interface Signatory {
  name: string;
  role?: string;
  side?: Side;
}

// ---- event data -------------------------------------------------------------------------------

export interface PartnershipInitiatedData extends MilestoneFields {
  /** the stream id, repeated so the event describes itself */
  partnershipId: string;
  ownMunicipality: LocalizedName;
  counterpart?: LocalizedName;
  /** ISO 3166-1 alpha-2 of the counterpart, e.g. "UA" */
  counterpartCountry?: string;
  /** only `initiative` or `contact`: higher tiers begin with a signed agreement */
  tier: Tier;
  coordinatingOffice?: string;
  mandateReference?: string;
  /** the terminated partnership this one restarts */
  predecessorId?: string;
}

export interface CounterpartDesignatedData extends MilestoneFields {
  name: LocalizedName;
  /** ISO 3166-1 alpha-2, e.g. "UA" */
  country?: string;
}

export interface CounterpartRenamedData extends MilestoneFields {
  /** languages given replace the old spelling; languages left out keep theirs */
  name: LocalizedName;
  reason?: string;
}

export interface AidData extends MilestoneFields {
  /** may differ from the counterpart (Dortmund's 2022 aid went to Vinnytsia and Mykolaiv) */
  receiver: LocalizedName;
  /** optional: in-kind aid is sometimes recorded before anyone has valued it */
  value?: Money;
  modality: AidModality;
  items?: string[];
  sector?: string;
  fundingChannel?: string;
}

export type AidDeliveredData = AidData;

/** A pledge. `occurredOn` is when it was pledged and may lie in the future. */
export interface AidCommittedData extends AidData {
  expectedBy?: BusinessDate;
}

export interface DraftResolutionPreparedData extends MilestoneFields {
  /** e.g. the council-information-system paper number; a paper is drafted once */
  paperReference: string;
  title: string;
  proposedTier?: Tier;
  /** planned route through the bodies, in order */
  route?: string[];
}

/** `occurredOn` is the meeting date. `outcome` is required unless `planned`. */
export interface BoardReviewedData extends MilestoneFields, PlannableFields {
  paperReference?: string;
  body: string;
  outcome?: BodyOutcome;
}

export interface ReferredToCommitteeData extends MilestoneFields, PlannableFields {
  paperReference?: string;
  committee: string;
  /** the committee's meeting; may lie in the future */
  meetingDate?: BusinessDate;
}

interface DecisionFields extends MilestoneFields, PlannableFields {
  paperReference?: string;
  /** required unless `planned` */
  outcome?: DecisionOutcome;
  resolutionText?: string;
  resolutionReference?: string;
  tally?: Tally;
}

export interface CommitteeDecidedData extends DecisionFields {
  committee: string;
}

export interface CouncilDecidedData extends DecisionFields {
  /** e.g. "Rat der Stadt Dortmund" */
  body?: string;
  /** the tier the resolution adopts; defaults to the paper's proposed tier */
  proposedTier?: Tier;
}

/** `occurredOn` is the planned signing date (may lie in the future). */
export interface AgreementSigningScheduledData extends MilestoneFields {
  agreementKind?: AgreementKind;
  venue?: string;
  mode?: SigningMode;
}

export interface AgreementSignedData extends MilestoneFields {
  agreementKind: AgreementKind;
  signatories?: Signatory[];
  mode?: SigningMode;
  venue?: string;
  /** lets a signing above `contact` go ahead before the council decision is recorded */
  urgentDecisionReference?: string;
}

export interface CooperationAreaAddedData extends MilestoneFields {
  /** free text, e.g. "digitalisation"; compared case- and space-insensitively */
  area: string;
}

export interface CooperationAreaRemovedData extends MilestoneFields {
  area: string;
  reason?: string;
}

export interface ParticipantJoinedData extends MilestoneFields {
  /** identifies the participant together with `side` (case- and space-insensitive) */
  organisation: string;
  participantType: ParticipantType;
  side: Side;
}

export interface ParticipantLeftData extends MilestoneFields {
  organisation: string;
  side: Side;
  reason?: string;
}

/** Exchanges, delegation visits, summer camps, workshops. `occurredOn` is the first day. */
export interface ActivityHeldData extends MilestoneFields, PlannableFields {
  title: string;
  /** free text, e.g. "summer_camp", "delegation_visit", "workshop" */
  activityKind?: string;
  endsOn?: BusinessDate;
  place?: string;
  participants?: string[];
  participantCount?: number;
}

export interface PartnershipSuspendedData extends MilestoneFields {
  reason: string;
  decisionReference?: string;
}

export interface PartnershipResumedData extends MilestoneFields {
  reason?: string;
  decisionReference?: string;
}

export interface PartnershipTerminatedData extends MilestoneFields {
  reason: string;
  decisionReference?: string;
}

/** The file itself lives elsewhere; the ledger keeps its description and checksum. */
export interface DocumentAttachedData extends MilestoneFields {
  name: string;
  mediaType: string;
  sizeBytes?: number;
  /** e.g. "sha256:…" */
  checksum?: string;
  link?: string;
  /** eventId of the entry this document belongs to */
  relatesTo?: string;
}

export interface NoteAddedData {
  occurredOn: BusinessDate;
  text: string;
  /** eventId of the entry this note is about */
  relatesTo?: string;
  source?: SourceRef;
}

/**
 * `changes` replaces top-level fields of the target's data (null clears an optional field);
 * `previous` keeps the replaced values (null where the field was absent) so timelines can show both.
 */
export interface EntryCorrectedData {
  targetEventId: string;
  targetType: EventType;
  reason: string;
  changes: Record<string, unknown>;
  previous: Record<string, unknown>;
}

export interface EntryRetractedData {
  targetEventId: string;
  targetType: EventType;
  reason: string;
}

// ---- the union --------------------------------------------------------------------------------

export type PartnershipEvent =
  | { type: 'PartnershipInitiated'; data: PartnershipInitiatedData }
  | { type: 'CounterpartDesignated'; data: CounterpartDesignatedData }
  | { type: 'CounterpartRenamed'; data: CounterpartRenamedData }
  | { type: 'AidDelivered'; data: AidDeliveredData }
  | { type: 'AidCommitted'; data: AidCommittedData }
  | { type: 'DraftResolutionPrepared'; data: DraftResolutionPreparedData }
  | { type: 'BoardReviewed'; data: BoardReviewedData }
  | { type: 'ReferredToCommittee'; data: ReferredToCommitteeData }
  | { type: 'CommitteeDecided'; data: CommitteeDecidedData }
  | { type: 'CouncilDecided'; data: CouncilDecidedData }
  | { type: 'AgreementSigningScheduled'; data: AgreementSigningScheduledData }
  | { type: 'AgreementSigned'; data: AgreementSignedData }
  | { type: 'CooperationAreaAdded'; data: CooperationAreaAddedData }
  | { type: 'CooperationAreaRemoved'; data: CooperationAreaRemovedData }
  | { type: 'ParticipantJoined'; data: ParticipantJoinedData }
  | { type: 'ParticipantLeft'; data: ParticipantLeftData }
  | { type: 'ActivityHeld'; data: ActivityHeldData }
  | { type: 'PartnershipSuspended'; data: PartnershipSuspendedData }
  | { type: 'PartnershipResumed'; data: PartnershipResumedData }
  | { type: 'PartnershipTerminated'; data: PartnershipTerminatedData }
  | { type: 'DocumentAttached'; data: DocumentAttachedData }
  | { type: 'NoteAdded'; data: NoteAddedData }
  | { type: 'EntryCorrected'; data: EntryCorrectedData }
  | { type: 'EntryRetracted'; data: EntryRetractedData };

export type EventType = PartnershipEvent['type'];
export type EventOfType<T extends EventType> = Extract<PartnershipEvent, { type: T }>;
export type EventData<T extends EventType> = EventOfType<T>['data'];

/** A domain event as read back from the store and folded. */
export type RecordedEvent = PartnershipEvent & { eventId: string; recordedAt?: string };

export const EVENT_TYPES = [
  'PartnershipInitiated',
  'CounterpartDesignated',
  'CounterpartRenamed',
  'AidDelivered',
  'AidCommitted',
  'DraftResolutionPrepared',
  'BoardReviewed',
  'ReferredToCommittee',
  'CommitteeDecided',
  'CouncilDecided',
  'AgreementSigningScheduled',
  'AgreementSigned',
  'CooperationAreaAdded',
  'CooperationAreaRemoved',
  'ParticipantJoined',
  'ParticipantLeft',
  'ActivityHeld',
  'PartnershipSuspended',
  'PartnershipResumed',
  'PartnershipTerminated',
  'DocumentAttached',
  'NoteAdded',
  'EntryCorrected',
  'EntryRetracted',
] as const satisfies readonly EventType[];

// Compile-time proof that EVENT_TYPES lists every member of the union.
const _allEventTypesListed: [Exclude<EventType, (typeof EVENT_TYPES)[number]>] extends [never] ? true : never = true;
void _allEventTypesListed;

const MILESTONE = ['occurredOn', 'source', 'note'] as const;
const AID = [...MILESTONE, 'receiver', 'value', 'modality', 'items', 'sector', 'fundingChannel'] as const;
const DECISION = [...MILESTONE, 'planned', 'paperReference', 'outcome', 'resolutionText', 'resolutionReference', 'tally'] as const;

/** Every data field per event type: corrections may name only these. */
export const EVENT_DATA_FIELDS = {
  PartnershipInitiated: [
    ...MILESTONE,
    'partnershipId',
    'ownMunicipality',
    'counterpart',
    'counterpartCountry',
    'tier',
    'coordinatingOffice',
    'mandateReference',
    'predecessorId',
  ],
  CounterpartDesignated: [...MILESTONE, 'name', 'country'],
  CounterpartRenamed: [...MILESTONE, 'name', 'reason'],
  AidDelivered: AID,
  AidCommitted: [...AID, 'expectedBy'],
  DraftResolutionPrepared: [...MILESTONE, 'paperReference', 'title', 'proposedTier', 'route'],
  BoardReviewed: [...MILESTONE, 'planned', 'paperReference', 'body', 'outcome'],
  ReferredToCommittee: [...MILESTONE, 'planned', 'paperReference', 'committee', 'meetingDate'],
  CommitteeDecided: [...DECISION, 'committee'],
  CouncilDecided: [...DECISION, 'body', 'proposedTier'],
  AgreementSigningScheduled: [...MILESTONE, 'agreementKind', 'venue', 'mode'],
  AgreementSigned: [...MILESTONE, 'agreementKind', 'signatories', 'mode', 'venue', 'urgentDecisionReference'],
  CooperationAreaAdded: [...MILESTONE, 'area'],
  CooperationAreaRemoved: [...MILESTONE, 'area', 'reason'],
  ParticipantJoined: [...MILESTONE, 'organisation', 'participantType', 'side'],
  ParticipantLeft: [...MILESTONE, 'organisation', 'side', 'reason'],
  ActivityHeld: [...MILESTONE, 'planned', 'title', 'activityKind', 'endsOn', 'place', 'participants', 'participantCount'],
  PartnershipSuspended: [...MILESTONE, 'reason', 'decisionReference'],
  PartnershipResumed: [...MILESTONE, 'reason', 'decisionReference'],
  PartnershipTerminated: [...MILESTONE, 'reason', 'decisionReference'],
  DocumentAttached: [...MILESTONE, 'name', 'mediaType', 'sizeBytes', 'checksum', 'link', 'relatesTo'],
  NoteAdded: ['occurredOn', 'text', 'relatesTo', 'source'],
  EntryCorrected: ['targetEventId', 'targetType', 'reason', 'changes', 'previous'],
  EntryRetracted: ['targetEventId', 'targetType', 'reason'],
} as const satisfies { [T in EventType]: readonly (keyof EventData<T>)[] };

// Compile-time proof that EVENT_DATA_FIELDS names every field of every data type.
type UnlistedField = {
  [T in EventType]: Exclude<keyof EventData<T>, (typeof EVENT_DATA_FIELDS)[T][number]>;
}[EventType];
const _allDataFieldsListed: [UnlistedField] extends [never] ? true : never = true;
void _allDataFieldsListed;

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}
