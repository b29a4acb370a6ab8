// Milestone events: the one description of each event's fields. Everything else is derived from it:
// the TypeScript data types (below), the checks (the decider's and the API's), the API document's
// request and timeline schemas, and the forms of the web page (write/milestone-kinds.ts).
// These type names and field names are stored forever: never rename or reshape one in place — add a
// new event type or an upcaster instead. A new milestone is one entry in EVENT_FIELDS, its command in
// commands.ts, its route in write/milestone-routes.ts, and its case in apply-entry.ts.
import { businessDateEnd, businessDateStart, isValidBusinessDate } from './dates.js';
import {
  LINK_MAX,
  TITLE_MAX,
  bool,
  checkFields,
  count,
  country,
  date,
  entryId,
  fail,
  isObject,
  list,
  localizedName,
  longText,
  money,
  object,
  oneOf,
  opt,
  pattern,
  req,
  text,
  texts,
  type DataOf,
  type Field,
  type Fields,
} from './fields.js';
import { inUseOn, minorUnits, usePeriod } from './money.js';
import {
  AGREEMENT_KINDS,
  AID_MODALITIES,
  BODY_OUTCOMES,
  DECISION_OUTCOMES,
  PARTICIPANT_TYPES,
  RECEIPT_EXTENTS,
  SIDES,
  SIGNING_MODES,
  TIERS,
  type BusinessDate,
  type FieldError,
  type Tier,
} from './vocabulary.js';

// ---- the value objects ------------------------------------------------------------------------

const source = object(
  'Source',
  { reference: opt(text(), { help: 'document or paper reference' }), url: opt(text(LINK_MAX)) },
  {
    help: 'Where a milestone is documented: a paper or file reference and/or a link.',
    example: { reference: 'DS 2022-0001', url: 'https://ratsinfo.dortmund.de/' },
    rule: (v, f) => (isObject(v) && v.reference === undefined && v.url === undefined ? fail(f, 'needs a reference or a url') : []),
  },
);

const tally = object(
  'Tally',
  { inFavour: opt(count), against: opt(count), abstained: opt(count), unanimous: opt(bool) },
  { help: 'How a body voted.', example: { inFavour: 62, against: 4, abstained: 2, unanimous: false } },
);

const signatory = object(
  'Signatory',
  { name: req(text(), { personal: true }), role: opt(text()), side: opt(oneOf(SIDES, 'side')) },
  { help: 'Who signed, for which side.', example: { name: 'Thomas Westphal', role: 'Lord Mayor of Dortmund', side: 'own' } },
);

/** The named objects of the description, for the API document. */
export const VALUE_OBJECTS: readonly Field[] = [source, money, tally, signatory];

// ---- the fields of each event -----------------------------------------------------------------

const PLAN_MADE_ON = 'for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier)';

/**
 * Every milestone: its date first and its note and source last, in the order a person fills them in.
 * Record time and actor are in the store's envelope, not here.
 */
const milestone = <S extends Fields>(fields: S) => ({
  occurredOn: req(date, { help: 'when it happened: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known' }),
  ...fields,
  note: opt(longText(), { help: 'free text for whoever reads the timeline later' }),
  source: opt(source),
});

/**
 * Entries that can be put in the calendar before they happen. A planned entry changes no status;
 * `occurredOn` is then the planned date and `madeOn` the day the plan was made.
 */
const plannable = <S extends Fields>(fields: S) =>
  milestone({
    planned: opt(bool, { help: 'a meeting or activity in the calendar, not yet held' }),
    ...fields,
    madeOn: opt(date, { help: PLAN_MADE_ON }),
  });

const aid = {
  receiver: req(localizedName, { help: 'may differ from the counterpart (Dortmund’s 2022 aid went to Vinnytsia and Mykolaiv)' }),
  value: opt(money, { help: 'optional: in-kind aid is sometimes recorded before anyone has valued it' }),
  modality: req(oneOf(AID_MODALITIES, 'modality')),
  items: opt(texts()),
  sector: opt(text()),
  fundingChannel: opt(text()),
};

const decision = {
  paperReference: opt(text()),
  outcome: opt(oneOf(DECISION_OUTCOMES, 'outcome'), { help: 'required unless planned' }),
  resolutionText: opt(longText()),
  resolutionReference: opt(text()),
  tally: opt(tally),
};

const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

