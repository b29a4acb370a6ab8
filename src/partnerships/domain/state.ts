// What the decider needs to know about one partnership, folded from its events.
import { businessDateEnd, daysBetween, type BusinessDate } from './dates.js';
import type {
  AgreementKind,
  DecisionOutcome,
  EventType,
  LocalizedName,
  ParticipantType,
  RecordedStanding,
  Side,
  SigningMode,
  Standing,
  Tier,
} from './events.js';

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

export interface ScheduledSigning {
  eventId: string;
  plannedOn: BusinessDate;
  agreementKind?: AgreementKind;
  mode?: SigningMode;
  venue?: string;
  /** the AgreementSigned that followed, once recorded */
  fulfilledBy?: string;
}

export interface SignedAgreement {
  eventId: string;
  kind: AgreementKind;
  signedOn: BusinessDate;
  mode?: SigningMode;
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

/** One event of the stream as the ledger now sees it: data includes every non-retracted correction. */
export interface EntryRecord {
  eventId: string;
  type: EventType;
  /** current value, corrections applied */
  data: Readonly<Record<string, unknown>>;
  /** value as first recorded */
  originalData: Readonly<Record<string, unknown>>;
  /** EntryCorrected eventIds that target this entry, in stream order (retracted ones included) */
  corrections: readonly string[];
  retracted: boolean;
  retractedBy?: string;
  /** 0-based position in the stream */
  position: number;
  recordedAt?: string;
}

export interface CounterpartState {
  name: LocalizedName;
  country?: string;
  /** names it carried before renames, oldest first */
  formerNames: LocalizedName[];
}

/** Everything derived from the milestones (recomputed on corrections and retractions). */
export interface DerivedState {
  exists: boolean;
  id?: string;
  predecessorId?: string;
  ownMunicipality?: LocalizedName;
  counterpart?: CounterpartState;
  coordinatingOffice?: string;
  mandateReference?: string;
  tier: Tier;
  standing: RecordedStanding;
  terminated: boolean;
  pendingUpgrade?: PendingUpgrade;
  papers: Readonly<Record<string, PaperState>>;
  councilDecisions: readonly CouncilDecisionSummary[];
  latestCouncilDecision?: CouncilDecisionSummary;
  scheduledSignings: readonly ScheduledSigning[];
  agreements: readonly SignedAgreement[];
  /** cooperation areas as first written, unique case- and space-insensitively */
  areas: readonly string[];
  participants: readonly ActiveParticipant[];
  /** currency → exact decimal string */
  aidDelivered: Readonly<Record<string, string>>;
  aidCommitted: Readonly<Record<string, string>>;
  /** latest date on which something actually happened (planned and forward-looking entries excluded) */
  lastMilestoneOn?: BusinessDate;
}

export interface PartnershipState extends DerivedState {
  /** every event folded so far, keyed by eventId */
  entries: Readonly<Record<string, EntryRecord>>;
  /** eventIds in stream order (object key order is not reliable for numeric-looking ids) */
  entryOrder: readonly string[];
  /** number of events folded: the stream version to append after */
  version: number;
}

export function initialDerivedState(): DerivedState {
  return {
    exists: false,
    tier: 'initiative',
    standing: 'active',
    terminated: false,
    papers: {},
    councilDecisions: [],
    scheduledSignings: [],
    agreements: [],
    areas: [],
    participants: [],
    aidDelivered: {},
    aidCommitted: {},
  };
}

export function initialState(): PartnershipState {
  return { ...initialDerivedState(), entries: {}, entryOrder: [], version: 0 };
}

/** Case- and whitespace-insensitive identity for areas and organisations. */
export function nameKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function participantKey(p: { organisation: string; side: Side }): string {
  return `${p.side}:${nameKey(p.organisation)}`;
}

/**
 * Standing as a reader should see it: `dormant` when an active partnership has had no milestone
 * for more than `dormantAfterDays` days. `today` comes from the caller's clock.
 */
export function effectiveStanding(state: DerivedState, today: string, dormantAfterDays: number): Standing {
  if (state.standing !== 'active' || !state.lastMilestoneOn) return state.standing;
  return daysBetween(businessDateEnd(state.lastMilestoneOn), today) > dormantAfterDays ? 'dormant' : 'active';
}
