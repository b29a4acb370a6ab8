// The JSON the page reads from and sends to the API. The page's JSDoc names only these exports, so this
// one file can be replaced by types generated from the OpenAPI document (/docs-json) without touching
// the page. Until then it is written by hand after the server's read models
// (src/partnerships/projections/read-models.ts, src/reporting/reports.controller.ts).
// Not served and not shipped: the browser never loads it, tsc -p tsconfig.web.json reads it.

export type Lang = 'en' | 'de' | 'uk';

export type Role = 'office' | 'council' | 'reporting' | 'admin';

/** GET /api/v1/me */
export interface Me {
  name: string;
  role: Role;
}

/** RFC 9457 problem details; the page also builds one from a bare status when the body was not JSON. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  reason: string;
}

/** A cursor-paged list (partnerships, reports). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type DatePrecision = 'year' | 'month' | 'day';

/** `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
export interface BusinessDate {
  date: string;
  precision: DatePrecision;
}

/** A name in one or more languages (and scripts). */
export type LocalizedName = { [L in Lang]?: string };

/** A decimal string amount ("125000.00") and an ISO 4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

export type Tier = 'initiative' | 'contact' | 'solidarity' | 'friendship' | 'project_partnership' | 'twinning';
export type Standing = 'active' | 'suspended' | 'terminated' | 'dormant';

export interface NextScheduled {
  eventId: string;
  /** the event type, e.g. AgreementSigningScheduled */
  kind: string;
  title: string;
  date: BusinessDate;
}

export interface CurrentPaper {
  reference: string;
  title: string;
  stage: string;
  proposedTier?: Tier;
  lastOutcome?: string;
}

export interface PendingUpgrade {
  tier: Tier;
  decidedOn: BusinessDate;
  paperReference?: string;
  resolutionReference?: string;
}

export interface Agreement {
  eventId: string;
  kind: string;
  signedOn: BusinessDate;
  tier: Tier;
  mode?: string;
  venue?: string;
}

/** An item of GET /api/v1/partnerships */
export interface PartnershipSummary {
  partnershipId: string;
  version: number;
  tier: Tier;
  standing: Standing;
  ownMunicipality: LocalizedName | null;
  counterpart: LocalizedName | null;
  counterpartCountry: string | null;
  pendingUpgrade: PendingUpgrade | null;
  currentPaper: CurrentPaper | null;
  nextScheduled: NextScheduled | null;
  lastMilestoneOn: BusinessDate | null;
  /** currency → exact decimal string */
  aidDelivered: Record<string, string>;
  aidCommitted: Record<string, string>;
  areas: string[];
  participantCount: number;
  agreements: Agreement[];
  updatedAt: string;
}

export interface ScheduledSigning {
  eventId: string;
  plannedOn: BusinessDate;
  agreementKind?: string;
  mode?: string;
  venue?: string;
  /** the AgreementSigned entry that fulfilled it */
  fulfilledBy?: string;
}

export interface AsOf {
  validAt: string | null;
  knownAt: string | null;
}

/** GET /api/v1/partnerships/{id} */
export interface PartnershipDetail extends PartnershipSummary {
  predecessorId: string | null;
  coordinatingOffice: string | null;
  mandateReference: string | null;
  papers: CurrentPaper[];
  councilDecisions: { eventId: string; decidedOn: BusinessDate; outcome: string; paperReference?: string; resolutionReference?: string }[];
  scheduledSignings: ScheduledSigning[];
  participants: { organisation: string; participantType: string; side: string; joinedOn: BusinessDate }[];
  asOf: AsOf | null;
}

export interface TimelineCorrection {
  eventId: string;
  reason: string;
  changes: Record<string, unknown>;
  previous: Record<string, unknown>;
  recordedAt: string;
  actor: string | null;
  retracted: boolean;
}

/**
 * A timeline entry's data: the fields of every event type in one loose shape (each type has some of
 * them; `type` tells which). Per-type types generated from the API can narrow this later.
 */
