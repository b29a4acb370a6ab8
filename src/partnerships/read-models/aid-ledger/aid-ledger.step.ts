// The aid ledger step: one row per aid delivery or pledge, with the timeline's corrected values, so
// sums and filters run on typed columns (numeric amounts, currencies, receivers).
import { displayName, receiptStatus, type BusinessDate, type ReceiptConfirmation } from '../../domain/index.js';
import { copiedFromEvent, type ChangedEntry, type PartnershipsBatch } from '../batch.js';
import { OCCURRED_ON_SQL } from '../timeline/timeline.step.js';
import { sortDateOf } from '../timeline/timeline.mapping.js';

const AID_KINDS: Record<string, 'delivered' | 'committed'> = { AidDelivered: 'delivered', AidCommitted: 'committed' };

export async function applyAidLedger(batch: PartnershipsBatch): Promise<void> {
  const {
    changedEntries,
    ctx: { client, table },
  } = batch;
  const aid = changedEntries.filter((t) => t.type in AID_KINDS);
  const copied = aid.filter((t) => copiedFromEvent(batch, t));
  if (copied.length) await copyRows(client, table, copied, batch.asStored!);
  const rows = (copied.length ? aid.filter((t) => !copiedFromEvent(batch, t)) : aid).map((t) => {
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
      receipt: AID_KINDS[t.type] === 'delivered' ? 'awaiting' : null,
      stream_version: t.streamVersion,
      recorded_at: t.recordedAt,
    };
  });
  if (rows.length) await upsertRows(client, table, rows);
  await applyReceipts(batch);
}

type Ctx = PartnershipsBatch['ctx'];

/** The JSON path's defaults for a missing or null value, in SQL. */
const orDefault = (path: string, empty: string) => `coalesce(nullif(${path}, 'null'::jsonb), '${empty}'::jsonb)`;

/** Rows of entries as their events recorded them: the values from the event row, what Node derives beside them. */
async function copyRows(
  client: Ctx['client'],
  table: Ctx['table'],
  entries: ChangedEntry[],
  positions: Map<string, number>,
): Promise<void> {
  await client.query(
    `INSERT INTO ${table('aid_ledger')} (event_id, partnership_id, kind, receiver, receiver_key, occurred_on, sort_date, month,
       amount, currency, modality, sector, funding_channel, items, retracted, receipt, stream_version, recorded_at, organisation_id)
     SELECT e.event_id, e.stream_id, q.kind, ${orDefault(`e.data->'receiver'`, '{}')}, q.receiver_key, ${OCCURRED_ON_SQL},
            q.sort_date, q.month, (e.data->'value'->>'amount')::numeric, e.data->'value'->>'currency', e.data->>'modality',
            e.data->>'sector', e.data->>'fundingChannel', ${orDefault(`e.data->'items'`, '[]')}, false,
            CASE WHEN q.kind = 'delivered' THEN 'awaiting' END, e.stream_version, q.recorded_at,
            partnership_organisation(e.stream_id)
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::text[], $6::timestamptz[])
            AS q(pos, kind, receiver_key, sort_date, month, recorded_at)
       JOIN events e ON e.global_position = q.pos`,
    [
      entries.map((t) => positions.get(t.eventId)),
      entries.map((t) => AID_KINDS[t.type]),
      entries.map((t) => displayName((t.data.receiver as Record<string, string> | undefined) ?? {})),
      entries.map(sortDateOf),
      entries.map((t) => (t.occurredOn && t.occurredOn.precision !== 'year' ? t.occurredOn.date.slice(0, 7) : null)),
      entries.map((t) => t.recordedAt),
    ],
  );
}

async function upsertRows(client: Ctx['client'], table: Ctx['table'], rows: Record<string, unknown>[]): Promise<void> {
  // A new delivery awaits confirmation; its receipt columns are the receipt step's from then on.
  await client.query(
    `INSERT INTO ${table('aid_ledger')} (event_id, partnership_id, kind, receiver, receiver_key, occurred_on, sort_date, month,
       amount, currency, modality, sector, funding_channel, items, retracted, receipt, stream_version, recorded_at, organisation_id)
     SELECT r.*, partnership_organisation(r.partnership_id) FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, partnership_id text, kind text, receiver jsonb,
       receiver_key text, occurred_on jsonb, sort_date date, month text, amount numeric, currency text, modality text,
       sector text, funding_channel text, items jsonb, retracted boolean, receipt text, stream_version int, recorded_at timestamptz)
     ON CONFLICT (event_id) DO UPDATE SET receiver = EXCLUDED.receiver, receiver_key = EXCLUDED.receiver_key,
       occurred_on = EXCLUDED.occurred_on, sort_date = EXCLUDED.sort_date, month = EXCLUDED.month, amount = EXCLUDED.amount,
       currency = EXCLUDED.currency, modality = EXCLUDED.modality, sector = EXCLUDED.sector,
       funding_channel = EXCLUDED.funding_channel, items = EXCLUDED.items, retracted = EXCLUDED.retracted`,
    [JSON.stringify(rows)],
  );
}

/**
 * The receipt of each delivery whose confirmations this batch changed, from its live confirmations
 * in the timeline (the timeline step has written them), in business-date order.
 */
async function applyReceipts({ changedEntries, ctx: { client, table } }: PartnershipsBatch): Promise<void> {
  const changed = changedEntries.filter((t) => t.type === 'AidReceiptConfirmed');
  const deliveryIds = [...new Set(changed.map((t) => String(t.data.deliveryId)))];
  if (!deliveryIds.length) return;
  const { rows } = await client.query(
    `SELECT t.event_id, t.data, t.occurred_on FROM ${table('timeline_entries')} t
      WHERE t.partnership_id = ANY($1::text[]) AND t.type = 'AidReceiptConfirmed' AND NOT t.retracted
        AND t.data->>'deliveryId' = ANY($2::text[])
      ORDER BY t.fold_date, t.stream_version`,
    [[...new Set(changed.map((t) => t.partnershipId))], deliveryIds],
  );
  const byDelivery = new Map<string, ReceiptConfirmation[]>(deliveryIds.map((id) => [id, []]));
  for (const r of rows) byDelivery.get(String(r.data.deliveryId))?.push(confirmationOf(r.event_id, r.data));
  const receipts = [...byDelivery].map(([eventId, confirmations]) => ({
    event_id: eventId,
    receipt: receiptStatus(confirmations),
    receipt_confirmations: confirmations,
  }));
  await client.query(
    `UPDATE ${table('aid_ledger')} a SET receipt = r.receipt, receipt_confirmations = r.receipt_confirmations
       FROM jsonb_to_recordset($1::jsonb) AS r(event_id uuid, receipt text, receipt_confirmations jsonb)
      WHERE a.event_id = r.event_id AND a.kind = 'delivered'`,
    [JSON.stringify(receipts)],
  );
}

function confirmationOf(eventId: string, d: Record<string, unknown>): ReceiptConfirmation {
  return {
    eventId,
    receivedOn: d.occurredOn as BusinessDate,
    received: d.received as ReceiptConfirmation['received'],
    ...(typeof d.discrepancies === 'string' ? { discrepancies: d.discrepancies } : {}),
    ...(typeof d.documentReference === 'string' ? { documentReference: d.documentReference } : {}),
  };
}
