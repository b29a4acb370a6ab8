// Plain data on the way in where no route's description reads it: the demo seed's steps, and a
// correction's changes (which fields the target has is the decider's question). Date strings become
// { date, precision }.
import { DATE_FIELD_NAMES, parseBusinessDate, ValidationError, type BusinessDate } from '../domain/index.js';
import { validationProblem } from '../../shared/problem.js';

function toDate(value: string, field: string): BusinessDate {
  try {
    return parseBusinessDate(value, field);
  } catch (err) {
    if (err instanceof ValidationError) throw validationProblem(err.errors); // bad input is a 400 at the edge
    throw err;
  }
}

/** Business-date fields: every event's (from the description) and a command's own (a suspension's end). */
const DATE_FIELDS = [...DATE_FIELD_NAMES, 'resumedOn'];

/** Plain event data with its dates parsed; null means "not given" in a new entry. */
export function toEventData<T = unknown>(data: object): T {
  const plain = JSON.parse(JSON.stringify(data, (_k, v: unknown) => (v === null ? undefined : v))) as Record<string, unknown>;
  for (const field of DATE_FIELDS) if (typeof plain[field] === 'string') plain[field] = toDate(plain[field] as string, field);
  return plain as T;
}

/** A correction's changes keep null (it clears an optional field). */
export function toChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(changes)) as Record<string, unknown>;
  for (const field of DATE_FIELDS) if (typeof plain[field] === 'string') plain[field] = toDate(plain[field] as string, `changes.${field}`);
  return plain;
}
