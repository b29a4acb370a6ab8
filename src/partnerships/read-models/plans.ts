// Plans as readers see them: the status's upcoming items, the calendar, the timeline's annotations.
import { businessDateStart, openPlans, type BusinessDate, type DerivedState, type Plan } from '../domain/index.js';

/** A text field of event data, or '' (data read back from JSON may hold anything). */
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

const SCHEDULE_TITLE: Record<string, (d: Readonly<Record<string, unknown>>) => string> = {
  AgreementSigningScheduled: (d) =>
    `Signing${text(d.agreementKind) ? ` (${text(d.agreementKind).replace(/_/g, ' ')})` : ''}${text(d.venue) ? ` — ${text(d.venue)}` : ''}`,
  BoardReviewed: (d) => `Board review: ${text(d.body)}`.trim(),
  ReferredToCommittee: (d) => `Committee referral: ${text(d.committee)}`.trim(),
  CommitteeDecided: (d) => `Committee decision: ${text(d.committee)}`.trim(),
  CouncilDecided: (d) => `Council decision${text(d.body) ? `: ${text(d.body)}` : ''}`,
  ActivityHeld: (d) => text(d.title) || 'Activity',
};

export function scheduleTitle(kind: string, data: Readonly<Record<string, unknown>>): string {
  return (SCHEDULE_TITLE[kind] ?? (() => kind))(data);
}

/** A live plan, as the status shows it. */
export interface PlanView {
  uid: string;
  /** the current plan entry */
  eventId: string;
  kind: string;
  title: string;
  date: BusinessDate;
  madeOn: BusinessDate;
  sequence: number;
  mode?: string;
  venue?: string;
}

export function planView(p: Plan): PlanView {
  return {
    uid: p.uid,
    eventId: p.current ?? p.uid,
    kind: p.type,
    title: scheduleTitle(p.type, p.data),
    date: p.date,
    madeOn: p.madeOn,
    sequence: p.sequence,
    ...(typeof p.data.mode === 'string' ? { mode: p.data.mode } : {}),
    ...(typeof p.data.venue === 'string' ? { venue: p.data.venue } : {}),
  };
}

/** Open plans whose planned date is on or after `day`, soonest first. */
export function upcoming(state: Pick<DerivedState, 'plans'>, day: string): PlanView[] {
  return openPlans(state)
    .filter((p) => businessDateStart(p.date) >= day)
    .sort((a, b) =>
      businessDateStart(a.date) < businessDateStart(b.date) ? -1 : businessDateStart(a.date) > businessDateStart(b.date) ? 1 : 0,
    )
    .map(planView);
}

/** How a plan entry ended up, for the timeline: still open, rescheduled, fulfilled or cancelled. */
export interface PlanAnnotation {
  uid: string;
  status: 'open' | 'rescheduled' | 'fulfilled' | 'cancelled';
  /** the signing, decision or activity that fulfilled it */
  fulfilledBy?: string;
}

export function planAnnotations(state: Pick<DerivedState, 'plans'>): Map<string, PlanAnnotation> {
  const out = new Map<string, PlanAnnotation>();
  for (const p of state.plans) {
    for (const id of p.entries) {
      const status = p.current !== id && p.status !== 'cancelled' ? 'rescheduled' : p.status;
      out.set(id, { uid: p.uid, status, ...(status === 'fulfilled' && p.fulfilledBy ? { fulfilledBy: p.fulfilledBy } : {}) });
    }
  }
  return out;
}
