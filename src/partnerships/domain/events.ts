// Milestone events. These type names and field names are stored forever: never rename or reshape
// one in place — add a new event type or an upcaster instead. A new milestone is three entries here:
// its data interface, its line in EventDataByType, and its field spec in EVENT_FIELDS.
import {
  bool,
  changes,
  checkFields,
  count,
  country,
  date,
  fail,
  localizedName,
  money,
  oneOf,
  opt,
  pattern,
  req,
  signatories,
  source,
  tally,
  text,
  texts,
  type Check,
  type Spec,
} from './checks.js';
import { businessDateEnd, businessDateStart, isValidBusinessDate } from './dates.js';
import { inUseOn, minorUnits, usePeriod } from './money.js';
import {
  AGREEMENT_KINDS,
  AID_MODALITIES,
  BODY_OUTCOMES,
  DECISION_OUTCOMES,
  PARTICIPANT_TYPES,
  SIDES,
  SIGNING_MODES,
  TIERS,
  type AgreementKind,
  type AidModality,
  type BodyOutcome,
  type BusinessDate,
  type DecisionOutcome,
  type FieldError,
  type LocalizedName,
  type Money,
  type ParticipantType,
  type Side,
  type Signatory,
  type SigningMode,
  type SourceRef,
  type Tally,
  type Tier,
} from './vocabulary.js';

/** Fields every milestone carries. Record time and actor are in the store's envelope, not here. */
export interface MilestoneFields {
  occurredOn: BusinessDate;
  source?: SourceRef;
  note?: string;
}

/**
 * For entries that can be put in the calendar before they happen. A planned entry changes no status;
 * `occurredOn` is then the planned date and `madeOn` the day the plan was made (default: the day it was
 * recorded), which is when it takes effect in the fold.
 */
