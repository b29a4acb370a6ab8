// Office digest and reminders: what changed across all partnerships in a window, what is coming up,
// and what has gone quiet. Pure functions of the read models.
import { businessDateEnd, businessDateStart, daysBetween } from '../../partnerships/domain/index.js';
import type { CalendarItem } from '../../partnerships/read-models/calendar/calendar.types.js';
import type { ObligationRow } from '../../partnerships/read-models/obligations/obligations.queries.js';
import type { PartnershipSummary } from '../../partnerships/read-models/status/status.types.js';
import type { TimelineEntry } from '../../partnerships/read-models/timeline/timeline.types.js';
import { dateText, esc, humanize, nameText, page, table } from './html.js';
import { describeEntry } from './dossier.js';

interface DigestChange {
  partnershipId: string;
  eventId: string;
  type: string;
  occurredOn: string;
  description: string;
  recordedAt: string;
  actor: string | null;
  reason?: string;
}

export interface DigestModel {
  kind: 'office_digest';
  generatedAt: string;
  since: string;
  until: string;
  newMilestones: DigestChange[];
  corrections: DigestChange[];
  retractions: DigestChange[];
  upcoming: CalendarItem[];
  dormant: { partnershipId: string; partners: string; lastMilestoneOn: string }[];
  /** open obligations overdue today, and those due within REMINDER_DAYS */
  obligations: { today: string; reminderDays: number; overdue: DigestObligation[]; dueSoon: DigestObligation[] };
}

interface DigestObligation {
  partnershipId: string;
  obligationId: string;
  kind: string;
  title: string;
  dueDate: string;
  /** negative when overdue */
  daysLeft: number;
}

/** Open obligations overdue on `today`, and those due from today through today + reminderDays. */
function obligationsOf(rows: readonly ObligationRow[], today: string, reminderDays: number): DigestModel['obligations'] {
  const overdue: DigestObligation[] = [];
  const dueSoon: DigestObligation[] = [];
  for (const r of rows) {
    if (r.status !== 'open') continue;
    const daysLeft = daysBetween(today, r.dueDate);
    const item = {
      partnershipId: r.partnershipId,
      obligationId: r.obligationId,
      kind: r.kind,
      title: r.title,
      dueDate: r.dueDate,
      daysLeft,
    };
    if (daysLeft < 0) overdue.push(item);
    else if (daysLeft <= reminderDays) dueSoon.push(item);
  }
  const byDue = (a: DigestObligation, b: DigestObligation) =>
    a.dueDate.localeCompare(b.dueDate) || a.partnershipId.localeCompare(b.partnershipId) || a.obligationId.localeCompare(b.obligationId);
  return { today, reminderDays, overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue) };
}

const inWindow = (t: string, since: string, until: string) => t > since && t <= until;

export function buildDigest(input: {
  since: string;
  until: string;
  changes: TimelineEntry[];
  upcoming: CalendarItem[];
  dormant: PartnershipSummary[];
  generatedAt: string;
  /** open obligations (those due after today + reminderDays are left out) */
  obligations?: readonly ObligationRow[];
  today?: string;
  reminderDays?: number;
}): DigestModel {
  const { since, until } = input;
  const base = (e: TimelineEntry) => ({
    partnershipId: e.partnershipId,
    eventId: e.eventId,
    type: e.type,
    occurredOn: dateText(e.occurredOn),
    description: describeEntry(e),
  });
  const newMilestones: DigestChange[] = [];
  const corrections: DigestChange[] = [];
  const retractions: DigestChange[] = [];
  for (const e of input.changes) {
    if (inWindow(e.recordedAt, since, until)) newMilestones.push({ ...base(e), recordedAt: e.recordedAt, actor: e.actor });
    for (const c of e.corrections) {
      if (!c.retracted && inWindow(c.recordedAt, since, until))
        corrections.push({ ...base(e), recordedAt: c.recordedAt, actor: c.actor, reason: c.reason });
    }
    if (e.retraction && inWindow(e.retraction.recordedAt, since, until)) {
      retractions.push({ ...base(e), recordedAt: e.retraction.recordedAt, actor: e.retraction.actor, reason: e.retraction.reason });
    }
  }
  const byTime = (a: DigestChange, b: DigestChange) => a.recordedAt.localeCompare(b.recordedAt) || a.eventId.localeCompare(b.eventId);
  return {
    kind: 'office_digest',
    generatedAt: input.generatedAt,
    since,
    until,
    newMilestones: newMilestones.sort(byTime),
    corrections: corrections.sort(byTime),
    retractions: retractions.sort(byTime),
    upcoming: [...input.upcoming].sort((a, b) => businessDateStart(a.date).localeCompare(businessDateStart(b.date))),
    dormant: input.dormant.map((p) => ({
      partnershipId: p.partnershipId,
      partners: `${nameText(p.ownMunicipality)} – ${nameText(p.counterpart)}`,
      lastMilestoneOn: dateText(p.lastMilestoneOn),
    })),
    obligations: obligationsOf(input.obligations ?? [], input.today ?? until.slice(0, 10), input.reminderDays ?? 14),
  };
}

const changeRows = (list: DigestChange[], withReason: boolean) =>
  list.map((c) => [
    esc(c.partnershipId),
    esc(humanize(c.type)),
    esc(c.occurredOn),
    esc(withReason ? `${c.reason ?? ''}${c.description ? ` — ${c.description}` : ''}` : c.description),
    esc(`${c.recordedAt.slice(0, 16).replace('T', ' ')}${c.actor ? ` · ${c.actor}` : ''}`),
  ]);

