// The state of one partnership and evolve(state, event) → state, folded from its events. Pure: no
// clock, no I/O, never mutates its input, never throws on history it does not expect (history is a
// fact; the decider is where rules are enforced).
import { businessDateEnd, compareBusinessDates, daysBetween } from './dates.js';
import { addDecimal } from './decimal.js';
import type { EventType, PartnershipEvent, RecordedEvent } from './events.js';
import {
  tierRank,
  type AgreementKind,
  type BusinessDate,
  type DecisionOutcome,
  type LocalizedName,
  type ParticipantType,
  type RecordedStanding,
  type Side,
  type SigningMode,
  type Standing,
  type Tier,
} from './vocabulary.js';

// ---- state ------------------------------------------------------------------------------------

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

// ---- evolve -----------------------------------------------------------------------------------

export function maxTier(a: Tier, b: Tier): Tier {
  return tierRank(a) >= tierRank(b) ? a : b;
}

/**
 * The tier a signed agreement establishes. A cooperation agreement takes the tier of the adopted
 * resolution waiting for it (e.g. project_partnership), else friendship; a letter of intent is contact.
 */
export function tierForAgreement(kind: AgreementKind, pending?: PendingUpgrade): Tier {
  switch (kind) {
    case 'letter_of_intent':
      return 'contact';
    case 'solidarity':
      return 'solidarity';
    case 'cooperation':
      return pending?.tier ?? 'friendship';
    case 'project':
      return 'project_partnership';
    case 'twinning_charter':
      return 'twinning';
  }
}

/** Replaces top-level fields; null or undefined clears the field. */
export function applyChanges(data: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete next[field];
    else next[field] = value;
  }
  return next;
}

const NOT_A_HAPPENING = new Set([
  'NoteAdded',
  'DocumentAttached',
  'AgreementSigningScheduled',
  'AidCommitted',
  'EntryCorrected',
  'EntryRetracted',
]);

const STOPS_PENDING_UPGRADE = new Set(['rejected', 'withdrawn', 'referred_back']);

function addTo(totals: Readonly<Record<string, string>>, currency: string, amount: string): Record<string, string> {
  return { ...totals, [currency]: addDecimal(totals[currency] ?? '0', amount) };
}

