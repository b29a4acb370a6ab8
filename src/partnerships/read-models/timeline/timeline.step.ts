// The timeline step: one row per milestone with its corrected value, its corrections and its
// retraction. Set-based SQL: one read and one write per batch, whatever the batch size.
import type pg from 'pg';
import { foldDate, type EventType } from '../../domain/index.js';
import type { ChangedEntry, PartnershipsBatch } from '../batch.js';
import { TimelineBuilder, sortDateOf } from './timeline.mapping.js';
import type { TimelineEntry } from './timeline.types.js';

export function rowToEntry(r: pg.QueryResultRow): TimelineEntry {
  return {
    eventId: r.event_id,
    partnershipId: r.partnership_id,
    streamVersion: r.stream_version,
    type: r.type,
    occurredOn: r.occurred_on,
    planned: r.planned,
    data: r.data,
    ...(r.original ? { original: r.original } : {}),
    corrections: r.corrections,
    corrected: (r.corrections as { retracted: boolean }[]).some((c) => !c.retracted),
    retracted: r.retracted,
    retraction: r.retraction,
    recordedAt: r.recorded_at instanceof Date ? r.recorded_at.toISOString() : r.recorded_at,
    actor: r.actor,
  };
}

/** The business day an entry takes effect on in the fold (a plan: when it was made). */
export function foldDateOf(t: Pick<TimelineEntry, 'type' | 'data' | 'recordedAt'>): string {
  return foldDate({ type: t.type as EventType, data: t.data, recordedAt: t.recordedAt });
}

/** Writes the entries a batch adds, corrects or retracts; returns them for the steps after it. */
export async function applyTimeline({ events, ctx: { client, table } }: PartnershipsBatch): Promise<ChangedEntry[]> {
  const builder = new TimelineBuilder();
  const previousFoldDate = new Map<string, string>();
  const targets = new Set<string>();
  const retractedIds: string[] = [];
  for (const e of events) {
    if (e.type === 'EntryCorrected' || e.type === 'EntryRetracted') {
      const t = String((e.data as { targetEventId?: string }).targetEventId);
      targets.add(t);
      if (e.type === 'EntryRetracted') retractedIds.push(t);
    }
  }
  if (targets.size) {
    // Targets, and the entries whose corrections a retraction may point at.
    const { rows } = await client.query(
      `SELECT * FROM ${table('timeline_entries')}
        WHERE event_id = ANY($1::uuid[])
           OR (cardinality($2::text[]) > 0 AND partnership_id = ANY($3::text[])
               AND corrections @> ANY(ARRAY(SELECT jsonb_build_array(jsonb_build_object('eventId', x)) FROM unnest($2::text[]) x)))`,
      [[...targets], retractedIds, [...new Set(events.map((e) => e.streamId))]],
    );
    for (const r of rows) {
      const entry = rowToEntry(r);
      builder.load(entry);
      previousFoldDate.set(entry.eventId, foldDateOf(entry));
    }
  }
  for (const e of events) builder.apply(e);
  if (!builder.changed.size) return [];
  const out = [...builder.changed].map((id) => {
    const t = builder.entries.get(id)!;
    return {
      event_id: t.eventId,
      partnership_id: t.partnershipId,
      stream_version: t.streamVersion,
      type: t.type,
      occurred_on: t.occurredOn,
      sort_date: sortDateOf(t),
      fold_date: foldDateOf(t),
      planned: t.planned,
      data: t.data,
      // Sent only when it differs: most entries are never corrected, and PostgreSQL would parse the same jsonb twice.
      original: t.original === t.data ? null : t.original,
      corrections: t.corrections,
      retracted: t.retracted,
      retraction: t.retraction,
      recorded_at: t.recordedAt,
      actor: t.actor,
      changed_at: latestChange(t),
    };
  });
  await client.query(
    `INSERT INTO ${table('timeline_entries')} (event_id, partnership_id, stream_version, type, occurred_on, sort_date, fold_date,
       planned, data, original, corrections, retracted, retraction, recorded_at, actor, changed_at, organisation_id)
     SELECT event_id, partnership_id, stream_version, type, occurred_on, sort_date, fold_date, planned, data, coalesce(original, data),
            corrections, retracted, retraction, recorded_at, actor, changed_at, partnership_organisation(partnership_id)
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, partnership_id text, stream_version int, type text,
       occurred_on jsonb, sort_date date, fold_date date, planned boolean, data jsonb, original jsonb, corrections jsonb,
       retracted boolean, retraction jsonb, recorded_at timestamptz, actor text, changed_at timestamptz)
     ON CONFLICT (event_id) DO UPDATE SET occurred_on = EXCLUDED.occurred_on, sort_date = EXCLUDED.sort_date,
       fold_date = EXCLUDED.fold_date, planned = EXCLUDED.planned, data = EXCLUDED.data, corrections = EXCLUDED.corrections, retracted = EXCLUDED.retracted,
       retraction = EXCLUDED.retraction, changed_at = EXCLUDED.changed_at`,
    [JSON.stringify(out)],
  );
  return [...builder.changed].map((id) => {
    const entry = builder.entries.get(id)!;
    return { ...entry, foldDate: foldDateOf(entry), previousFoldDate: previousFoldDate.get(id) ?? null };
  });
}

function latestChange(t: TimelineEntry): string {
  const times = [t.recordedAt, t.retraction?.recordedAt, ...t.corrections.map((c) => c.recordedAt)].filter((x): x is string => !!x);
  return times.sort().at(-1)!;
}
