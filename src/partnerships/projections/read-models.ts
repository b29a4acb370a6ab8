// Shapes of what the read side returns. The HTTP API, the web page and the reports all use these.
import type { BusinessDate, LocalizedName, Standing, Tier } from '../domain/index.js';

export interface NextScheduled {
  eventId: string;
  kind: string; // the event type, e.g. AgreementSigningScheduled, BoardReviewed (planned)
  title: string;
  date: BusinessDate;
}

export interface CurrentPaper {
  reference: string;
  title: string;
  stage: string; // drafted | board_reviewed | referred | committee_decided | council_decided
  proposedTier?: Tier;
  lastOutcome?: string;
}

export interface PartnershipSummary {
  partnershipId: string;
  version: number;
  tier: Tier;
  /** active | suspended | terminated | dormant (dormant is derived from DORMANT_AFTER_DAYS) */
  standing: Standing;
  ownMunicipality: LocalizedName | null;
  counterpart: LocalizedName | null;
  counterpartCountry: string | null;
  pendingUpgrade: { tier: Tier; decidedOn: BusinessDate; paperReference?: string; resolutionReference?: string } | null;
  currentPaper: CurrentPaper | null;
  nextScheduled: NextScheduled | null;
  lastMilestoneOn: BusinessDate | null;
  /** currency → exact decimal string */
  aidDelivered: Record<string, string>;
  aidCommitted: Record<string, string>;
  areas: string[];
  participantCount: number;
  agreements: { eventId: string; kind: string; signedOn: BusinessDate; tier: Tier; mode?: string; venue?: string }[];
  updatedAt: string;
}

export interface PartnershipDetail extends PartnershipSummary {
  predecessorId: string | null;
  coordinatingOffice: string | null;
  mandateReference: string | null;
  papers: CurrentPaper[];
  councilDecisions: { eventId: string; decidedOn: BusinessDate; outcome: string; paperReference?: string; resolutionReference?: string }[];
  scheduledSignings: {
    eventId: string;
    plannedOn: BusinessDate;
    agreementKind?: string;
    mode?: string;
    venue?: string;
    fulfilledBy?: string;
  }[];
  participants: { organisation: string; participantType: string; side: string; joinedOn: BusinessDate }[];
  /** set when the status was folded as of a business date and/or a record time */
  asOf: { validAt: string | null; knownAt: string | null } | null;
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

export interface TimelineEntry {
  eventId: string;
  partnershipId: string;
  streamVersion: number;
  type: string;
  occurredOn: BusinessDate | null;
  planned: boolean;
  /** the current value, corrections applied */
  data: Record<string, unknown>;
  /** the value as first recorded; only present when the entry was corrected (else it equals data) */
  original?: Record<string, unknown>;
  corrections: TimelineCorrection[];
  corrected: boolean;
  retracted: boolean;
  retraction: { eventId: string; reason: string; recordedAt: string; actor: string | null } | null;
  recordedAt: string;
  actor: string | null;
}

export interface Timeline {
  partnershipId: string;
  version: number;
  asOf: { validAt: string | null; knownAt: string | null } | null;
  /** ordered by business date (start of its precision), then by stream order */
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

export interface AidQuery {
  partnershipId?: string;
  receiver?: string;
  /** inclusive business dates YYYY-MM-DD */
  from?: string;
  to?: string;
  currency?: string;
  sector?: string;
  kind?: 'delivered' | 'committed';
  groupBy?: 'receiver' | 'month' | 'currency' | 'sector';
}

export interface AidGroup {
  key: string | null;
  count: number;
  /** currency → exact decimal string */
  totals: Record<string, string>;
}

export interface AidResult {
  query: AidQuery;
  /** every matching row (not retracted), oldest first */
  items: AidEntry[];
  totals: Record<string, string>;
  groups?: AidGroup[];
}

export interface CalendarItem {
  eventId: string;
  partnershipId: string;
  kind: string;
  title: string;
  date: BusinessDate;
  mode?: string;
  venue?: string;
}

export interface ProjectionStatus {
  name: string;
  activeVersion: number;
  checkpoint: { transactionId: string; position: number };
  /** events committed but not yet applied */
  behind: number;
  /** age of the oldest event not yet applied, 0 when caught up */
  lagSeconds: number;
  running: boolean;
  lastError: string | null;
  rebuilding: { version: number; done: number; total: number; eventsPerSecond: number; startedAt: string } | null;
}