/** Applies one milestone (with its current, corrected data) to the derived state. */
function applyMilestone(d: DerivedState, entry: EntryRecord): DerivedState {
  const event = { type: entry.type, data: entry.data } as unknown as PartnershipEvent;
  const data = event.data as { planned?: boolean; occurredOn?: BusinessDate };
  // A planned entry is a calendar item: it changes no status until it is corrected to planned: false.
  if (data.planned === true) return d;

  let next = d;
  if (!NOT_A_HAPPENING.has(event.type) && data.occurredOn) {
    if (!d.lastMilestoneOn || compareBusinessDates(data.occurredOn, d.lastMilestoneOn) > 0) {
      next = { ...next, lastMilestoneOn: data.occurredOn };
    }
  }

  switch (event.type) {
    case 'PartnershipInitiated': {
      const e = event.data;
      const counterpart = e.counterpart ? { name: e.counterpart, country: e.counterpartCountry, formerNames: [] } : undefined;
      return {
        ...next,
        exists: true,
        id: e.partnershipId,
        predecessorId: e.predecessorId,
        ownMunicipality: e.ownMunicipality,
        counterpart,
        coordinatingOffice: e.coordinatingOffice,
        mandateReference: e.mandateReference,
        // A chosen counterpart means the partnership is at least at contact.
        tier: counterpart ? maxTier(e.tier, 'contact') : e.tier,
      };
    }
    case 'CounterpartDesignated':
      return {
        ...next,
        counterpart: { name: event.data.name, country: event.data.country, formerNames: [] },
        tier: maxTier(next.tier, 'contact'),
      };
    case 'CounterpartRenamed': {
      const c = next.counterpart;
      if (!c) return next;
      return { ...next, counterpart: { ...c, name: { ...c.name, ...event.data.name }, formerNames: [...c.formerNames, c.name] } };
    }
    case 'AidDelivered': {
      const v = event.data.value;
      return v ? { ...next, aidDelivered: addTo(next.aidDelivered, v.currency, v.amount) } : next;
    }
    case 'AidCommitted': {
      const v = event.data.value;
      return v ? { ...next, aidCommitted: addTo(next.aidCommitted, v.currency, v.amount) } : next;
    }
    case 'DraftResolutionPrepared': {
      const e = event.data;
      if (next.papers[e.paperReference]) return next;
      return {
        ...next,
        papers: {
          ...next.papers,
          [e.paperReference]: {
            reference: e.paperReference,
            title: e.title,
            proposedTier: e.proposedTier,
            route: e.route ?? [],
            stage: 'drafted',
            draftedOn: e.occurredOn,
            eventId: entry.eventId,
          },
        },
      };
    }
    case 'BoardReviewed':
      return advancePaper(next, event.data.paperReference, 'board_reviewed', event.data.outcome);
    case 'ReferredToCommittee':
      return advancePaper(next, event.data.paperReference, 'referred', undefined);
    case 'CommitteeDecided':
      return advancePaper(next, event.data.paperReference, 'committee_decided', event.data.outcome);
    case 'CouncilDecided': {
      const e = event.data;
      const advanced = advancePaper(next, e.paperReference, 'council_decided', e.outcome);
      if (!e.outcome) return advanced;
      const paper = e.paperReference ? advanced.papers[e.paperReference] : undefined;
      const decision: CouncilDecisionSummary = {
        eventId: entry.eventId,
        decidedOn: e.occurredOn,
        outcome: e.outcome,
        paperReference: e.paperReference,
        resolutionReference: e.resolutionReference,
        proposedTier: e.proposedTier ?? paper?.proposedTier,
      };
      const latest = advanced.latestCouncilDecision;
      const result: DerivedState = {
        ...advanced,
        councilDecisions: [...advanced.councilDecisions, decision],
        // latest in business time; among equal dates the later-recorded one
        latestCouncilDecision: !latest || compareBusinessDates(decision.decidedOn, latest.decidedOn) >= 0 ? decision : latest,
      };
      const adopted = e.outcome === 'adopted' || e.outcome === 'adopted_with_amendments';
      if (adopted && decision.proposedTier && tierRank(decision.proposedTier) > tierRank(result.tier)) {
        return {
          ...result,
          pendingUpgrade: {
            tier: decision.proposedTier,
            decisionEventId: entry.eventId,
            decidedOn: e.occurredOn,
            paperReference: e.paperReference,
            resolutionReference: e.resolutionReference,
          },
        };
      }
      const pending = result.pendingUpgrade;
      if (pending && STOPS_PENDING_UPGRADE.has(e.outcome) && e.paperReference && pending.paperReference === e.paperReference) {
        return { ...result, pendingUpgrade: undefined };
      }
      return result;
    }
    case 'AgreementSigningScheduled':
      return {
        ...next,
        scheduledSignings: [
          ...next.scheduledSignings,
          {
            eventId: entry.eventId,
            plannedOn: event.data.occurredOn,
            agreementKind: event.data.agreementKind,
            mode: event.data.mode,
            venue: event.data.venue,
          },
        ],
      };
    case 'AgreementSigned': {
      const e = event.data;
      const established = tierForAgreement(e.agreementKind, next.pendingUpgrade);
      const tier = maxTier(next.tier, established);
      const pending = next.pendingUpgrade && tierRank(tier) < tierRank(next.pendingUpgrade.tier) ? next.pendingUpgrade : undefined;
      // The first open schedule for this kind of agreement (or for an unspecified kind) is now fulfilled.
      const open = next.scheduledSignings.findIndex((s) => !s.fulfilledBy && (!s.agreementKind || s.agreementKind === e.agreementKind));
      return {
        ...next,
        tier,
        pendingUpgrade: pending,
        agreements: [
          ...next.agreements,
          { eventId: entry.eventId, kind: e.agreementKind, signedOn: e.occurredOn, mode: e.mode, venue: e.venue, tier: established },
        ],
        scheduledSignings:
          open < 0 ? next.scheduledSignings : next.scheduledSignings.map((s, i) => (i === open ? { ...s, fulfilledBy: entry.eventId } : s)),
      };
    }
    case 'CooperationAreaAdded': {
      const key = nameKey(event.data.area);
      if (next.areas.some((a) => nameKey(a) === key)) return next;
      return { ...next, areas: [...next.areas, event.data.area.trim()] };
    }
    case 'CooperationAreaRemoved': {
      const key = nameKey(event.data.area);
      return { ...next, areas: next.areas.filter((a) => nameKey(a) !== key) };
    }
    case 'ParticipantJoined': {
      const e = event.data;
      const key = participantKey(e);
      if (next.participants.some((p) => participantKey(p) === key)) return next;
      return {
        ...next,
        participants: [
          ...next.participants,
          {
            organisation: e.organisation.trim(),
            participantType: e.participantType,
            side: e.side,
            joinedOn: e.occurredOn,
            eventId: entry.eventId,
          },
        ],
      };
    }
    case 'ParticipantLeft': {
      const key = participantKey(event.data);
      return { ...next, participants: next.participants.filter((p) => participantKey(p) !== key) };
    }
    case 'PartnershipSuspended':
      return next.terminated ? next : { ...next, standing: 'suspended' };
    case 'PartnershipResumed':
      return next.terminated ? next : { ...next, standing: 'active' };
    case 'PartnershipTerminated':
      return { ...next, standing: 'terminated', terminated: true };
    case 'ActivityHeld':
    case 'DocumentAttached':
    case 'NoteAdded':
    case 'EntryCorrected':
    case 'EntryRetracted':
      return next;
  }
}

