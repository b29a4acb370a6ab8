// Plans: a signing scheduled, or a consultation or activity put in the calendar. A plan entry opens
// or reschedules a plan; the matching actual entry fulfils it.
import { asDate, foldDate, plannedDateOf } from './business-order.js';
import type { EventType } from './events.js';
import type { EntryRecord } from './history.js';
import { nameKey, type DerivedState, type Plan } from './state.js';

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

export function applyPlan(d: DerivedState, entry: EntryRecord, entries: Readonly<Record<string, EntryRecord>>): DerivedState {
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

export function fulfilPlan(d: DerivedState, entry: EntryRecord): DerivedState {
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
