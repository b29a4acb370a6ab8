// The token in a mail's unsubscribe link: who (person, organisation), signed, so the one-click POST
// needs no sign-in and cannot be forged for someone else. Keyed from CURSOR_SECRET with its own label,
// so a cursor can never pass as a token or the other way round.
import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: string, payload: string) =>
  createHmac('sha256', createHmac('sha256', secret).update('partnership-ledger/unsubscribe/v1').digest())
    .update(payload)
    .digest()
    .subarray(0, 18)
    .toString('base64url');

export function unsubscribeToken(secret: string, organisationId: string, personId: string): string {
  const payload = `${organisationId}.${personId}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The person and organisation a token names, or null for anything this service did not sign. */
export function readUnsubscribeToken(secret: string, token: unknown): { organisationId: string; personId: string } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [organisationId, personId, sig, ...rest] = token.split('.');
  if (rest.length || !UUID.test(organisationId ?? '') || !UUID.test(personId ?? '') || !sig) return null;
  const expected = Buffer.from(mac(secret, `${organisationId}.${personId}`));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { organisationId, personId } : null;
}
