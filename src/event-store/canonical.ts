import { hash } from 'node:crypto';

/**
 * The hash chain on the client. `event_hash()` in the database (see the first migration) stays the
 * one definition: it hashes the previous hash followed by the text PostgreSQL gives for
 * jsonb_build_array(stream, version, id, type, schema version, data, metadata, occurred µs,
 * recorded µs). This module reproduces that text byte for byte, so the append can send finished
 * rows and `ledger:verify` keeps checking every event with the SQL function. Where the text cannot
 * be reproduced with certainty it says so (NotReproducible) and the store lets the database hash.
 */
export class NotReproducible extends Error {}

// Characters jsonb's output escapes (escape_json): quote, backslash and the C0 controls.
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ASCII = /^[\u0000-\u007f]*$/;

function quote(s: string): string {
  if (SURROGATE.test(s) && LONE_SURROGATE.test(s)) throw new NotReproducible('a lone surrogate');
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    switch (ch) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default:
        out += ch < ' ' ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch;
    }
  }
  return `${out}"`;
}

// jsonb orders keys by their length in bytes, then bytewise.
function keyOrder(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length - y.length || Buffer.compare(x, y);
}

// Events of one type share their objects' key lists: sorting each list once halves the text's cost.
const KEY_ORDERS = new Map<string, string[]>();
const KEY_ORDERS_MAX = 10_000;

function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  if (keys.length < 2) return keys;
  const signature = keys.join('\u0000');
  let order = KEY_ORDERS.get(signature);
  if (order === undefined) {
    order = keys.sort(keyOrder);
    if (KEY_ORDERS.size >= KEY_ORDERS_MAX) KEY_ORDERS.clear();
    KEY_ORDERS.set(signature, order);
  }
  return order;
}

/** The text of `value::jsonb::text` for a plain JSON value (as the store's input checks allow). */
export function jsonbText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number': {
      // numeric prints exponent forms in full; JS's shortest form is numeric's only without one.
      const text = String(value);
      if (!Number.isFinite(value) || text.includes('e')) throw new NotReproducible(`the number ${text}`);
      return text;
    }
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : jsonbText(v))).join(', ')}]`;
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const k of sortedKeys(record)) if (record[k] !== undefined) parts.push(`${quote(k)}: ${jsonbText(record[k])}`);
      return `{${parts.join(', ')}}`;
    }
    default:
      throw new NotReproducible(`a ${typeof value}`);
  }
}

export interface HashInput {
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  /** Epoch milliseconds (the store keeps occurred and recorded times to the millisecond). */
  occurredAtMs: number | null;
  recordedAtMs: number;
}

/** event_hash() computed here: sha256 hex of the previous hash followed by the canonical text. */
export function eventHash(prev: string | null, e: HashInput): string {
  const text =
    `[${quote(e.streamId)}, ${e.version}, "${e.eventId}", ${quote(e.type)}, ${e.schemaVersion}, ` +
    `${jsonbText(e.data)}, ${jsonbText(e.metadata)}, ${e.occurredAtMs === null ? 'null' : e.occurredAtMs * 1000}, ${e.recordedAtMs * 1000}]`;
  return hash('sha256', (prev ?? '') + text, 'hex');
}
