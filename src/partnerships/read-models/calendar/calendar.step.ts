// The calendar step: one row per plan of each partnership the batch touches — open ones for the
// calendar, cancelled ones so calendar subscriptions learn of the cancellation — from the latest state
// the status step just wrote (same transaction).
import { businessDateStart, type DerivedState } from '../../domain/index.js';
import type { PartnershipsBatch } from '../batch.js';

/** Entry types that can be a plan or fulfil one. */
const CALENDAR_TYPES = new Set([
  'BoardReviewed',
  'ReferredToCommittee',
  'CommitteeDecided',
  'CouncilDecided',
  'ActivityHeld',
  'AgreementSigningScheduled',
  'AgreementSigned',
]);

export async function applyCalendar({ changedEntries, ctx: { client, table } }: PartnershipsBatch): Promise<void> {
  const ids = [...new Set(changedEntries.filter((t) => CALENDAR_TYPES.has(t.type)).map((t) => t.partnershipId))];
  if (!ids.length) return;
  const { rows } = await client.query(`SELECT partnership_id, state FROM ${table('partnership_status')} WHERE partnership_id = ANY($1)`, [
    ids,
  ]);
  const items = rows.flatMap(({ partnership_id: id, state }: { partnership_id: string; state: DerivedState }) =>
    state.plans
      .filter((p) => p.status !== 'fulfilled')
      .map((p) => ({
        partnership_id: id,
        uid: p.uid,
        event_id: p.current ?? p.entries.at(-1) ?? p.uid,
        kind: p.type,
        status: p.status,
        occurred_on: p.date,
        sort_date: businessDateStart(p.date),
        made_on: p.madeOn,
        data: p.data,
        sequence: p.sequence,
        changed_at: p.changedAt ?? null,
      })),
  );
  await client.query(`DELETE FROM ${table('calendar_items')} WHERE partnership_id = ANY($1)`, [ids]);
  if (!items.length) return;
  await client.query(
    `INSERT INTO ${table('calendar_items')} (partnership_id, uid, event_id, kind, status, occurred_on, sort_date, made_on, data,
       sequence, changed_at, organisation_id)
     SELECT r.*, partnership_organisation(r.partnership_id) FROM jsonb_to_recordset($1::jsonb) AS r(partnership_id text, uid text, event_id text, kind text, status text,
       occurred_on jsonb, sort_date date, made_on jsonb, data jsonb, sequence int, changed_at timestamptz)`,
    [JSON.stringify(items)],
  );
}