const STAGE_ORDER = ['drafted', 'board_reviewed', 'referred', 'committee_decided', 'council_decided'] as const;

function advancePaper(
  d: DerivedState,
  reference: string | undefined,
  stage: (typeof STAGE_ORDER)[number],
  outcome: string | undefined,
): DerivedState {
  const paper = reference ? d.papers[reference] : undefined;
  if (!reference || !paper) return d;
  // "Where it is" = the latest consultation recorded (a referral back to committee moves it back).
  return { ...d, papers: { ...d.papers, [reference]: { ...paper, stage, lastOutcome: outcome } } };
}

function derivedOf(state: PartnershipState): DerivedState {
  const { entries: _entries, entryOrder: _order, version: _version, ...derived } = state;
  return derived;
}

/**
 * Corrections and retractions can change anything derived (a retracted signing must lower the
 * tier again), so after one we refold the derived state from the entries' current data, skipping
 * retracted entries. Ordinary milestones are applied incrementally with the same function.
 */
function refold(entries: Readonly<Record<string, EntryRecord>>, order: readonly string[]): DerivedState {
  let derived = initialDerivedState();
  for (const id of order) {
    const entry = entries[id];
    if (!entry || entry.retracted || entry.type === 'EntryCorrected' || entry.type === 'EntryRetracted') continue;
    derived = applyMilestone(derived, entry);
  }
  return derived;
}

/** Recomputes an entry's current data from its original and its non-retracted corrections. */
function currentData(target: EntryRecord, entries: Readonly<Record<string, EntryRecord>>): Record<string, unknown> {
  let data: Record<string, unknown> = { ...target.originalData };
  for (const id of target.corrections) {
    const correction = entries[id];
    if (!correction || correction.retracted) continue;
    data = applyChanges(data, (correction.data as { changes: Record<string, unknown> }).changes);
  }
  return data;
}

/**
 * One step of the fold. `entries` and `entryOrder` are the caller's own copies and are changed in
 * place: evolve hands it fresh copies (pure for its caller), fold one pair for the whole stream,
 * which keeps folding a long stream linear instead of copying every entry at every event.
 */
function step(state: PartnershipState, event: RecordedEvent, entries: Record<string, EntryRecord>, entryOrder: string[]): PartnershipState {
  const entry: EntryRecord = {
    eventId: event.eventId,
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    originalData: event.data as unknown as Record<string, unknown>,
    corrections: [],
    retracted: false,
    position: state.version,
    recordedAt: event.recordedAt,
  };
  entries[event.eventId] = entry;
  entryOrder.push(event.eventId);
  const version = state.version + 1;

  if (event.type === 'EntryCorrected' || event.type === 'EntryRetracted') {
    const target = entries[event.data.targetEventId];
    // A pointer to nothing changes nothing; the decider prevents it, old history may still have one.
    if (!target) return { ...state, entries, entryOrder, version };

    if (event.type === 'EntryCorrected') {
      const corrections = [...target.corrections, event.eventId];
      entries[target.eventId] = { ...target, corrections, data: applyChanges(target.data, event.data.changes) };
    } else {
      entries[target.eventId] = { ...target, retracted: true, retractedBy: event.eventId };
      if (target.type === 'EntryCorrected') {
        // Retracting a correction restores the value it replaced (and any later corrections).
        const corrected = entries[(target.data as { targetEventId: string }).targetEventId];
        if (corrected) entries[corrected.eventId] = { ...corrected, data: currentData(corrected, entries) };
      }
    }
    return { ...refold(entries, entryOrder), entries, entryOrder, version };
  }

  return { ...applyMilestone(derivedOf(state), entry), entries, entryOrder, version };
}

export function evolve(state: PartnershipState, event: RecordedEvent): PartnershipState {
  return step(state, event, { ...state.entries }, [...state.entryOrder]);
}

export function fold(events: Iterable<RecordedEvent>, from: PartnershipState = initialState()): PartnershipState {
  const entries: Record<string, EntryRecord> = { ...from.entries };
  const entryOrder = [...from.entryOrder];
  let state = from;
  for (const event of events) state = step(state, event, entries, entryOrder);
  return state;
}
