// The status step: one row per partnership with its derived state and the summary the API serves.
import type { StoredEvent } from '../../../event-store/types.js';
import { businessDateEnd, evolve, fold, initialState, type DerivedState, type PartnershipState } from '../../domain/index.js';
import { toRecorded, type PartnershipsBatch } from '../batch.js';
import { derivedOf, searchText, staticDetail } from './status.view.js';

type Derived = DerivedState & { version: number };

/** Folds each partnership the batch touches and upserts its status row (derived state and summary). */
export async function applyStatus({ events, ctx: { client, table, store } }: PartnershipsBatch): Promise<void> {
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
