// What a webhook (or a mail) shows of an entry: the event as the change feed shows it, less every
// field the one description (partnerships/domain/events.ts) marks as personal. A receiver is a
// machine of the organisation with no role that may read names, so names never leave by webhook.
import type { StoredEvent } from '../event-store/types.js';
import { EVENT_FIELDS, isEventType } from '../partnerships/domain/events.js';
import type { Field, Fields } from '../partnerships/domain/fields.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function strip(value: unknown, spec: Field): unknown {
  if (spec.kind === 'object' && spec.fields && isRecord(value)) return stripFields(value, spec.fields);
  if (spec.kind === 'list' && spec.item && Array.isArray(value)) return value.map((v) => strip(v, spec.item!));
  return value;
}

function stripFields(data: Record<string, unknown>, fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(data)) {
    const spec = fields[name];
    if (spec?.personal) continue;
    out[name] = spec ? strip(v, spec) : v;
  }
  return out;
}

/** The data of an event of `type` without its personal fields (a correction's changes too). */
export function withoutPersonalData(type: string, data: unknown): unknown {
  if (!isEventType(type) || !isRecord(data)) return data;
  if (type === 'EntryCorrected' && isEventType(data.targetType)) {
    const target: Fields = EVENT_FIELDS[data.targetType];
    return {
      ...data,
      changes: isRecord(data.changes) ? stripFields(data.changes, target) : data.changes,
      previous: isRecord(data.previous) ? stripFields(data.previous, target) : data.previous,
    };
  }
  return stripFields(data, EVENT_FIELDS[type]);
}

/** The JSON of a webhook: the Standard Webhooks envelope around the entry as the API shows it. */
export function webhookBody(e: StoredEvent): string {
  return JSON.stringify({
    type: e.type,
    timestamp: e.recordedAt.toISOString(),
    data: {
      eventId: e.eventId,
      streamId: e.streamId,
      streamVersion: e.streamVersion,
      globalPosition: e.globalPosition,
      transactionId: e.transactionId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: withoutPersonalData(e.type, e.data),
      metadata: e.metadata,
      occurredAt: e.occurredAt ? e.occurredAt.toISOString() : null,
      recordedAt: e.recordedAt.toISOString(),
    },
  });
}
