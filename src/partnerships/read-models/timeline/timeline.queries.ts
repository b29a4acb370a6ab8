// Queries of the timeline read model: one partnership's milestones (now, or as of a date), its raw
// events, and what changed across partnerships since a moment (digests).
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { PostgresEventStore } from '../../../event-store/postgres-event-store.js';
import type { StoredEvent } from '../../../event-store/types.js';
import { readablePartnerships, withRecordedBy } from '../../../organisations/access.js';
import { withActorNames } from '../../../people/people.js';
import { fold, PartnershipNotFoundError, stateAt, type DerivedState } from '../../domain/index.js';
import { dayOfRead, PartnershipSource, type AsOf } from '../as-of.js';
import { toRecorded } from '../../recorded.js';
import { openEvents } from '../../../privacy/sealing.js';
import { planAnnotations, type PlanAnnotation } from '../plans.js';
import { receiptAnnotations, type ReceiptView } from '../receipts/receipts.js';
import { sortDateOf, TimelineBuilder } from './timeline.mapping.js';
import { foldDateOf, rowToEntry } from './timeline.step.js';
import { projectedEntriesJson } from './timeline.json.js';
import type { Timeline, TimelineEntry } from './timeline.types.js';

/** Where a page of the timeline starts: after this entry in (business date, stream version) order. */
export interface TimelineKey {
  sortDate: string | null;
  streamVersion: number;
}

export interface TimelinePageRequest {
  /** entries per page; the whole timeline when absent (reports) */
  limit?: number;
  after?: TimelineKey;
  /** the caller's If-None-Match: when it names the current version, nothing else is read */
  ifNoneMatch?: string;
}

export type TimelinePage = (Timeline & { next: TimelineKey | null }) | { notModified: true; version: number };

/** A page whose entries are JSON text already (the projected page, built in PostgreSQL), or objects. */
export type TimelinePageText =
  (Omit<Timeline, 'entries'> & { entriesJson: string; next: TimelineKey | null }) | { notModified: true; version: number };

export const timelineETag = (version: number) => `"${version}"`;

/** If-None-Match (a list of entity tags, weak or strong, or "*") against the current ETag. */
function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

const keyOf = (e: TimelineEntry): TimelineKey => ({ sortDate: sortDateOf(e), streamVersion: e.streamVersion });
/** After `k` in the timeline's order, entries without a date last (as NULLS LAST in SQL). */
function isAfter(e: TimelineEntry, k: TimelineKey): boolean {
  const d = sortDateOf(e) ?? '9999-12-31';
  const kd = k.sortDate ?? '9999-12-31';
  return d > kd || (d === kd && e.streamVersion > k.streamVersion);
}

/** $1 partnership: the stream's head version and the projected version. */
const HEAD_AND_VERSION = `SELECT coalesce((SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1), 0) AS head,
         (SELECT version FROM partnership_status WHERE partnership_id = $1) AS version`;

/** $1 partnership, $2 day or null: the stream's head version, the projected version and the status in force. */
const STATUS_WITH_HEAD = `SELECT coalesce((SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1), 0) AS head,
         s.version, coalesce(h.state, s.state) AS state
    FROM (SELECT 1) AS one
    LEFT JOIN partnership_status s ON s.partnership_id = $1
    LEFT JOIN LATERAL (SELECT state FROM partnership_status_history
                        WHERE $2::date IS NOT NULL AND partnership_id = $1 AND valid_from <= $2::date
                        ORDER BY valid_from DESC LIMIT 1) h ON s.version IS NOT NULL`;

