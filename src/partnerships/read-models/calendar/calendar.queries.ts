// Queries of the calendar: what is scheduled, and the next item of a partnership.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { Clock } from '../../../shared/clock.js';
import { dayOf } from '../../domain/index.js';
import { PartnershipSource } from '../as-of.js';
import type { NextScheduled } from '../status/status.types.js';
import type { CalendarItem } from './calendar.types.js';

const SCHEDULE_TITLE: Record<string, (d: Record<string, any>) => string> = {
  AgreementSigningScheduled: (d) =>
    `Signing${d.agreementKind ? ` (${String(d.agreementKind).replace(/_/g, ' ')})` : ''}${d.venue ? ` — ${d.venue}` : ''}`,
  BoardReviewed: (d) => `Board review: ${d.body ?? ''}`.trim(),
  ReferredToCommittee: (d) => `Committee referral: ${d.committee ?? ''}`.trim(),
  CommitteeDecided: (d) => `Committee decision: ${d.committee ?? ''}`.trim(),
  CouncilDecided: (d) => `Council decision${d.body ? `: ${d.body}` : ''}`,
  ActivityHeld: (d) => String(d.title ?? 'Activity'),
};

export function scheduleTitle(kind: string, data: Record<string, unknown>): string {
  return (SCHEDULE_TITLE[kind] ?? (() => kind))(data as Record<string, any>);
}

@Injectable()
export class CalendarQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PartnershipSource) private readonly source: PartnershipSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private today(): string {
    return dayOf(this.clock.now().toISOString());
  }

  /** The first calendar item of a partnership on or after `today`. */
  async nextScheduled(id: string, today: string): Promise<NextScheduled | null> {
    const { rows } = await this.pool.query(
      `SELECT event_id, kind, occurred_on, data FROM calendar_items WHERE partnership_id = $1 AND sort_date >= $2
        ORDER BY sort_date, stream_version LIMIT 1`,
      [id, today],
    );
    return rows[0]
      ? { eventId: rows[0].event_id, kind: rows[0].kind, title: scheduleTitle(rows[0].kind, rows[0].data), date: rows[0].occurred_on }
      : null;
  }

  async calendar(q: { from?: string; days?: number; partnershipId?: string } = {}): Promise<CalendarItem[]> {
    const from = q.from ?? this.today();
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + (q.days ?? 365) * 86_400_000).toISOString().slice(0, 10);
    const params: unknown[] = [from, to];
    let extra = '';
    if (q.partnershipId) {
      // Scoped to one partnership: the same read-your-writes wait as its status (no fold fallback here).
      await this.source.projectionHasApplied(q.partnershipId).catch(() => undefined);
      params.push(q.partnershipId);
      extra = ` AND partnership_id = $3`;
    }
    const { rows } = await this.pool.query(
      `SELECT * FROM calendar_items WHERE sort_date >= $1 AND sort_date <= $2${extra} ORDER BY sort_date, partnership_id, stream_version`,
      params,
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      partnershipId: r.partnership_id,
      kind: r.kind,
      title: scheduleTitle(r.kind, r.data),
      date: r.occurred_on,
      ...(r.data.mode ? { mode: r.data.mode } : {}),
      ...(r.data.venue ? { venue: r.data.venue } : {}),
    }));
  }
}
