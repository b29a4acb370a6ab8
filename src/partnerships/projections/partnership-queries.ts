import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PG_POOL } from '../../event-store/event-store.module.js';
import { PostgresEventStore } from '../../event-store/postgres-event-store.js';
import { ProjectionEngine } from '../../event-store/projections.js';
import type { StoredEvent } from '../../event-store/types.js';
import { ApiProblem, validationProblem } from '../../shared/problem.js';
import { Clock } from '../../shared/clock.js';
import {
  addDecimal,
  businessDateStart,
  dayOf,
  fold,
  PartnershipNotFoundError,
  type BusinessDate,
  type Standing,
  type Tier,
} from '../domain/index.js';
import { partnershipsProjection, rowToEntry, toRecorded } from './partnerships.projection.js';
import type {
  AidEntry,
  AidQuery,
  AidResult,
  CalendarItem,
  NextScheduled,
  PartnershipDetail,
  PartnershipSummary,
  Timeline,
  TimelineEntry,
} from './read-models.js';
import { derivedOf, detailFrom, staticDetail, type StaticDetail } from './status-view.js';
import { TimelineBuilder, sortDateOf } from './timeline-builder.js';

export interface AsOf {
  /** business date YYYY-MM-DD: the status as it was on that day */
  validAt?: string;
  /** record time: the status as the ledger knew it then */
  knownAt?: string;
}

export interface ListFilter {
  tier?: Tier;
  standing?: Standing;
  counterpart?: string;
  area?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

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

/** Events as of a business date and/or a record time; corrections apply only to entries kept. */
export function filterAsOf(events: StoredEvent[], asOf: AsOf): StoredEvent[] {
  const knownAt = asOf.knownAt ? new Date(asOf.knownAt).getTime() : null;
  const kept = new Set<string>();
  const out: StoredEvent[] = [];
  for (const e of events) {
    if (knownAt !== null && e.recordedAt.getTime() > knownAt) continue;
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === 'EntryCorrected' || e.type === 'EntryRetracted') {
      if (!kept.has(String(data.targetEventId))) continue;
    } else if (asOf.validAt) {
      const on = data.occurredOn as BusinessDate | undefined;
      if (on?.date && businessDateStart(on) > asOf.validAt) continue;
    }
    kept.add(e.eventId);
    out.push(e);
  }
  return out;
}