const milestones = {
  PartnershipInitiated: milestone({
    partnershipId: req(text(), { help: 'the stream id, repeated so the event describes itself' }),
    ownMunicipality: req(localizedName),
    counterpart: opt(localizedName),
    counterpartCountry: opt(country),
    // typed as any Tier, so a command naming a higher one compiles and is refused with the reason
    tier: req(oneOf(['initiative', 'contact'], 'tier', ' (a higher tier begins when its agreement is signed)') as Field<Tier>, {
      help: 'only initiative or contact: higher tiers begin with a signed agreement',
    }),
    coordinatingOffice: opt(text()),
    mandateReference: opt(text()),
    predecessorId: opt(text(), { help: 'the terminated partnership this one restarts' }),
  }),
  CounterpartDesignated: milestone({ name: req(localizedName), country: opt(country) }),
  CounterpartRenamed: milestone({
    name: req(localizedName, { help: 'languages given replace the old spelling; languages left out keep theirs' }),
    reason: opt(longText()),
  }),
  AidDelivered: milestone(aid),
  AidCommitted: milestone({ ...aid, expectedBy: opt(date, { help: 'when the pledged aid is expected' }) }),
  AidReceiptConfirmed: {
    ...milestone({
      deliveryId: req(entryId, { help: 'the AidDelivered entry whose receipt is confirmed' }),
      received: req(oneOf(RECEIPT_EXTENTS, 'receiptExtent'), { help: 'all of it, or only part (then say what is missing)' }),
      discrepancies: opt(longText(), { help: 'what did not arrive or arrived damaged; required when only part arrived' }),
      documentReference: opt(text(), { help: 'e.g. the number of the signed acceptance certificate or delivery note' }),
    }),
    occurredOn: req(date, { help: 'the day the aid was received: YYYY, YYYY-MM or YYYY-MM-DD' }),
  },
  DraftResolutionPrepared: milestone({
    paperReference: req(text(), { help: 'e.g. the council-information-system paper number; a paper is drafted once' }),
    title: req(text(TITLE_MAX)),
    proposedTier: opt(oneOf(TIERS, 'tier')),
    route: opt(texts(), { help: 'planned route through the bodies, in order' }),
  }),
  BoardReviewed: plannable({
    paperReference: opt(text()),
    body: req(text()),
    outcome: opt(oneOf(BODY_OUTCOMES, 'bodyOutcome'), { help: 'required unless planned' }),
  }),
  ReferredToCommittee: plannable({
    paperReference: opt(text()),
    committee: req(text()),
    meetingDate: opt(date, { help: 'the committee’s meeting; may lie in the future' }),
  }),
  CommitteeDecided: plannable({ committee: req(text()), ...decision }),
  CouncilDecided: plannable({
    body: opt(text(), { help: 'e.g. "Rat der Stadt Dortmund"' }),
    ...decision,
    proposedTier: opt(oneOf(TIERS, 'tier'), { help: 'the tier the resolution adopts; defaults to the paper’s proposed tier' }),
  }),
  AgreementSigningScheduled: milestone({
    agreementKind: opt(oneOf(AGREEMENT_KINDS, 'agreementKind')),
    mode: opt(oneOf(SIGNING_MODES, 'signingMode')),
    venue: opt(text()),
    madeOn: opt(date, { help: PLAN_MADE_ON }),
  }),
  AgreementSigned: milestone({
    agreementKind: req(oneOf(AGREEMENT_KINDS, 'agreementKind')),
    mode: opt(oneOf(SIGNING_MODES, 'signingMode')),
    venue: opt(text()),
    signatories: opt(list(signatory)),
    urgentDecisionReference: opt(text(), { help: 'lets a signing above contact go ahead before the council decision is recorded' }),
  }),
  CooperationAreaAdded: milestone({
    area: req(text(), { help: 'free text, e.g. "digitalisation"; compared case- and space-insensitively' }),
  }),
  CooperationAreaRemoved: milestone({ area: req(text()), reason: opt(longText()) }),
  ParticipantJoined: milestone({
    organisation: req(text(), { help: 'identifies the participant together with side' }),
    participantType: req(oneOf(PARTICIPANT_TYPES, 'participantType')),
    side: req(oneOf(SIDES, 'side')),
  }),
  ParticipantLeft: milestone({ organisation: req(text()), side: req(oneOf(SIDES, 'side')), reason: opt(longText()) }),
  ActivityHeld: plannable({
    title: req(text(TITLE_MAX)),
    activityKind: opt(text(), { help: 'free text, e.g. "summer_camp", "delegation_visit", "workshop"' }),
    endsOn: opt(date, { help: 'the last day' }),
    place: opt(text()),
    participants: opt(texts(), { personal: true }),
    participantCount: opt(count),
  }),
  FundingReceived: milestone({
    funder: req(text(), { help: 'who gave it, e.g. "European Commission"' }),
    programme: opt(text(), { help: 'the funding programme or call, e.g. "CERV town twinning 2024"' }),
    value: opt(money),
    purpose: opt(longText(), { help: 'what it pays for' }),
  }),
  PartnershipSuspended: milestone({ reason: req(longText()), decisionReference: opt(text()) }),
  PartnershipResumed: milestone({ reason: opt(longText()), decisionReference: opt(text()) }),
  PartnershipTerminated: milestone({ reason: req(longText()), decisionReference: opt(text()) }),
  DocumentAttached: milestone({
    name: req(text()),
    mediaType: req(pattern(MEDIA_TYPE, 'must be a media type such as application/pdf', 255)),
    sizeBytes: opt(count),
    checksum: opt(text(), { help: 'e.g. "sha256:…"' }),
    link: opt(text(LINK_MAX)),
    relatesTo: opt(entryId, { help: 'the entry this document belongs to' }),
  }),
  NoteAdded: {
    occurredOn: req(date),
    text: req(longText()),
    relatesTo: opt(entryId, { help: 'the entry this note is about' }),
    source: opt(source),
  },
};

