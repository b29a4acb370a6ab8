// The change feed's cursor: a place in the store's gap-safe global order (transaction id, position),
// signed like the list cursors so a client can only resume from places this service handed out.
import { START, type Checkpoint } from '../event-store/types.js';
import { decodeCursor, encodeCursor } from '../partnerships/read-models/cursor.js';
import { InvalidInputError } from '../shared/errors.js';

interface Place {
  /** the transaction id (xid8, decimal) */
  t: string;
  /** the global position */
  p: number;
}

const isPlace = (v: unknown): v is Place => {
  const c = v as Partial<Place> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.t === 'string' &&
    /^\d{1,20}$/.test(c.t) &&
    Number.isSafeInteger(c.p) &&
    (c.p as number) >= 0 &&
    Object.keys(c).length === 2
  );
};

export function changesCursor(secret: string, at: Checkpoint): string {
  return encodeCursor(secret, { t: at.transactionId, p: at.position } satisfies Place);
}

/** The place a cursor names; a 400 naming `field` (the query parameter or header it came in) otherwise. */
export function placeOf(secret: string, cursor: string | undefined, field: string): Checkpoint {
  if (cursor === undefined) return { ...START };
  try {
    const { t, p } = decodeCursor(secret, cursor, isPlace);
    return { transactionId: t, position: p };
  } catch (err) {
    if (!(err instanceof InvalidInputError)) throw err;
    throw new InvalidInputError([
      { field, reason: 'is not a change-feed cursor this service issued (it may have been altered); start again without it' },
    ]);
  }
}
