// The words of the domain: the values a milestone may carry and the value types they are made of.
// Everything else in the domain imports from here, so this file imports nothing.

export const TIERS = ['initiative', 'contact', 'solidarity', 'friendship', 'project_partnership', 'twinning'] as const;
export type Tier = (typeof TIERS)[number];

/** `dormant` is never recorded: it is derived from inactivity by the read side (see effectiveStanding). */
export const STANDINGS = ['active', 'suspended', 'terminated', 'dormant'] as const;
export type Standing = (typeof STANDINGS)[number];
export const RECORDED_STANDINGS = ['active', 'suspended', 'terminated'] as const;
export type RecordedStanding = (typeof RECORDED_STANDINGS)[number];

export const AID_MODALITIES = ['cash', 'in_kind', 'services'] as const;
export type AidModality = (typeof AID_MODALITIES)[number];

/** What arrived of a delivery, as its receiver confirms it. */
export const RECEIPT_EXTENTS = ['all', 'part'] as const;
export type ReceiptExtent = (typeof RECEIPT_EXTENTS)[number];

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

/** The languages the service itself speaks (the page, the reports); names may be in any language. */
export const UI_LANGUAGES = ['de', 'uk', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** A name per language, keyed by BCP 47 language tag ("de", "uk", "en", "ru", "sr-Latn"); at least one. */
export type LocalizedName = Readonly<Record<string, string>>;

/** `amount` is a positive decimal string with the currency's minor units ("125000.00", JPY "100"); `currency` is ISO 4217. */
export interface Money {
  amount: string;
  currency: string;
}

export interface SourceRef {
  /** e.g. a council-information-system paper number or a file reference */
  reference?: string;
  url?: string;
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

export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** When something happened in the world: `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
export interface BusinessDate {
  date: string;
  precision: DatePrecision;
}

/** One field a command or an event got wrong, and why (read after the field name). */
export interface FieldError {
  field: string;
  reason: string;
}

/** Partnership ids are URL path segments: unreserved characters only, at most 100. */
export const PARTNERSHIP_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}
