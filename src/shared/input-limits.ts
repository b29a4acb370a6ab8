// Limits on what a request may hold, checked at the edge before validation, the domain or the
// database see it: a deep or wide body costs every later step (class-transformer recurses, the
// whitelist lists every unknown key), and a value PostgreSQL cannot store must be a field error.
import type { FieldError } from './problem.js';

export const INPUT_LIMITS = {
  /** bytes of a request body (body-parser answers 413 above it) */
  bodyBytes: 1024 * 1024,
  /** objects and lists inside each other; the deepest command body needs 3 */
  depth: 32,
  /** fields of one object; the widest command body has 11 */
  keysPerObject: 100,
  /** characters of a field name; the longest known one has 23 */
  keyLength: 100,
  /** entries of one list; command lists are capped at 100 by their own fields */
  arrayLength: 1000,
  /** characters of one text value; the longest text field takes 10,000 */
  stringLength: 200_000,
  /** values in a whole body (every object, list, text, number, true/false and null) */
  values: 10_000,
  /** field errors listed in one answer; the rest are counted in moreErrors */
  errorsListed: 20,
  /** query parameters in one request */
  queryParameters: 30,
  /** characters of a query parameter's name */
  queryNameLength: 100,
  /** characters of a query parameter's value (after decoding) */
  queryValueLength: 2000,
} as const;

/** C0, DEL and C1: no query parameter or name needs them, and NUL cannot be stored at all. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
/** Half of a UTF-16 pair without its other half: no valid Unicode text holds one, and jsonb refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Keys that reach Object.prototype when copied into a plain object; never a field of this API. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_FIELD_PATH = 300;

function child(path: string, key: string): string {
  const name = key.length > INPUT_LIMITS.keyLength ? `${key.slice(0, 40)}…` : key;
  const full = path ? `${path}.${name}` : name;
  return full.length > MAX_FIELD_PATH ? `${full.slice(0, MAX_FIELD_PATH)}…` : full;
}

/** Why a text value cannot be taken, or undefined. `invalidUtf8`: the body held bytes that were not UTF-8. */
export function textProblem(value: string, invalidUtf8 = false): string | undefined {
  if (value.length > INPUT_LIMITS.stringLength) return `must be at most ${INPUT_LIMITS.stringLength} characters`;
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text: it holds a lone surrogate (\\ud800–\\udfff)';
  if (invalidUtf8 && value.includes('\ufffd')) return 'must be valid UTF-8: the body holds bytes that are not UTF-8 here';
  return undefined;
}

/**
 * What a parsed JSON body breaks of INPUT_LIMITS, as field errors naming where (at most one more
 * than `errorsListed`, so the walk stops early on a hostile body). Iterative: any depth is safe.
 */
export function bodyProblems(body: unknown, opts: { invalidUtf8?: boolean } = {}): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  let values = 0;
  while (stack.length > 0 && errors.length <= INPUT_LIMITS.errorsListed) {
    const { value, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (++values > INPUT_LIMITS.values) {
      errors.push({ field: 'body', reason: `must hold at most ${INPUT_LIMITS.values} values` });
      break;
    }
    if (typeof value === 'string') {
      const reason = textProblem(value, opts.invalidUtf8);
      if (reason) errors.push({ field, reason });
      continue;
    }
    if (typeof value === 'number') {
      // JSON.parse turns 1e999 into Infinity, which no field accepts and JSON cannot hold.
      if (!Number.isFinite(value)) errors.push({ field, reason: 'is a number too large to represent' });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= INPUT_LIMITS.depth) {
      errors.push({ field, reason: `nests deeper than ${INPUT_LIMITS.depth} levels of objects and lists` });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.arrayLength) {
        errors.push({ field, reason: `must have at most ${INPUT_LIMITS.arrayLength} entries` });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.keysPerObject) {
      errors.push({ field, reason: `has ${keys.length} fields; at most ${INPUT_LIMITS.keysPerObject} are allowed` });
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const at = child(path, key);
      if (PROTOTYPE_KEYS.has(key) || key.length > INPUT_LIMITS.keyLength || LONE_SURROGATE.test(key)) {
        errors.push({ field: at, reason: 'is not a known field' });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return errors;
}

/**
 * What a raw query string breaks: percent-encoding that is not UTF-8, control characters, a
 * parameter given twice, lengths and counts. Names the parameter in each error.
 */
export function queryProblems(rawQuery: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const pairs = rawQuery.split('&').filter((p) => p !== '');
  if (pairs.length > INPUT_LIMITS.queryParameters)
    return [{ field: 'query', reason: `must have at most ${INPUT_LIMITS.queryParameters} parameters` }];
  for (const pair of pairs) {
    if (errors.length > INPUT_LIMITS.errorsListed) break;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const name = decode(rawName);
    const shownName = name === undefined ? 'query' : name.length > INPUT_LIMITS.queryNameLength ? `${name.slice(0, 40)}…` : name;
    if (name === undefined || CONTROL_CHARACTER.test(name) || name.length > INPUT_LIMITS.queryNameLength) {
      errors.push({ field: shownName.replace(CONTROL_CHARACTERS, '?'), reason: 'is not a known query parameter' });
      continue;
    }
    const value = decode(rawValue);
    if (value === undefined) errors.push({ field: name, reason: 'must be percent-encoded UTF-8 (e.g. %D0%96 for Ж)' });
    else if (CONTROL_CHARACTER.test(value)) errors.push({ field: name, reason: 'must not contain control characters (such as NUL)' });
    else if (value.length > INPUT_LIMITS.queryValueLength)
      errors.push({ field: name, reason: `must be at most ${INPUT_LIMITS.queryValueLength} characters` });
    else if (seen.has(name)) errors.push({ field: name, reason: 'must be given once' });
    seen.add(name);
  }
  return errors;
}

/** The segments of a raw URL path that do not decode as UTF-8. */
export function pathProblems(rawPath: string): FieldError[] {
  return rawPath.split('/').some((segment) => decode(segment, false) === undefined)
    ? [{ field: 'path', reason: 'must be percent-encoded UTF-8 (e.g. %D0%96 for Ж)' }]
    : [];
}

/** Whether a (decodable) path has a control character in a segment: no id, name or type has one. */
export function pathHasControlCharacter(rawPath: string): boolean {
  return rawPath.split('/').some((segment) => CONTROL_CHARACTER.test(decode(segment, false) ?? ''));
}

function decode(s: string, plusIsSpace = true): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? s.replace(/\+/g, ' ') : s);
  } catch {
    return undefined;
  }
}
