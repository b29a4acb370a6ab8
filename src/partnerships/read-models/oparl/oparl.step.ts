// The OParl step: one row per OParl 1.1 object of the municipality's one Body, derived from the
// consultation milestones of all partnerships (oparl.mapping.ts maps them). Objects depend on each
// other across partnerships (one council meeting holds many papers), so a batch that touches a
// consultation milestone recomputes the whole body from the timeline rows written just before it in
// the same transaction, and writes only the rows that changed. Consultation milestones are few (a
// handful per paper), so this stays small however long the log grows.
//
// OParl never drops an object: whatever existed once stays as a tombstone (deleted: true). The
// mapping itself remembers each entry's first and current value; the values in between (a name
// corrected twice) are found in the table (objects stored by earlier batches) and, for corrections
// within this batch (a rebuild, or the first fill), by mapping the entries as they stood at each
// correction's record time.
import { INSTANCE_ORGANISATION_ID as OPARL_ORGANISATION_ID } from '../../../organisations/acting.js';
import { applyChanges } from '../../domain/index.js';
import type { PartnershipsBatch } from '../batch.js';
import { rowToEntry } from '../timeline/timeline.step.js';
import type { TimelineEntry } from '../timeline/timeline.types.js';
import { pathOf, storedConfig } from './oparl.config.js';
import { OPARL_EVENT_TYPES, OPARL_EVENTS } from './oparl.drafts.js';
import { mapToOParl, oparlRows } from './oparl.mapping.js';
import type { OParlObject } from './oparl.types.js';

interface Row {
  id: string;
  type: string;
  created: string | null;
  modified: string | null;
  deleted: boolean;
  object: OParlObject;
}

function rowsOf(entries: TimelineEntry[]): Row[] {
  return oparlRows(mapToOParl(entries, storedConfig(entries))).map((r) => ({
    id: pathOf(r.id),
    type: r.type,
    created: r.created,
    modified: r.modified,
    deleted: r.deleted,
    object: r.object,
  }));
}

function tombstone(was: { type: string; created: string | null; object: OParlObject & { order?: number } }, at: string): Row {
  const object = {
    id: was.object.id,
    type: was.object.type,
    ...(was.type === 'AgendaItem' ? { order: was.object.order ?? 0 } : {}), // required even on a tombstone
    ...(was.created ? { created: was.created } : {}),
    modified: at,
    deleted: true,
  } as OParlObject;
  return { id: pathOf(was.object.id), type: was.type, created: was.created, modified: at, deleted: true, object };
}

/**
 * The entries as they stood at `at`: recorded by then, with the corrections recorded by then. A
 * retracted correction counts only at its own record time (when it was retracted is not kept).
 */
function entriesAt(entries: TimelineEntry[], at: string): TimelineEntry[] {
  return entries
    .filter((e) => e.recordedAt <= at)
    .map((e) => {
      const corrections = e.corrections.filter((c) => c.recordedAt <= at && (!c.retracted || c.recordedAt === at));
      const data = corrections.reduce((d, c) => applyChanges(d, c.changes), e.original ?? e.data);
      const retracted = !!e.retraction && e.retraction.recordedAt <= at;
      return { ...e, data, original: e.original ?? e.data, corrections, retracted, retraction: retracted ? e.retraction : null };
    });
}

export async function applyOParl({ events, changedEntries, ctx: { client, table } }: PartnershipsBatch): Promise<void> {
  const t = table('oparl_objects');
  const mine = changedEntries.filter((e) => OPARL_EVENTS.has(e.type));
  if (!mine.length) {
    // A log recorded before this read model existed: fill it once, with the first batch after the
    // upgrade. One round trip, as every live batch without a consultation asks. The timeline is
    // probed once per type in index order: without statistics that show the types absent (a table
    // being rebuilt), `type = ANY(…) LIMIT 1` is planned as a scan of the whole timeline, which
    // every such batch paid (quadratic over a rebuild).
    const { rows } = await client.query(
      `SELECT NOT EXISTS (SELECT 1 FROM ${t} WHERE type = 'System')
              AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS k(type) CROSS JOIN LATERAL
                            (SELECT 1 FROM ${table('timeline_entries')} t WHERE t.type = k.type ORDER BY t.sort_date LIMIT 1) found)
              AS unfilled`,
      [[...OPARL_EVENT_TYPES]],
    );
    if (!rows[0].unfilled) return;
  }

  // Until OParl has one Body per organisation it publishes the first organisation's partnerships only.
  const { rows: timeline } = await client.query(
    `SELECT * FROM ${table('timeline_entries')} WHERE type = ANY($1) AND organisation_id = $2`,
    [[...OPARL_EVENT_TYPES], OPARL_ORGANISATION_ID],
  );
  const entries = timeline.map(rowToEntry);
  const fresh = rowsOf(entries);
  const ids = new Set(fresh.map((r) => r.id));
  const at = events.map((e) => e.recordedAt.toISOString()).reduce((a, b) => (b > a ? b : a));

  // Values that corrections in this batch replaced again before the batch ended (all of them, filling from scratch).
  const batchStart = events.map((e) => e.recordedAt.toISOString()).reduce((a, b) => (b < a ? b : a));
  const source = mine.length ? mine : entries;
  const correctedAt = new Set(
    source.flatMap((e) => e.corrections.map((c) => c.recordedAt)).filter((c) => mine.length === 0 || c >= batchStart),
  );
  for (const when of [...correctedAt].sort()) {
    for (const r of rowsOf(entriesAt(entries, when))) {
      if (ids.has(r.id)) continue;
      ids.add(r.id);
      fresh.push(tombstone(r, at));
    }
  }

  // Objects stored by earlier batches that the mapping no longer yields.
  const { rows: gone } = await client.query(`SELECT id, type, created, object FROM ${t} WHERE NOT deleted AND NOT (id = ANY($1::text[]))`, [
    [...ids],
  ]);
  for (const g of gone as { type: string; created: Date | null; object: OParlObject }[]) {
    fresh.push(tombstone({ ...g, created: g.created ? g.created.toISOString() : null }, at));
  }

  await client.query(
    `INSERT INTO ${t} AS o (id, type, created, modified, deleted, object, organisation_id)
     SELECT r.*, '${OPARL_ORGANISATION_ID}'::uuid FROM jsonb_to_recordset($1::jsonb) AS r(id text, type text, created timestamptz, modified timestamptz,
       deleted boolean, object jsonb)
     ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, created = EXCLUDED.created, modified = EXCLUDED.modified,
       deleted = EXCLUDED.deleted, object = EXCLUDED.object
     WHERE o.object IS DISTINCT FROM EXCLUDED.object`,
    [JSON.stringify(fresh)],
  );
}
