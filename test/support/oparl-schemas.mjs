// Validates OParl objects against the official OParl 1.1 JSON schemas with Ajv.
// Plain JavaScript so that validate-oparl.mjs can run it without a build step.
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
//   ("externalList" for list URLs), so a caller can check that no reference dangles.
//   `backreference` and `cardinality` are annotations.
// - `pattern`s are compiled without the regex u flag: the official `type` patterns escape ":" and
//   "/", which ECMA-262 allows but the u flag Ajv adds by default does not.
// - `{{ … }}` placeholders are allowed in `description` only (their texts are in strings.yml);
//   loading fails if one appears anywhere else.
// Optionally `additionalProperties: false` is added, our own stricter check against typos in
// property names (the standard itself allows extra properties).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';

const DIR = fileURLToPath(new URL('../fixtures/standards/oparl-1.1/', import.meta.url));
const addFormats = formats.default ?? formats;

export const OPARL_SCHEMA_NAMES = readdirSync(`${DIR}schema`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

function transform(node, path, strict, top) {
  if (Array.isArray(node)) return node.map((n, i) => transform(n, `${path}/${i}`, strict, false));
  if (!node || typeof node !== 'object') return node;
  const s = { ...node };
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
      Object.entries(s.properties).map(([name, sub]) => [name, transform(sub, `${path}/properties/${name}`, strict, false)]),
    );
  }
  if (s.items) s.items = transform(s.items, `${path}/items`, strict, false);
  if (top && strict) s.additionalProperties = false;
  return s;
}

/** @param {{ forbidUnknownProperties?: boolean }} [opts] */
export function loadOParlValidator(opts = {}) {
  const references = [];
  const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: false });
  addFormats(ajv, ['date', 'date-time']);
  ajv.addFormat('url', (s) => {
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
    validate: (target, data, _parent, cxt) => {
      for (const url of Array.isArray(data) ? data : [data])
        if (typeof url === 'string') references.push({ at: cxt?.instancePath ?? '', url, target });
      return true;
    },
  });
  ajv.addKeyword({ keyword: 'backreference', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'cardinality', schemaType: 'string' });
  for (const name of OPARL_SCHEMA_NAMES) {
    const raw = JSON.parse(readFileSync(`${DIR}schema/${name}.json`, 'utf8'));
    ajv.addSchema({ ...transform(raw, name, opts.forbidUnknownProperties ?? false, true), $id: `${name}.json` });
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

/** The OParl type name of an object, from its `type` URI, or null. */
export function oparlTypeOf(object) {
  const m = /^https:\/\/schema\.oparl\.org\/1\.1\/(\w+)$/.exec(String(object?.type ?? ''));
  return m ? m[1] : null;
}

export const officialExample = (name) => JSON.parse(readFileSync(`${DIR}examples/${name}.json`, 'utf8'));
export const OFFICIAL_EXAMPLES = readdirSync(`${DIR}examples`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