@Injectable()
export class PartnershipQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today(): string {
    return dayOf(this.clock.now().toISOString());
  }

  /**
   * Read-your-writes: if the projection has not yet applied the partnership's latest event, nudge
   * it and wait briefly; if it is still behind (stalled or busy elsewhere), answer from the stream.
   * Returns the stream's events when the answer must be folded, or null when the projection is current.
   */
  private async freshOrStream(id: string): Promise<StoredEvent[] | null> {
    const version = await this.store.streamVersion(id);
    if (version === 0) throw new PartnershipNotFoundError(id);
    const rowVersion = async () =>
      (await this.pool.query('SELECT version FROM partnership_status WHERE partnership_id = $1', [id])).rows[0]?.version ?? 0;
    if ((await rowVersion()) >= version) return null;
    const deadline = Date.now() + this.config.READ_YOUR_WRITES_WAIT_MS;
    await this.engine.catchUp(partnershipsProjection).catch(() => undefined);
    while (Date.now() < deadline) {
      if ((await rowVersion()) >= version) return null;
      await new Promise((r) => setTimeout(r, 15));
    }
    return this.store.readStream(id);
  }

  /**
   * The events to fold when the answer cannot come from the projection: always for an as-of read,
   * otherwise only when the projection lags. Null: read the projection.
   */
  private async eventsToFold(id: string, asOf?: AsOf): Promise<{ events: StoredEvent[]; asOf: AsOf | null } | null> {
    const given = !!(asOf?.validAt || asOf?.knownAt);
    const events = given ? await this.store.readStream(id) : await this.freshOrStream(id);
    if (!events) return null;
    if (!events.length) throw new PartnershipNotFoundError(id);
    return given ? { events: filterAsOf(events, asOf!), asOf: asOf! } : { events, asOf: null };
  }

  async get(id: string, asOf?: AsOf): Promise<PartnershipDetail> {
    const folded = await this.eventsToFold(id, asOf);
    if (folded) return this.detailFromEvents(id, folded.events, folded.asOf);
    const { rows } = await this.pool.query(`SELECT summary, state FROM partnership_status WHERE partnership_id = $1`, [id]);
    const today = this.today();
    return detailFrom(
      rows[0].summary as StaticDetail,
      rows[0].state,
      today,
      this.config.DORMANT_AFTER_DAYS,
      await this.nextScheduled(id, today),
    );
  }

  private detailFromEvents(id: string, events: StoredEvent[], asOf: AsOf | null): PartnershipDetail {
    const state = fold(events.map(toRecorded));
    if (!state.exists) {
      throw new ApiProblem(404, 'partnership_not_found', 'Not found', `Partnership ${id} did not exist yet at that time.`, undefined, {
        partnershipId: id,
      });
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

  private async nextScheduled(id: string, today: string): Promise<NextScheduled | null> {
    const { rows } = await this.pool.query(
      `SELECT event_id, kind, occurred_on, data FROM calendar_items WHERE partnership_id = $1 AND sort_date >= $2
        ORDER BY sort_date, stream_version LIMIT 1`,
      [id, today],
    );
    return rows[0]
      ? { eventId: rows[0].event_id, kind: rows[0].kind, title: scheduleTitle(rows[0].kind, rows[0].data), date: rows[0].occurred_on }
      : null;
  }

  async timeline(id: string, asOf?: AsOf): Promise<Timeline> {
    const folded = await this.eventsToFold(id, asOf);
    if (folded) {
      const { events } = folded;
      const builder = new TimelineBuilder();
      for (const e of events) builder.apply(e);
      return {
        partnershipId: id,
        version: events.length ? events[events.length - 1].streamVersion : 0,
        asOf: folded.asOf ? { validAt: folded.asOf.validAt ?? null, knownAt: folded.asOf.knownAt ?? null } : null,
        entries: builder.sorted().map(withoutUnchangedOriginal),
      };
    }
    const { rows: status } = await this.pool.query('SELECT version FROM partnership_status WHERE partnership_id = $1', [id]);
    const { rows } = await this.pool.query(
      // original only where it differs from data: it would double most responses for nothing.
      `SELECT event_id, partnership_id, stream_version, type, occurred_on, planned, data,
              CASE WHEN corrections = '[]'::jsonb THEN NULL ELSE original END AS original,
              corrections, retracted, retraction, recorded_at, actor
         FROM timeline_entries WHERE partnership_id = $1 ORDER BY sort_date NULLS LAST, stream_version`,
      [id],
    );
    return { partnershipId: id, version: status[0]?.version ?? 0, asOf: null, entries: rows.map(rowToEntry) };
  }

  async events(id: string, opts: { fromVersion?: number; limit?: number } = {}): Promise<StoredEvent[]> {
    const events = await this.store.readStream(id, { fromVersion: opts.fromVersion ?? 1, limit: opts.limit ?? 1000 });
    if (!events.length && (opts.fromVersion ?? 1) <= 1) throw new PartnershipNotFoundError(id);
    return events;
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
      validationProblem([
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

  async aid(query: AidQuery): Promise<AidResult> {
    if (query.partnershipId) await this.freshOrStream(query.partnershipId).catch(() => undefined);
    const params: unknown[] = [];
    const where = ['NOT a.retracted'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.partnershipId) add('a.partnership_id = ?', query.partnershipId);
    if (query.receiver) add(`lower(a.receiver::text) LIKE ?`, `%${escapeLike(query.receiver.toLocaleLowerCase())}%`);
    if (query.from) add('a.sort_date >= ?', query.from);
    if (query.to) add('a.sort_date <= ?', query.to);
    if (query.currency) add('a.currency = ?', query.currency);
    if (query.sector) add('lower(a.sector) = ?', query.sector.toLocaleLowerCase());
    if (query.kind) add('a.kind = ?', query.kind);
    const { rows } = await this.pool.query(
      `SELECT a.*, a.amount::text AS amount_text FROM aid_ledger a WHERE ${where.join(' AND ')} ORDER BY a.sort_date, a.partnership_id, a.stream_version`,
      params,
    );
    const items: AidEntry[] = rows.map((r) => ({
      eventId: r.event_id,
      partnershipId: r.partnership_id,
      kind: r.kind,
      receiver: r.receiver,
      receiverKey: r.receiver_key,
      occurredOn: r.occurred_on,
      month: r.month,
      amount: r.amount_text,
      currency: r.currency,
      modality: r.modality,
      sector: r.sector,
      fundingChannel: r.funding_channel,
      items: r.items,
      retracted: r.retracted,
    }));
    const totals: Record<string, string> = {};
    for (const i of items) if (i.amount && i.currency) totals[i.currency] = addDecimal(totals[i.currency] ?? '0', i.amount);
    const result: AidResult = { query, items, totals };
    if (query.groupBy) {
      const keyOf = (i: AidEntry) =>
        query.groupBy === 'receiver'
          ? i.receiverKey
          : query.groupBy === 'month'
            ? (i.month ?? i.occurredOn.date.slice(0, 4))
            : query.groupBy === 'currency'
              ? i.currency
              : i.sector;
      const groups = new Map<string | null, { key: string | null; count: number; totals: Record<string, string> }>();
      for (const i of items) {
        const key = keyOf(i) ?? null;
        const g = groups.get(key) ?? { key, count: 0, totals: {} };
        g.count++;
        if (i.amount && i.currency) g.totals[i.currency] = addDecimal(g.totals[i.currency] ?? '0', i.amount);
        groups.set(key, g);
      }
      result.groups = [...groups.values()].sort((a, b) => String(a.key ?? '').localeCompare(String(b.key ?? '')));
    }
    return result;
  }

  async calendar(q: { from?: string; days?: number; partnershipId?: string } = {}): Promise<CalendarItem[]> {
    const from = q.from ?? this.today();
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + (q.days ?? 365) * 86_400_000).toISOString().slice(0, 10);
    const params: unknown[] = [from, to];
    let extra = '';
    if (q.partnershipId) {
      // Scoped to one partnership: the same read-your-writes wait as its status (no fold fallback here).
      await this.freshOrStream(q.partnershipId).catch(() => undefined);
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

  /** Timeline entries recorded, corrected or retracted after a moment, across partnerships (digests). */
  async changesSince(recordedAfter: Date): Promise<TimelineEntry[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM timeline_entries WHERE changed_at > $1 ORDER BY changed_at, partnership_id, stream_version`,
      [recordedAfter],
    );
    return rows.map(rowToEntry);
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

/** Mirrors the calendar_items view: planned entries, and signings scheduled but not yet followed by one. */
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

function withoutUnchangedOriginal(e: TimelineEntry): TimelineEntry {
  if (e.corrections.length) return e;
  const { original: _o, ...rest } = e;
  return rest;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
