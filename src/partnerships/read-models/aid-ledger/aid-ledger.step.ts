// The aid ledger step: one row per aid delivery or pledge, with the timeline's corrected values, so
// sums and filters run on typed columns (numeric amounts, currencies, receivers).
import { displayName } from '../../domain/index.js';
import type { PartnershipsBatch } from '../batch.js';
import { sortDateOf } from '../timeline/timeline.mapping.js';

const AID_KINDS: Record<string, 'delivered' | 'committed'> = { AidDelivered: 'delivered', AidCommitted: 'committed' };

export async function applyAidLedger({ changedEntries, ctx: { client, table } }: PartnershipsBatch): Promise<void> {
  const rows = changedEntries
    .filter((t) => t.type in AID_KINDS)
    .map((t) => {
      const d = t.data as { receiver?: Record<string, string>; value?: { amount?: string; currency?: string } } & Record<string, unknown>;
      const receiver = d.receiver ?? {};
      const on = t.occurredOn;
      return {
        event_id: t.eventId,
        partnership_id: t.partnershipId,
        kind: AID_KINDS[t.type],
        receiver,
        receiver_key: displayName(receiver),
        occurred_on: on,
        sort_date: sortDateOf(t),
        month: on && on.precision !== 'year' ? on.date.slice(0, 7) : null,
        amount: d.value?.amount ?? null,
        currency: d.value?.currency ?? null,
        modality: d.modality ?? null,
        sector: d.sector ?? null,
        funding_channel: d.fundingChannel ?? null,
        items: d.items ?? [],
        retracted: t.retracted,
        stream_version: t.streamVersion,
        recorded_at: t.recordedAt,
      };
    });
  if (!rows.length) return;
  await client.query(
    `INSERT INTO ${table('aid_ledger')} (event_id, partnership_id, kind, receiver, receiver_key, occurred_on, sort_date, month,
       amount, currency, modality, sector, funding_channel, items, retracted, stream_version, recorded_at, organisation_id)
     SELECT r.*, partnership_organisation(r.partnership_id) FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, partnership_id text, kind text, receiver jsonb,
       receiver_key text, occurred_on jsonb, sort_date date, month text, amount numeric, currency text, modality text,
       sector text, funding_channel text, items jsonb, retracted boolean, stream_version int, recorded_at timestamptz)
     ON CONFLICT (event_id) DO UPDATE SET receiver = EXCLUDED.receiver, receiver_key = EXCLUDED.receiver_key,
       occurred_on = EXCLUDED.occurred_on, sort_date = EXCLUDED.sort_date, month = EXCLUDED.month, amount = EXCLUDED.amount,
       currency = EXCLUDED.currency, modality = EXCLUDED.modality, sector = EXCLUDED.sector,
       funding_channel = EXCLUDED.funding_channel, items = EXCLUDED.items, retracted = EXCLUDED.retracted`,
    [JSON.stringify(rows)],
  );
}
