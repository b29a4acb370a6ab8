// Queries of the timeline read model: one partnership's milestones (now, or as of a date), its raw
// events, and what changed across partnerships since a moment (digests).
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { PostgresEventStore } from '../../../event-store/postgres-event-store.js';
import type { StoredEvent } from '../../../event-store/types.js';
import { fold, PartnershipNotFoundError, stateAt } from '../../domain/index.js';
import { dayOfRead, PartnershipSource, type AsOf } from '../as-of.js';
import { toRecorded } from '../batch.js';
import { planAnnotations, type PlanAnnotation } from '../plans.js';
import { TimelineBuilder } from './timeline-builder.js';
import { foldDateOf, rowToEntry } from './timeline.step.js';
import type { Timeline, TimelineEntry } from './timeline.types.js';

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
    const source = await this.source.of(id, asOf);
    const day = source.asOf?.validAt;
    const shownAsOf = source.asOf ? { validAt: source.asOf.validAt ?? null, knownAt: source.asOf.knownAt ?? null } : null;
    if (source.from === 'events') {
      const { events } = source;
      const builder = new TimelineBuilder();
      for (const e of events) builder.apply(e);
      const state = stateAt(fold(events.map(toRecorded)), dayOfRead(source.asOf, '9999-12-31'));
      const plans = planAnnotations(state);
      return {
        partnershipId: id,
        version: events.length ? events[events.length - 1].streamVersion : 0,
        asOf: shownAsOf,
        entries: builder
          .sorted()
          .filter((e) => !day || foldDateOf(e) <= day)
          .map((e) => annotate(withoutUnchangedOriginal(e), plans)),
      };
    }
    const { rows: status } = await this.pool.query(
      `SELECT s.version, coalesce(h.state, s.state) AS state FROM partnership_status s
         LEFT JOIN LATERAL (SELECT state FROM partnership_status_history
                             WHERE $2::date IS NOT NULL AND partnership_id = s.partnership_id AND valid_from <= $2
                             ORDER BY valid_from DESC LIMIT 1) h ON true
        WHERE s.partnership_id = $1`,
      [id, day ?? null],
    );
    const { rows } = await this.pool.query(
      // original only where it differs from data: it would double most responses for nothing.
      `SELECT event_id, partnership_id, stream_version, type, occurred_on, planned, data,
              CASE WHEN corrections = '[]'::jsonb THEN NULL ELSE original END AS original,
              corrections, retracted, retraction, recorded_at, actor
         FROM timeline_entries WHERE partnership_id = $1 AND ($2::date IS NULL OR fold_date <= $2)
        ORDER BY sort_date NULLS LAST, stream_version`,
      [id, day ?? null],
    );
    const plans = planAnnotations(status[0]?.state ?? { plans: [] });
    return {
      partnershipId: id,
      version: status[0]?.version ?? 0,
      asOf: shownAsOf,
      entries: rows.map((r) => annotate(rowToEntry(r), plans)),
    };
  }

  async events(id: string, opts: { fromVersion?: number; limit?: number } = {}): Promise<StoredEvent[]> {
    const events = await this.store.readStream(id, { fromVersion: opts.fromVersion ?? 1, limit: opts.limit ?? 1000 });
    if (!events.length && (opts.fromVersion ?? 1) <= 1) throw new PartnershipNotFoundError(id);
    return events;
  }

  /** Timeline entries recorded, corrected or retracted after a moment, across partnerships (digests). */
  async changesSince(recordedAfter: Date): Promise<TimelineEntry[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM timeline_entries WHERE changed_at > $1 ORDER BY changed_at, partnership_id, stream_version`,
      [recordedAfter],
    );
    return rows.map(rowToEntry);
  }
}

function annotate(e: TimelineEntry, plans: Map<string, PlanAnnotation>): TimelineEntry {
  const plan = plans.get(e.eventId);
  return plan ? { ...e, plan } : e;
}

function withoutUnchangedOriginal(e: TimelineEntry): TimelineEntry {
  if (e.corrections.length) return e;
  const { original: _o, ...rest } = e;
  return rest;
}
