// DTO → domain data: class instances become plain JSON (the store takes nothing else) and date
// strings become { date, precision }.
import { DATE_FIELD_NAMES, parseBusinessDate, ValidationError, type BusinessDate } from '../domain/index.js';
import { validationProblem } from '../../shared/problem.js';

/** Business-date fields: every event's (from its field spec) and a command's own (a suspension's end). */
export const DATE_FIELDS = [...DATE_FIELD_NAMES, 'resumedOn'];

function toDate(value: string, field: string): BusinessDate {
  try {
    return parseBusinessDate(value, field);
  } catch (err) {
    if (err instanceof ValidationError) throw validationProblem(err.errors); // bad input is a 400 at the edge
    throw err;
  }
}

/** Plain event data from a validated DTO; null means "not given" in a new entry. */
export function toEventData<T = unknown>(dto: object): T {
  const plain = JSON.parse(JSON.stringify(dto, (_k, v) => (v === null ? undefined : v))) as Record<string, unknown>;
  for (const field of DATE_FIELDS) if (typeof plain[field] === 'string') plain[field] = toDate(plain[field] as string, field);
  return plain as T;
}

/** A correction's changes keep null (it clears an optional field); date strings are parsed like elsewhere. */
export function toChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(changes)) as Record<string, unknown>;
  for (const field of DATE_FIELDS) if (typeof plain[field] === 'string') plain[field] = toDate(plain[field] as string, `changes.${field}`);
  return plain;
}
