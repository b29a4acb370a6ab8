// The OParl step: one row per OParl 1.1 object of each organisation's Body, derived from the
// consultation milestones that organisation recorded (oparl.mapping.ts maps them). Objects depend on each
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
import { inBodyOf, pathOf, storedConfig } from './oparl.config.js';
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

function rowsOf(entries: TimelineEntry[], slug: string | null): Row[] {
  return oparlRows(inBodyOf(mapToOParl(entries, storedConfig(entries)), slug)).map((r) => ({
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

interface BodyOf {
  organisationId: string;
  /** null: the instance's first organisation, whose ids have no prefix */
  slug: string | null;
}

/** Recomputes one organisation's Body from its entries and writes the rows that changed. */
async function writeBody(
  { events, ctx: { client, table } }: PartnershipsBatch,
  body: BodyOf,
  entries: TimelineEntry[],
  mine: TimelineEntry[],
): Promise<void> {
  const t = table('oparl_objects');
  // Another Body's System would overwrite the one System row (ids are the table's key).
  const rowsOfBody = (es: TimelineEntry[]) => rowsOf(es, body.slug).filter((r) => body.slug === null || r.type !== 'System');
  const fresh = rowsOfBody(entries);
  const ids = new Set(fresh.map((r) => r.id));
  const at = events.map((e) => e.recordedAt.toISOString()).reduce((a, b) => (b > a ? b : a));

  // Values that corrections in this batch replaced again before the batch ended (all of them, filling from scratch).
  const batchStart = events.map((e) => e.recordedAt.toISOString()).reduce((a, b) => (b < a ? b : a));
  const source = mine.length ? mine : entries;
  const correctedAt = new Set(
    source.flatMap((e) => e.corrections.map((c) => c.recordedAt)).filter((c) => mine.length === 0 || c >= batchStart),
  );
  for (const when of [...correctedAt].sort()) {
    for (const r of rowsOfBody(entriesAt(entries, when))) {
      if (ids.has(r.id)) continue;
      ids.add(r.id);
      fresh.push(tombstone(r, at));
    }
  }

  // Objects of this Body stored by earlier batches that the mapping no longer yields.
  const { rows: gone } = await client.query(
    `SELECT id, type, created, object FROM ${t} WHERE organisation_id = $2 AND NOT deleted AND NOT (id = ANY($1::text[]))`,
    [[...ids], body.organisationId],
  );
  for (const g of gone as { type: string; created: Date | null; object: OParlObject }[]) {
    fresh.push(tombstone({ ...g, created: g.created ? g.created.toISOString() : null }, at));
  }

  await client.query(
    `INSERT INTO ${t} AS o (id, type, created, modified, deleted, object, organisation_id)
     SELECT r.*, $2::uuid FROM jsonb_to_recordset($1::jsonb) AS r(id text, type text, created timestamptz, modified timestamptz,
       deleted boolean, object jsonb)
     ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, created = EXCLUDED.created, modified = EXCLUDED.modified,
       deleted = EXCLUDED.deleted, object = EXCLUDED.object
     WHERE o.object IS DISTINCT FROM EXCLUDED.object AND o.organisation_id = EXCLUDED.organisation_id`,
    [JSON.stringify(fresh), body.organisationId],
  );
}

export async function applyOParl(batch: PartnershipsBatch): Promise<void> {
  const {
    changedEntries,
    ctx: { client, table },
  } = batch;
  const t = table('oparl_objects');
  const mine = changedEntries.filter((e) => OPARL_EVENTS.has(e.type));
  if (!mine.length) {
    // A log recorded before this read model existed: fill it once, with the first batch after the
    // upgrade. One round trip, as every live batch without a consultation asks. The timeline is
    // probed once per type in index order: without statistics that show the types absent (a table
    // being rebuilt), `type = ANY(…) LIMIT 1` is planned as a scan of the whole timeline, which
    // every such batch paid (quadratic over a rebuild).
    const { rows } = await client.query(
      `SELECT NOT EXISTS (SELECT 1 FROM ${t} WHERE type = 'Body')
              AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS k(type) CROSS JOIN LATERAL
                            (SELECT 1 FROM ${table('timeline_entries')} t WHERE t.type = k.type ORDER BY t.sort_date LIMIT 1) found)
              AS unfilled`,
      [[...OPARL_EVENT_TYPES]],
    );
    if (!rows[0].unfilled) return;
  }

  // One Body per organisation: the consultation milestones its own side recorded, in partnerships
  // it owns or was linked to (an event the store's generic API appended counts for the first
  // organisation, and only where that one has a side).
  const { rows: timeline } = await client.query(
    `SELECT t.*, e.organisation_id AS recorded_by, o.slug AS recorded_by_slug
       FROM ${table('timeline_entries')} t JOIN events e ON e.event_id = t.event_id JOIN organisations o ON o.id = e.organisation_id
      WHERE t.type = ANY($1)
        AND EXISTS (SELECT 1 FROM partnership_access a WHERE a.partnership_id = t.partnership_id AND a.organisation_id = e.organisation_id)`,
    [[...OPARL_EVENT_TYPES]],
  );
  const bodies = new Map<string, { body: BodyOf; entries: TimelineEntry[] }>();
  const recorderOf = new Map<string, string>();
  for (const row of timeline as { recorded_by: string; recorded_by_slug: string; event_id: string }[]) {
    const id = row.recorded_by;
    let b = bodies.get(id);
    if (!b) {
      b = { body: { organisationId: id, slug: id === OPARL_ORGANISATION_ID ? null : row.recorded_by_slug }, entries: [] };
      bodies.set(id, b);
    }
    b.entries.push(rowToEntry(row));
    recorderOf.set(row.event_id, id);
  }
  // A batch recomputes the bodies whose entries it changed; the first fill, every body.
  const affected = mine.length ? new Set(mine.map((e) => recorderOf.get(e.eventId)).filter((id): id is string => !!id)) : bodies.keys();
  for (const id of affected) {
    const { body, entries } = bodies.get(id)!;
    const ids = new Set(entries.map((e) => e.eventId));
    await writeBody(
      batch,
      body,
      entries,
      mine.filter((e) => ids.has(e.eventId)),
    );
  }
}
