// Queries of the status read model: one partnership (now, or as of a date), the filtered list, the dormant ones.
import { readablePartnerships } from '../../../organisations/access.js';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { Clock } from '../../../shared/clock.js';
import {
  dayOf,
  fold,
  initialDerivedState,
  PartnershipNotFoundError,
  stateAt,
  type DerivedState,
  type Standing,
  type Tier,
} from '../../domain/index.js';
import { dayOfRead, PartnershipSource, type AsOf } from '../as-of.js';
import { toRecorded } from '../../recorded.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { escapeLike } from '../sql.js';
import type { ReceiptCounts } from '../receipts/receipts.js';
import { detailFrom, staticDetail } from './status.mapping.js';
import type { PartnershipDetail, PartnershipSummary } from './status.types.js';

export interface ListFilter {
  tier?: Tier;
  standing?: Standing;
  counterpart?: string;
  area?: string;
  q?: string;
  limit?: number;
  cursor?: string;
  /** only the partnerships this organisation may read */
  organisationId?: string;
}

/**
 * $1 partnership, $2 day: the stream's head version, and the projected status row in force that day
 * without its deliveries — they grow with the stream (hundreds of KB at 5,000 events) and the
 * status shows only their receipt counts, which receiptCountsOf answers.
 */
const STATUS_WITH_HEAD = `SELECT coalesce((SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1), 0) AS head,
         s.version, s.updated_at, h.valid_from::text, h.state - 'deliveries' AS state
    FROM (SELECT 1) AS one
    LEFT JOIN partnership_status s ON s.partnership_id = $1
    LEFT JOIN LATERAL (SELECT valid_from, state FROM partnership_status_history
                        WHERE partnership_id = $1 AND valid_from <= $2::date
                        ORDER BY valid_from DESC LIMIT 1) h ON s.version IS NOT NULL`;

/** $1 partnership, $2 valid_from: the receipt counts of that history row's deliveries (receiptCounts in SQL). */
const RECEIPT_COUNTS = `SELECT count(*) FILTER (WHERE d->'confirmations' @> '[{"received":"all"}]')::int AS confirmed,
         count(*) FILTER (WHERE coalesce(jsonb_array_length(d->'confirmations'), 0) = 0)::int AS awaiting,
         count(*)::int AS deliveries,
         (SELECT version FROM partnership_status WHERE partnership_id = $1) AS version
    FROM partnership_status_history h, jsonb_each(h.state->'deliveries') AS e(k, d)
   WHERE h.partnership_id = $1 AND h.valid_from = $2::date`;

// A history row at a projection version is a function of the stream's first `version` events,
// which never change, and no erasure changes a count: remembered by that, counting once per version.
const COUNTS_MAX = 10_000;
const countsSeen = new Map<string, ReceiptCounts>();

