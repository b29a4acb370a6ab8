// Status rows from the domain's derived state: pure, shared by the projector and the as-of reads.
import { businessDateEnd, effectiveStanding, openPlans, type DerivedState } from '../../domain/index.js';
import { planView, upcoming } from '../plans.js';
import { receiptCounts } from '../receipts/receipts.js';
import type { CurrentPaper, NextScheduled, PartnershipDetail } from './status.types.js';

function currentPaper(state: DerivedState): CurrentPaper | null {
  const papers = Object.values(state.papers);
  if (!papers.length) return null;
  // The most recently drafted paper is the one in motion.
  const p = papers.reduce((a, b) => (businessDateEnd(b.draftedOn) >= businessDateEnd(a.draftedOn) ? b : a));
  return { reference: p.reference, title: p.title, stage: p.stage, proposedTier: p.proposedTier, lastOutcome: p.lastOutcome };
}

/** Everything of the detail view that does not depend on today's date. */
export type StaticDetail = Omit<PartnershipDetail, 'standing' | 'nextScheduled' | 'asOf'> & { recordedStanding: string };

export function staticDetail(partnershipId: string, state: DerivedState & { version: number }, updatedAt: string): StaticDetail {
  return {
    partnershipId,
    version: state.version,
    tier: state.tier,
    recordedStanding: state.standing,
    ownMunicipality: state.ownMunicipality ?? null,
    counterpart: state.counterpart?.name ?? null,
    counterpartCountry: state.counterpart?.country ?? null,
    formerNames: (state.counterpart?.formerNames ?? []).map((f) => ({ name: f.name, from: f.from, until: f.until })),
    pendingUpgrade: state.pendingUpgrade
      ? {
          tier: state.pendingUpgrade.tier,
          decidedOn: state.pendingUpgrade.decidedOn,
          paperReference: state.pendingUpgrade.paperReference,
          resolutionReference: state.pendingUpgrade.resolutionReference,
        }
      : null,
    currentPaper: currentPaper(state),
    lastMilestoneOn: state.lastMilestoneOn ?? null,
    aidDelivered: { ...state.aidDelivered },
    aidCommitted: { ...state.aidCommitted },
    aidReceipts: receiptCounts(state),
    areas: [...state.areas],
    participantCount: state.participants.length,
    agreements: state.agreements.map((a) => {
      const plan = state.plans.find((p) => p.status === 'fulfilled' && p.fulfilledBy === a.eventId);
      return {
        eventId: a.eventId,
        kind: a.kind,
        signedOn: a.signedOn,
        tier: a.tier,
        mode: a.mode,
        venue: a.venue,
        ...(plan ? { plannedFor: plan.date } : {}),
      };
    }),
    updatedAt,
    predecessorId: state.predecessorId ?? null,
    coordinatingOffice: state.coordinatingOffice ?? null,
    mandateReference: state.mandateReference ?? null,
    papers: Object.values(state.papers).map((p) => ({
      reference: p.reference,
      title: p.title,
      stage: p.stage,
      proposedTier: p.proposedTier,
      lastOutcome: p.lastOutcome,
    })),
    councilDecisions: state.councilDecisions.map((d) => ({
      eventId: d.eventId,
      decidedOn: d.decidedOn,
      outcome: d.outcome,
      paperReference: d.paperReference,
      resolutionReference: d.resolutionReference,
    })),
    // Only live plans: a fulfilled, rescheduled or cancelled one shows in the timeline, not here.
    scheduledSignings: openPlans(state)
      .filter((p) => p.type === 'AgreementSigningScheduled')
      .map((p) => ({
        eventId: p.current ?? p.uid,
        plannedOn: p.date,
        ...(typeof p.data.agreementKind === 'string' ? { agreementKind: p.data.agreementKind } : {}),
        ...(typeof p.data.mode === 'string' ? { mode: p.data.mode } : {}),
        ...(typeof p.data.venue === 'string' ? { venue: p.data.venue } : {}),
      })),
    plans: openPlans(state).map(planView),
    participants: state.participants.map((p) => ({
      organisation: p.organisation,
      participantType: p.participantType,
      side: p.side,
      joinedOn: p.joinedOn,
    })),
  };
}

export function searchText(state: DerivedState, partnershipId: string): string {
  const names = [state.ownMunicipality, state.counterpart?.name, ...(state.counterpart?.formerNames ?? []).map((f) => f.name)]
    .flatMap((n) => (n ? Object.values(n) : []))
    .filter((v): v is string => typeof v === 'string');
  return [partnershipId, ...names, ...state.areas, state.counterpart?.country ?? '', state.coordinatingOffice ?? '']
    .join(' ')
    .toLocaleLowerCase();
}

/** The detail on `day`: standing (dormant or not) and the next plan depend on the day asked about. */
export function detailFrom(
  stat: StaticDetail,
  derived: DerivedState,
  day: string,
  dormantAfterDays: number,
  asOf: PartnershipDetail['asOf'] = null,
): PartnershipDetail {
  const { recordedStanding: _r, ...rest } = stat;
  const next = upcoming(derived, day)[0];
  const nextScheduled: NextScheduled | null = next ? { eventId: next.eventId, kind: next.kind, title: next.title, date: next.date } : null;
  return { ...rest, standing: effectiveStanding(derived, day, dormantAfterDays), nextScheduled, asOf };
}
