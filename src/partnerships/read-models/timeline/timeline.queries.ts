// Queries of the timeline read model: one partnership's milestones (now, or as of a date), its raw
// events, and what changed across partnerships since a moment (digests).
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { PostgresEventStore } from '../../../event-store/postgres-event-store.js';
import type { StoredEvent } from '../../../event-store/types.js';
import { PartnershipNotFoundError } from '../../domain/index.js';
import { PartnershipSource, type AsOf } from '../as-of.js';
import { TimelineBuilder } from './timeline-builder.js';
import { rowToEntry } from './timeline.step.js';
import type { Timeline, TimelineEntry } from './timeline.types.js';

@Injectable()
export class TimelineQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(PartnershipSource) private readonly source: PartnershipSource,
  ) {}

  async timeline(id: string, asOf?: AsOf): Promise<Timeline> {
    const source = await this.source.of(id, asOf);
    if (source.from === 'events') {
      const { events } = source;
      const builder = new TimelineBuilder();
      for (const e of events) builder.apply(e);
      return {
        partnershipId: id,
        version: events.length ? events[events.length - 1].streamVersion : 0,
        asOf: source.asOf ? { validAt: source.asOf.validAt ?? null, knownAt: source.asOf.knownAt ?? null } : null,
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

  /** Timeline entries recorded, corrected or retracted after a moment, across partnerships (digests). */
  async changesSince(recordedAfter: Date): Promise<TimelineEntry[]> {
    const { rows } = await this.pool.query(
      `SELECT * FROM timeline_entries WHERE changed_at > $1 ORDER BY changed_at, partnership_id, stream_version`,
      [recordedAfter],
    );
    return rows.map(rowToEntry);
  }
}

function withoutUnchangedOriginal(e: TimelineEntry): TimelineEntry {
  if (e.corrections.length) return e;
  const { original: _o, ...rest } = e;
  return rest;
}
