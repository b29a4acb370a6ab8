// What the ledger knows about one partnership, and its state on a business date. Pure: no clock, no
// I/O, never mutates its input, never throws on history it does not expect (history is a fact; the
// decider is where rules are enforced).
//
// Two times (docs/domain.md): the *history* is every entry in the order it was recorded, with its
// corrections applied and its retraction marked; the *state on a date D* is the fold of the live
// entries whose business date is on or before D, in business-date order (ties by recording order).
// The order in which entries were recorded can therefore never change a state.
import { businessDateEnd, businessDateStart, compareBusinessDates, daysBetween } from './dates.js';
import { addMoney } from './money.js';
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
  type Standing,
  type Tier,
} from './vocabulary.js';

// ---- history ----------------------------------------------------------------------------------

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
  /** 0-based position in the stream: the recording order */
  position: number;
  recordedAt?: string;
  /** record time of the latest change (the entry, a correction, its retraction), when the caller knows it */
  changedAt?: string;
}

export interface History {
  /** every event recorded so far, keyed by eventId */
  entries: Readonly<Record<string, EntryRecord>>;
  /** eventIds in stream order (object key order is not reliable for numeric-looking ids) */
  entryOrder: readonly string[];
  /** number of events recorded: the stream version to append after */
  version: number;
}

const ANNOTATIONS = new Set<EventType>(['EntryCorrected', 'EntryRetracted']);

/** Replaces top-level fields; null or undefined clears the field. */
export function applyChanges(data: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...data };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete next[field];
    else next[field] = value;
  }
  return next;
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
 * Records one event. `entries` and `entryOrder` are the caller's own copies and are changed in place,
 * which keeps recording a long stream linear instead of copying every entry at every event.
 */
function recordInto(event: RecordedEvent, entries: Record<string, EntryRecord>, entryOrder: string[], position: number): void {
  entries[event.eventId] = {
    eventId: event.eventId,
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    originalData: event.data as unknown as Record<string, unknown>,
    corrections: [],
    retracted: false,
    position,
    recordedAt: event.recordedAt,
  };
  entryOrder.push(event.eventId);
  if (event.type !== 'EntryCorrected' && event.type !== 'EntryRetracted') return;
  const target = entries[event.data.targetEventId];
  // A pointer to nothing changes nothing; the decider prevents it, old history may still have one.
  if (!target) return;
  if (event.type === 'EntryCorrected') {
    entries[target.eventId] = {
      ...target,
      corrections: [...target.corrections, event.eventId],
      data: applyChanges(target.data, event.data.changes),
    };
    return;
  }
  entries[target.eventId] = { ...target, retracted: true, retractedBy: event.eventId };
  if (target.type === 'EntryCorrected') {
    // Retracting a correction restores the value it replaced (and any later corrections).
    const corrected = entries[(target.data as { targetEventId: string }).targetEventId];
    if (corrected) entries[corrected.eventId] = { ...corrected, data: currentData(corrected, entries) };
  }
}

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

// ---- business dates of entries ------------------------------------------------------------------

const PLANNABLE = new Set<EventType>(['BoardReviewed', 'ReferredToCommittee', 'CommitteeDecided', 'CouncilDecided', 'ActivityHeld']);

type EntryLike = { type: EventType; data: Readonly<Record<string, unknown>>; recordedAt?: string };

/** A plan rather than a happening: a scheduled signing, or a consultation or activity marked planned. */
export function isPlan(entry: EntryLike): boolean {
  return entry.type === 'AgreementSigningScheduled' || (PLANNABLE.has(entry.type) && entry.data.planned === true);
}

const asDate = (v: unknown): BusinessDate | undefined =>
  v && typeof v === 'object' && typeof (v as BusinessDate).date === 'string' ? (v as BusinessDate) : undefined;

/** The day (YYYY-MM-DD) an entry takes effect on: a plan when it was made, anything else when it happened. */
export function foldDate(entry: EntryLike): string {
  if (isPlan(entry)) {
    const madeOn = asDate(entry.data.madeOn);
    if (madeOn) return businessDateStart(madeOn);
    // Plans recorded before `madeOn` existed were made, at the latest, when they were recorded, and
    // a plan for a past date by that date (the default the decider gives new plans too).
    const planned = plannedDateOf(entry);
    const candidates = [entry.recordedAt?.slice(0, 10), planned ? businessDateStart(planned) : undefined].filter((d): d is string => !!d);
    if (candidates.length) return candidates.sort()[0];
  }
  const on = asDate(entry.data.occurredOn);
  return on ? businessDateStart(on) : '0001-01-01';
}

