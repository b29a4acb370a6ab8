import type { ApplyContext, ProjectionDefinition } from '../../event-store/projections.js';
import type { StoredEvent } from '../../event-store/types.js';
import {
  businessDateEnd,
  evolve,
  fold,
  initialState,
  isEventType,
  type DerivedState,
  type PartnershipState,
  type RecordedEvent,
} from '../domain/index.js';
import type { TimelineEntry } from './read-models.js';
import { derivedOf, searchText, staticDetail } from './status-view.js';
import { TimelineBuilder, sortDateOf } from './timeline-builder.js';

export const PARTNERSHIPS_PROJECTION = 'partnerships';

export function toRecorded(e: StoredEvent): RecordedEvent {
  return { eventId: e.eventId, type: e.type, data: e.data, recordedAt: e.recordedAt.toISOString() } as RecordedEvent;
}

type Derived = DerivedState & { version: number };

export function rowToEntry(r: Record<string, any>): TimelineEntry {
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

/**
 * Status and timeline of every partnership, in one projection so one checkpoint covers both and a
 * status row's version says how far its timeline is too. Hand-written set-based SQL: one read and
 * one write per table per batch, whatever the batch size.
 */
export const partnershipsProjection: ProjectionDefinition = {
  name: PARTNERSHIPS_PROJECTION,
  tables: ['partnership_status', 'timeline_entries'],
  async apply(events, ctx) {
    const relevant = events.filter((e) => isEventType(e.type));
    if (!relevant.length) return;
    await applyStatus(relevant, ctx);
    await applyTimeline(relevant, ctx);
  },
};

async function applyStatus(events: StoredEvent[], { client, table, store }: ApplyContext): Promise<void> {
  const byStream = new Map<string, StoredEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId) ?? [];
    list.push(e);
    byStream.set(e.streamId, list);
  }
  const ids = [...byStream.keys()];
  const { rows } = await client.query(`SELECT partnership_id, state FROM ${table('partnership_status')} WHERE partnership_id = ANY($1)`, [
    ids,
  ]);
  const current = new Map<string, Derived>(rows.map((r) => [r.partnership_id, r.state]));
  const out: Record<string, unknown>[] = [];
  for (const [id, list] of byStream) {
    let derived = current.get(id);
    const fresh = list.filter((e) => e.streamVersion > (derived?.version ?? 0));
    if (!fresh.length) continue;
    let state: PartnershipState;
    if (
      fresh.some((e) => e.type === 'EntryCorrected' || e.type === 'EntryRetracted') ||
      (derived && derived.version !== fresh[0].streamVersion - 1)
    ) {
      // Corrections refold from every entry; the row keeps only derived state, so fold the stream (rare).
      const history = await store.readStream(id, { toVersion: fresh[fresh.length - 1].streamVersion }, client);
      state = fold(history.map(toRecorded));
    } else {
      // Ordinary milestones only touch derived state: continue from the row without the entries.
      // Entries are dropped after each step: evolve copies them per event, which is quadratic in a long batch.
      state = { ...initialState(), ...(derived ?? {}), entries: {}, entryOrder: [] } as PartnershipState;
      for (const e of fresh) state = evolve({ ...state, entries: {}, entryOrder: [] }, toRecorded(e));
    }
    derived = derivedOf(state);
    if (!derived.exists) continue;
    const updatedAt = fresh[fresh.length - 1].recordedAt.toISOString();
    out.push({
      partnership_id: id,
      version: derived.version,
      tier: derived.tier,
      standing: derived.standing,
      own_municipality: derived.ownMunicipality ?? null,
      counterpart: derived.counterpart?.name ?? null,
      counterpart_country: derived.counterpart?.country ?? null,
      areas: derived.areas,
      participant_count: derived.participants.length,
      last_milestone_end: derived.lastMilestoneOn ? businessDateEnd(derived.lastMilestoneOn) : null,
      summary: staticDetail(id, derived, updatedAt),
      state: derived,
      search: searchText(derived, id),
      updated_at: updatedAt,
    });
  }
  if (!out.length) return;
  await client.query(
    `INSERT INTO ${table('partnership_status')} (partnership_id, version, tier, standing, own_municipality, counterpart,
       counterpart_country, areas, participant_count, last_milestone_end, summary, state, search, updated_at)
     SELECT r.partnership_id, r.version, r.tier, r.standing, r.own_municipality, r.counterpart, r.counterpart_country,
            ARRAY(SELECT jsonb_array_elements_text(r.areas)), r.participant_count, r.last_milestone_end, r.summary, r.state,
            r.search, r.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(partnership_id text, version int, tier text, standing text, own_municipality jsonb,
            counterpart jsonb, counterpart_country text, areas jsonb, participant_count int, last_milestone_end date,
            summary jsonb, state jsonb, search text, updated_at timestamptz)
     ON CONFLICT (partnership_id) DO UPDATE SET version = EXCLUDED.version, tier = EXCLUDED.tier, standing = EXCLUDED.standing,
       own_municipality = EXCLUDED.own_municipality, counterpart = EXCLUDED.counterpart,
       counterpart_country = EXCLUDED.counterpart_country, areas = EXCLUDED.areas,
       participant_count = EXCLUDED.participant_count, last_milestone_end = EXCLUDED.last_milestone_end,
       summary = EXCLUDED.summary, state = EXCLUDED.state, search = EXCLUDED.search, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(out)],
  );
}

async function applyTimeline(events: StoredEvent[], { client, table }: ApplyContext): Promise<void> {
  const builder = new TimelineBuilder();
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
    for (const r of rows) builder.load(rowToEntry(r));
  }
  for (const e of events) builder.apply(e);
  if (!builder.changed.size) return;
  const out = [...builder.changed].map((id) => {
    const t = builder.entries.get(id)!;
    return {
      event_id: t.eventId,
      partnership_id: t.partnershipId,
      stream_version: t.streamVersion,
      type: t.type,
      occurred_on: t.occurredOn,
      sort_date: sortDateOf(t),
      planned: t.planned,
      data: t.data,
      original: t.original,
      corrections: t.corrections,
      retracted: t.retracted,
      retraction: t.retraction,
      recorded_at: t.recordedAt,
      actor: t.actor,
      changed_at: latestChange(t),
    };
  });
  await client.query(
    `INSERT INTO ${table('timeline_entries')} (event_id, partnership_id, stream_version, type, occurred_on, sort_date, planned,
       data, original, corrections, retracted, retraction, recorded_at, actor, changed_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, partnership_id text, stream_version int, type text,
       occurred_on jsonb, sort_date date, planned boolean, data jsonb, original jsonb, corrections jsonb, retracted boolean,
       retraction jsonb, recorded_at timestamptz, actor text, changed_at timestamptz)
     ON CONFLICT (event_id) DO UPDATE SET occurred_on = EXCLUDED.occurred_on, sort_date = EXCLUDED.sort_date,
       planned = EXCLUDED.planned, data = EXCLUDED.data, corrections = EXCLUDED.corrections, retracted = EXCLUDED.retracted,
       retraction = EXCLUDED.retraction, changed_at = EXCLUDED.changed_at`,
    [JSON.stringify(out)],
  );
}

function latestChange(t: TimelineEntry): string {
  const times = [t.recordedAt, t.retraction?.recordedAt, ...t.corrections.map((c) => c.recordedAt)].filter((x): x is string => !!x);
  return times.sort().at(-1)!;
}