const calendarRows = (items: CalendarItem[]) =>
  items.map((i) => [
    esc(dateText(i.date)),
    esc(i.partnershipId),
    esc(i.title || humanize(i.kind)),
    esc([humanize(i.mode), i.venue].filter((v) => v && v !== '—').join(', ') || '—'),
  ]);

export function renderDigestHtml(m: DigestModel): string {
  const cols = ['Partnership', 'Milestone', 'Date', 'Details', 'Recorded'];
  return page(
    'Office digest',
    m.generatedAt,
    `<p>Changes recorded after ${esc(m.since)} up to ${esc(m.until)}.</p>
<h2>New milestones (${m.newMilestones.length})</h2>${table(cols, changeRows(m.newMilestones, false))}
<h2>Corrections (${m.corrections.length})</h2>${table(cols, changeRows(m.corrections, true))}
<h2>Retractions (${m.retractions.length})</h2>${table(cols, changeRows(m.retractions, true))}
<h2>Upcoming (${m.upcoming.length})</h2>${table(['Date', 'Partnership', 'What', 'Mode / venue'], calendarRows(m.upcoming))}
<h2>Gone dormant (${m.dormant.length})</h2>${table(
      ['Partnership', 'Partners', 'Last milestone'],
      m.dormant.map((d) => [esc(d.partnershipId), esc(d.partners), esc(d.lastMilestoneOn)]),
    )}
<h2>Obligations overdue (${m.obligations.overdue.length})</h2>${obligationTable(m.obligations.overdue)}
<h2>Obligations due in the next ${m.obligations.reminderDays} days (${m.obligations.dueSoon.length})</h2>${obligationTable(
      m.obligations.dueSoon,
    )}`,
  );
}

const obligationTable = (list: DigestObligation[]) =>
  table(
    ['Due', 'Partnership', 'Obligation', 'Days left'],
    list.map((o) => [esc(o.dueDate), esc(o.partnershipId), esc(o.title), esc(o.daysLeft)]),
    [3],
  );

interface StalledPartnership {
  partnershipId: string;
  partners: string;
  lastMilestoneOn: string | null;
  daysQuiet: number | null;
  reasons: string[];
}

export interface RemindersModel {
  kind: 'reminders';
  generatedAt: string;
  today: string;
  days: number;
  stalledAfterDays: number;
  upcoming: CalendarItem[];
  stalled: StalledPartnership[];
}

/**
 * Upcoming: everything scheduled (consultations, signings, meetings) from today through today + days.
 * Stalled: an active (or dormant) partnership with something open (a paper on its way, an upgrade decided but not
 * signed, a planned item whose date has passed) and no milestone for stalledAfterDays.
 */
export function buildReminders(input: {
  today: string;
  days: number;
  stalledAfterDays: number;
  calendar: CalendarItem[];
  partnerships: PartnershipSummary[];
  generatedAt: string;
}): RemindersModel {
  const { today, days, stalledAfterDays } = input;
  const upcoming = input.calendar
    .filter((i) => {
      const d = daysBetween(today, businessDateStart(i.date));
      return daysBetween(today, businessDateEnd(i.date)) >= 0 && d <= days;
    })
    .sort((a, b) => businessDateStart(a.date).localeCompare(businessDateStart(b.date)));
  const stalled: StalledPartnership[] = [];
  for (const p of input.partnerships) {
    if (p.standing !== 'active' && p.standing !== 'dormant') continue;
    const reasons: string[] = [];
    if (p.currentPaper && p.currentPaper.stage !== 'council_decided')
      reasons.push(`paper ${p.currentPaper.reference} is at stage ${humanize(p.currentPaper.stage).toLowerCase()}`);
    if (p.pendingUpgrade)
      reasons.push(
        `upgrade to ${humanize(p.pendingUpgrade.tier).toLowerCase()} decided ${dateText(p.pendingUpgrade.decidedOn)} but not signed`,
      );
    if (p.nextScheduled && businessDateEnd(p.nextScheduled.date) < today)
      reasons.push(`${p.nextScheduled.title} was planned for ${dateText(p.nextScheduled.date)}`);
    const daysQuiet = p.lastMilestoneOn ? daysBetween(businessDateEnd(p.lastMilestoneOn), today) : null;
    if (reasons.length && (daysQuiet === null || daysQuiet >= stalledAfterDays)) {
      stalled.push({
        partnershipId: p.partnershipId,
        partners: `${nameText(p.ownMunicipality)} – ${nameText(p.counterpart)}`,
        lastMilestoneOn: dateText(p.lastMilestoneOn),
        daysQuiet,
        reasons,
      });
    }
  }
  stalled.sort((a, b) => (b.daysQuiet ?? Infinity) - (a.daysQuiet ?? Infinity) || a.partnershipId.localeCompare(b.partnershipId));
  return { kind: 'reminders', generatedAt: input.generatedAt, today, days, stalledAfterDays, upcoming, stalled };
}

export function renderRemindersHtml(m: RemindersModel): string {
  return page(
    'Reminders',
    m.generatedAt,
    `<h2>Coming up in the next ${m.days} days (${m.upcoming.length})</h2>${table(['Date', 'Partnership', 'What', 'Mode / venue'], calendarRows(m.upcoming))}
<h2>Stalled for ${m.stalledAfterDays}+ days (${m.stalled.length})</h2>${table(
      ['Partnership', 'Partners', 'Last milestone', 'Days quiet', 'Open'],
      m.stalled.map((s) => [
        esc(s.partnershipId),
        esc(s.partners),
        esc(s.lastMilestoneOn ?? '—'),
        esc(s.daysQuiet ?? '—'),
        esc(s.reasons.join('; ')),
      ]),
      [3],
    )}`,
  );
}
