// Queries of the calendar: the plans still ahead (or cancelled, for subscriptions), and the due dates
// of open obligations as all-day entries.
import { readablePartnerships } from '../../../organisations/access.js';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { Clock } from '../../../shared/clock.js';
import { InvalidInputError } from '../../../shared/errors.js';
import { businessDateStart, dayOf } from '../../domain/index.js';
import { PartnershipSource } from '../as-of.js';
import { ObligationQueries } from '../obligations/obligations.queries.js';
import { scheduleTitle } from '../plans.js';
import type { CalendarItem } from './calendar.types.js';

export interface CalendarQuery {
  /** first day, YYYY-MM-DD (default today) */
  from?: string;
  days?: number;
  partnershipId?: string;
  /** also the plans that were cancelled (calendar subscriptions need them to remove the event) */
  withCancelled?: boolean;
  /** the due dates of open obligations too (default true) */
  withObligations?: boolean;
}

@Injectable()
export class CalendarQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PartnershipSource) private readonly source: PartnershipSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ObligationQueries) private readonly obligations: ObligationQueries,
  ) {}

  private today(): string {
    return dayOf(this.clock.now().toISOString());
  }

  /** Given an organisation: only the partnerships it may read. */
  async calendar(q: CalendarQuery = {}, organisationId?: string): Promise<CalendarItem[]> {
    const from = q.from ?? this.today();
    const end = new Date(Date.parse(`${from}T00:00:00Z`) + (q.days ?? 365) * 86_400_000);
    if (Number.isNaN(end.getTime()) || end.getUTCFullYear() > 9999) {
      throw new InvalidInputError([{ field: 'days', reason: `reaches past the year 9999 from ${from}` }]);
    }
    const params: unknown[] = [from, end.toISOString().slice(0, 10), q.withCancelled ? ['open', 'cancelled'] : ['open']];
    let extra = '';
    if (q.partnershipId) {
      // Scoped to one partnership: the same read-your-writes wait as its status (no fold fallback here).
      await this.source.projectionHasApplied(q.partnershipId).catch(() => undefined);
      params.push(q.partnershipId);
      extra = ` AND partnership_id = $4`;
    }
    if (organisationId) {
      params.push(organisationId);
      extra += ` AND partnership_id IN ${readablePartnerships(`$${params.length}`)}`;
    }
    const { rows } = await this.pool.query(
      `SELECT * FROM calendar_items WHERE sort_date >= $1 AND sort_date <= $2 AND status = ANY($3)${extra}
        ORDER BY sort_date, partnership_id, uid`,
      params,
    );
    const plans: CalendarItem[] = rows.map((r) => ({
      uid: r.uid,
      eventId: r.event_id,
      partnershipId: r.partnership_id,
      kind: r.kind,
      title: scheduleTitle(r.kind, r.data),
      date: r.occurred_on,
      madeOn: r.made_on,
      sequence: r.sequence,
      status: r.status,
      changedAt: r.changed_at ? (r.changed_at as Date).toISOString() : null,
      ...(r.data.mode ? { mode: r.data.mode } : {}),
      ...(r.data.venue ? { venue: r.data.venue } : {}),
    }));
    if (q.withObligations === false) return plans;
    const due = await this.obligations.calendarItems({
      from,
      to: params[1] as string,
      ...(q.partnershipId ? { partnershipId: q.partnershipId } : {}),
      ...(q.withCancelled ? { withCancelled: true } : {}),
      ...(organisationId ? { organisationId } : {}),
    });
    if (!due.length) return plans;
    const key = (i: CalendarItem) => `${businessDateStart(i.date)}\u0000${i.partnershipId}\u0000${i.uid}`;
    return [...plans, ...due].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}
