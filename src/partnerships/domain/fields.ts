// Field specs: the building blocks of each milestone's one description (events.ts). A field spec says
// how a value is checked (the only checks there are, with the only messages), how it is written on the
// wire when that differs from how it is stored (dates), its JSON Schema, the kind of form input that
// fills it, and whether it is personal data. The TypeScript data types are inferred from the specs.
import { parseBusinessDate, isValidBusinessDate } from './dates.js';
import { ValidationError } from './errors.js';
import { amountProblem, minorUnits } from './money.js';
import type { BusinessDate, FieldError, LocalizedName } from './vocabulary.js';

export type Check = (value: unknown, field: string) => FieldError[];
/** A JSON Schema fragment (OpenAPI 3.0 dialect); named shapes are `$ref`s to `#/components/schemas/<name>`. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** The form input that fills a field (the web page's vocabulary; see docs/api.md, milestone kinds). */
export type FormKind =
  'text' | 'longText' | 'texts' | 'date' | 'money' | 'name' | 'count' | 'bool' | 'enum' | 'country' | 'object' | 'list';

/** What turns a wire value into the stored one (or says why it cannot). */
export type Parse = (value: unknown, field: string) => { value: unknown } | { errors: FieldError[] };

export interface Field<T = unknown, R extends boolean = boolean> {
  readonly required: R;
  readonly kind: FormKind;
  /** checks the stored form */
  readonly check: Check;
  /** the wire form → the stored form, when they differ (a date is "2023-02" on the wire) */
  readonly parse?: Parse;
  /** JSON Schema of the stored form (timelines, events) */
  readonly schema: JsonSchema;
  /** JSON Schema of the wire form (request bodies), when it differs */
  readonly input?: JsonSchema;
  /** personal data (a person's name): encrypted per person, erased on request (docs/privacy.md) */
  readonly personal: boolean;
  /** free text an office may choose to treat as personal (its organisation's `personalTexts` setting) */
  readonly mayBePersonal?: boolean;
  /** a sentence for readers of the API document and the form */
  readonly help?: string;
  readonly options?: readonly string[];
  /** the vocabulary `options` come from (its constant's name in vocabulary.ts, camelCase) */
  readonly codes?: string;
  readonly maxLength?: number;
  /** an object's fields */
  readonly fields?: Fields;
  /** a list's entry */
  readonly item?: Field;
  /** an object's schema name in the API document (Money, Source, …) */
  readonly name?: string;
  /** an object's example */
  readonly example?: unknown;
  /** never set: carries the stored value's type for DataOf */
  readonly _type?: T;
}

export type Fields = Readonly<Record<string, Field>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ValueOf<F> = F extends Field<infer T, boolean> ? T : never;
/** The stored data a set of field specs describes: required fields required, the others optional. */
export type DataOf<S extends Fields> = Simplify<
  { -readonly [K in keyof S as S[K]['required'] extends true ? K : never]: ValueOf<S[K]> } & {
    -readonly [K in keyof S as S[K]['required'] extends true ? never : K]?: ValueOf<S[K]>;
  }
>;

const ok: FieldError[] = [];
export const fail = (field: string, reason: string): FieldError[] => [{ field, reason }];
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
/** The fields of `v` that `known` does not name, each refused (`prefix` ends in "." when nested). */
const unknownFields = (v: Record<string, unknown>, known: (name: string) => boolean, typeName: string, prefix: string) =>
  Object.keys(v)
    .filter((k) => !known(k) && v[k] !== undefined)
    .flatMap((k) => fail(`${prefix}${k}`, `is not a known field of ${typeName}`));

/** Lists (of texts, of signatories) and names per language hold at most this many entries. */
export const LIST_MAX = 100;
/** A line: names, organisations, references, bodies. */
export const LINE_MAX = 200;
/** Titles. */
export const TITLE_MAX = 1000;
/** Links. */
export const LINK_MAX = 2000;
/** Notes, reasons, resolution texts. */
export const LONG_TEXT_MAX = 10_000;

