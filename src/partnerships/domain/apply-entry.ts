// One entry applied to the state before it: the only place where a milestone changes the state.
import { isPlan } from './business-order.js';
import { compareBusinessDates } from './dates.js';
import type { EventType, PartnershipEvent } from './events.js';
import { ANNOTATIONS, type EntryRecord } from './history.js';
import { addMoney } from './money.js';
import { actOnObligation, addObligations } from './obligations.js';
import { applyPlan, fulfilPlan } from './plans.js';
import {
  nameKey,
  participantKey,
  type CouncilDecisionSummary,
  type DeliveryState,
  type DerivedState,
  type FormerName,
  type PaperStage,
  type PendingUpgrade,
} from './state.js';
import { tierRank, type AgreementKind, type BusinessDate, type Tier } from './vocabulary.js';

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
 * What one fold may change in place: the deliveries record it copied itself, which no state it has
 * handed out holds. Copying the whole record per delivery and receipt made a fold quadratic in
 * deliveries. A caller that keeps a state and folds on must `releaseScratch` first.
 */
export interface FoldScratch {
  deliveries?: Record<string, DeliveryState>;
}

/** The states handed out so far keep their deliveries: the next change copies them once. */
export function releaseScratch(scratch: FoldScratch): void {
  scratch.deliveries = undefined;
}

function withDelivery(d: DerivedState, id: string, delivery: DeliveryState, scratch: FoldScratch | undefined): DerivedState['deliveries'] {
  if (!scratch) return { ...d.deliveries, [id]: delivery };
  if (scratch.deliveries !== d.deliveries) scratch.deliveries = { ...d.deliveries };
  // Same key order as the copy: a new id goes last, an existing one keeps its place.
  scratch.deliveries[id] = delivery;
  return scratch.deliveries;
}

/**
 * Applies one entry (with its current, corrected data) to the state before it. Retracted entries
 * count only for the plans they belonged to (their uid and sequence); plans change no status.
 * With `scratch`, the state before it is not to be kept (see FoldScratch).
 */
export function applyEntry(
  d: DerivedState,
  entry: EntryRecord,
  entries: Readonly<Record<string, EntryRecord>> = {},
  scratch?: FoldScratch,
): DerivedState {
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
      const deliveries = withDelivery(next, entry.eventId, { deliveredOn: event.data.occurredOn, confirmations: [] }, scratch);
      return v ? { ...next, deliveries, aidDelivered: addTo(next.aidDelivered, v.currency, v.amount) } : { ...next, deliveries };
    }
    case 'AidReceiptConfirmed': {
      const e = event.data;
      const delivery = next.deliveries[e.deliveryId];
      // A confirmation of a delivery not in force on its date changes nothing (the decider refuses it).
      if (!delivery) return next;
      const confirmation = {
        eventId: entry.eventId,
        receivedOn: e.occurredOn,
        received: e.received,
        ...(e.discrepancies !== undefined ? { discrepancies: e.discrepancies } : {}),
        ...(e.documentReference !== undefined ? { documentReference: e.documentReference } : {}),
      };
      return {
        ...next,
        deliveries: withDelivery(next, e.deliveryId, { ...delivery, confirmations: [...delivery.confirmations, confirmation] }, scratch),
      };
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
    case 'FundingReceived':
      return addObligations(next, entry);
    case 'ObligationFulfilled':
    case 'ObligationExtended':
    case 'ObligationWaived':
      return actOnObligation(next, entry);
    case 'AgreementSigningScheduled':
    case 'ActivityHeld':
    case 'DocumentAttached':
    case 'NoteAdded':
    case 'EntryCorrected':
    case 'EntryRetracted':
      return next;
  }
}