/** The planned date of a plan entry. */
export function plannedDateOf(entry: EntryLike): BusinessDate | undefined {
  if (entry.type === 'ReferredToCommittee') return asDate(entry.data.meetingDate) ?? asDate(entry.data.occurredOn);
  return asDate(entry.data.occurredOn);
}

// Entries and histories are immutable values, so what is derived from them is kept beside them:
// an entry's day, a history's business order and its state with everything known. Appending entries
// dated on or after the last day carries both forward, so recording the usual entry — today's — costs
// only the new entry, not a refold of the stream.
const dayCache = new WeakMap<EntryRecord, string>();
interface Derived {
  order: EntryRecord[];
  /** the last business day in `order` ('' when empty) */
  lastDay: string;
  /** index in `order` of the first entry on `lastDay` */
  lastStart: number;
  /** the state with every entry applied, once computed */
  final?: DerivedState;
  /** the state with every entry before `lastDay` applied, once computed */
  beforeLast?: DerivedState;
}
const derivedCache = new WeakMap<History, Derived>();

/** The business day of a recorded entry (foldDate, computed once per entry value). */
export function entryDay(entry: EntryRecord): string {
  let day = dayCache.get(entry);
  if (day === undefined) dayCache.set(entry, (day = foldDate(entry)));
  return day;
}

function derivedOfHistory(history: History): Derived {
  let d = derivedCache.get(history);
  if (!d) {
    const order: EntryRecord[] = [];
    for (const id of history.entryOrder) {
      const entry = history.entries[id];
      if (entry && !ANNOTATIONS.has(entry.type)) order.push(entry);
    }
    order.sort((a, b) => {
      const da = entryDay(a);
      const db = entryDay(b);
      return da < db ? -1 : da > db ? 1 : a.position - b.position;
    });
    const lastDay = order.length ? entryDay(order[order.length - 1]) : '';
    let lastStart = order.length;
    while (lastStart > 0 && entryDay(order[lastStart - 1]) === lastDay) lastStart--;
    d = { order, lastDay, lastStart };
    derivedCache.set(history, d);
  }
  return d;
}

/** Entries in business-date order (ties by recording order), retracted ones included, annotations left out. */
export function inBusinessOrder(history: History): readonly EntryRecord[] {
  return derivedOfHistory(history).order;
}

// ---- plans -------------------------------------------------------------------------------------

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** What a plan entry plans (its identity), or what an actual entry fulfils. */
function planKeyOf(type: EventType, data: Readonly<Record<string, unknown>>): string | null {
  const paper = text(data.paperReference);
  switch (type) {
    case 'AgreementSigningScheduled':
      return `signing:${text(data.agreementKind) || '*'}`;
    case 'BoardReviewed':
      return `board:${nameKey(text(data.body))}:${paper}`;
    case 'ReferredToCommittee':
      return `referral:${nameKey(text(data.committee))}:${paper}`;
    case 'CommitteeDecided':
      return `committee:${nameKey(text(data.committee))}:${paper}`;
    case 'CouncilDecided':
      return `council:${paper}`;
    case 'ActivityHeld':
      return `activity:${nameKey(text(data.title))}`;
    default:
      return null;
  }
}

/** The plans an actual entry fulfils, most specific first. */
function fulfils(entry: EntryRecord): string[] {
  if (entry.type === 'AgreementSigned') return [`signing:${text(entry.data.agreementKind)}`, 'signing:*'];
  const key = planKeyOf(entry.type, entry.data);
  if (!key) return [];
  // A committee's decision also settles a referral to it that was only planned.
  if (entry.type === 'CommitteeDecided') return [key, key.replace(/^committee:/, 'referral:')];
  return [key];
}

/** Record time of the latest change to an entry: itself, its corrections, its retraction. */
function changedAt(entry: EntryRecord, entries: Readonly<Record<string, EntryRecord>>): string | undefined {
  const times = [
    entry.recordedAt,
    ...entry.corrections.map((id) => entries[id]?.recordedAt),
    entry.retractedBy && entries[entry.retractedBy]?.recordedAt,
  ];
  return times
    .filter((t): t is string => typeof t === 'string')
    .sort()
    .at(-1);
}

