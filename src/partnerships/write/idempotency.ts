// Idempotency-Key support: event ids derived from the key, so a retry appends the very same ids and
// the store recognises them instead of writing twice — even when the retries race each other.
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace for derived ids; changing it would make old keys look new. */
const NAMESPACE = '0b8f6a1e-3c2d-5e4f-9a7b-6c5d4e3f2a1b';

export function derivedEventId(keyId: string, scope: string, key: string, index: number): string {
  return uuidv5(JSON.stringify([keyId, scope, key, index]), NAMESPACE);
}

/** A partnership id for POST /partnerships without one, stable across retries of the same key. */
export function derivedPartnershipId(keyId: string, scope: string, key: string): string {
  return uuidv5(JSON.stringify([keyId, scope, key, 'partnership']), NAMESPACE);
}

/** JSON with sorted keys, so the same body with fields in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/** Printable ASCII, as the IETF Idempotency-Key draft expects of a key; long enough for a UUID or two. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
