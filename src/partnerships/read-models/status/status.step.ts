// The status step: the state of each partnership on every business date (a valid-time history, one
// row per date on which something took effect) and its latest state (one row per partnership, for
// lists and filters). A batch recomputes a partnership only from the earliest date it touches: the
// state before that date comes from the history, the entries from that date on from the timeline —
// read back, except the ones this batch added, which are folded as they are in memory.
import {
  applyEntry,
  businessDateEnd,
  initialDerivedState,
  releaseScratch,
  type DerivedState,
  type EntryRecord,
  type EventType,
  type FoldScratch,
} from '../../domain/index.js';
import type { ChangedEntry, PartnershipsBatch } from '../batch.js';
import type { TimelineEntry } from '../timeline/timeline.types.js';
import { searchText, staticDetail } from './status.mapping.js';

/** An entry of this batch as the fold needs it. */
function entryRecord(t: TimelineEntry): EntryRecord {
  return {
    eventId: t.eventId,
    type: t.type as EventType,
    data: t.data,
    originalData: t.original ?? t.data,
    corrections: t.corrections.map((c) => c.eventId),
    retracted: t.retracted,
    position: t.streamVersion - 1,
    recordedAt: t.recordedAt,
    changedAt: t.recordedAt,
  };
}

/**
 * The columns of a timeline row the fold reads: the value as first recorded only
 * for corrected entries (else it equals data), the corrections' ids only. The refold of a back-dated
 * batch reads every later entry, so the row size is most of its cost.
 */
const FOLD_COLUMNS = `t.partnership_id, t.event_id, t.type, t.stream_version, t.fold_date::text AS fold_day, t.data,
  CASE WHEN t.corrections <> '[]'::jsonb THEN t.original END AS original,
  jsonb_path_query_array(t.corrections, '$[*].eventId') AS correction_ids, t.retracted, t.recorded_at, t.changed_at`;

function rowRecord(r: Record<string, unknown>): EntryRecord {
  const data = r.data as Record<string, unknown>;
  return {
    eventId: r.event_id as string,
    type: r.type as EventType,
    data,
    originalData: (r.original as Record<string, unknown> | null) ?? data,
    corrections: r.correction_ids as string[],
    retracted: r.retracted as boolean,
    position: (r.stream_version as number) - 1,
    recordedAt: toIso(r.recorded_at),
    changedAt: toIso(r.changed_at),
  };
}

interface FoldItem {
  day: string;
  record: EntryRecord;
}

const byDayThenStream = (a: FoldItem, b: FoldItem) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.record.position - b.record.position);

/**
 * Entries this batch added and nothing amended yet: their row holds exactly the event's data (the
 * same jsonb), last changed when recorded, so folding them from memory equals reading them back.
 * In a rebuild, and live when events arrive in business order, that is most of what a refold needs.
 */
function foldsFromMemory(t: ChangedEntry): boolean {
  return t.previousFoldDate === null && t.corrections.length === 0 && !t.retracted;
}