@Injectable()
export class TimelineQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(PartnershipSource) private readonly source: PartnershipSource,
  ) {}

  /**
   * The milestones in business-date order. As of a business date, the entries that had taken effect
   * by then (a plan once it was made); as known at a record time, those recorded by then. Each plan
   * entry says how it ended up (open, rescheduled, fulfilled, cancelled) as of the day asked about.
   */
  async timeline(id: string, asOf?: AsOf): Promise<Timeline> {
    const page = await this.page(id, asOf, {});
    if ('notModified' in page) throw new Error('unreachable: no If-None-Match given');
    const { next: _n, ...timeline } = page;
    return timeline;
  }

  /**
   * One page of the timeline (the HTTP route). Paging is by key, so a page never repeats or skips an
   * entry when others are recorded meanwhile. With If-None-Match naming the current version it
   * answers before reading any entry: a client polling an unchanged timeline costs two index probes.
   */
  async page(id: string, asOf: AsOf | undefined, req: TimelinePageRequest): Promise<TimelinePage> {
    const page = await this.pageWithActorIds(id, asOf, req);
    // People are recorded by actor id; their names are looked up at read time (they may change).
    // Which side recorded each entry comes from its event's organisation.
    return 'notModified' in page
      ? page
      : { ...page, entries: await withRecordedBy(this.pool, await withActorNames(this.pool, page.entries)) };
  }

  /**
   * The same page for the HTTP route: when the projection is current (the common read), its entries
   * come as JSON text built by PostgreSQL (timeline.json.ts), actor names and annotations included.
   */
  async pageText(id: string, asOf: AsOf | undefined, req: TimelinePageRequest): Promise<TimelinePageText> {
    if (!asOf?.knownAt) {
      const { rows } = await this.pool.query({ name: 'timeline_head_and_version', text: HEAD_AND_VERSION, values: [id] });
      const row = rows[0] as { head: number; version: number | null };
      if (row.head === 0) throw new PartnershipNotFoundError(id);
      if (row.version !== null && row.version >= row.head) {
        if (etagMatches(req.ifNoneMatch, timelineETag(row.head))) return { notModified: true, version: row.head };
        const day = asOf?.validAt || null;
        const { entries, next } = await projectedEntriesJson(this.pool, id, day, req);
        return { partnershipId: id, version: row.version, asOf: day ? { validAt: day, knownAt: null } : null, entriesJson: entries, next };
      }
    }
    const page = await this.page(id, asOf, req);
    if ('notModified' in page) return page;
    const { entries, ...rest } = page;
    return { ...rest, entriesJson: JSON.stringify(entries) };
  }

  private async pageWithActorIds(id: string, asOf: AsOf | undefined, req: TimelinePageRequest): Promise<TimelinePage> {
    if (!asOf?.knownAt) {
      // The common read: the stream's head and the projected status in one round trip, then the entries.
      const day = asOf?.validAt || null;
      const { rows } = await this.pool.query({ name: 'timeline_status_with_head', text: STATUS_WITH_HEAD, values: [id, day] });
      const row = rows[0] as { head: number; version: number | null; state: Annotating | null };
      if (row.head === 0) throw new PartnershipNotFoundError(id);
      if (row.version !== null && row.version >= row.head) {
        if (etagMatches(req.ifNoneMatch, timelineETag(row.head))) return { notModified: true, version: row.head };
        const shownAsOf = day ? { validAt: day, knownAt: null } : null;
        return this.projectedPage(id, row.version, row.state, day, shownAsOf, req);
      }
    }
    const source = await this.source.of(id, asOf);
    const day = source.asOf?.validAt;
    const shownAsOf = source.asOf ? { validAt: source.asOf.validAt ?? null, knownAt: source.asOf.knownAt ?? null } : null;
    if (source.from === 'events') {
      const { events } = source;
      const version = events.length ? events[events.length - 1].streamVersion : 0;
      if (etagMatches(req.ifNoneMatch, timelineETag(version))) return { notModified: true, version };
      const builder = new TimelineBuilder();
      for (const e of events) builder.apply(e);
      const state = stateAt(fold(events.map(toRecorded)), dayOfRead(source.asOf, '9999-12-31'));
      const plans = planAnnotations(state);
      const receipts = receiptAnnotations(state);
      const after = req.after;
      const all = builder.sorted().filter((e) => (!day || foldDateOf(e) <= day) && (!after || isAfter(e, after)));
      const entries = req.limit === undefined ? all : all.slice(0, req.limit);
      return {
        partnershipId: id,
        version,
        asOf: shownAsOf,
        entries: entries.map((e) => annotate(withoutUnchangedOriginal(e), plans, receipts)),
        next: entries.length < all.length ? keyOf(entries[entries.length - 1]) : null,
      };
    }
    if (etagMatches(req.ifNoneMatch, timelineETag(source.version))) return { notModified: true, version: source.version };
    const { rows: status } = await this.pool.query(
      `SELECT s.version, coalesce(h.state, s.state) AS state FROM partnership_status s
         LEFT JOIN LATERAL (SELECT state FROM partnership_status_history
                             WHERE $2::date IS NOT NULL AND partnership_id = s.partnership_id AND valid_from <= $2
                             ORDER BY valid_from DESC LIMIT 1) h ON true
        WHERE s.partnership_id = $1`,
      [id, day ?? null],
    );
    return this.projectedPage(id, status[0]?.version ?? 0, status[0]?.state ?? null, day ?? null, shownAsOf, req);
  }

  /** A page of entries from the projection, annotated with the plans of the status in force that day. */
  private async projectedPage(
    id: string,
    version: number,
    state: Annotating | null,
    day: string | null,
    shownAsOf: Timeline['asOf'],
    req: TimelinePageRequest,
  ): Promise<TimelinePage> {
    const after = req.after;
    // One row more than the page shows whether there is a next page.
    const { rows } = await this.pool.query(
      // original only where it differs from data: it would double most responses for nothing.
      `SELECT event_id, partnership_id, stream_version, type, occurred_on, planned, data,
              CASE WHEN corrections = '[]'::jsonb THEN NULL ELSE original END AS original,
              corrections, retracted, retraction, recorded_at, actor
         FROM timeline_entries WHERE partnership_id = $1 AND ($2::date IS NULL OR fold_date <= $2)
          AND ($3::int IS NULL
               OR ($4::date IS NULL AND sort_date IS NULL AND stream_version > $3)
               OR ($4::date IS NOT NULL AND (sort_date IS NULL OR sort_date > $4 OR (sort_date = $4 AND stream_version > $3))))
        ORDER BY sort_date NULLS LAST, stream_version
        LIMIT $5`,
      [id, day ?? null, after?.streamVersion ?? null, after?.sortDate ?? null, req.limit === undefined ? null : req.limit + 1],
    );
    const plans = planAnnotations(state ?? { plans: [] });
    const receipts = receiptAnnotations(state ?? {});
    const entries = (req.limit === undefined ? rows : rows.slice(0, req.limit)).map((r) => annotate(rowToEntry(r), plans, receipts));
    return {
      partnershipId: id,
      version,
      asOf: shownAsOf,
      entries,
      next: entries.length < rows.length ? keyOf(entries[entries.length - 1]) : null,
    };
  }

  async events(id: string, opts: { fromVersion?: number; limit?: number } = {}): Promise<StoredEvent[]> {
    const events = await openEvents(
      this.store.pool,
      await this.store.readStream(id, { fromVersion: opts.fromVersion ?? 1, limit: opts.limit ?? 1000 }),
    );
    if (!events.length && (opts.fromVersion ?? 1) <= 1) throw new PartnershipNotFoundError(id);
    return events;
  }

  /** Timeline entries recorded, corrected or retracted after a moment, across partnerships (digests). */
  async changesSince(recordedAfter: Date, organisationId?: string): Promise<TimelineEntry[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM timeline_entries WHERE changed_at > $1
          AND ($2::uuid IS NULL OR partnership_id IN ${readablePartnerships('$2')})
        ORDER BY changed_at, partnership_id, stream_version`,
      [recordedAfter, organisationId ?? null],
    );
    return withRecordedBy(this.pool, await withActorNames(this.pool, rows.map(rowToEntry)));
  }
}

/** What of the status in force the timeline's annotations read. */
type Annotating = Pick<DerivedState, 'plans'> & Partial<Pick<DerivedState, 'deliveries'>>;

function annotate(e: TimelineEntry, plans: Map<string, PlanAnnotation>, receipts: Map<string, ReceiptView>): TimelineEntry {
  const plan = plans.get(e.eventId);
  const receipt = e.type === 'AidDelivered' && !e.retracted ? receipts.get(e.eventId) : undefined;
  return plan || receipt ? { ...e, ...(plan ? { plan } : {}), ...(receipt ? { receipt } : {}) } : e;
}

function withoutUnchangedOriginal(e: TimelineEntry): TimelineEntry {
  if (e.corrections.length) return e;
  const { original: _o, ...rest } = e;
  return rest;
}
