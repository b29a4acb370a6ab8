// fast-check arbitraries for the API's requests, generated from the OpenAPI document the app serves
// at /docs-json: bodies and query strings as documented, then mutated (wrong types, huge, deep and
// odd values, NUL, lone surrogates, prototype keys, broken bytes, wrong media types). Missing or
// unresolvable schemas ($ref to nothing) are read as "any JSON", so a thinner document still fuzzes.
import fc from 'fast-check';

export type Schema = Record<string, unknown>;
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema; examples?: Record<string, { value?: unknown }> }> };
}

/** One request as generated: printable, so a failing case can be read and replayed. */
export interface FuzzRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** the body as text; absent for none */
  body?: string;
  /** insert the bytes FF FE at this UTF-16 offset of the body's text (bytes that are not UTF-8) */
  invalidUtf8At?: number;
  /** true when the request is meant to be refused whatever the route (the answer must be 4xx) */
  mutated: boolean;
}

/** Values that exist in the test database, so some generated requests reach deep into the routes. */
export interface Fixtures {
  partnershipId: string;
  eventId: string;
}

const MAX_DEPTH = 4;

function resolve(doc: OpenApiDocument, schema: unknown, seen = 0): Schema {
  if (!schema || typeof schema !== 'object' || seen > 10) return {};
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    const target = name ? doc.components?.schemas?.[name] : undefined;
    return target ? resolve(doc, target, seen + 1) : {};
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p) => resolve(doc, p, seen + 1));
    const merged: Schema = { ...s, allOf: undefined };
    for (const p of parts) {
      Object.assign(merged, p, {
        properties: { ...(merged.properties as object), ...(p.properties as object) },
        required: [...((merged.required as string[]) ?? []), ...((p.required as string[]) ?? [])],
      });
    }
    return merged;
  }
  return s;
}

const anyJson = fc.jsonValue({ maxDepth: 2 });

function stringFor(s: Schema): fc.Arbitrary<string> {
  const maxLength = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 60) : 40;
  if (typeof s.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(s.pattern), { size: 'small' }).filter((v) => v.length <= (s.maxLength as number) || !s.maxLength);
    } catch {
      /* a pattern fast-check cannot generate from: plain text below */
    }
  }
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date-time')
    return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  return fc.string({ unit: 'grapheme', maxLength });
}

/** A value the schema describes (its example often, since a random valid-looking value rarely passes the domain). */
export function valueFor(doc: OpenApiDocument, raw: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw);
  const options: fc.Arbitrary<unknown>[] = [];
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.example !== undefined) options.push(fc.constant(s.example));
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      options.push(stringFor(s));
      break;
    case 'integer':
      options.push(
        fc.integer({
          min: typeof s.minimum === 'number' ? s.minimum : -1000,
          max: typeof s.maximum === 'number' ? Math.min(s.maximum, 2 ** 31) : 1_000_000,
        }),
      );
      break;
    case 'number':
      options.push(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }));
      break;
    case 'boolean':
      options.push(fc.boolean());
      break;
    case 'array':
      options.push(
        depth >= MAX_DEPTH
          ? fc.constant([])
          : fc.array(valueFor(doc, s.items, depth + 1), { maxLength: Math.min(typeof s.maxItems === 'number' ? s.maxItems : 4, 4) }),
      );
      break;
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const names = Object.keys(props);
      if (!names.length || depth >= MAX_DEPTH) options.push(fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 4 }));
      else {
        const model = Object.fromEntries(names.map((n) => [n, valueFor(doc, props[n], depth + 1)]));
        const required = ((s.required as string[]) ?? []).filter((n) => names.includes(n));
        options.push(fc.record(model, { requiredKeys: required }));
      }
      break;
    }
    default:
      options.push(anyJson);
  }
  return options.length === 1 ? options[0] : fc.oneof(...options);
}

// ---- odd values -------------------------------------------------------------------------------

const nest = (depth: number, leaf: unknown, asList: boolean): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asList ? [v] : { a: v };
  return v;
};

/** Texts that break naive handling: NUL and other controls, lone surrogates, U+FFFD, bidi, huge. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    'a\u0001\u001f\u007f\u0085b',
    'a\ud800b',
    '\udc00',
    '\ud83d',
    'x\ufffdy',
    '\u202eevil',
    '\u2028\u2029',
    'Житомир',
    '🇺🇦',
    '../../etc/passwd',
    "'; DROP TABLE events; --",
    '<script>alert(1)</script>',
    'Infinity',
    'NaN',
    '-0',
    '1e309',
    '9'.repeat(400),
    '0000-00-00',
    '9999-12-31',
    '2023-02-29',
    '%00',
    '__proto__',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
  fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** Values of any JSON type, including the extremes the body limits exist for. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 5e-324, [], {}, [null], { '': null }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.nat({ max: 3000 }).map((n) => Array(n).fill('x')),
  fc.tuple(fc.nat({ max: 3000 }), fc.boolean()).map(([n, asList]) => nest(n, 'x', asList)),
  fc.nat({ max: 400 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
  anyJson,
);

const oddKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', 'a\u0000b', '\ud800', 'k'.repeat(5000), 'toString', 'hasOwnProperty'),
  fc.string({ maxLength: 10 }),
);

// ---- mutations of a JSON body -------------------------------------------------------------------

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (value && typeof value === 'object' && prefix.length < 6) {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function setAt(root: unknown, path: Path, v: unknown): unknown {
  if (path.length === 0) return v;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), v);
  return copy;
}

/** JSON text with an own key of any name (JSON.stringify would drop or refuse none, but "__proto__" needs care). */
function withKey(text: string, key: string, value: unknown): string {
  const entry = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
  return text.startsWith('{') ? (text === '{}' ? `{${entry}}` : `{${entry},${text.slice(1)}`) : text;
}

