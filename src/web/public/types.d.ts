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

/** GET /api/v1/milestone-kinds: each milestone the API records, its route, roles and fields as form inputs. */
export type MilestoneKinds = Schemas['MilestoneKinds'];
export type MilestoneKind = Schemas['MilestoneKind'];

/**
 * One described field (Schemas['FormField']). A kind this page does not know yet still renders (as a
 * text input); the page adds a label of its own for fields of a request rather than of a milestone
 * (a correction's reason), and shows a help text where a description carries one.
 */
export type FieldDescription = Omit<Schemas['FormField'], 'kind' | 'fields' | 'item'> & {
  kind: Schemas['FormField']['kind'] | (string & {});
  fields?: FieldDescription[];
  item?: FieldDescription;
  help?: string;
  label?: string;
};

/** GET/PUT /api/v1/me/subscriptions */
export type Subscription = Schemas['Subscription'];
