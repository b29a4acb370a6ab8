// The routes table and what is derived from it: the form description the page renders, the request
// schemas, and the examples, which must pass both the description's own checks and their schemas.
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { EVENT_TYPES, parseFields } from '../domain/index.js';
import * as vocabulary from '../domain/vocabulary.js';
import { milestoneKinds, type FormField } from './milestone-kinds.js';
import { ENTRY_ROUTES, MILESTONE_ROUTES, bodyFields, eventOf } from './milestone-routes.js';
import { describedSchemas } from './openapi-schemas.js';
import { VALUE_SCHEMAS } from '../values.schemas.js';

const kinds = milestoneKinds(MILESTONE_ROUTES).kinds;
const kind = (type: string) => kinds.find((k) => k.type === type)!;
const field = (type: string, name: string) => kind(type).fields.find((f) => f.name === name)!;

describe('the milestone kinds', () => {
  it('lists every milestone that can be corrected or retracted, once, and no correction or retraction', () => {
    const types = kinds.map((k) => k.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types.sort()).toEqual(EVENT_TYPES.filter((t) => t !== 'EntryCorrected' && t !== 'EntryRetracted').sort());
  });

  it('describes a kind by its route, roles and form', () => {
    expect(kind('AidDelivered')).toMatchObject({
      path: 'aid-deliveries',
      summary: 'Record aid delivered (the receiver may differ from the counterpart)',
      roles: ['office', 'admin'],
      plannable: false,
      creates: false,
    });
    expect(kind('AidDelivered').fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['occurredOn', 'date', true],
      ['receiver', 'name', true],
      ['value', 'money', false],
      ['modality', 'enum', true],
      ['items', 'texts', false],
      ['sector', 'text', false],
      ['fundingChannel', 'text', false],
      ['note', 'longText', false],
      ['source', 'object', false],
    ]);
    expect(field('AidDelivered', 'modality')).toEqual({
      name: 'modality',
      kind: 'enum',
      required: true,
      personal: false,
      options: ['cash', 'in_kind', 'services'],
      codes: 'modality',
    });
    expect(field('AidDelivered', 'items')).toMatchObject({ maxLength: 200 });
    expect(field('AidDelivered', 'source').fields!.map((f) => f.name)).toEqual(['reference', 'url']);
    expect(field('AidDelivered', 'value').fields).toBeUndefined();
  });

  it('marks the creation, the plannable kinds and the paths with a slash', () => {
    expect(kind('PartnershipInitiated')).toMatchObject({ path: '', creates: true });
    expect(kind('PartnershipInitiated').fields.map((f) => f.name)).toContain('partnershipId');
    expect(kinds.filter((k) => k.plannable).map((k) => k.type)).toEqual([
      'BoardReviewed',
      'ReferredToCommittee',
      'CommitteeDecided',
      'CouncilDecided',
      'ActivityHeld',
    ]);
    expect(kind('CooperationAreaRemoved').path).toBe('areas/remove');
    expect(kind('PartnershipSuspended').fields.map((f) => f.name)).toContain('resumedOn');
  });

  it('puts the date first, and marks the names of people as personal', () => {
    for (const k of kinds) expect([k.type, k.fields[0].name]).toEqual([k.type, 'occurredOn']);
    expect(field('ActivityHeld', 'participants')).toMatchObject({ kind: 'texts', personal: true });
    const signatories = field('AgreementSigned', 'signatories');
    expect(signatories.kind).toBe('list');
    expect(signatories.item!.fields!.map((f) => [f.name, f.personal])).toEqual([
      ['name', true],
      ['role', false],
      ['side', false],
    ]);
    const personal = (f: FormField): string[] => [
      ...(f.personal ? [f.name] : []),
      ...(f.fields ?? []).flatMap(personal),
      ...(f.item ? personal(f.item) : []),
    ];
    expect(kinds.flatMap((k) => k.fields.flatMap(personal))).toEqual(['name', 'participants']);
  });

  it('names each vocabulary after its constant in vocabulary.ts', () => {
    const codes = new Map<string, readonly string[]>();
    const walk = (f: FormField) => {
      if (f.codes) codes.set(f.codes, f.options!);
      f.fields?.forEach(walk);
      if (f.item) walk(f.item);
    };
    kinds.forEach((k) => k.fields.forEach(walk));
    expect([...codes.keys()].sort()).toEqual([
      'agreementKind',
      'bodyOutcome',
      'modality',
      'outcome',
      'participantType',
      'receiptExtent',
      'side',
      'signingMode',
      'tier',
    ]);
    expect(codes.get('outcome')).toEqual(vocabulary.DECISION_OUTCOMES);
    expect(codes.get('signingMode')).toEqual(vocabulary.SIGNING_MODES);
  });
});

describe('the examples', () => {
  const schemas = describedSchemas();
  const ajv = new Ajv({ strict: false, allErrors: true });
  formats.default(ajv);
  // BusinessDate is a class's schema in the document; its shape here is enough for the examples
  const BusinessDate = { type: 'object', properties: { date: { type: 'string' }, precision: { enum: ['year', 'month', 'day'] } } };
  ajv.addSchema({ components: { schemas: { ...VALUE_SCHEMAS, ...schemas, BusinessDate } } }, 'doc');
  const valid = (name: string, value: unknown) => {
    const check = ajv.getSchema(`doc#/components/schemas/${name}`)!;
    return check(value) ? null : check.errors;
  };

  it.each(MILESTONE_ROUTES.map((r) => [eventOf(r), r] as const))('%s: passes its own checks and fits its schema', (type, route) => {
    expect(parseFields(bodyFields(route), route.example, type).errors).toEqual([]);
    expect(valid(route.schema, route.example)).toBeNull();
  });

  it('of corrections and retractions fit theirs', () => {
    for (const route of Object.values(ENTRY_ROUTES)) {
      expect(parseFields(route.fields, route.example, route.schema).errors).toEqual([]);
      expect(valid(route.schema, route.example)).toBeNull();
    }
  });

  it('every named schema has an example that fits it, and a body schema refuses what its description refuses', () => {
    for (const [name, schema] of Object.entries(schemas)) expect([name, valid(name, schema.example)]).toEqual([name, null]);
    expect(valid('AidDeliveryDto', { occurredOn: '2022', receiver: { en: 'Vinnytsia' }, modality: 'cash', colour: 'red' })).not.toBeNull();
    expect(valid('MilestoneKinds', milestoneKinds(MILESTONE_ROUTES))).toBeNull();
  });
});
