import { validate as isUuid } from 'uuid';
import { EventStoreInputError } from './errors.js';
import type { NewEvent } from './types.js';

const MAX_STREAM_ID_LENGTH = 200;
const MAX_EVENTS_PER_APPEND = 1000;
// Control characters break logs, URLs and the canonical hash text; no stream id needs them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,199}$/;

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new EventStoreInputError('streamId', 'must be a non-empty string');
  if (streamId.length > MAX_STREAM_ID_LENGTH)
    throw new EventStoreInputError('streamId', `must be at most ${MAX_STREAM_ID_LENGTH} characters (got ${streamId.length})`);
  if (CONTROL.test(streamId)) throw new EventStoreInputError('streamId', 'must not contain control characters');
}

export function expectedToSql(expected: unknown): string {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return String(expected);
  throw new EventStoreInputError(
    'expectedVersion',
    `must be a non-negative integer, 'no_stream', 'stream_exists' or 'any' (got ${JSON.stringify(expected)})`,
  );
}

/** Rejects what JSON or jsonb would silently change or refuse, naming the path of the offending value. */
function assertJson(value: unknown, path: string, seen = new Set<object>()): void {
  switch (typeof value) {
    case 'string':
      if (value.includes('\u0000')) throw new EventStoreInputError(path, 'strings must not contain the NUL character (\\u0000)');
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new EventStoreInputError(path, `${value} is not representable in JSON`);
      return;
    case 'object': {
      if (value === null) return;
      if (seen.has(value)) throw new EventStoreInputError(path, 'contains a circular reference');
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) {
        seen.add(value);
        value.forEach((v, i) => assertJson(v, `${path}[${i}]`, seen));
        seen.delete(value);
        return;
      }
      if (proto !== Object.prototype && proto !== null)
        throw new EventStoreInputError(path, `must be plain JSON; got an instance of ${proto?.constructor?.name ?? 'an unknown class'}`);
      seen.add(value);
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) throw new EventStoreInputError(path, 'keys must not contain the NUL character');
        if (v === undefined) continue; // dropped by JSON, as callers expect of optional fields
        assertJson(v, `${path}.${k}`, seen);
      }
      seen.delete(value);
      return;
    }
    default:
      throw new EventStoreInputError(path, `a ${typeof value} is not JSON-serialisable`);
  }
}

export interface PreparedEvent {
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  occurred_at: string | null;
  /** the organisation that records the event (the events row's organisation_id) */
  organisation_id: string;
}

/** The instance's first organisation: where appends that name none go (as events from before organisations did). */
const DEFAULT_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001';

/**
 * An append's events, checked and in the columns' shape. Given an organisation, it is also written
 * into each event's metadata (`organisationId`), so the hash chain covers who recorded it; without
 * one the event goes to the instance's first organisation and its metadata stays as given, like
 * every event recorded before organisations existed.
 */
export function prepareEvents(events: unknown, newId: () => string, organisationId?: string): PreparedEvent[] {
  if (organisationId !== undefined && !isUuid(organisationId)) throw new EventStoreInputError('organisationId', 'must be a UUID');
  if (!Array.isArray(events) || events.length === 0) throw new EventStoreInputError('events', 'must be a non-empty array');
  if (events.length > MAX_EVENTS_PER_APPEND)
    throw new EventStoreInputError('events', `at most ${MAX_EVENTS_PER_APPEND} events per append (got ${events.length})`);
  const ids = new Set<string>();
  return events.map((raw, i) => {
    const e = raw as NewEvent;
    const at = `events[${i}]`;
    if (typeof e !== 'object' || e === null) throw new EventStoreInputError(at, 'must be an object');
    if (typeof e.type !== 'string' || !TYPE_PATTERN.test(e.type))
      throw new EventStoreInputError(`${at}.type`, 'must start with a letter and use letters, digits, _ . : - (at most 200)');
    const eventId = e.eventId ?? newId();
    if (typeof eventId !== 'string' || !isUuid(eventId)) throw new EventStoreInputError(`${at}.eventId`, 'must be a UUID');
    const id = eventId.toLowerCase();
    if (ids.has(id)) throw new EventStoreInputError(`${at}.eventId`, 'is used twice in this append');
    ids.add(id);
    const schemaVersion = e.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > 1000)
      throw new EventStoreInputError(`${at}.schemaVersion`, 'must be a positive integer');
    if (e.data === undefined) throw new EventStoreInputError(`${at}.data`, 'is required (use null or {} for no data)');
    assertJson(e.data, `${at}.data`);
    const given = e.metadata ?? {};
    if (typeof given !== 'object' || given === null || Array.isArray(given))
      throw new EventStoreInputError(`${at}.metadata`, 'must be an object');
    const metadata = organisationId === undefined ? given : { ...given, organisationId: organisationId.toLowerCase() };
    assertJson(metadata, `${at}.metadata`);
    let occurredAt: string | null = null;
    if (e.occurredAt !== undefined && e.occurredAt !== null) {
      const d = e.occurredAt instanceof Date ? e.occurredAt : new Date(e.occurredAt);
      if (Number.isNaN(d.getTime())) throw new EventStoreInputError(`${at}.occurredAt`, 'must be a valid date');
      occurredAt = d.toISOString();
    }
    return {
      event_id: id,
      type: e.type,
      schema_version: schemaVersion,
      data: e.data,
      metadata,
      occurred_at: occurredAt,
      organisation_id: organisationId?.toLowerCase() ?? DEFAULT_ORGANISATION_ID,
    };
  });
}