function latest(a?: string, b?: string): string | undefined {
  return !a ? b : !b ? a : a > b ? a : b;
}

function applyPlan(d: DerivedState, entry: EntryRecord, entries: Readonly<Record<string, EntryRecord>>): DerivedState {
  const key = planKeyOf(entry.type, entry.data);
  const date = plannedDateOf(entry);
  if (!key || !date) return d;
  const madeOn = asDate(entry.data.madeOn) ?? { date: foldDate(entry), precision: 'day' as const };
  const touched = entry.changedAt ?? changedAt(entry, entries);
  const bump = 1 + entry.corrections.length + (entry.retracted ? 1 : 0);
  // The plan this entry belongs to: the latest of its key that has not been fulfilled.
  const index = d.plans.findLastIndex((p) => p.key === key && p.status !== 'fulfilled');
  if (index < 0) {
    const plan: Plan = {
      uid: entry.eventId,
      key,
      type: entry.type,
      entries: [entry.eventId],
      ...(entry.retracted ? {} : { current: entry.eventId }),
      madeOn,
      date,
      data: entry.data,
      sequence: bump - 1,
      status: entry.retracted ? 'cancelled' : 'open',
      ...(touched ? { changedAt: touched } : {}),
    };
    return { ...d, plans: [...d.plans, plan] };
  }
  const plan = d.plans[index];
  const next: Plan = entry.retracted
    ? { ...plan, entries: [...plan.entries, entry.eventId], sequence: plan.sequence + bump }
    : {
        ...plan,
        entries: [...plan.entries, entry.eventId],
        current: entry.eventId,
        madeOn,
        date,
        data: entry.data,
        sequence: plan.sequence + bump,
        status: 'open',
      };
  const withTime = { ...next, ...(latest(plan.changedAt, touched) ? { changedAt: latest(plan.changedAt, touched) } : {}) };
  return { ...d, plans: d.plans.map((p, i) => (i === index ? withTime : p)) };
}

function fulfilPlan(d: DerivedState, entry: EntryRecord): DerivedState {
  for (const key of fulfils(entry)) {
    const index = d.plans.findIndex((p) => p.key === key && p.status === 'open');
    if (index < 0) continue;
    const on = asDate(entry.data.occurredOn);
    const plan: Plan = {
      ...d.plans[index],
      status: 'fulfilled',
      fulfilledBy: entry.eventId,
      ...(on ? { fulfilledOn: on } : {}),
      ...(latest(d.plans[index].changedAt, entry.recordedAt) ? { changedAt: latest(d.plans[index].changedAt, entry.recordedAt) } : {}),
    };
    return { ...d, plans: d.plans.map((p, i) => (i === index ? plan : p)) };
  }
  return d;
}

// ---- applying one entry -------------------------------------------------------------------------

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

const NOT_A_HAPPENING = new Set<EventType>(['NoteAdded', 'DocumentAttached', 'AgreementSigningScheduled', 'AidCommitted']);

const STOPS_PENDING_UPGRADE = new Set(['rejected', 'withdrawn', 'referred_back']);

function addTo(totals: Readonly<Record<string, string>>, currency: string, amount: string): Record<string, string> {
  return { ...totals, [currency]: addMoney(totals[currency] ?? '0', amount, currency) };
}

function advancePaper(d: DerivedState, reference: string | undefined, stage: PaperStage, outcome: string | undefined): DerivedState {
  const paper = reference ? d.papers[reference] : undefined;
  if (!reference || !paper) return d;
  // "Where it is" = the latest consultation (a referral back to committee moves it back).
  return { ...d, papers: { ...d.papers, [reference]: { ...paper, stage, lastOutcome: outcome } } };
}

/**
 * Applies one entry (with its current, corrected data) to the state before it. Retracted entries
 * count only for the plans they belonged to (their uid and sequence); plans change no status.
 */
