// What is derived from the milestones on a business date: the state types, the initial state and
// the identities (names, participants) the fold compares by.
import { businessDateEnd, daysBetween } from './dates.js';
import type { EventType } from './events.js';
import type { History } from './history.js';
import type {
  AgreementKind,
  BusinessDate,
  DecisionOutcome,
  LocalizedName,
  ParticipantType,
  ReceiptExtent,
  RecordedStanding,
  Side,
  Standing,
  Tier,
} from './vocabulary.js';

export const PAPER_STAGES = ['drafted', 'board_reviewed', 'referred', 'committee_decided', 'council_decided'] as const;
export type PaperStage = (typeof PAPER_STAGES)[number];

export interface PaperState {
  reference: string;
  title: string;
  proposedTier?: Tier;
  route: string[];
  /** where it is: the stage of the latest (non-planned) consultation recorded for it */
  stage: PaperStage;
  draftedOn: BusinessDate;
  /** outcome of the latest consultation, if it had one */
  lastOutcome?: string;
  eventId: string;
}

export interface CouncilDecisionSummary {
  eventId: string;
  decidedOn: BusinessDate;
  outcome: DecisionOutcome;
  paperReference?: string;
  resolutionReference?: string;
  /** the tier the resolution adopts (its own, else its paper's) */
  proposedTier?: Tier;
}

export interface PendingUpgrade {
  tier: Tier;
  decisionEventId: string;
  decidedOn: BusinessDate;
  paperReference?: string;
  resolutionReference?: string;
}

/**
 * A plan: a signing scheduled, or a consultation or activity put in the calendar before it happens.
 * A later plan of the same thing (the same `key`) reschedules it; the matching signing, decision or
 * activity fulfils it; retracting its entries cancels it. Its uid stays the same through all of that.
 */
export interface Plan {
  /** stable identity for calendars: the event id of the first plan entry of this thing */
  uid: string;
  /** what is planned, e.g. "signing:solidarity", "board:verwaltungsvorstand:DS 2022-0001" */
  key: string;
  /** the event type of the plan entries (AgreementSigningScheduled, BoardReviewed, …) */
  type: EventType;
  /** the plan entries, in business-date order, retracted ones included */
  entries: string[];
  /** the live plan entry whose date and details count; absent when every plan entry was retracted */
  current?: string;
  /** when the current plan was made */
  madeOn: BusinessDate;
  /** the planned date */
  date: BusinessDate;
  /** the current plan entry's data (title, venue, mode, …) */
  data: Readonly<Record<string, unknown>>;
  /** grows with every reschedule, correction and retraction: iCalendar's SEQUENCE */
  sequence: number;
  status: 'open' | 'fulfilled' | 'cancelled';
  /** the signing, decision or activity that fulfilled it */
  fulfilledBy?: string;
  fulfilledOn?: BusinessDate;
  /** record time of the latest change (ISO), when known */
  changedAt?: string;
}

export interface SignedAgreement {
  eventId: string;
  kind: AgreementKind;
  signedOn: BusinessDate;
  mode?: string;
  venue?: string;
  /** the tier this signing establishes */
  tier: Tier;
}

export interface ActiveParticipant {
  organisation: string;
  participantType: ParticipantType;
  side: Side;
  joinedOn: BusinessDate;
  eventId: string;
}

export interface FormerName {
  name: LocalizedName;
  /** when it came into use (designation or an earlier rename), when known */
  from: BusinessDate | null;
  /** the date of the rename that replaced it */
  until: BusinessDate;
}

export interface CounterpartState {
  name: LocalizedName;
  country?: string;
  /** since when the current name is in use */
  since: BusinessDate | null;
  /** names it carried before renames, oldest first, with the periods they were in use */
  formerNames: FormerName[];
}

/** A receipt confirmation of a delivery, as the fold keeps it. */
export interface ReceiptConfirmation {
  eventId: string;
  receivedOn: BusinessDate;
  received: ReceiptExtent;
  discrepancies?: string;
  documentReference?: string;
}

/** How much of a delivery its receiver has confirmed. */
export type ReceiptStatus = 'awaiting' | 'partly_confirmed' | 'confirmed';

/** A delivery and the confirmations of its receipt, in business-date order. */
export interface DeliveryState {
  deliveredOn: BusinessDate;
  confirmations: readonly ReceiptConfirmation[];
}

/** Confirmed once any confirmation says all arrived; partly while only parts are confirmed. */
export function receiptStatus(confirmations: readonly Pick<ReceiptConfirmation, 'received'>[]): ReceiptStatus {
  if (confirmations.some((c) => c.received === 'all')) return 'confirmed';
  return confirmations.length ? 'partly_confirmed' : 'awaiting';
}

/** Everything derived from the milestones on a business date. */
export interface DerivedState {
  exists: boolean;
  id?: string;
  initiatedOn?: BusinessDate;
  predecessorId?: string;
  ownMunicipality?: LocalizedName;
  counterpart?: CounterpartState;
  coordinatingOffice?: string;
  mandateReference?: string;
  tier: Tier;
  standing: RecordedStanding;
  terminated: boolean;
  /** the suspension or termination in force, for messages */
  standingSince?: { eventId: string; on: BusinessDate };
  pendingUpgrade?: PendingUpgrade;
  papers: Readonly<Record<string, PaperState>>;
  councilDecisions: readonly CouncilDecisionSummary[];
  latestCouncilDecision?: CouncilDecisionSummary;
  /** every plan so far, open, fulfilled or cancelled */
  plans: readonly Plan[];
  agreements: readonly SignedAgreement[];
  /** cooperation areas as first written, unique case- and space-insensitively */
  areas: readonly string[];
  participants: readonly ActiveParticipant[];
  /** currency → exact decimal string with the currency's minor units */
  aidDelivered: Readonly<Record<string, string>>;
  aidCommitted: Readonly<Record<string, string>>;
  /** every live delivery by its entry id, with the confirmations of its receipt */
  deliveries: Readonly<Record<string, DeliveryState>>;
  /** latest date on which something actually happened (planned and forward-looking entries excluded) */
  lastMilestoneOn?: BusinessDate;
}

export interface PartnershipState extends DerivedState, History {}

export function initialDerivedState(): DerivedState {
  return {
    exists: false,
    tier: 'initiative',
    standing: 'active',
    terminated: false,
    papers: {},
    councilDecisions: [],
    plans: [],
    agreements: [],
    areas: [],
    participants: [],
    aidDelivered: {},
    aidCommitted: {},
    deliveries: {},
  };
}

export function initialState(): PartnershipState {
  return { ...initialDerivedState(), entries: {}, entryOrder: [], version: 0 };
}

/** Case- and whitespace-insensitive identity for areas, organisations and bodies. */
export function nameKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function participantKey(p: { organisation: string; side: Side }): string {
  return `${p.side}:${nameKey(p.organisation)}`;
}

/** The open plans: what is still ahead, as the state knows it. */
export function openPlans(state: Pick<DerivedState, 'plans'>): Plan[] {
  return state.plans.filter((p) => p.status === 'open');
}

/**
 * Standing as a reader should see it: `dormant` when an active partnership has had no milestone
 * for more than `dormantAfterDays` days. `today` comes from the caller's clock.
 */
export function effectiveStanding(state: DerivedState, today: string, dormantAfterDays: number): Standing {
  if (state.standing !== 'active' || !state.lastMilestoneOn) return state.standing;
  return daysBetween(businessDateEnd(state.lastMilestoneOn), today) > dormantAfterDays ? 'dormant' : 'active';
}