export interface EntryData {
  [field: string]: unknown;
  occurredOn?: BusinessDate;
  note?: string;
  planned?: boolean;
  ownMunicipality?: LocalizedName;
  counterpart?: LocalizedName;
  tier?: Tier;
  mandateReference?: string;
  /** the counterpart's name, or a document's file name */
  name?: LocalizedName | string;
  country?: string;
  reason?: string;
  receiver?: LocalizedName;
  value?: Money;
  modality?: string;
  items?: string[];
  sector?: string;
  expectedBy?: BusinessDate;
  paperReference?: string;
  title?: string;
  proposedTier?: Tier;
  body?: string;
  outcome?: string;
  committee?: string;
  meetingDate?: BusinessDate;
  resolutionReference?: string;
  agreementKind?: string;
  mode?: string;
  venue?: string;
  signatories?: { name: string; role?: string; side?: string }[];
  urgentDecisionReference?: string;
  area?: string;
  organisation?: string;
  participantType?: string;
  side?: string;
  activityKind?: string;
  place?: string;
  endsOn?: BusinessDate;
  participantCount?: number;
  decisionReference?: string;
  mediaType?: string;
  text?: string;
}

export interface TimelineEntry {
  eventId: string;
  partnershipId: string;
  streamVersion: number;
  type: string;
  occurredOn: BusinessDate | null;
  planned: boolean;
  /** the current value, corrections applied */
  data: EntryData;
  /** the value as first recorded; only present when the entry was corrected */
  original?: EntryData;
  corrections: TimelineCorrection[];
  corrected: boolean;
  retracted: boolean;
  retraction: { eventId: string; reason: string; recordedAt: string; actor: string | null } | null;
  recordedAt: string;
  actor: string | null;
  /** for a plan entry: how the plan ended up */
  plan?: { uid: string; status: 'open' | 'rescheduled' | 'fulfilled' | 'cancelled'; fulfilledBy?: string };
}

/** GET /api/v1/partnerships/{id}/timeline */
export interface Timeline {
  partnershipId: string;
  version: number;
  asOf: AsOf | null;
  entries: TimelineEntry[];
}

export interface AidEntry {
  eventId: string;
  partnershipId: string;
  kind: 'delivered' | 'committed';
  receiver: LocalizedName;
  /** a display key for grouping: en, else de, else uk name */
  receiverKey: string;
  occurredOn: BusinessDate;
  /** YYYY-MM, or null when only the year is known */
  month: string | null;
  amount: string | null;
  currency: string | null;
  modality: string;
  sector: string | null;
  fundingChannel: string | null;
  items: string[];
  retracted: boolean;
}

/** GET /api/v1/aid */
export interface AidResult {
  query: Record<string, unknown>;
  items: AidEntry[];
  totals: Record<string, string>;
  groups?: { key: string | null; count: number; totals: Record<string, string> }[];
}

/** What a milestone command answers. */
export interface CommandResult {
  partnershipId: string;
  /** the partnership version after this command */
  version: number;
  events: { eventId: string; type: string; streamVersion: number }[];
}

export type ReportType = 'dossier' | 'aid_summary' | 'office_digest' | 'reminders';
export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';
export type ReportFormat = 'html' | 'pdf' | 'json' | 'csv';

/** POST /api/v1/reports body */
export interface ReportRequest {
  type: ReportType;
  parameters: Record<string, unknown>;
}

/** GET /api/v1/reports/{id}, and the items of GET /api/v1/reports */
export interface Report {
  id: string;
  type: ReportType;
  parameters: Record<string, unknown>;
  status: ReportStatus;
  progress: number;
  error: string | null;
  attempts: number;
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: Record<string, unknown> | null;
  formats: ReportFormat[];
  files: { format: ReportFormat; mediaType: string; fileName: string; byteSize: number; href: string }[];
  links: { self: string; download: string };
}
