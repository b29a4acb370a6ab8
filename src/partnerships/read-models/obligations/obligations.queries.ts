// Queries of the obligations read model: an organisation's obligations for the API, the open ones
// due soon or overdue for the digest and reminders, and the calendar's all-day entries.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { v5 as uuidv5 } from 'uuid';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { readablePartnerships } from '../../../organisations/access.js';
import type { Obligation } from '../../domain/index.js';
import type { CalendarItem } from '../calendar/calendar.types.js';

/** One obligation as the read model holds it. */
export interface ObligationRow {
  organisationId: string;
  partnershipId: string;
  obligationId: string;
  fundingEventId: string;
  kind: string;
  title: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: 'open' | 'fulfilled' | 'waived';
  sequence: number;
  obligation: Obligation;
}

export interface ObligationFilter {
  /** only this organisation's (request code passes the acting organisation; background work none) */
  organisationId?: string;
  partnershipId?: string;
  status?: ObligationRow['status'];
  /** due on or before this day (YYYY-MM-DD) */
  dueBy?: string;
  /** due on or after this day (YYYY-MM-DD) */
  dueFrom?: string;
}

// Calendar UIDs of obligations: stable UUIDs from the funding entry and the obligation id.
const OBLIGATION_UID_NAMESPACE = '7d4f2a61-3c8e-5b9a-9e1f-0a2b3c4d5e6f';

const toDay = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

@Injectable()
export class ObligationQueries {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async list(filter: ObligationFilter = {}): Promise<ObligationRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    // An organisation's: the partnerships it owns and those shared with it (a partner's digest and reminders too).
    if (filter.organisationId) add(`partnership_id IN ${readablePartnerships('?')}`, filter.organisationId);
    if (filter.partnershipId) add('partnership_id = ?', filter.partnershipId);
    if (filter.status) add('status = ?', filter.status);
    if (filter.dueBy) add('due_date <= ?::date', filter.dueBy);
    if (filter.dueFrom) add('due_date >= ?::date', filter.dueFrom);
    // The date column is read as text: a pg Date would be midnight in the process's time zone.
    const { rows } = await this.pool.query(
      `SELECT organisation_id, partnership_id, obligation_id, funding_event_id, kind, title, due_date::text AS due_date, status,
              sequence, obligation
         FROM obligations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY due_date, partnership_id, obligation_id`,
      params,
    );
    return rows.map((r) => ({
      organisationId: r.organisation_id,
      partnershipId: r.partnership_id,
      obligationId: r.obligation_id,
      fundingEventId: r.funding_event_id,
      kind: r.kind,
      title: r.title,
      dueDate: toDay(r.due_date),
      status: r.status,
      sequence: r.sequence,
      obligation: r.obligation,
    }));
  }

  /** Open obligations due from `from` through `to` (and waived ones, for subscriptions), as calendar entries. */
  async calendarItems(q: {
    from: string;
    to: string;
    partnershipId?: string;
    withCancelled?: boolean;
    organisationId?: string;
  }): Promise<CalendarItem[]> {
    const rows = await this.list({
      dueFrom: q.from,
      dueBy: q.to,
      ...(q.partnershipId ? { partnershipId: q.partnershipId } : {}),
      ...(q.organisationId ? { organisationId: q.organisationId } : {}),
    });
    return rows
      .filter((r) => r.status === 'open' || (q.withCancelled && r.status === 'waived'))
      .map((r) => ({
        uid: obligationUid(r),
        eventId: r.fundingEventId,
        partnershipId: r.partnershipId,
        kind: 'ObligationDue',
        title: `Due: ${r.title}`,
        date: { date: r.dueDate, precision: 'day' },
        madeOn: r.obligation.since,
        sequence: r.sequence,
        status: r.status === 'open' ? 'open' : 'cancelled',
        changedAt: null,
      }));
  }
}

function obligationUid(r: Pick<ObligationRow, 'fundingEventId' | 'obligationId'>): string {
  return uuidv5(`${r.fundingEventId}/${r.obligationId}`, OBLIGATION_UID_NAMESPACE);
}
