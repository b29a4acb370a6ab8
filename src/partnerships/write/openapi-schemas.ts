// The API document's schemas that the description yields: a request body per milestone route, the
// value objects (Money, Source, Tally, Signatory), the data of a timeline entry, and the milestone
// kinds the web page reads. Plain JSON Schema (OpenAPI 3.0), merged into components.schemas.
import { EVENT_FIELDS, EVENT_TYPES, VALUE_OBJECTS, type Field, type Fields, type JsonSchema } from '../domain/index.js';
import { ENTRY_ROUTES, MILESTONE_ROUTES, bodyFields, type Example } from './milestone-routes.js';
import { milestoneKinds } from './milestone-kinds.js';
import { ENTRY_DATA_EXAMPLE } from '../values.schemas.js';

type Schema = Record<string, unknown>;

/** A field's schema with its help text; a bare $ref takes no siblings in OpenAPI 3.0, so it stays bare. */
function withHelp(schema: JsonSchema, help: string | undefined): Schema {
  if (!help || (schema.$ref && Object.keys(schema).length === 1)) return { ...schema };
  return { ...schema, description: help };
}

function objectSchema(fields: Fields, wire: boolean, o: { description?: string; example: unknown; open?: boolean }): Schema {
  const required = Object.entries(fields)
    .filter(([, f]) => f.required)
    .map(([name]) => name);
  return {
    type: 'object',
    ...(o.description ? { description: o.description } : {}),
    properties: Object.fromEntries(
      Object.entries(fields).map(([name, f]) => [name, withHelp(wire ? (f.input ?? f.schema) : f.schema, f.help)]),
    ),
    ...(required.length ? { required } : {}),
    additionalProperties: o.open ?? false,
    example: o.example,
  };
}

/** One of several schemas; values of several vocabularies (a board's and a council's outcome) are one enum. */
function either(schemas: Schema[]): Schema {
  if (schemas.length === 1) return schemas[0];
  if (schemas.every((s) => Array.isArray(s.enum)))
    return { type: 'string', enum: [...new Set(schemas.flatMap((s) => s.enum as string[]))] };
  return { oneOf: schemas };
}

/**
 * Every field any event type carries, in one loose shape (`type`, on the entry, tells which apply);
 * a name two events use differently (a counterpart's name, a document's file name) is either.
 */
function entryDataSchema(): Schema {
  const byName = new Map<string, Schema[]>();
  for (const type of EVENT_TYPES) {
    for (const [name, f] of Object.entries(EVENT_FIELDS[type] as Fields)) {
      const seen = byName.get(name) ?? [];
      if (!seen.some((s) => JSON.stringify(s) === JSON.stringify(f.schema))) seen.push({ ...f.schema });
      byName.set(name, seen);
    }
  }
  return {
    type: 'object',
    description:
      "An entry's fields: those of its event type (see the command bodies), dates as BusinessDate. Unknown fields may appear in entries recorded by later versions.",
    properties: Object.fromEntries([...byName].map(([name, schemas]) => [name, either(schemas)])),
    additionalProperties: true,
    example: ENTRY_DATA_EXAMPLE,
  };
}

const FORM_FIELD_EXAMPLE = { name: 'receiver', kind: 'name', required: true, personal: false, maxLength: 200 };

function kindSchemas(): Record<string, Schema> {
  const kinds = milestoneKinds(MILESTONE_ROUTES).kinds;
  const aid = kinds.find((k) => k.type === 'AidDelivered')!;
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  return {
    FormField: {
      type: 'object',
      description: 'One input of a milestone form (docs/api.md, milestone kinds).',
      properties: {
        name: { type: 'string' },
        kind: {
          type: 'string',
          enum: ['text', 'longText', 'texts', 'date', 'money', 'name', 'count', 'bool', 'enum', 'country', 'object', 'list'],
        },
        required: { type: 'boolean' },
        personal: { type: 'boolean', description: 'personal data, e.g. a person’s name' },
        options: { type: 'array', items: { type: 'string' }, description: 'enum: the values, in order' },
        codes: { type: 'string', description: 'enum: the vocabulary the options come from, e.g. modality' },
        maxLength: { type: 'integer', description: 'text, longText, texts, name: characters per text' },
        fields: { type: 'array', items: ref('FormField'), description: 'object: its fields' },
        item: { allOf: [ref('FormField')], description: 'list: one entry' },
      },
      required: ['name', 'kind', 'required', 'personal'],
      additionalProperties: false,
      example: FORM_FIELD_EXAMPLE,
    },
    MilestoneKind: {
      type: 'object',
      description: 'A milestone the page can record: its route, who may record it, its form and an example body.',
      properties: {
        type: { type: 'string', description: 'the event type it records' },
        path: {
          type: 'string',
          description: "the segment after /api/v1/partnerships/{id}/; '' creates a partnership (POST /api/v1/partnerships)",
        },
        summary: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        sides: {
          type: 'array',
          items: { type: 'string', enum: ['own', 'partner'] },
          description:
            "the sides of a shared partnership that record it: the owner ('own') always, the partner organisation for its side's milestones",
        },
        plannable: { type: 'boolean', description: 'can be put in the calendar before it happens (planned)' },
        creates: { type: 'boolean', description: 'creates the partnership' },
        fields: { type: 'array', items: ref('FormField') },
        example: { type: 'object', additionalProperties: true, description: 'a request body' },
      },
      required: ['type', 'path', 'summary', 'roles', 'sides', 'plannable', 'creates', 'fields', 'example'],
      additionalProperties: false,
      example: aid,
    },
    MilestoneKinds: {
      type: 'object',
      description: 'Every milestone kind, with the form that records it.',
      properties: { kinds: { type: 'array', items: ref('MilestoneKind') } },
      required: ['kinds'],
      additionalProperties: false,
      example: { kinds: [aid] },
    },
  };
}

/** A request body's schema, by the name the route's operation refers to. */
function bodySchema(fields: Fields, example: Example): Schema {
  return objectSchema(fields, true, { example });
}

/** Every schema the description yields, by name. */
export function describedSchemas(): Record<string, Schema> {
  const schemas: Record<string, Schema> = {};
  for (const f of VALUE_OBJECTS as Field[]) {
    schemas[f.name!] = objectSchema(f.fields!, false, { description: f.help, example: f.example });
  }
  for (const route of MILESTONE_ROUTES) schemas[route.schema] = bodySchema(bodyFields(route), route.example);
  for (const route of Object.values(ENTRY_ROUTES)) schemas[route.schema] = bodySchema(route.fields, route.example);
  schemas.EntryData = entryDataSchema();
  return { ...schemas, ...kindSchemas() };
}