type Base<T> = Omit<Field<T, false>, 'required' | 'personal'> & { personal?: boolean };
const field = <T>(f: Base<T>): Field<T, false> => ({ required: false, personal: false, ...f });

/** Why a value is not a text of at most `max` characters, or undefined. */
function textProblem(v: unknown, max: number): string | undefined {
  if (typeof v !== 'string') return 'must be a text';
  if (v.trim() === '') return 'must not be empty';
  if (v.length > max) return `must be at most ${max} characters`;
  if (v.includes('\u0000')) return 'must not contain the NUL character';
  return undefined;
}
const textCheck =
  (max: number): Check =>
  (v, f) => {
    const problem = textProblem(v, max);
    return problem ? fail(f, problem) : ok;
  };

/** One line of text (at most `max` characters, not blank). */
export const text = (max = LINE_MAX) =>
  field<string>({ kind: 'text', check: textCheck(max), schema: { type: 'string', minLength: 1, maxLength: max }, maxLength: max });

/** Several lines: a note, a reason, a resolution's text. */
export const longText = () => ({ ...text(LONG_TEXT_MAX), kind: 'longText' as const, mayBePersonal: true });

/** A list of lines; a problem of one entry is reported at the list ("entry 2 must …"). */
export const texts = (max = LINE_MAX) =>
  field<string[]>({
    kind: 'texts',
    maxLength: max,
    check: (v, f) => {
      if (!Array.isArray(v)) return fail(f, 'must be a list of texts');
      if (v.length > LIST_MAX) return fail(f, `must have at most ${LIST_MAX} entries`);
      for (let i = 0; i < v.length; i++) {
        const problem = textProblem(v[i], max);
        if (problem) return fail(f, `entry ${i + 1} ${problem}`);
      }
      return ok;
    },
    schema: { type: 'array', items: { type: 'string', minLength: 1, maxLength: max }, maxItems: LIST_MAX },
  });

/** A text matching `re`, e.g. a media type. */
export const pattern = (re: RegExp, reason: string, max = LINE_MAX) =>
  field<string>({
    kind: 'text',
    maxLength: max,
    check: (v, f) => (typeof v === 'string' && v.length <= max && re.test(v) ? ok : fail(f, reason)),
    schema: { type: 'string', pattern: re.source, maxLength: max },
  });

/** One of `values`; `codes` names the vocabulary they come from, `why` is added to the message. */
export const oneOf = <const V extends readonly string[]>(values: V, codes: string, why = '') =>
  field<V[number]>({
    kind: 'enum',
    options: values,
    codes,
    check: (v, f) => (typeof v === 'string' && values.includes(v) ? ok : fail(f, `must be one of ${values.join(', ')}${why}`)),
    schema: { type: 'string', enum: values },
  });

export const bool = field<boolean>({
  kind: 'bool',
  check: (v, f) => (typeof v === 'boolean' ? ok : fail(f, 'must be true or false')),
  schema: { type: 'boolean' },
});

export const count = field<number>({
  kind: 'count',
  check: (v, f) => (Number.isSafeInteger(v) && (v as number) >= 0 ? ok : fail(f, 'must be a whole number, zero or more')),
  schema: { type: 'integer', minimum: 0 },
});

