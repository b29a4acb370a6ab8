// Field checks for event data: the building blocks of each event's field spec (events.ts). The API's
// DTOs check shapes too; these are the last line before storage, and they also check a correction's
// merged result.
import { isValidBusinessDate } from './dates.js';
import { amountProblem, minorUnits } from './money.js';
import { SIDES, type FieldError } from './vocabulary.js';

export type Check = (value: unknown, field: string) => FieldError[];

const MAX_TEXT = 20000;

const ok: FieldError[] = [];
export const fail = (field: string, reason: string): FieldError[] => [{ field, reason }];
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const text: Check = (v, f) =>
  typeof v !== 'string' || v.trim() === ''
    ? fail(f, 'must be a non-empty text')
    : v.length > MAX_TEXT
      ? fail(f, `must be at most ${MAX_TEXT} characters`)
      : ok;

export const oneOf =
  (values: readonly string[], why = ''): Check =>
  (v, f) =>
    typeof v === 'string' && values.includes(v) ? ok : fail(f, `must be one of ${values.join(', ')}${why}`);

export const bool: Check = (v, f) => (typeof v === 'boolean' ? ok : fail(f, 'must be true or false'));

export const count: Check = (v, f) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? ok : fail(f, 'must be a whole number, zero or more');

export const pattern =
  (re: RegExp, reason: string): Check =>
  (v, f) =>
    typeof v === 'string' && re.test(v) ? ok : fail(f, reason);

export const country = pattern(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as UA');

export const date: Check = (v, f) =>
  isValidBusinessDate(v) && typeof v === 'object'
    ? ok
    : fail(f, 'must be a date { date: "YYYY" | "YYYY-MM" | "YYYY-MM-DD", precision: "year" | "month" | "day" } that exists');

// Intl.getCanonicalLocales is the costliest check of a command (ICU, every name of every body), and
// the tags in use are few: answers are remembered, in a map cleared when it grows past its bound.
const tagProblems = new Map<string, string | undefined>();

/** A BCP 47 language tag as Intl writes it ("en", "de-AT", "sr-Latn"), or why it is not one. */
export function languageTagProblem(tag: string): string | undefined {
  if (tagProblems.has(tag)) return tagProblems.get(tag);
  let problem: string | undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    problem = canonical === tag ? undefined : `write the language tag as "${canonical}"`;
  } catch {
    problem = 'is not a BCP 47 language tag such as de, uk, en, ru or pl';
  }
  if (tagProblems.size >= 1000) tagProblems.clear();
  tagProblems.set(tag, problem);
  return problem;
}

export const localizedName: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must be a name per language, e.g. { "de": "Schytomyr", "uk": "Житомир" }');
  const errors: FieldError[] = [];
  for (const [lang, name] of Object.entries(v)) {
    const problem = languageTagProblem(lang);
    if (problem) errors.push(...fail(`${f}.${lang}`, problem));
    else if (name !== undefined) errors.push(...text(name, `${f}.${lang}`));
  }
  if (!Object.values(v).some((name) => typeof name === 'string' && name.trim() !== '')) {
    errors.push(...fail(f, 'needs a name in at least one language'));
  }
  return errors;
};

export const money: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must be an amount with a currency');
  const currency = typeof v.currency === 'string' && minorUnits(v.currency) !== undefined ? v.currency : undefined;
  const reason = amountProblem(v.amount, currency);
  return [
    ...(reason ? fail(`${f}.amount`, reason) : ok),
    ...(currency ? ok : fail(`${f}.currency`, 'must be an ISO 4217 currency code such as EUR')),
  ];
};

export const texts: Check = (v, f) =>
  Array.isArray(v) ? v.flatMap((item, i) => text(item, `${f}[${i}]`)) : fail(f, 'must be a list of texts');

export const source: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must name a document reference and/or a URL');
  if (v.reference === undefined && v.url === undefined) return fail(f, 'needs a reference or a url');
  return [
    ...(v.reference !== undefined ? text(v.reference, `${f}.reference`) : ok),
    ...(v.url !== undefined ? text(v.url, `${f}.url`) : ok),
  ];
};

export const tally: Check = (v, f) => {
  if (!isObject(v)) return fail(f, 'must be a vote count');
  return [
    ...(['inFavour', 'against', 'abstained'] as const).flatMap((k) => (v[k] !== undefined ? count(v[k], `${f}.${k}`) : ok)),
    ...(v.unanimous !== undefined ? bool(v.unanimous, `${f}.unanimous`) : ok),
  ];
};

export const signatories: Check = (v, f) => {
  if (!Array.isArray(v)) return fail(f, 'must be a list of signatories');
  return v.flatMap((s, i) => {
    const at = `${f}[${i}]`;
    if (!isObject(s)) return fail(at, 'must be a signatory with a name');
    return [
      ...text(s.name, `${at}.name`),
      ...(s.role !== undefined ? text(s.role, `${at}.role`) : ok),
      ...(s.side !== undefined ? oneOf(SIDES)(s.side, `${at}.side`) : ok),
    ];
  });
};

export const changes: Check = (v, f) => (isObject(v) ? ok : fail(f, 'must be an object of fields'));

export interface Spec {
  required?: boolean;
  check: Check;
}
export const req = (check: Check): Spec => ({ required: true, check });
export const opt = (check: Check): Spec => ({ check });

/** Checks `data` against a field spec: unknown fields, missing required ones, and each value. */
export function checkFields(spec: Readonly<Record<string, Spec>>, data: unknown, typeName: string, prefix = ''): FieldError[] {
  const at = (field: string) => `${prefix}${field}`;
  if (!isObject(data)) return fail(at('data'), 'must be an object');
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (!(field in spec) && value !== undefined) errors.push(...fail(at(field), `is not a field of ${typeName}`));
  }
  for (const [field, { required, check }] of Object.entries(spec)) {
    const value = data[field];
    if (value === undefined || value === null) {
      if (required) errors.push(...fail(at(field), 'is required'));
      continue;
    }
    errors.push(...check(value, at(field)));
  }
  return errors;
}
