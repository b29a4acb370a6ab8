// The timeline step: one row per milestone with its corrected value, its corrections and its
// retraction. Set-based SQL: one read and one write per batch, whatever the batch size.
import type pg from 'pg';
import { foldDate, type EventType } from '../../domain/index.js';
import { copiedFromEvent, type ChangedEntry, type PartnershipsBatch } from '../batch.js';
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
export async function applyTimeline({ events, asStored, ctx: { client, table } }: PartnershipsBatch): Promise<ChangedEntry[]> {
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
  const changed: ChangedEntry[] = [...builder.changed].map((id) => {
    const entry = builder.entries.get(id)!;
    return { ...entry, foldDate: foldDateOf(entry), previousFoldDate: previousFoldDate.get(id) ?? null };
  });
  // In a rebuild, an entry as its event recorded it (new, not amended, nothing decrypted) is copied
  // from the events table: its data never travels to Node and back as JSON.
  const copied = changed.filter((t) => copiedFromEvent({ asStored }, t));
  const sent = copied.length ? changed.filter((t) => !copiedFromEvent({ asStored }, t)) : changed;
  if (copied.length) await copyEntries(client, table('timeline_entries'), copied, asStored!);
  if (sent.length) await upsertEntries(client, table('timeline_entries'), sent);
  return changed;
}

const COLUMNS = `event_id, partnership_id, stream_version, type, occurred_on, sort_date, fold_date, planned, data, original,
  corrections, retracted, retraction, recorded_at, actor, changed_at, organisation_id`;

/** The columns computed in Node (dates, record time and actor as the JSON path writes them); the rest from the event row. */
async function copyEntries(client: pg.ClientBase, into: string, entries: ChangedEntry[], positions: Map<string, number>): Promise<void> {
  await client.query(
    `INSERT INTO ${into} (${COLUMNS})
     SELECT e.event_id, e.stream_id, e.stream_version, e.type, ${OCCURRED_ON_SQL}, q.sort_date, q.fold_date,
            coalesce(e.data->'planned' = 'true'::jsonb, false), e.data, e.data, '[]'::jsonb, false, NULL, q.recorded_at, q.actor, q.recorded_at,
            partnership_organisation(e.stream_id)
       FROM unnest($1::bigint[], $2::date[], $3::date[], $4::timestamptz[], $5::text[]) AS q(pos, sort_date, fold_date, recorded_at, actor)
       JOIN events e ON e.global_position = q.pos`,
    [
      entries.map((t) => positions.get(t.eventId)),
      entries.map(sortDateOf),
      entries.map((t) => t.foldDate),
      entries.map((t) => t.recordedAt),
      entries.map((t) => t.actor),
    ],
  );
}

/** occurredOnOf (timeline.mapping.ts) in SQL: the event's occurredOn when its date is a string. */
export const OCCURRED_ON_SQL = `CASE WHEN jsonb_typeof(e.data->'occurredOn'->'date') = 'string' THEN e.data->'occurredOn' END`;

async function upsertEntries(client: pg.ClientBase, into: string, entries: TimelineEntry[]): Promise<void> {
  const out = entries.map((t) => ({
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
  }));
  await client.query(
    `INSERT INTO ${into} (${COLUMNS})
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
}

function latestChange(t: TimelineEntry): string {
  const times = [t.recordedAt, t.retraction?.recordedAt, ...t.corrections.map((c) => c.recordedAt)].filter((x): x is string => !!x);
  return times.sort().at(-1)!;
}
