// Reminders of obligations: for each open obligation, a 'due-soon' reminder REMINDER_DAYS before its
// due date and an 'overdue' one the day after it. `remindersDue` is pure (the day comes from the
// caller's clock); ObligationReminders reads the open obligations of every organisation (system work)
// and gives each reminder to the organisation whose funding entry imposed the obligation: in a shared
// partnership the partner's deadline subscribers are reminded of the partner's obligations.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { streamOrganisations } from '../organisations/acting.js';
import { addDays, dayOf } from '../partnerships/domain/index.js';
import { ObligationQueries, type ObligationRow } from '../partnerships/read-models/obligations/obligations.queries.js';
import { Clock } from '../shared/clock.js';

export interface ObligationReminder {
  organisationId: string;
  partnershipId: string;
  obligationId: string;
  kind: 'due-soon' | 'overdue';
  /** YYYY-MM-DD */
  dueDate: string;
  title: string;
}

/** The day each reminder of an obligation due on `dueDate` falls on. */
export function reminderDays(dueDate: string, reminderDaysBefore: number): Record<ObligationReminder['kind'], string> {
  return { 'due-soon': addDays(dueDate, -reminderDaysBefore), overdue: addDays(dueDate, 1) };
}

/**
 * The reminders that fall after `since` and on or before `today` (both YYYY-MM-DD; `since` defaults
 * to the day before today). A scheduler that passes the day of its previous run gets each reminder
 * exactly once, however irregularly it runs; one that missed days catches up on them.
 * The pair (obligationId, kind, dueDate) identifies a reminder: an extension gives new ones.
 */
export function remindersDue(
  open: readonly Pick<ObligationRow, 'organisationId' | 'partnershipId' | 'obligationId' | 'dueDate' | 'title' | 'status'>[],
  opts: { today: string; reminderDays: number; since?: string },
): ObligationReminder[] {
  const since = opts.since ?? addDays(opts.today, -1);
  const out: ObligationReminder[] = [];
  for (const o of open) {
    if (o.status !== 'open') continue;
    const days = reminderDays(o.dueDate, opts.reminderDays);
    for (const kind of ['due-soon', 'overdue'] as const) {
      if (days[kind] > since && days[kind] <= opts.today) {
        out.push({
          organisationId: o.organisationId,
          partnershipId: o.partnershipId,
          obligationId: o.obligationId,
          kind,
          dueDate: o.dueDate,
          title: o.title,
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.partnershipId.localeCompare(b.partnershipId) ||
      a.obligationId.localeCompare(b.obligationId) ||
      a.kind.localeCompare(b.kind),
  );
}

@Injectable()
export class ObligationReminders {
  constructor(
    @Inject(ObligationQueries) private readonly obligations: ObligationQueries,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /**
   * The reminders due at `at` (default: the clock's now) that fell after `since` (default: the day
   * before). Days are the UTC calendar days of the timestamps, as the status defines "today".
   */
  async due(at: Date = this.clock.now(), since?: Date): Promise<ObligationReminder[]> {
    const today = dayOf(at.toISOString());
    const reminderDaysBefore = this.config.REMINDER_DAYS;
    const from = since ? dayOf(since.toISOString()) : addDays(today, -1);
    // Only obligations whose reminder days can fall in (from, today]: overdue ones due from `from`
    // on, due-soon ones due up to today + REMINDER_DAYS.
    const open = await this.obligations.list({ status: 'open', dueFrom: from, dueBy: addDays(today, reminderDaysBefore) });
    // An obligation is the side's whose funding entry imposed it (only that side settles it): its
    // subscribers are reminded, while it still reads the partnership; else the owner's.
    const { rows } = await this.pool.query<{ event_id: string; organisation_id: string }>(
      'SELECT event_id, organisation_id FROM events WHERE event_id = ANY($1::uuid[])',
      [[...new Set(open.map((o) => o.fundingEventId))]],
    );
    const imposedBy = new Map(rows.map((r) => [r.event_id, r.organisation_id]));
    const readers = new Map<string, string[]>();
    for (const id of new Set(open.map((o) => o.partnershipId))) readers.set(id, await streamOrganisations(this.pool, id));
    const each = open.map((o) => {
      const side = imposedBy.get(o.fundingEventId);
      return side && readers.get(o.partnershipId)?.includes(side) ? { ...o, organisationId: side } : o;
    });
    return remindersDue(each, { today, reminderDays: reminderDaysBefore, since: from });
  }
}