export type BodyMutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'key'; pick: number; key: string; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'invalid-utf8'; at: number }
  | { kind: 'surrogate-escape'; pick: number };

export const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: oddValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('key' as const), pick: fc.nat(), key: oddKey, value: oddValue }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      text: fc.constantFrom(
        '',
        'null',
        '1',
        '"x"',
        '[]',
        '[{}]',
        'true',
        '{',
        '{"a":1,}',
        '{"a":1}{"b":2}',
        "{'a':1}",
        '\ufeff{}',
        '{"a":NaN}',
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalid-utf8' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('surrogate-escape' as const), pick: fc.nat() }) },
);

/** The body's text after a mutation, and where to put bytes that are not UTF-8. */
export function mutateBody(body: unknown, m: BodyMutation): { text: string; invalidUtf8At?: number } {
  const text = JSON.stringify(body) ?? 'null';
  const all = paths(body);
  switch (m.kind) {
    case 'replace':
      return { text: JSON.stringify(setAt(body, all[m.pick % all.length], m.value)) ?? 'null' };
    case 'key': {
      const objects = all.filter((p) => {
        let v: unknown = body;
        for (const k of p) v = (v as Record<string | number, unknown>)[k];
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      if (!objects.length) return { text: withKey('{}', m.key, m.value) };
      const at = objects[m.pick % objects.length];
      if (at.length === 0) return { text: withKey(text, m.key, m.value) };
      // Nested: build the inner object's text by hand so an own "__proto__" key survives.
      let inner: unknown = body;
      for (const k of at) inner = (inner as Record<string | number, unknown>)[k];
      const marker = '"\u0001MARK\u0001"';
      const outer = JSON.stringify(setAt(body, at, '\u0001MARK\u0001'));
      return { text: outer.replace(marker.replace(/\u0001/g, '\\u0001'), () => withKey(JSON.stringify(inner), m.key, m.value)) };
    }
    case 'text':
      return { text: m.text };
    case 'truncate':
      return { text: text.slice(0, m.at % Math.max(text.length, 1)) };
    case 'invalid-utf8':
      return { text, invalidUtf8At: m.at % (text.length + 1) };
    case 'surrogate-escape': {
      const strings = [...text.matchAll(/"(?:[^"\\]|\\.)*"/g)];
      if (!strings.length) return { text };
      const s = strings[m.pick % strings.length];
      const cut = (s.index ?? 0) + 1;
      return { text: `${text.slice(0, cut)}\\ud800${text.slice(cut)}` };
    }
  }
}

// ---- query strings and paths --------------------------------------------------------------------

const LONE = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;
/** encodeURIComponent, except that a lone surrogate becomes its CESU-8 bytes (%ED%A0%80): not UTF-8, as intended. */
const enc = (s: string) =>
  s
    .split(LONE)
    .map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');

/** A documented value as query text (a parameter without a schema may be given any JSON). */
const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** A cursor as a client might tamper with one: base64url JSON holding odd moments, ids and shapes. */
const tamperedCursor: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
          { weight: 1, arbitrary: oddString },
        ),
        fc.oneof({ weight: 3, arbitrary: fc.uuid() }, { weight: 1, arbitrary: oddString }),
      ),
    },
    { weight: 1, arbitrary: fc.record({ a: oddString }) },
    { weight: 1, arbitrary: oddValue },
  )
  .map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url'));

export const oddQueryValue: fc.Arbitrary<string> = fc.oneof(
  oddString.map(enc),
  tamperedCursor,
  fc.constantFrom(
    '%00',
    '%ZZ',
    '%',
    '%ED%A0%80',
    '%FF',
    '%C0%AF',
    '+',
    '%2B',
    '1e3',
    '0x10',
    '-1',
    '2147483648',
    '99999999999999999999',
    '',
  ),
  fc.nat({ max: 5000 }).map((n) => 'q'.repeat(n)),
);

export const oddPathSegment: fc.Arbitrary<string> = fc.oneof(
  oddString.filter((s) => s !== '').map(enc),
  fc.constantFrom('%00', 'a%00b', '%FF', '%ED%A0%80', '..', '.', '%2e%2e', 'a%2Fb', '%25', '*', '~', 'x'.repeat(10_000)),
);

export interface Route {
  method: string;
  /** the document's path template, e.g. /api/v1/partnerships/{id}/notes */
  template: string;
  query: Parameter[];
  pathParams: string[];
  body?: Schema;
  examples: unknown[];
}

