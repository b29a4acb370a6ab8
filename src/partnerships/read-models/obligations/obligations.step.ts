// The obligations step: one row per obligation of each partnership the batch touches, from the latest
// state the status step just wrote (same transaction), owned by the partnership's organisation.
import { businessDateStart, obligationTitle, type DerivedState } from '../../domain/index.js';
import type { PartnershipsBatch } from '../batch.js';

/** Entry types that bring, settle or move an obligation (their corrections and retractions included). */
const OBLIGATION_TYPES = new Set(['FundingReceived', 'ObligationFulfilled', 'ObligationExtended', 'ObligationWaived']);

export async function applyObligations({ changedEntries, ctx: { client, table } }: PartnershipsBatch): Promise<void> {
  const ids = [...new Set(changedEntries.filter((t) => OBLIGATION_TYPES.has(t.type)).map((t) => t.partnershipId))];
  if (!ids.length) return;
  const { rows } = await client.query(`SELECT partnership_id, state FROM ${table('partnership_status')} WHERE partnership_id = ANY($1)`, [
    ids,
  ]);
  const items: Record<string, unknown>[] = [];
  for (const { partnership_id: id, state } of rows as { partnership_id: string; state: DerivedState }[]) {
    const obligations = state.obligations ?? [];
    if (!obligations.length) continue;
    for (const o of obligations) {
      items.push({
        partnership_id: id,
        obligation_id: o.id,
        funding_event_id: o.fundingEventId,
        kind: o.kind,
        title: obligationTitle(o),
        due_date: o.dueDate,
        status: o.status,
        since: businessDateStart(o.since),
        // iCalendar's SEQUENCE: each extension, and the settlement, is a new version of the event
        sequence: (o.extensions ?? 0) + (o.status === 'open' ? 0 : 1),
        obligation: o,
      });
    }
  }
  await client.query(`DELETE FROM ${table('obligations')} WHERE partnership_id = ANY($1)`, [ids]);
  if (!items.length) return;
  await client.query(
    `INSERT INTO ${table('obligations')} (organisation_id, partnership_id, obligation_id, funding_event_id, kind, title, due_date,
       status, since, sequence, obligation)
     SELECT partnership_organisation(r.partnership_id), r.* FROM jsonb_to_recordset($1::jsonb) AS r(partnership_id text, obligation_id text,
       funding_event_id text, kind text, title text, due_date date, status text, since date, sequence int, obligation jsonb)`,
    [JSON.stringify(items)],
  );
}
