// What the status read model returns (the HTTP API, the web page and the reports use these).
import type { BusinessDate, LocalizedName, Standing, Tier } from '../../domain/index.js';
import type { PlanView } from '../plans.js';
import type { ReceiptCounts } from '../receipts/receipts.js';

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
  /** names the counterpart carried before renames, with the periods they were in use */
  formerNames: { name: LocalizedName; from: BusinessDate | null; until: BusinessDate }[];
  pendingUpgrade: { tier: Tier; decidedOn: BusinessDate; paperReference?: string; resolutionReference?: string } | null;
  currentPaper: CurrentPaper | null;
  nextScheduled: NextScheduled | null;
  lastMilestoneOn: BusinessDate | null;
  /** currency → exact decimal string */
  aidDelivered: Record<string, string>;
  aidCommitted: Record<string, string>;
  /** live deliveries by how much of their receipt the receiver has confirmed */
  aidReceipts: ReceiptCounts;
  areas: string[];
  participantCount: number;
  /** plannedFor: the date the signing had been planned for, when a plan was recorded */
  agreements: {
    eventId: string;
    kind: string;
    signedOn: BusinessDate;
    tier: Tier;
    mode?: string;
    venue?: string;
    plannedFor?: BusinessDate;
  }[];
  updatedAt: string;
}

export interface PartnershipDetail extends PartnershipSummary {
  predecessorId: string | null;
  coordinatingOffice: string | null;
  mandateReference: string | null;
  papers: CurrentPaper[];
  councilDecisions: { eventId: string; decidedOn: BusinessDate; outcome: string; paperReference?: string; resolutionReference?: string }[];
  /** signings still planned (plannedOn is the planned date) */
  scheduledSignings: {
    eventId: string;
    plannedOn: BusinessDate;
    agreementKind?: string;
    mode?: string;
    venue?: string;
  }[];
  /** every live plan: signings, consultations and activities still ahead or overdue */
  plans: PlanView[];
  participants: { organisation: string; participantType: string; side: string; joinedOn: BusinessDate }[];
  /** set when the status was folded as of a business date and/or a record time */
  asOf: { validAt: string | null; knownAt: string | null } | null;
}