export async function applyStatus({ events, changedEntries, ctx: { client, table } }: PartnershipsBatch): Promise<void> {
  // The earliest business day each partnership's batch touches, before or after its corrections.
  const from = new Map<string, string>();
  for (const t of changedEntries) {
    const day = [t.foldDate, t.previousFoldDate].filter((d): d is string => d !== null).sort()[0];
    const known = from.get(t.partnershipId);
    if (!known || day < known) from.set(t.partnershipId, day);
  }
  if (!from.size) return;
  const ids = [...from.keys()];
  const days = ids.map((id) => from.get(id)!);

  const { rows: bases } = await client.query(
    `SELECT q.id, h.state FROM unnest($1::text[], $2::date[]) AS q(id, day)
       LEFT JOIN LATERAL (SELECT state FROM ${table('partnership_status_history')}
                           WHERE partnership_id = q.id AND valid_from < q.day ORDER BY valid_from DESC LIMIT 1) h ON true`,
    [ids, days],
  );
  const entriesOf = new Map<string, FoldItem[]>();
  const add = (id: string, item: FoldItem) => {
    const list = entriesOf.get(id);
    if (list) list.push(item);
    else entriesOf.set(id, [item]);
  };
  const inMemory = changedEntries.filter(foldsFromMemory);
  for (const t of inMemory) add(t.partnershipId, { day: t.foldDate, record: entryRecord(t) });
  const { rows: later } = await client.query(
    `SELECT ${FOLD_COLUMNS} FROM unnest($1::text[], $2::date[]) AS q(id, day)
       JOIN ${table('timeline_entries')} t ON t.partnership_id = q.id AND t.fold_date >= q.day
      WHERE NOT (t.event_id = ANY($3::uuid[]))`,
    [ids, days, inMemory.map((t) => t.eventId)],
  );
  for (const r of later) add(r.partnership_id, { day: r.fold_day, record: rowRecord(r) });
  for (const list of entriesOf.values()) list.sort(byDayThenStream);
  const versionOf = new Map<string, { version: number; at: Date }>();
  for (const e of events) versionOf.set(e.streamId, { version: e.streamVersion, at: e.recordedAt });

  const history: { partnership_id: string; valid_from: string; state: DerivedState }[] = [];
  const latest: Record<string, unknown>[] = [];
  for (const { id, state: base } of bases as { id: string; state: DerivedState | null }[]) {
    let state: DerivedState = base ?? initialDerivedState();
    const items = entriesOf.get(id) ?? [];
    const scratch: FoldScratch = {};
    // The annotations a plan's sequence and change time look at are in the entries' own rows.
    for (let i = 0; i < items.length; i++) {
      state = applyEntry(state, items[i].record, undefined, scratch);
      const day = items[i].day;
      if (i === items.length - 1 || items[i + 1].day !== day) {
        history.push({ partnership_id: id, valid_from: day, state });
        // That day's row keeps its deliveries; later days add to a copy.
        releaseScratch(scratch);
      }
    }
    if (!state.exists) continue;
    const { version, at } = versionOf.get(id)!;
    const updatedAt = at.toISOString();
    latest.push({
      partnership_id: id,
      version,
      tier: state.tier,
      standing: state.standing,
      own_municipality: state.ownMunicipality ?? null,
      counterpart: state.counterpart?.name ?? null,
      counterpart_country: state.counterpart?.country ?? null,
      areas: state.areas,
      participant_count: state.participants.length,
      last_milestone_end: state.lastMilestoneOn ? businessDateEndOf(state) : null,
      summary: staticDetail(id, { ...state, version }, updatedAt),
      state: { ...state, version },
      search: searchText(state, id),
      updated_at: updatedAt,
    });
  }

  await client.query(
    `DELETE FROM ${table('partnership_status_history')} h USING unnest($1::text[], $2::date[]) AS q(id, day)
      WHERE h.partnership_id = q.id AND h.valid_from >= q.day`,
    [ids, days],
  );
  // One VALUES row per state, each state its own parameter: PostgreSQL parses every state once,
  // where a jsonb_to_recordset of them all parses the whole text and then copies each state out.
  for (let i = 0; i < history.length; i += HISTORY_ROWS_PER_STATEMENT) {
    const chunk = history.slice(i, i + HISTORY_ROWS_PER_STATEMENT);
    await client.query(
      `INSERT INTO ${table('partnership_status_history')} (partnership_id, valid_from, state, organisation_id)
       VALUES ${chunk.map((_, k) => `($${3 * k + 1}, $${3 * k + 2}::date, $${3 * k + 3}::jsonb, partnership_organisation($${3 * k + 1}))`).join(', ')}`,
      chunk.flatMap((h) => [h.partnership_id, h.valid_from, JSON.stringify(h.state)]),
    );
  }
  if (!latest.length) return;
  await client.query(
    `INSERT INTO ${table('partnership_status')} (partnership_id, version, tier, standing, own_municipality, counterpart,
       counterpart_country, areas, participant_count, last_milestone_end, summary, state, search, updated_at, organisation_id)
     SELECT r.partnership_id, r.version, r.tier, r.standing, r.own_municipality, r.counterpart, r.counterpart_country,
            ARRAY(SELECT jsonb_array_elements_text(r.areas)), r.participant_count, r.last_milestone_end, r.summary, r.state,
            r.search, r.updated_at, partnership_organisation(r.partnership_id)
       FROM jsonb_to_recordset($1::jsonb) AS r(partnership_id text, version int, tier text, standing text, own_municipality jsonb,
            counterpart jsonb, counterpart_country text, areas jsonb, participant_count int, last_milestone_end date,
            summary jsonb, state jsonb, search text, updated_at timestamptz)
     ON CONFLICT (partnership_id) DO UPDATE SET version = EXCLUDED.version, tier = EXCLUDED.tier, standing = EXCLUDED.standing,
       own_municipality = EXCLUDED.own_municipality, counterpart = EXCLUDED.counterpart,
       counterpart_country = EXCLUDED.counterpart_country, areas = EXCLUDED.areas,
       participant_count = EXCLUDED.participant_count, last_milestone_end = EXCLUDED.last_milestone_end,
       summary = EXCLUDED.summary, state = EXCLUDED.state, search = EXCLUDED.search, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(latest)],
  );
}

/** Three parameters a row, well below PostgreSQL's 65,535 a statement. */
const HISTORY_ROWS_PER_STATEMENT = 5000;

function toIso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : (v as string);
}

function businessDateEndOf(state: DerivedState): string {
  return businessDateEnd(state.lastMilestoneOn!);
}