/** The types that can be corrected or retracted: every milestone. */
export type MilestoneType = keyof typeof milestones;
export type EventType = MilestoneType | 'EntryCorrected' | 'EntryRetracted';

const eventType = {
  ...text(),
  check: (v: unknown, f: string) => (isEventType(v) ? [] : fail(f, 'must name an event type')),
  schema: { type: 'string' },
} as Field<EventType, false>;
const changes = {
  ...text(),
  kind: 'object' as const,
  check: (v: unknown, f: string) => (isObject(v) ? [] : fail(f, 'must be an object of fields')),
  schema: { type: 'object', additionalProperties: true },
} as Field<Record<string, unknown>, false>;

/** Every field of every event type and how it is checked; corrections may name only these fields. */
export const EVENT_FIELDS = {
  ...milestones,
  /**
   * `changes` replaces top-level fields of the target's data (null clears an optional field);
   * `previous` keeps the replaced values (null where the field was absent) so timelines can show both.
   */
  EntryCorrected: {
    targetEventId: req(text()),
    targetType: req(eventType),
    reason: req(longText()),
    changes: req(changes),
    previous: req(changes),
  },
  EntryRetracted: { targetEventId: req(text()), targetType: req(eventType), reason: req(longText()) },
} satisfies Record<EventType, Fields>;

// ---- the types, inferred from the description -------------------------------------------------

export type EventDataByType = { [T in EventType]: DataOf<(typeof EVENT_FIELDS)[T]> };
export type EventData<T extends EventType> = EventDataByType[T];
export type PartnershipInitiatedData = EventData<'PartnershipInitiated'>;
export type PartnershipSuspendedData = EventData<'PartnershipSuspended'>;
export type PartnershipEvent = { [T in EventType]: { type: T; data: EventDataByType[T] } }[EventType];

/** A domain event as read back from the store and folded. */
export type RecordedEvent = PartnershipEvent & { eventId: string; recordedAt?: string };

export const EVENT_TYPES = Object.keys(EVENT_FIELDS) as EventType[];

const fieldsOf = (t: EventType): Fields => EVENT_FIELDS[t];

/** The events that can be put in the calendar before they happen: those with a `planned` field. */
export const PLANNABLE: ReadonlySet<EventType> = new Set(EVENT_TYPES.filter((t) => Object.hasOwn(fieldsOf(t), 'planned')));

/** Every field that holds a business date, in any event: what the API parses from 'YYYY-MM-DD' strings. */
export const DATE_FIELD_NAMES: ReadonlySet<string> = new Set(
  EVENT_TYPES.flatMap((t) =>
    Object.entries(fieldsOf(t))
      .filter(([, spec]) => spec.kind === 'date')
      .map(([name]) => name),
  ),
);

/** Every data field per event type: corrections may name only these. */
export const EVENT_DATA_FIELDS = Object.fromEntries(EVENT_TYPES.map((t) => [t, Object.keys(EVENT_FIELDS[t])])) as unknown as {
  readonly [T in EventType]: readonly (keyof EventData<T> & string)[];
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_FIELDS, value);
}

const CONSULTATIONS_WITH_OUTCOME = new Set<EventType>(['BoardReviewed', 'CommitteeDecided', 'CouncilDecided']);

/**
 * Checks one event's data: each field, then the rules across fields. `prefix` lets a correction
 * report `changes.outcome` rather than `outcome`. Rules that need the partnership's history (papers,
 * entries, the clock) live in the decider.
 */
export function validateEventData(type: EventType, data: unknown, prefix = ''): FieldError[] {
  const errors = checkFields(fieldsOf(type), data, type, prefix);
  const d = data as Record<string, unknown> | null;
  // An outcome is what makes a consultation a fact rather than a calendar entry.
  if (CONSULTATIONS_WITH_OUTCOME.has(type) && isObject(d) && d.planned !== true && (d.outcome === undefined || d.outcome === null)) {
    errors.push(...fail(`${prefix}outcome`, 'is required unless the meeting is planned'));
  }
  // A partial receipt says what is missing, so the giving side can follow it up.
  if (
    type === 'AidReceiptConfirmed' &&
    isObject(d) &&
    d.received === 'part' &&
    (d.discrepancies === undefined || d.discrepancies === null)
  ) {
    errors.push(...fail(`${prefix}discrepancies`, 'is required when only part of the delivery arrived'));
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
