// Validates OParl objects against the official OParl 1.1 JSON schemas with Ajv.
//
// The official files are not plain JSON Schema; they are loaded so that they validate what the
// standard means:
// - `schema: "X.json"` on an object (an embedded object, e.g. Paper.consultation[]) becomes a
//   `$ref` to that schema, so embedded objects are validated in full. On a string (a URL, as in
//   Body.mainOrganization) it only names the referenced type and is dropped.
// - `items` on a string (a Body's external list URLs) describes the list's content, not the string,
//   and is dropped.
// - `format: "url"` is a custom format: an absolute http(s) URL.
// - `references` becomes a keyword that collects every URL with the type it must point to
//   ("externalList" for list URLs), so a test can check that no reference dangles.
//   `backreference` and `cardinality` are annotations.
// - `pattern`s are compiled without the regex u flag (see below).
// - `{{ … }}` placeholders are allowed in `description` only (their texts are in strings.yml);
//   loading fails if one appears anywhere else.
// Optionally `additionalProperties: false` is added, our own stricter check against typos in
// property names (the standard itself allows extra properties).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import formatsModule from 'ajv-formats';

const DIR = fileURLToPath(new URL('../fixtures/standards/oparl-1.1/', import.meta.url));
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv, formats?: string[]) => Ajv;

export const OPARL_SCHEMA_NAMES = readdirSync(`${DIR}schema`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

export interface Reference {
  /** JSON pointer inside the validated object */
  at: string;
  url: string;
  /** the OParl type the URL must point to, or "externalList" */
  target: string;
}

type Json = Record<string, unknown>;

function transform(node: unknown, path: string, strict: boolean, top: boolean): unknown {
  if (Array.isArray(node)) return node.map((n, i) => transform(n, `${path}/${i}`, strict, false));
  if (!node || typeof node !== 'object') return node;
  const s = { ...(node as Json) };
  for (const [k, v] of Object.entries(s)) {
    if (typeof v === 'string' && v.includes('{{') && k !== 'description')
      throw new Error(`placeholder outside a description at ${path}/${k}`);
  }
  if (typeof s.schema === 'string') {
    const target = s.schema.endsWith('.json') ? s.schema : null;
    delete s.schema;
    if (s.type === 'object' && target) return { ...(s.description ? { description: s.description } : {}), $ref: target };
  }
  if (s.type === 'string' && 'items' in s) delete s.items;
  if (s.properties && typeof s.properties === 'object') {
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Json).map(([name, sub]) => [name, transform(sub, `${path}/properties/${name}`, strict, false)]),
    );
  }
  if (s.items) s.items = transform(s.items, `${path}/items`, strict, false);
  if (top && strict) s.additionalProperties = false;
  return s;
}

export interface OParlValidator {
  /** errors of validating `object` against the schema of `type`; empty when valid */
  validate(type: string, object: unknown): ErrorObject[];
  /** URLs met in the objects validated so far, with the type each must point to */
  references: Reference[];
}

export function loadOParlValidator(opts: { forbidUnknownProperties?: boolean } = {}): OParlValidator {
  const references: Reference[] = [];
  // unicodeRegExp off: the official `type` patterns escape ":" and "/", which is valid ECMA-262
  // but not valid with the u flag Ajv would otherwise add.
  const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: false });
  addFormats(ajv, ['date', 'date-time']);
  ajv.addFormat('url', (s: string) => {
    try {
      return /^https?:$/.test(new URL(s).protocol);
    } catch {
      return false;
    }
  });
  ajv.addKeyword({
    keyword: 'references',
    schemaType: 'string',
    errors: false,
    validate: (target: string, data: unknown, _parent?: unknown, cxt?: { instancePath: string }) => {
      for (const url of Array.isArray(data) ? data : [data])
        if (typeof url === 'string') references.push({ at: cxt?.instancePath ?? '', url, target });
      return true;
    },
  });
  ajv.addKeyword({ keyword: 'backreference', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'cardinality', schemaType: 'string' });
  for (const name of OPARL_SCHEMA_NAMES) {
    const raw = JSON.parse(readFileSync(`${DIR}schema/${name}.json`, 'utf8')) as Json;
    ajv.addSchema({ ...(transform(raw, name, opts.forbidUnknownProperties ?? false, true) as Json), $id: `${name}.json` });
  }
  return {
    references,
    validate(type, object) {
      const fn = ajv.getSchema(`${type}.json`);
      if (!fn) throw new Error(`no OParl schema for ${type}`);
      return fn(object) ? [] : [...(fn.errors ?? [])];
    },
  };
}

export const officialExample = (name: string): Json => JSON.parse(readFileSync(`${DIR}examples/${name}.json`, 'utf8')) as Json;
export const OFFICIAL_EXAMPLES = readdirSync(`${DIR}examples`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