@Injectable()
export class StatusQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PartnershipSource) private readonly source: PartnershipSource,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return dayOf(this.clock.now().toISOString());
  }

  async get(id: string, asOf?: AsOf): Promise<PartnershipDetail> {
    if (!asOf?.knownAt) {
      // The common read in one round trip: the stream's head, and the projected status on the day
      // if the projection has applied it. Anything else goes the long way (waits, or folds).
      const day = asOf?.validAt || this.today();
      const { rows } = await this.pool.query({ name: 'status_with_head', text: STATUS_WITH_HEAD, values: [id, day] });
      const row = rows[0] as {
        head: number;
        version: number | null;
        updated_at: Date | null;
        valid_from: string | null;
        state: DerivedState | null;
      };
      if (row.head === 0) throw new PartnershipNotFoundError(id);
      if (row.version !== null && row.version >= row.head) {
        const state = { ...(row.state ?? initialDerivedState()), version: row.version };
        if (!state.exists) throw new PartnershipNotFoundError(id, `Partnership ${id} did not exist yet at that time.`);
        const shownAsOf = asOf?.validAt ? { validAt: asOf.validAt, knownAt: null } : null;
        const stat = { ...staticDetail(id, state, row.updated_at!.toISOString()), aidReceipts: await this.receiptCountsOf(id, row) };
        return detailFrom(stat, state, day, this.config.DORMANT_AFTER_DAYS, shownAsOf);
      }
    }
    const source = await this.source.of(id, asOf);
    const day = dayOfRead(source.asOf, this.today());
    const shownAsOf = source.asOf ? { validAt: source.asOf.validAt ?? null, knownAt: source.asOf.knownAt ?? null } : null;
    let state: DerivedState & { version: number };
    let updatedAt: string;
    if (source.from === 'events') {
      const history = fold(source.events.map(toRecorded));
      state = { ...stateAt(history, day), version: history.version };
      updatedAt = source.events.at(-1)?.recordedAt.toISOString() ?? this.clock.now().toISOString();
    } else {
      // One probe of the status history: the row in force on that day.
      const { rows } = await this.pool.query(
        `SELECT s.version, s.updated_at, h.state FROM partnership_status s
           LEFT JOIN LATERAL (SELECT state FROM partnership_status_history
                               WHERE partnership_id = s.partnership_id AND valid_from <= $2
                               ORDER BY valid_from DESC LIMIT 1) h ON true
          WHERE s.partnership_id = $1`,
        [id, day],
      );
      state = { ...(rows[0]?.state ?? initialDerivedState()), version: rows[0]?.version ?? 0 };
      updatedAt = (rows[0]?.updated_at as Date | undefined)?.toISOString() ?? this.clock.now().toISOString();
    }
    if (!state.exists) throw new PartnershipNotFoundError(id, `Partnership ${id} did not exist yet at that time.`);
    return detailFrom(staticDetail(id, state, updatedAt), state, day, this.config.DORMANT_AFTER_DAYS, shownAsOf);
  }

  private async receiptCountsOf(id: string, row: { version: number | null; valid_from: string | null }): Promise<ReceiptCounts> {
    if (row.valid_from === null) return { awaiting: 0, partlyConfirmed: 0, confirmed: 0 };
    const key = `${id}\n${row.valid_from}\n${row.version}`;
    const seen = countsSeen.get(key);
    if (seen) return seen;
    const { rows } = await this.pool.query({ name: 'status_receipt_counts', text: RECEIPT_COUNTS, values: [id, row.valid_from] });
    const r = rows[0] as { confirmed: number; awaiting: number; deliveries: number; version: number | null };
    const counts = { awaiting: r.awaiting, partlyConfirmed: r.deliveries - r.awaiting - r.confirmed, confirmed: r.confirmed };
    // The projection may have moved on in between: then these counts are newer than the row, not its own.
    if (r.version === row.version) {
      if (countsSeen.size >= COUNTS_MAX) countsSeen.clear();
      countsSeen.set(key, counts);
    }
    return counts;
  }

  async list(filter: ListFilter = {}): Promise<{ items: PartnershipSummary[]; nextCursor: string | null }> {
    const limit = filter.limit ?? 20;
    const today = this.today();
    const params: unknown[] = [today, this.config.DORMANT_AFTER_DAYS];
    const where: string[] = [];
    const standingExpr = `CASE WHEN s.standing = 'active' AND s.last_milestone_end IS NOT NULL AND $1::date - s.last_milestone_end > $2::int THEN 'dormant' ELSE s.standing END`;
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.organisationId) add(`s.partnership_id IN ${readablePartnerships('?')}`, filter.organisationId);
    if (filter.tier) add('s.tier = ?', filter.tier);
    if (filter.standing) add(`${standingExpr} = ?`, filter.standing);
    // Former names match too: a search for an old spelling finds the partnership.
    if (filter.counterpart)
      add(
        `lower(coalesce(s.counterpart::text, '') || coalesce(s.summary->>'formerNames', '')) LIKE ?`,
        `%${escapeLike(filter.counterpart.toLocaleLowerCase())}%`,
      );
    if (filter.area) add(`EXISTS (SELECT 1 FROM unnest(s.areas) a WHERE lower(a) = ?)`, filter.area.toLocaleLowerCase().trim());
    if (filter.q) add(`s.search LIKE ?`, `%${escapeLike(filter.q.toLocaleLowerCase())}%`);
    if (filter.cursor) add('s.partnership_id > ?', this.decodeCursor(filter.cursor));
    params.push(limit + 1);
    // Filters use the latest state; what is shown is the state in force today (a pledge dated ahead counts from its date).
    const { rows } = await this.pool.query(
      `SELECT s.partnership_id, s.version, s.updated_at, coalesce(h.state, s.state) AS state, ${standingExpr} AS standing
         FROM partnership_status s
         LEFT JOIN LATERAL (SELECT state FROM partnership_status_history
                             WHERE partnership_id = s.partnership_id AND valid_from <= $1
                             ORDER BY valid_from DESC LIMIT 1) h ON true
        ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY s.partnership_id LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const items = page.map((r) => {
      const state = { ...r.state, version: r.version };
      return summaryOf(
        detailFrom(staticDetail(r.partnership_id, state, r.updated_at.toISOString()), state, today, this.config.DORMANT_AFTER_DAYS),
      );
    });
    const nextCursor = rows.length > limit ? this.encodeCursor(page[page.length - 1].partnership_id) : null;
    return { items, nextCursor };
  }

  encodeCursor(after: string): string {
    return encodeCursor(this.config.CURSOR_SECRET, { a: after });
  }

  private decodeCursor(cursor: string): string {
    return decodeCursor(this.config.CURSOR_SECRET, cursor, (v): v is { a: string } => typeof (v as { a?: unknown } | null)?.a === 'string')
      .a;
  }

  /** Active partnerships with no milestone for DORMANT_AFTER_DAYS, as of today's clock. */
  async dormant(organisationId?: string): Promise<PartnershipSummary[]> {
    const out: PartnershipSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ standing: 'dormant', limit: 100, cursor, organisationId });
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }
}

function summaryOf(d: PartnershipDetail): PartnershipSummary {
  const {
    predecessorId: _p,
    coordinatingOffice: _c,
    mandateReference: _m,
    papers: _pa,
    councilDecisions: _cd,
    scheduledSignings: _s,
    plans: _pl,
    participants: _pt,
    obligations: _o,
    asOf: _a,
    ...summary
  } = d;
  return summary;
}
