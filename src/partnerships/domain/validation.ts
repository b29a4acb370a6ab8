// Field checks the decider runs on every event it is about to record, and on an entry's data as a
// correction would leave it. The API's DTOs check shapes too; this is the last line before storage.
import { isValidBusinessDate } from './dates.js';
import { amountProblem } from './decimal.js';
import type { FieldError } from './errors.js';
import {
  AGREEMENT_KINDS,
  AID_MODALITIES,
  BODY_OUTCOMES,
  DECISION_OUTCOMES,
  EVENT_DATA_FIELDS,
  EVENT_TYPES,
  NAME_LANGUAGES,
  PARTICIPANT_TYPES,
  SIDES,
  SIGNING_MODES,
  TIERS,
  type EventType,
} from './events.js';

type Check = (value: unknown, field: string) => FieldError[];

const MAX_TEXT = 20000;

const ok: FieldError[] = [];
const fail = (field: string, reason: string): FieldError[] => [{ field, reason }];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text: Check = (v, f) =>
  typeof v !== 'string' || v.trim() === ''
    ? fail(f, 'must be a non-empty text')
    : v.length > MAX_TEXT
      ? fail(f, `must be at most ${MAX_TEXT} characters`)
      : ok;

const oneOf =
  (values: readonly string[], why = ''): Check =>
  (v, f) =>
    typeof v === 'string' && values.includes(v) ? ok : fail(f, `must be one of ${values.join(', ')}${why}`);

const bool: Check = (v, f) => (typeof v === 'boolean' ? ok : fail(f, 'must be true or false'));

const count: Check = (v, f) => (Number.isSafeInteger(v) && (v as number) >= 0 ? ok : fail(f, 'must be a whole number, zero or more'));

const pattern =
  (re: RegExp, reason: string): Check =>
  (v, f) =>
    typeof v === 'string' && re.test(v) ? ok : fail(f, reason);

const country = pattern(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as UA');

const date: Check = (v, f) =>
  isValidBusinessDate(v) && typeof v === 'object'
    ? ok
    : fail(f, 'must be a date { date: "YYYY" | "YYYY-MM" | "YYYY-MM-DD", precision: "year" | "month" | "day" } that exists');

const localizedName: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must be a name in de, uk and/or en');
  const errors: FieldError[] = [];
  for (const [lang, name] of Object.entries(v)) {
    if (!(NAME_LANGUAGES as readonly string[]).includes(lang)) errors.push(...fail(`${f}.${lang}`, 'only de, uk and en are supported'));
    else if (name !== undefined) errors.push(...text(name, `${f}.${lang}`));
  }
  if (!NAME_LANGUAGES.some((l) => typeof v[l] === 'string' && (v[l] as string).trim() !== '')) {
    errors.push(...fail(f, 'needs a name in at least one of de, uk, en'));
  }
  return errors;
};

const money: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must be an amount with a currency');
  const reason = amountProblem(v.amount);
  return [
    ...(reason ? fail(`${f}.amount`, reason) : ok),
    ...pattern(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR')(v.currency, `${f}.currency`),
  ];
};

const texts: Check = (v, f) => (Array.isArray(v) ? v.flatMap((item, i) => text(item, `${f}[${i}]`)) : fail(f, 'must be a list of texts'));

const source: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must name a document reference and/or a URL');
  if (v.reference === undefined && v.url === undefined) return fail(f, 'needs a reference or a url');
  return [
    ...(v.reference !== undefined ? text(v.reference, `${f}.reference`) : ok),
    ...(v.url !== undefined ? text(v.url, `${f}.url`) : ok),
  ];
};

const tally: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must be a vote count');
  return [
    ...(['inFavour', 'against', 'abstained'] as const).flatMap((k) => (v[k] !== undefined ? count(v[k], `${f}.${k}`) : ok)),
    ...(v.unanimous !== undefined ? bool(v.unanimous, `${f}.unanimous`) : ok),
  ];
};

const signatories: Check = (v, f) => {
  if (!Array.isArray(v)) return fail(f, 'must be a list of signatories');
  return v.flatMap((s, i) => {
    const at = `${f}[${i}]`;
    if (!isObject(s)) return fail(at, 'must be a signatory with a name');
    return [
      ...text(s.name, `${at}.name`),
      ...(s.role !== undefined ? text(s.role, `${at}.role`) : ok),
      ...(s.side !== undefined ? oneOf(SIDES)(s.side, `${at}.side`) : ok),
    ];
  });
};

const changes: Check = (v, f) => (isObject(v) ? ok : fail(f, 'must be an object of fields'));

interface Spec {
  required?: boolean;
  check: Check;
}
const req = (check: Check): Spec => ({ required: true, check });
const opt = (check: Check): Spec => ({ check });

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
  paperReference: opt(text),
  outcome: opt(oneOf(DECISION_OUTCOMES)),
  resolutionText: opt(text),
  resolutionReference: opt(text),
  tally: opt(tally),
};

const SPECS: { [T in EventType]: { [F in (typeof EVENT_DATA_FIELDS)[T][number]]: Spec } } = {
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
  BoardReviewed: { ...MILESTONE, planned: opt(bool), paperReference: opt(text), body: req(text), outcome: opt(oneOf(BODY_OUTCOMES)) },
  ReferredToCommittee: { ...MILESTONE, planned: opt(bool), paperReference: opt(text), committee: req(text), meetingDate: opt(date) },
  CommitteeDecided: { ...DECISION, committee: req(text) },
  CouncilDecided: { ...DECISION, body: opt(text), proposedTier: opt(oneOf(TIERS)) },
  AgreementSigningScheduled: {
    ...MILESTONE,
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
    title: req(text),
    activityKind: opt(text),
    endsOn: opt(date),
    place: opt(text),
    participants: opt(texts),
    participantCount: opt(count),
  },
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
    targetType: req(oneOf(EVENT_TYPES)),
    reason: req(text),
    changes: req(changes),
    previous: req(changes),
  },
  EntryRetracted: { targetEventId: req(text), targetType: req(oneOf(EVENT_TYPES)), reason: req(text) },
};

/**
 * Checks one event's data. `prefix` lets a correction report `changes.outcome` rather than `outcome`.
 * Rules that need the partnership's history (papers, entries, the clock) live in the decider.
 */
export function validateEventData(type: EventType, data: unknown, prefix = ''): FieldError[] {
  const at = (field: string) => `${prefix}${field}`;
  if (!isObject(data)) return fail(at('data'), 'must be an object');
  const spec = SPECS[type] as Record<string, Spec>;
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (!(field in spec)) {
      if (value !== undefined) errors.push(...fail(at(field), `is not a field of ${type}`));
      continue;
    }
  }
  for (const [field, { required, check }] of Object.entries(spec)) {
    const value = data[field];
    if (value === undefined || value === null) {
      if (required) errors.push(...fail(at(field), 'is required'));
      continue;
    }
    errors.push(...check(value, at(field)));
  }
  // Cross-field rule: an outcome is what makes a consultation a fact rather than a calendar entry.
  if (
    (type === 'BoardReviewed' || type === 'CommitteeDecided' || type === 'CouncilDecided') &&
    data.planned !== true &&
    (data.outcome === undefined || data.outcome === null)
  ) {
    errors.push(...fail(at('outcome'), 'is required unless the meeting is planned'));
  }
  return errors;
}