export const country = field<string>({
  kind: 'country',
  check: (v, f) => (typeof v === 'string' && /^[A-Z]{2}$/.test(v) ? ok : fail(f, 'must be an ISO 3166-1 alpha-2 country code such as UA')),
  schema: { type: 'string', pattern: '^[A-Z]{2}$' },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of another entry of the partnership. Whether it exists is the decider's question; on the
 * wire it is the UUID the store gave the entry.
 */
export const entryId = {
  ...text(),
  parse: ((v, f) => (typeof v === 'string' && UUID.test(v) ? { value: v } : { errors: fail(f, 'must be an entry id (a UUID)') })) as Parse,
  schema: { type: 'string' },
  input: { type: 'string', format: 'uuid' },
};

/** A business date: { date, precision } when stored, "YYYY" | "YYYY-MM" | "YYYY-MM-DD" on the wire. */
export const date = field<BusinessDate>({
  kind: 'date',
  check: (v, f) =>
    isValidBusinessDate(v) && typeof v === 'object'
      ? ok
      : fail(f, 'must be a date { date: "YYYY" | "YYYY-MM" | "YYYY-MM-DD", precision: "year" | "month" | "day" } that exists'),
  parse: (v, f) => {
    if (typeof v !== 'string') return { errors: fail(f, 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD') };
    try {
      return { value: parseBusinessDate(v, f) };
    } catch (err) {
      if (err instanceof ValidationError) return { errors: err.errors };
      throw err;
    }
  },
  schema: ref('BusinessDate'),
  input: { allOf: [ref('BusinessDateInput')] },
});

/**
 * A calendar day, 'YYYY-MM-DD', stored as written: a deadline is a day, and keeping it a string lets
 * it sit inside objects and lists (only top-level business dates are parsed from the wire).
 */
export const day = field<string>({
  kind: 'date',
  check: (v, f) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return fail(f, 'must be a day written as YYYY-MM-DD');
    return isValidBusinessDate(v) ? ok : fail(f, `"${v}" is not a day of the calendar`);
  },
  schema: { type: 'string', format: 'date' },
});

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

/** A name per language, keyed by BCP 47 tag: { "de": "Schytomyr", "uk": "Житомир" }; at least one. */
export const localizedName = field<LocalizedName>({
  kind: 'name',
  maxLength: LINE_MAX,
  check: (v, f) => {
    if (!isObject(v)) return fail(f, 'must be a name per language, e.g. { "de": "Schytomyr", "uk": "Житомир" }');
    const entries = Object.entries(v);
    if (entries.length > LIST_MAX) return fail(f, `must have at most ${LIST_MAX} languages`);
    const errors: FieldError[] = [];
    for (const [lang, name] of entries) {
      const problem = languageTagProblem(lang) ?? textProblem(name, LINE_MAX);
      if (problem) errors.push(...fail(`${f}.${lang}`, problem));
    }
    if (entries.length === 0) errors.push(...fail(f, 'needs a name in at least one language'));
    return errors;
  },
  schema: ref('LocalizedName'),
  input: { allOf: [ref('LocalizedNameInput')] },
});

/** Checks `data` against field specs: unknown fields, missing required ones, and each value. */
export function checkFields(spec: Fields, data: unknown, typeName: string, prefix = ''): FieldError[] {
  const at = (name: string) => `${prefix}${name}`;
  if (!isObject(data)) return fail(prefix ? prefix.replace(/\.$/, '') : 'data', 'must be an object');
  const errors = unknownFields(data, (k) => Object.hasOwn(spec, k), typeName, prefix);
  for (const [name, { required, check }] of Object.entries(spec)) {
    const value = data[name];
    if (value === undefined || value === null) {
      if (required) errors.push(...fail(at(name), 'is required'));
      continue;
    }
    errors.push(...check(value, at(name)));
  }
  return errors;
}

/**
 * The wire form of `data` → its stored form (dates parsed, entry ids checked), with the same checks
 * as checkFields. Null means "not given".
 */
export function parseFields(
  spec: Fields,
  data: unknown,
  typeName: string,
  prefix = '',
): { value: Record<string, unknown>; errors: FieldError[] } {
  const at = (name: string) => `${prefix}${name}`;
  if (!isObject(data)) return { value: {}, errors: fail(prefix ? prefix.replace(/\.$/, '') : 'body', 'must be an object') };
  const errors = unknownFields(data, (k) => Object.hasOwn(spec, k), typeName, prefix);
  const value: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(spec)) {
    const given = data[name];
    if (given === undefined || given === null) {
      if (f.required) errors.push(...fail(at(name), 'is required'));
      continue;
    }
    const parsed = parseValue(f, given, at(name));
    if ('errors' in parsed) errors.push(...parsed.errors);
    else value[name] = parsed.value;
  }
  return { value, errors };
}

function parseValue(f: Field, given: unknown, name: string): { value: unknown } | { errors: FieldError[] } {
  const parsed = f.parse ? f.parse(given, name) : { value: given };
  if ('errors' in parsed) return parsed;
  const errors = f.check(parsed.value, name);
  return errors.length ? { errors } : parsed;
}

/** Spec modifiers: required, personal, with a help text. */
export const req = <T>(f: Field<T>, extra: { personal?: boolean; help?: string } = {}): Field<T, true> => ({
  ...f,
  ...extra,
  required: true,
});
export const opt = <T>(f: Field<T>, extra: { personal?: boolean; help?: string } = {}): Field<T, false> => ({
  ...f,
  ...extra,
  required: false,
});

/**
 * An object of named fields, a named schema of the API document (`name`); `rule` adds a check across
 * its fields. Unknown fields inside it are refused like at the top.
 */
export function object<S extends Fields>(name: string, fields: S, o: { rule?: Check; help?: string; example: unknown }) {
  return field<DataOf<S>>({
    kind: 'object',
    fields,
    check: (v, f) => {
      if (!isObject(v)) return fail(f, `must be an object (${name})`);
      const errors = checkFields(fields, v, name, `${f}.`);
      return errors.length ? errors : (o.rule?.(v, f) ?? ok);
    },
    schema: ref(name),
    name,
    example: o.example,
    ...(o.help ? { help: o.help } : {}),
  });
}

/** A list of objects, e.g. signatories; each entry is reported as `signatories[1].name`. */
export function list<T>(item: Field<T>) {
  return field<T[]>({
    kind: 'list',
    item: { ...item, required: true },
    check: (v, f) => {
      if (!Array.isArray(v)) return fail(f, 'must be a list');
      if (v.length > LIST_MAX) return fail(f, `must have at most ${LIST_MAX} entries`);
      return v.flatMap((entry, i) => item.check(entry, `${f}[${i}]`));
    },
    schema: { type: 'array', items: item.schema, maxItems: LIST_MAX },
  });
}

/**
 * An amount as a decimal string with its currency's minor units, and its ISO 4217 currency. The two
 * parts depend on each other (JPY has no decimals), so the check is the object's own; its fields
 * only describe the shape.
 */
export const money = {
  ...object(
    'Money',
    {
      amount: req(
        field<string>({ kind: 'text', check: () => ok, schema: { type: 'string', pattern: '^(0|[1-9]\\d{0,14})(\\.\\d{1,4})?$' } }),
        {
          help: 'positive decimal string, at most as many decimals as the currency has (EUR 2, JPY 0)',
        },
      ),
      currency: req(field<string>({ kind: 'text', check: () => ok, schema: { type: 'string', pattern: '^[A-Z]{3}$' } }), {
        help: 'ISO 4217 code',
      }),
    },
    {
      help: 'An exact amount as a decimal string, with at most as many decimals as the currency has (EUR 2, JPY 0), and its ISO 4217 currency.',
      example: { amount: '125000.00', currency: 'EUR' },
    },
  ),
  kind: 'money' as const,
  check: ((v, f) => {
    if (!isObject(v)) return fail(f, 'must be an amount with a currency');
    const currency = typeof v.currency === 'string' && minorUnits(v.currency) !== undefined ? v.currency : undefined;
    const reason = typeof v.amount === 'number' ? quoteTheNumber(v.amount, currency) : amountProblem(v.amount, currency);
    return [
      ...unknownFields(v, (k) => k === 'amount' || k === 'currency', 'Money', `${f}.`),
      ...(reason ? fail(`${f}.amount`, reason) : ok),
      ...(currency
        ? ok
        : fail(`${f}.currency`, 'must be an ISO 4217 currency code such as EUR, UAH or USD (historical ones such as DEM for their years)')),
    ];
  }) as Check,
};

/** A JSON number as amount: say to quote it, with the number itself when that is an amount we would take. */
function quoteTheNumber(n: number, currency: string | undefined): string {
  const quoted = amountProblem(String(n), currency) === undefined ? String(n) : '125000.00';
  return `must be a decimal string such as "${quoted}" (quoted), so no cent is lost to floating point`;
}
