// Queries of the status read model: one partnership (now, or as of a date), the filtered list, the dormant ones.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import type { StoredEvent } from '../../../event-store/types.js';
import { Clock } from '../../../shared/clock.js';
import { InvalidInputError } from '../../../shared/errors.js';
import { dayOf, fold, PartnershipNotFoundError, type Standing, type Tier } from '../../domain/index.js';
import { PartnershipSource, type AsOf } from '../as-of.js';
import { toRecorded } from '../batch.js';
import { CalendarQueries, scheduleTitle } from '../calendar/calendar.queries.js';
import { escapeLike } from '../sql.js';
import { TimelineBuilder, sortDateOf } from '../timeline/timeline-builder.js';
import type { TimelineEntry } from '../timeline/timeline.types.js';
import { derivedOf, detailFrom, staticDetail, type StaticDetail } from './status.view.js';
import type { PartnershipDetail, PartnershipSummary } from './status.types.js';

export interface ListFilter {
  tier?: Tier;
  standing?: Standing;
  counterpart?: string;
  area?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

@Injectable()
export class StatusQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PartnershipSource) private readonly source: PartnershipSource,
    @Inject(CalendarQueries) private readonly calendar: CalendarQueries,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return dayOf(this.clock.now().toISOString());
  }

  async get(id: string, asOf?: AsOf): Promise<PartnershipDetail> {
    const source = await this.source.of(id, asOf);
    if (source.from === 'events') return this.detailFromEvents(id, source.events, source.asOf);
    const { rows } = await this.pool.query(`SELECT summary, state FROM partnership_status WHERE partnership_id = $1`, [id]);
    const today = this.today();
    return detailFrom(
      rows[0].summary as StaticDetail,
      rows[0].state,
      today,
      this.config.DORMANT_AFTER_DAYS,
      await this.calendar.nextScheduled(id, today),
    );
  }

  private detailFromEvents(id: string, events: StoredEvent[], asOf: AsOf | null): PartnershipDetail {
    const state = fold(events.map(toRecorded));
    if (!state.exists) {
      throw new PartnershipNotFoundError(id, `Partnership ${id} did not exist yet at that time.`);
    }
    const derived = derivedOf(state);
    const today = asOf?.validAt ?? this.today();
    const builder = new TimelineBuilder();
    for (const e of events) builder.apply(e);
    const next =
      builder
        .sorted()
        .filter((t) => isScheduled(t, builder) && (sortDateOf(t) ?? '') >= today)
        .map((t) => ({ eventId: t.eventId, kind: t.type, title: scheduleTitle(t.type, t.data), date: t.occurredOn! }))[0] ?? null;
    const updatedAt = events.length ? events[events.length - 1].recordedAt.toISOString() : this.clock.now().toISOString();
    return detailFrom(
      staticDetail(id, derived, updatedAt),
      derived,
      today,
      this.config.DORMANT_AFTER_DAYS,
      next,
      asOf ? { validAt: asOf.validAt ?? null, knownAt: asOf.knownAt ?? null } : null,
    );
  }

  async list(filter: ListFilter = {}): Promise<{ items: PartnershipSummary[]; nextCursor: string | null }> {
    const limit = filter.limit ?? 20;
    const today = this.today();
    const params: unknown[] = [today, this.config.DORMANT_AFTER_DAYS];
    const where: string[] = [];
    const standingExpr = `CASE WHEN s.standing = 'active' AND s.last_milestone_end IS NOT NULL AND $1::date - s.last_milestone_end > $2 THEN 'dormant' ELSE s.standing END`;
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.tier) add('s.tier = ?', filter.tier);
    if (filter.standing) add(`${standingExpr} = ?`, filter.standing);
    if (filter.counterpart)
      add(`lower(coalesce(s.counterpart::text, '')) LIKE ?`, `%${escapeLike(filter.counterpart.toLocaleLowerCase())}%`);
    if (filter.area) add(`EXISTS (SELECT 1 FROM unnest(s.areas) a WHERE lower(a) = ?)`, filter.area.toLocaleLowerCase().trim());
    if (filter.q) add(`s.search LIKE ?`, `%${escapeLike(filter.q.toLocaleLowerCase())}%`);
    if (filter.cursor) add('s.partnership_id > ?', this.decodeCursor(filter.cursor));
    params.push(limit + 1);
    const { rows } = await this.pool.query(
      `SELECT s.summary, s.state, ${standingExpr} AS standing, n.event_id AS n_event_id, n.kind AS n_kind, n.occurred_on AS n_on, n.data AS n_data
         FROM partnership_status s
         LEFT JOIN LATERAL (SELECT c.event_id, c.kind, c.occurred_on, c.data FROM calendar_items c
                             WHERE c.partnership_id = s.partnership_id AND c.sort_date >= $1
                             ORDER BY c.sort_date, c.stream_version LIMIT 1) n ON true
        ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY s.partnership_id LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const items = page.map((r) => {
      const next = r.n_event_id ? { eventId: r.n_event_id, kind: r.n_kind, title: scheduleTitle(r.n_kind, r.n_data), date: r.n_on } : null;
      const d = detailFrom(r.summary, r.state, today, this.config.DORMANT_AFTER_DAYS, next);
      return summaryOf(d);
    });
    const nextCursor = rows.length > limit ? this.encodeCursor(page[page.length - 1].summary.partnershipId) : null;
    return { items, nextCursor };
  }

  encodeCursor(after: string): string {
    const payload = Buffer.from(JSON.stringify({ a: after })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  private decodeCursor(cursor: string): string {
    const bad = () =>
      new InvalidInputError([
        { field: 'cursor', reason: 'is not a cursor this service issued (it may have been altered); start again without it' },
      ]);
    const [payload, sig] = cursor.split('.');
    if (!payload || !sig) throw bad();
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw bad();
    try {
      const v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof v?.a !== 'string') throw new Error();
      return v.a;
    } catch {
      throw bad();
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.config.CURSOR_SECRET).update(payload).digest('base64url').slice(0, 22);
  }

  /** Active partnerships with no milestone for DORMANT_AFTER_DAYS, as of today's clock. */
  async dormant(): Promise<PartnershipSummary[]> {
    const out: PartnershipSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ standing: 'dormant', limit: 100, cursor });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }
}

/** Mirrors the calendar step: planned entries, and signings scheduled but not yet followed by one. */
function isScheduled(t: TimelineEntry, b: TimelineBuilder): boolean {
  if (t.retracted) return false;
  if (t.planned) return true;
  if (t.type !== 'AgreementSigningScheduled') return false;
  for (const s of b.entries.values()) if (s.type === 'AgreementSigned' && !s.retracted && s.streamVersion > t.streamVersion) return false;
  return true;
}

function summaryOf(d: PartnershipDetail): PartnershipSummary {
  const {
    predecessorId: _p,
    coordinatingOffice: _c,
    mandateReference: _m,
    papers: _pa,
    councilDecisions: _cd,
    scheduledSignings: _s,
    participants: _pt,
    asOf: _a,
    ...summary
  } = d;
  return summary;
}
