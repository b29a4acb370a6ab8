// Opaque paging cursors: a JSON payload signed with CURSOR_SECRET, so a client can only hand back
// positions this service issued (an altered cursor is refused rather than read as a query).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidInputError } from '../../shared/errors.js';

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);

export function encodeCursor(secret: string, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The value of a cursor this service signed and `valid` accepts; a 400 (field `cursor`) otherwise. */
export function decodeCursor<T>(secret: string, cursor: string, valid: (v: unknown) => v is T): T {
  const bad = () =>
    new InvalidInputError([
      { field: 'cursor', reason: 'is not a cursor this service issued (it may have been altered); start again without it' },
    ]);
  const [payload, sig] = cursor.split('.');
  if (!payload || !sig) throw bad();
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw bad();
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!valid(v)) throw bad();
  return v;
}
