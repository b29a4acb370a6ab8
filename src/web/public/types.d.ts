// The JSON the page reads from and sends to the API, as aliases of the types generated from the
// OpenAPI document (api-types.d.ts, `npm run api:types`), so tsc -p tsconfig.web.json checks the page
// against the API itself. The page's JSDoc names only these exports; page-only types are at the end.
// Not served and not shipped: the browser never loads it, tsc -p tsconfig.web.json reads it.
import type { components } from './api-types.js';

type Schemas = components['schemas'];

/** GET /api/v1/me */
export type Me = Schemas['Me'];
export type Role = Me['role'];

export type FieldError = Schemas['FieldError'];

/** A cursor-paged list: GET /api/v1/partnerships, GET /api/v1/reports */
export type PartnershipPage = Schemas['PartnershipPage'];
export type ReportPage = Schemas['ReportPage'];

/** `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`. */
export type BusinessDate = Schemas['BusinessDate'];
export type DatePrecision = BusinessDate['precision'];

/** A name per language (BCP 47 tag), in one or more scripts. */
export type LocalizedName = Schemas['LocalizedName'];

/** A decimal string amount ("125000.00") and an ISO 4217 currency. */
export type Money = Schemas['Money'];

export type PartnershipSummary = Schemas['PartnershipSummary'];
export type Tier = PartnershipSummary['tier'];
export type Standing = PartnershipSummary['standing'];
export type NextScheduled = Schemas['NextScheduled'];
export type CurrentPaper = Schemas['CurrentPaper'];
export type PendingUpgrade = Schemas['PendingUpgrade'];
export type Agreement = Schemas['Agreement'];
export type AsOf = Schemas['AsOf'];

/** GET /api/v1/partnerships/{id} */
export type PartnershipDetail = Schemas['PartnershipDetail'];
export type ScheduledSigning = Schemas['ScheduledSigning'];

/** GET /api/v1/partnerships/{id}/timeline answers a page; the page joins them into one Timeline */
export type TimelinePage = Schemas['TimelinePage'];
export type Timeline = Omit<TimelinePage, 'nextCursor'>;
export type TimelineEntry = Schemas['TimelineEntry'];
export type TimelineCorrection = Schemas['TimelineCorrection'];
/** A timeline entry's data: the fields of every event type in one loose shape (`type` tells which apply). */
export type EntryData = Schemas['EntryData'];

/** GET /api/v1/aid */
export type AidResult = Schemas['AidResult'];
export type AidEntry = Schemas['AidEntry'];

/** What a milestone command answers. */
export type CommandResult = Schemas['CommandResult'];

/** POST /api/v1/reports body */
export type ReportRequest = Schemas['ReportRequest'];
/** GET /api/v1/reports/{id}, and the items of GET /api/v1/reports */
export type Report = Schemas['Report'];
export type ReportType = Report['type'];
export type ReportStatus = Report['status'];
export type ReportFormat = Schemas['ReportFile']['format'];

// ---- the page's own -----------------------------------------------------------------------------

/** The languages the page speaks (names may be in any). */
export type Lang = 'en' | 'de' | 'uk';

/**
 * RFC 9457 problem details (Schemas['Problem']); the page also builds one from a bare status when the
 * body was not JSON, so every member may be missing here.
 */
export type Problem = Partial<Schemas['Problem']>;

/** The form input a described field needs (GET /api/v1/milestone-kinds). */
export type FieldKind =
  'text' | 'longText' | 'texts' | 'date' | 'money' | 'name' | 'count' | 'bool' | 'enum' | 'country' | 'object' | 'list';

/** One field of a milestone, as the API describes it; objects name their fields, lists their entry. */
export interface FieldDescription {
  name: string;
  kind: FieldKind | (string & {});
  required: boolean;
  personal: boolean;
  options?: string[];
  /** the vocabulary the options come from: the page's code labels of that name */
  codes?: string;
  maxLength?: number;
  fields?: FieldDescription[];
  item?: FieldDescription;
  help?: string;
  /** page-only: a label of the page's own, for fields of a request rather than of a milestone */
  label?: string;
}

/** One milestone the API records: where it is posted, who may, and its fields. */
export interface MilestoneKind {
  /** the event it records, e.g. AidDelivered */
  type: string;
  /** the segment after /api/v1/partnerships/{id}/ ("aid-deliveries"); "" with `creates` */
  path: string;
  summary: string;
  roles: Role[];
  plannable: boolean;
  /** creates a partnership (POST /api/v1/partnerships) */
  creates: boolean;
  fields: FieldDescription[];
  example?: unknown;
}

/** GET /api/v1/milestone-kinds */
export interface MilestoneKinds {
  kinds: MilestoneKind[];
}