export interface PlannableFields {
  planned?: boolean;
  madeOn?: BusinessDate;
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

/** `occurredOn` is the planned signing date (may lie in the future); `madeOn` the day the plan was made. */
export interface AgreementSigningScheduledData extends MilestoneFields {
  madeOn?: BusinessDate;
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

/**
 * Money the partnership received from a third party: a grant of a funding programme (e.g. an EU
 * town-twinning grant), a foundation's contribution, a donation. `occurredOn` is when it was received.
 */
export interface FundingReceivedData extends MilestoneFields {
  /** who gave it, e.g. "European Commission" */
  funder: string;
  /** the funding programme or call, e.g. "CERV town twinning 2024" */
  programme?: string;
  value?: Money;
  /** what it pays for */
  purpose?: string;
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

export interface EventDataByType {
  PartnershipInitiated: PartnershipInitiatedData;
  CounterpartDesignated: CounterpartDesignatedData;
  CounterpartRenamed: CounterpartRenamedData;
  AidDelivered: AidDeliveredData;
  AidCommitted: AidCommittedData;
  DraftResolutionPrepared: DraftResolutionPreparedData;
  BoardReviewed: BoardReviewedData;
  ReferredToCommittee: ReferredToCommitteeData;
  CommitteeDecided: CommitteeDecidedData;
  CouncilDecided: CouncilDecidedData;
  AgreementSigningScheduled: AgreementSigningScheduledData;
  AgreementSigned: AgreementSignedData;
  CooperationAreaAdded: CooperationAreaAddedData;
  CooperationAreaRemoved: CooperationAreaRemovedData;
  ParticipantJoined: ParticipantJoinedData;
  ParticipantLeft: ParticipantLeftData;
  ActivityHeld: ActivityHeldData;
  FundingReceived: FundingReceivedData;
  PartnershipSuspended: PartnershipSuspendedData;
  PartnershipResumed: PartnershipResumedData;
  PartnershipTerminated: PartnershipTerminatedData;
  DocumentAttached: DocumentAttachedData;
  NoteAdded: NoteAddedData;
  EntryCorrected: EntryCorrectedData;
  EntryRetracted: EntryRetractedData;
}

export type EventType = keyof EventDataByType;
export type EventData<T extends EventType> = EventDataByType[T];
export type PartnershipEvent = { [T in EventType]: { type: T; data: EventDataByType[T] } }[EventType];
export type EventOfType<T extends EventType> = Extract<PartnershipEvent, { type: T }>;

/** A domain event as read back from the store and folded. */
export type RecordedEvent = PartnershipEvent & { eventId: string; recordedAt?: string };

// ---- field specs ------------------------------------------------------------------------------

const eventType: Check = (v, f) => (isEventType(v) ? [] : fail(f, 'must name an event type'));

const MILESTONE = { occurredOn: req(date), source: opt(source), note: opt(text) };
const AID = {
  ...MILESTONE,
  receiver: req(localizedName),
  value: opt(money),
  modality: req(oneOf(AID_MODALITIES)),
  items: opt(texts),
  sector: opt(text),
  fundingChannel: opt(text),
};
const DECISION = {
  ...MILESTONE,
  planned: opt(bool),
  madeOn: opt(date),
  paperReference: opt(text),
  outcome: opt(oneOf(DECISION_OUTCOMES)),
  resolutionText: opt(text),
  resolutionReference: opt(text),
  tally: opt(tally),
};

/** Every field of every event type and how it is checked; corrections may name only these fields. */
export const EVENT_FIELDS: { readonly [T in EventType]: { readonly [F in keyof EventData<T>]-?: Spec } } = {
  PartnershipInitiated: {
    ...MILESTONE,
    partnershipId: req(text),
    ownMunicipality: req(localizedName),
    counterpart: opt(localizedName),
    counterpartCountry: opt(country),
    tier: req(oneOf(['initiative', 'contact'], ' (a higher tier begins when its agreement is signed)')),
    coordinatingOffice: opt(text),
    mandateReference: opt(text),
    predecessorId: opt(text),
  },
  CounterpartDesignated: { ...MILESTONE, name: req(localizedName), country: opt(country) },
  CounterpartRenamed: { ...MILESTONE, name: req(localizedName), reason: opt(text) },
  AidDelivered: AID,
  AidCommitted: { ...AID, expectedBy: opt(date) },
  DraftResolutionPrepared: {
    ...MILESTONE,
    paperReference: req(text),
    title: req(text),
    proposedTier: opt(oneOf(TIERS)),
    route: opt(texts),
  },
  BoardReviewed: {
    ...MILESTONE,
    planned: opt(bool),
    madeOn: opt(date),
    paperReference: opt(text),
    body: req(text),
    outcome: opt(oneOf(BODY_OUTCOMES)),
  },
  ReferredToCommittee: {
    ...MILESTONE,
    planned: opt(bool),
    madeOn: opt(date),
    paperReference: opt(text),
    committee: req(text),
    meetingDate: opt(date),
  },
  CommitteeDecided: { ...DECISION, committee: req(text) },
  CouncilDecided: { ...DECISION, body: opt(text), proposedTier: opt(oneOf(TIERS)) },
  AgreementSigningScheduled: {
    ...MILESTONE,
    madeOn: opt(date),
    agreementKind: opt(oneOf(AGREEMENT_KINDS)),
    venue: opt(text),
    mode: opt(oneOf(SIGNING_MODES)),
  },
  AgreementSigned: {
    ...MILESTONE,
    agreementKind: req(oneOf(AGREEMENT_KINDS)),
    signatories: opt(signatories),
    mode: opt(oneOf(SIGNING_MODES)),
    venue: opt(text),
    urgentDecisionReference: opt(text),
  },
  CooperationAreaAdded: { ...MILESTONE, area: req(text) },
  CooperationAreaRemoved: { ...MILESTONE, area: req(text), reason: opt(text) },
  ParticipantJoined: { ...MILESTONE, organisation: req(text), participantType: req(oneOf(PARTICIPANT_TYPES)), side: req(oneOf(SIDES)) },
  ParticipantLeft: { ...MILESTONE, organisation: req(text), side: req(oneOf(SIDES)), reason: opt(text) },
  ActivityHeld: {
    ...MILESTONE,
    planned: opt(bool),
    madeOn: opt(date),
    title: req(text),
    activityKind: opt(text),
    endsOn: opt(date),
    place: opt(text),
    participants: opt(texts),
    participantCount: opt(count),
  },
  FundingReceived: { ...MILESTONE, funder: req(text), programme: opt(text), value: opt(money), purpose: opt(text) },
  PartnershipSuspended: { ...MILESTONE, reason: req(text), decisionReference: opt(text) },
  PartnershipResumed: { ...MILESTONE, reason: opt(text), decisionReference: opt(text) },
  PartnershipTerminated: { ...MILESTONE, reason: req(text), decisionReference: opt(text) },
  DocumentAttached: {
    ...MILESTONE,
    name: req(text),
    mediaType: req(pattern(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as application/pdf')),
    sizeBytes: opt(count),
    checksum: opt(text),
    link: opt(text),
    relatesTo: opt(text),
  },
  NoteAdded: { occurredOn: req(date), text: req(text), relatesTo: opt(text), source: opt(source) },
  EntryCorrected: {
    targetEventId: req(text),
    targetType: req(eventType),
    reason: req(text),
    changes: req(changes),
    previous: req(changes),
  },
  EntryRetracted: { targetEventId: req(text), targetType: req(eventType), reason: req(text) },
};

export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as EventType[];

export type FieldKind = 'text' | 'texts' | 'date' | 'money' | 'name' | 'count' | 'bool' | 'other';

const KINDS = new Map<Check, FieldKind>([
  [text, 'text'],
  [texts, 'texts'],
  [date, 'date'],
  [money, 'money'],
  [localizedName, 'name'],
  [count, 'count'],
  [bool, 'bool'],
]);

/** Every data field of any event and the kind of value it holds, for describing entries (the API document). */
export const EVENT_FIELD_KINDS: ReadonlyMap<string, FieldKind> = new Map(
  EVENT_TYPES.flatMap((t) =>
    Object.entries(EVENT_FIELDS[t] as Readonly<Record<string, Spec>>).map(
      ([field, spec]) => [field, KINDS.get(spec.check) ?? 'other'] as const,
    ),
  ),
);

/** Every field that holds a business date, in any event: what the API parses from 'YYYY-MM-DD' strings. */
export const DATE_FIELD_NAMES: ReadonlySet<string> = new Set(
  EVENT_TYPES.flatMap((t) =>
    Object.entries(EVENT_FIELDS[t] as Readonly<Record<string, Spec>>)
      .filter(([, spec]) => spec.check === date)
      .map(([field]) => field),
  ),
);

/** Every data field per event type: corrections may name only these. */
export const EVENT_DATA_FIELDS = Object.fromEntries(EVENT_TYPES.map((t) => [t, Object.keys(EVENT_FIELDS[t])])) as unknown as {
  readonly [T in EventType]: readonly (keyof EventData<T> & string)[];
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_FIELDS, value);
}

/**
 * Checks one event's data. `prefix` lets a correction report `changes.outcome` rather than `outcome`.
 * Rules that need the partnership's history (papers, entries, the clock) live in the decider.
 */
export function validateEventData(type: EventType, data: unknown, prefix = ''): FieldError[] {
  const errors = checkFields(EVENT_FIELDS[type] as Readonly<Record<string, Spec>>, data, type, prefix);
  const d = data as Record<string, unknown> | null;
  // Cross-field rule: an outcome is what makes a consultation a fact rather than a calendar entry.
  if (
    (type === 'BoardReviewed' || type === 'CommitteeDecided' || type === 'CouncilDecided') &&
    d &&
    typeof d === 'object' &&
    d.planned !== true &&
    (d.outcome === undefined || d.outcome === null)
  ) {
    errors.push(...fail(`${prefix}outcome`, 'is required unless the meeting is planned'));
  }
  // Historical currencies (DEM, FRF, …) only for dates when they were in use.
  const value = d?.value as { currency?: unknown } | undefined;
  const on = d?.occurredOn as BusinessDate | undefined;
  if (value && typeof value.currency === 'string' && minorUnits(value.currency) !== undefined && isValidBusinessDate(on)) {
    const currency = value.currency;
    if (!inUseOn(currency, businessDateStart(on!)) && !inUseOn(currency, businessDateEnd(on!))) {
      errors.push(
        ...fail(`${prefix}value.currency`, `${currency} was not in use on ${on!.date} (in use ${usePeriod(currency) ?? 'at other times'})`),
      );
    }
  }
  return errors;
}