export function routesOf(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [template, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops ?? {})) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content?.['application/json'];
      routes.push({
        method: method.toUpperCase(),
        template,
        query: params.filter((p) => p.in === 'query'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        body: op.requestBody ? ((content?.schema as Schema | undefined) ?? {}) : undefined,
        examples: Object.values(content?.examples ?? {})
          .map((e) => e.value)
          .filter((v) => v !== undefined),
      });
    }
  }
  return routes;
}

function pathParamValue(name: string, fixtures: Fixtures): fc.Arbitrary<string> {
  const known = name === 'eventId' ? fixtures.eventId : name === 'id' ? fixtures.partnershipId : 'partnerships';
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(enc(known)) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: oddPathSegment },
  );
}

const mediaType = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/merge-patch+json',
      'APPLICATION/JSON',
      'application/jsonx',
      '*/*',
    ),
  },
);

const ifMatch = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  '*',
  '"1"',
  'W/"1"',
  '"999999999"',
  'abc',
  '"1", "2"',
  '"-1"',
  '1'.repeat(50),
);

/** Requests for one route: as documented most of the time, mutated the rest. */
export function requestsFor(doc: OpenApiDocument, route: Route, fixtures: Fixtures): fc.Arbitrary<FuzzRequest> {
  const pathArb = fc
    .tuple(...route.pathParams.map((n) => pathParamValue(n, fixtures)))
    .map((values) => route.pathParams.reduce((p, n, i) => p.replace(`{${n}}`, values[i]), route.template));

  const documentedQuery = fc
    .tuple(...route.query.map((p) => fc.option(valueFor(doc, p.schema ?? {}), { nil: undefined, freq: 2 })))
    .map((values) =>
      route.query.map((p, i) => (values[i] === undefined ? '' : `${enc(p.name)}=${enc(asText(values[i]))}`)).filter(Boolean),
    );
  const queryArb = fc.oneof(
    { weight: 3, arbitrary: documentedQuery.map((pairs) => ({ pairs, odd: false })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          // Alone half of the time, so the odd value is what the route judges, not a neighbour.
          fc.oneof(documentedQuery, fc.constant([] as string[])),
          fc
            .constantFrom(...(route.query.length ? route.query.map((p) => p.name) : ['unknown']))
            // A cursor is where tampering pays: JSON a client decoded and altered.
            .chain((name) => fc.tuple(fc.constant(name), name === 'cursor' ? tamperedCursor : oddQueryValue)),
          fc.constantFrom('set', 'set', 'set', 'repeat', 'unknown', 'name'),
        )
        .map(([pairs, [name, value], how]) => ({
          pairs:
            how === 'set'
              ? [...pairs.filter((p) => !p.startsWith(`${enc(name)}=`)), `${enc(name)}=${value}`]
              : how === 'repeat'
                ? [...pairs, `${enc(name)}=a`, `${enc(name)}=${value}`]
                : how === 'unknown'
                  ? [...pairs, `colour=${value}`]
                  : [...pairs, `${value}=1`],
          odd: true,
        })),
    },
  );

  const examples = route.examples.length ? fc.constantFrom(...route.examples) : undefined;
  const documentedBody = route.body
    ? examples
      ? fc.oneof({ weight: 2, arbitrary: examples }, { weight: 1, arbitrary: valueFor(doc, route.body) })
      : valueFor(doc, route.body)
    : fc.constant(undefined);
  const bodyArb = fc.oneof(
    {
      weight: 2,
      arbitrary: documentedBody.map((b) => ({
        text: b === undefined ? undefined : JSON.stringify(b),
        invalidUtf8At: undefined,
        odd: false,
      })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(documentedBody, bodyMutation).map(([b, m]) => {
        const out = mutateBody(b ?? {}, m);
        return { ...out, odd: true };
      }),
    },
  );

  return fc
    .record({
      path: pathArb,
      query: queryArb,
      body: bodyArb,
      type: mediaType,
      ifMatch,
      idem: fc.option(fc.constantFrom('k-1', '', ' ', 'k'.repeat(300), 'ключ')),
    })
    .map(({ path, query, body, type, ifMatch: im, idem }) => {
      const headers: Record<string, string> = {};
      const sendsBody = route.method !== 'GET' && body.text !== undefined;
      if (sendsBody && type) headers['Content-Type'] = type;
      if (im !== undefined && route.method === 'POST') headers['If-Match'] = im;
      if (idem !== null && route.method === 'POST' && /^[\x20-\x7e]*$/.test(idem)) headers['Idempotency-Key'] = idem;
      const wrongType = sendsBody && type !== 'application/json' && type !== 'application/merge-patch+json' && type !== 'APPLICATION/JSON';
      return {
        label: `${route.method} ${route.template}`,
        method: route.method,
        path: query.pairs.length ? `${path}?${query.pairs.join('&')}` : path,
        headers,
        ...(sendsBody ? { body: body.text } : {}),
        ...(sendsBody && body.invalidUtf8At !== undefined ? { invalidUtf8At: body.invalidUtf8At } : {}),
        mutated: (sendsBody && (body.odd || wrongType)) || query.odd,
      };
    });
}