export function applyEntry(d: DerivedState, entry: EntryRecord, entries: Readonly<Record<string, EntryRecord>> = {}): DerivedState {
  if (isPlan(entry)) return applyPlan(d, entry, entries);
  if (entry.retracted || ANNOTATIONS.has(entry.type)) return d;
  const event = { type: entry.type, data: entry.data } as unknown as PartnershipEvent;
  const on = (event.data as { occurredOn?: BusinessDate }).occurredOn;

  const base = fulfilPlan(d, entry);
  let next = base;
  if (!NOT_A_HAPPENING.has(event.type) && on) {
    if (!next.lastMilestoneOn || compareBusinessDates(on, next.lastMilestoneOn) > 0) next = { ...next, lastMilestoneOn: on };
  }

  switch (event.type) {
    case 'PartnershipInitiated': {
      const e = event.data;
      const counterpart = e.counterpart
        ? { name: e.counterpart, country: e.counterpartCountry, since: e.occurredOn, formerNames: [] }
        : undefined;
      return {
        ...next,
        exists: true,
        id: e.partnershipId,
        initiatedOn: e.occurredOn,
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
        counterpart: { name: event.data.name, country: event.data.country, since: event.data.occurredOn, formerNames: [] },
        tier: maxTier(next.tier, 'contact'),
      };
    case 'CounterpartRenamed': {
      const c = next.counterpart;
      if (!c) return next;
      // A rename replaces the whole set of names as of its date: languages it leaves out are not carried over.
      const former: FormerName = { name: c.name, from: c.since, until: event.data.occurredOn };
      return {
        ...next,
        counterpart: { ...c, name: event.data.name, since: event.data.occurredOn, formerNames: [...c.formerNames, former] },
      };
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
      const result: DerivedState = {
        ...advanced,
        councilDecisions: [...advanced.councilDecisions, decision],
        latestCouncilDecision: decision,
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
    case 'AgreementSigned': {
      const e = event.data;
      const established = tierForAgreement(e.agreementKind, next.pendingUpgrade);
      const tier = maxTier(next.tier, established);
      const pending = next.pendingUpgrade && tierRank(tier) < tierRank(next.pendingUpgrade.tier) ? next.pendingUpgrade : undefined;
      return {
        ...next,
        tier,
        pendingUpgrade: pending,
        agreements: [
          ...next.agreements,
          { eventId: entry.eventId, kind: e.agreementKind, signedOn: e.occurredOn, mode: e.mode, venue: e.venue, tier: established },
        ],
      };
    }
    case 'CooperationAreaAdded': {
      const key = nameKey(event.data.area);
      // Already an area: the entry repeats a fact, it is no happening of its own (the recording order must not matter).
      if (next.areas.some((a) => nameKey(a) === key)) return base;
      return { ...next, areas: [...next.areas, event.data.area.trim()] };
    }
    case 'CooperationAreaRemoved': {
      const key = nameKey(event.data.area);
      return { ...next, areas: next.areas.filter((a) => nameKey(a) !== key) };
    }
    case 'ParticipantJoined': {
      const e = event.data;
      const key = participantKey(e);
      if (next.participants.some((p) => participantKey(p) === key)) return base;
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
      return next.terminated
        ? next
        : { ...next, standing: 'suspended', standingSince: { eventId: entry.eventId, on: event.data.occurredOn } };
    case 'PartnershipResumed':
      return next.terminated ? next : { ...next, standing: 'active', standingSince: undefined };
    case 'PartnershipTerminated':
      return { ...next, standing: 'terminated', terminated: true, standingSince: { eventId: entry.eventId, on: event.data.occurredOn } };
    case 'AgreementSigningScheduled':
    case 'ActivityHeld':
    case 'FundingReceived':
    case 'DocumentAttached':
    case 'NoteAdded':
    case 'EntryCorrected':
    case 'EntryRetracted':
      return next;
  }
}

// ---- folding -----------------------------------------------------------------------------------

/** The derived state on `date` (YYYY-MM-DD; everything known when left out). */
export function deriveAt(history: History, date?: string): DerivedState {
  const d = derivedOfHistory(history);
  if (date === undefined || date >= d.lastDay) return finalState(history, d);
  return foldUntil(history, d.order, (day) => day > date).state;
}

/**
 * The state before `day` (every entry dated earlier) and the entries from that day on, in order: what
 * a check of a change on `day` replays.
 */
export function splitAt(history: History, day: string): { before: DerivedState; from: readonly EntryRecord[] } {
  const d = derivedOfHistory(history);
  if (day > d.lastDay) return { before: finalState(history, d), from: [] };
  // The usual change is dated on the last day known: the state before it is kept.
  if (day === d.lastDay) {
    d.beforeLast ??= foldUntil(history, d.order, (entryDay) => entryDay >= day).state;
    return { before: d.beforeLast, from: d.order.slice(d.lastStart) };
  }
  const { state, index } = foldUntil(history, d.order, (entryDay) => entryDay >= day);
  return { before: state, from: d.order.slice(index) };
}

function finalState(history: History, d: Derived): DerivedState {
  d.final ??= foldUntil(history, d.order, () => false).state;
  return d.final;
}

function foldUntil(
  history: History,
  order: readonly EntryRecord[],
  stop: (day: string) => boolean,
): { state: DerivedState; index: number } {
  let state = initialDerivedState();
  let i = 0;
  for (; i < order.length; i++) {
    if (stop(entryDay(order[i]))) break;
    state = applyEntry(state, order[i], history.entries);
  }
  return { state, index: i };
}

/** The state on a business date, as the ledger knows it now. */
export function stateAt(history: History, date?: string): PartnershipState {
  const state = { ...deriveAt(history, date), entries: history.entries, entryOrder: history.entryOrder, version: history.version };
  // The state is also a history (the same entries): it shares what was derived from them.
  derivedCache.set(state, derivedOfHistory(history));
  return state;
}

/**
 * The history with `events` recorded after it, in stream order (the input is left as it was).
 * `trial`: a history only to check a change against, never kept or shown; its entries are a layer
 * over the old ones instead of a copy (for a long stream the copy would cost more than the check).
 */
export function recordAll(from: History, events: Iterable<RecordedEvent>, opts: { trial?: boolean } = {}): History {
  const entries: Record<string, EntryRecord> = opts.trial ? overlay(from.entries) : { ...from.entries };
  const entryOrder = [...from.entryOrder];
  let version = from.version;
  for (const event of events) recordInto(event, entries, entryOrder, version++);
  const history: History = { entries, entryOrder, version };
  carryForward(from, history);
  return history;
}

const depth = new WeakMap<object, number>();

/** A layer over `entries` to record into (lookups see both; the old object is never changed). */
function overlay(entries: Readonly<Record<string, EntryRecord>>): Record<string, EntryRecord> {
  const level = (depth.get(entries) ?? 0) + 1;
  if (level > 32) {
    const flat: Record<string, EntryRecord> = {};
    for (const key in entries) flat[key] = entries[key];
    return flat;
  }
  const layered = Object.create(entries) as Record<string, EntryRecord>;
  depth.set(layered, level);
  return layered;
}

/**
 * When the new entries are plain milestones dated on or after the last day already known (and none
 * is an annotation, which could move or remove an earlier entry), the order and the final state
 * continue from the old history's instead of being computed again.
 */
function carryForward(from: History, to: History): void {
  const known = derivedCache.get(from);
  if (!known) return;
  const added = to.entryOrder.slice(from.entryOrder.length).map((id) => to.entries[id]);
  if (added.some((e) => !e || ANNOTATIONS.has(e.type))) return;
  let lastDay = known.lastDay;
  for (const e of added) {
    const day = entryDay(e);
    if (day < lastDay) return;
    lastDay = day;
  }
  const order = [...known.order, ...added];
  let lastStart = order.length;
  while (lastStart > 0 && entryDay(order[lastStart - 1]) === lastDay) lastStart--;
  let final = known.final;
  let beforeLast = lastDay === known.lastDay ? known.beforeLast : undefined;
  if (known.final) {
    // Entries of the old history are all before the new last day unless it did not move.
    let state = known.final;
    for (const e of added) {
      if (lastDay !== known.lastDay && entryDay(e) === lastDay && !beforeLast) beforeLast = state;
      state = applyEntry(state, e, to.entries);
    }
    if (lastDay !== known.lastDay) beforeLast ??= state;
    final = state;
  }
  derivedCache.set(to, { order, lastDay, lastStart, ...(final ? { final } : {}), ...(beforeLast ? { beforeLast } : {}) });
}

/** Records events after `from` (in stream order) and derives the state with everything known. */
export function fold(events: Iterable<RecordedEvent>, from: History = initialState()): PartnershipState {
  return stateAt(recordAll(from, events));
}

export function evolve(state: History, event: RecordedEvent): PartnershipState {
  return fold([event], state);
}
