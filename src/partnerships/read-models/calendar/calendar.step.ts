// The calendar step: what is still ahead for each partnership — planned consultations and activities,
// and signings scheduled but not yet followed by a signing. Recomputed per partnership the batch
// touches, from its timeline rows (already updated by the timeline step in this transaction).
import type { PartnershipsBatch } from '../batch.js';

/** Entry types whose change can add or remove a calendar item. */
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
  await client.query(`DELETE FROM ${table('calendar_items')} WHERE partnership_id = ANY($1)`, [ids]);
  await client.query(
    `INSERT INTO ${table('calendar_items')} (event_id, partnership_id, kind, occurred_on, sort_date, data, stream_version, recorded_at)
     SELECT t.event_id, t.partnership_id, t.type, t.occurred_on, t.sort_date, t.data, t.stream_version, t.recorded_at
       FROM ${table('timeline_entries')} t
      WHERE t.partnership_id = ANY($1) AND NOT t.retracted
        AND (t.planned OR (t.type = 'AgreementSigningScheduled' AND NOT EXISTS (
              SELECT 1 FROM ${table('timeline_entries')} s
               WHERE s.partnership_id = t.partnership_id AND s.type = 'AgreementSigned' AND NOT s.retracted
                 AND s.stream_version > t.stream_version)))`,
    [ids],
  );
}
