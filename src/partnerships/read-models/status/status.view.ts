// Status rows from the domain's derived state: pure, shared by the projector and the as-of reads.
import { businessDateEnd, effectiveStanding, type DerivedState, type PartnershipState } from '../../domain/index.js';
import type { CurrentPaper, NextScheduled, PartnershipDetail } from './status.types.js';

/** The derived part of the domain state: what the status row keeps (entries stay in the timeline). */
export function derivedOf(state: PartnershipState): DerivedState & { version: number } {
  const { entries: _e, entryOrder: _o, ...rest } = state;
  return rest;
}

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
    areas: [...state.areas],
    participantCount: state.participants.length,
    agreements: state.agreements.map((a) => ({
      eventId: a.eventId,
      kind: a.kind,
      signedOn: a.signedOn,
      tier: a.tier,
      mode: a.mode,
      venue: a.venue,
    })),
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
    scheduledSignings: state.scheduledSignings.map((s) => ({ ...s })),
    participants: state.participants.map((p) => ({
      organisation: p.organisation,
      participantType: p.participantType,
      side: p.side,
      joinedOn: p.joinedOn,
    })),
  };
}

export function searchText(state: DerivedState, partnershipId: string): string {
  const names = [state.ownMunicipality, state.counterpart?.name, ...(state.counterpart?.formerNames ?? [])]
    .flatMap((n) => (n ? Object.values(n) : []))
    .filter((v): v is string => typeof v === 'string');
  return [partnershipId, ...names, ...state.areas, state.counterpart?.country ?? '', state.coordinatingOffice ?? '']
    .join(' ')
    .toLocaleLowerCase();
}

export function detailFrom(
  stat: StaticDetail,
  derived: DerivedState,
  today: string,
  dormantAfterDays: number,
  nextScheduled: NextScheduled | null,
  asOf: PartnershipDetail['asOf'] = null,
): PartnershipDetail {
  const { recordedStanding: _r, ...rest } = stat;
  return { ...rest, standing: effectiveStanding(derived, today, dormantAfterDays), nextScheduled, asOf };
}
