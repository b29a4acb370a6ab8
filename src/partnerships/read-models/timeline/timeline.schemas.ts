// The timeline and the raw audit trail as OpenAPI schemas (mirrors timeline.types.ts and the store's
// StoredEvent; the checks at the end keep them in step).
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { StoredEvent } from '../../../event-store/types.js';
import { ClassProperty, RefProperty, Schema, type AllTrue, type Json, type Mirrors } from '../../../shared/schema.js';
import {
  AGREEMENT_KINDS,
  AID_MODALITIES,
  PARTICIPANT_TYPES,
  SIDES,
  SIGNING_MODES,
  TIERS,
  EVENT_FIELD_KINDS,
  type BusinessDate,
  type EventData,
  type FieldKind,
  type EventType,
  type LocalizedName,
  type Money,
  type Signatory,
  type SourceRef,
  type Tally,
} from '../../domain/index.js';
import { AsOfSchema, BusinessDateSchema } from '../../values.schemas.js';
import { MoneyDto, SignatoryDto, SourceDto, TallyDto } from '../../write/dtos.js';
import type { PlanAnnotation } from '../plans.js';
import type { Timeline, TimelineCorrection, TimelineEntry } from './timeline.types.js';

const UUID_EXAMPLE = '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f';
const DATA_EXAMPLE = {
  occurredOn: { date: '2022-05', precision: 'month' },
  receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
  value: { amount: '125000.00', currency: 'EUR' },
  modality: 'in_kind',
  items: ['generators'],
  sector: 'energy',
};

const opt = (o: Parameters<typeof ApiPropertyOptional>[0]) => ApiPropertyOptional(o);
const date = (description?: string) =>
  ClassProperty(() => BusinessDateSchema, { required: false, ...(description ? { description } : {}) });

/**
 * Every field any event type carries, in one loose shape: `type` (on the entry) tells which apply.
 * Dates are { date, precision } here, never strings.
 */
@Schema({
  name: 'EntryData',
  description:
    "An entry's fields: those of its event type (see the command bodies), dates as BusinessDate. Unknown fields may appear in entries recorded by later versions.",
  example: DATA_EXAMPLE,
  additionalProperties: true,
})
export class EntryDataSchema {
  [field: string]: unknown;

  @date('when it happened (the planned date for a plan)') occurredOn?: BusinessDate;
  @ClassProperty(() => SourceDto, { required: false }) source?: SourceRef;
  @opt({ example: 'Free text for whoever reads the timeline later.' }) note?: string;
  @opt({ example: false, description: 'a plan (meeting, signing, activity) not yet held' }) planned?: boolean;
  @date('when a plan was made') madeOn?: BusinessDate;
  @opt({ example: 'dortmund-zhytomyr' }) partnershipId?: string;
  @RefProperty('LocalizedName', { required: false }) ownMunicipality?: LocalizedName;
  @RefProperty('LocalizedName', { required: false }) counterpart?: LocalizedName;
  @opt({ example: 'UA' }) counterpartCountry?: string;
  @opt({ enum: TIERS, example: 'initiative' }) tier?: string;
  @opt({ example: 'Office for International Relations' }) coordinatingOffice?: string;
  @opt({ example: 'Council resolution 2022' }) mandateReference?: string;
  @opt({ example: 'dortmund-zhytomyr-2014' }) predecessorId?: string;
  @ApiPropertyOptional({
    oneOf: [{ $ref: getSchemaPath('LocalizedName') }, { type: 'string' }],
    description: "the counterpart's name (CounterpartDesignated, CounterpartRenamed) or a document's file name (DocumentAttached)",
  })
  name?: LocalizedName | string;
  @opt({ example: 'UA' }) country?: string;
  @opt({ example: 'Official German spelling' }) reason?: string;
  @RefProperty('LocalizedName', { required: false }) receiver?: LocalizedName;
  @ClassProperty(() => MoneyDto, { required: false }) value?: Money;
  @opt({ enum: AID_MODALITIES, example: 'in_kind' }) modality?: string;
  @opt({ type: [String], example: ['generators'] }) items?: string[];
  @opt({ example: 'energy' }) sector?: string;
  @opt({ example: 'municipal budget' }) fundingChannel?: string;
  @date('when pledged aid is expected') expectedBy?: BusinessDate;
  @opt({ example: 'DS 2022-0001' }) paperReference?: string;
  @opt({ example: 'Solidarity partnership with Zhytomyr' }) title?: string;
  @opt({ enum: TIERS, example: 'solidarity' }) proposedTier?: string;
  @opt({ type: [String], example: ['Verwaltungsvorstand', 'Rat der Stadt'] }) route?: string[];
  @opt({ example: 'Verwaltungsvorstand' }) body?: string;
  @opt({ example: 'adopted' }) outcome?: string;
  @opt({ example: 'Committee for Citizens Services' }) committee?: string;
  @date() meetingDate?: BusinessDate;
  @opt({ example: 'The council agrees a solidarity partnership with Zhytomyr.' }) resolutionText?: string;
  @opt({ example: 'R 2023/017' }) resolutionReference?: string;
  @ClassProperty(() => TallyDto, { required: false }) tally?: Tally;
  @opt({ enum: AGREEMENT_KINDS, example: 'solidarity' }) agreementKind?: string;
  @opt({ example: 'Dortmund City Hall' }) venue?: string;
  @opt({ enum: SIGNING_MODES, example: 'online' }) mode?: string;
  @ClassProperty(() => SignatoryDto, { isArray: true, required: false }) signatories?: Signatory[];
  @opt({ example: 'DB 2023/002' }) urgentDecisionReference?: string;
  @opt({ example: 'digitalisation' }) area?: string;
  @opt({ example: 'Technische Universität Dortmund' }) organisation?: string;
  @opt({ enum: PARTICIPANT_TYPES, example: 'academic' }) participantType?: string;
  @opt({ enum: SIDES, example: 'own' }) side?: string;
  @opt({ example: 'summer_camp' }) activityKind?: string;
  @date('the last day of an activity') endsOn?: BusinessDate;
  @opt({ example: 'Dortmund' }) place?: string;
  @opt({ type: [String], example: ['Youth Council Dortmund'] }) participants?: string[];
  @opt({ type: 'integer', example: 40 }) participantCount?: number;
  @opt({ example: 'VV 2024/02' }) decisionReference?: string;
  @opt({ example: 'application/pdf' }) mediaType?: string;
  @opt({ type: 'integer', example: 482113 }) sizeBytes?: number;
  @opt({ example: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) checksum?: string;
  @opt({ example: 'https://dms.example.org/documents/4711' }) link?: string;
  @opt({ format: 'uuid', example: UUID_EXAMPLE, description: 'the entry a note or document is about' }) relatesTo?: string;
  @opt({ example: 'Zhytomyr asked for a follow-up call in March.' }) text?: string;
  @opt({ format: 'uuid', example: UUID_EXAMPLE, description: 'corrections and retractions (events route): the entry they change' })
  targetEventId?: string;
  @opt({ example: 'AgreementSigned', description: 'corrections and retractions (events route): its event type' }) targetType?: string;
  @opt({ type: 'object', additionalProperties: true, example: { occurredOn: { date: '2023-02-23', precision: 'day' } } })
  changes?: Record<string, unknown>;
  @opt({ type: 'object', additionalProperties: true, example: { occurredOn: { date: '2023-02-09', precision: 'day' } } })
  previous?: Record<string, unknown>;
}

// A field an event gains later (a new milestone) is described from its field spec, so the document
// stays complete without a line here; the ones above carry hand-written examples.
const DESCRIBED: ReadonlyMap<FieldKind, Parameters<typeof ApiPropertyOptional>[0]> = new Map<
  FieldKind,
  Parameters<typeof ApiPropertyOptional>[0]
>([
  ['text', { type: String }],
  ['texts', { type: [String] }],
  ['date', { type: () => BusinessDateSchema }],
  ['money', { type: () => MoneyDto }],
  ['name', { $ref: getSchemaPath('LocalizedName') } as Parameters<typeof ApiPropertyOptional>[0]],
  ['count', { type: 'integer', minimum: 0 }],
  ['bool', { type: Boolean }],
]);
const declared = new Set(
  ((Reflect.getMetadata('swagger/apiModelPropertiesArray', EntryDataSchema.prototype) as string[] | undefined) ?? []).map((p) =>
    p.slice(1),
  ),
);
for (const [field, kind] of EVENT_FIELD_KINDS) {
  if (declared.has(field)) continue;
  ApiPropertyOptional({ ...(DESCRIBED.get(kind) ?? { type: 'object', additionalProperties: true }), description: `a ${kind} field` })(
    EntryDataSchema.prototype,
    field,
  );
}

const CORRECTION = {
  eventId: UUID_EXAMPLE,
  reason: 'The signing took place online on 23 February 2023.',
  changes: { occurredOn: { date: '2023-02-23', precision: 'day' }, mode: 'online' },
  previous: { occurredOn: { date: '2023-02-09', precision: 'day' }, mode: null },
  recordedAt: '2023-03-01T09:30:00.000Z',
  actor: 'Office for International Relations',
  retracted: false,
};

@Schema({ name: 'TimelineCorrection', description: 'A correction of an entry; the old values stay visible.', example: CORRECTION })
export class TimelineCorrectionSchema implements TimelineCorrection {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({ example: CORRECTION.reason }) reason: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: CORRECTION.changes, description: 'the new values' })
  changes: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: CORRECTION.previous,
    description: 'the replaced values (null: was absent)',
  })
  previous: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', example: CORRECTION.recordedAt }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true, example: CORRECTION.actor }) actor: string | null;
  @ApiProperty({ example: false, description: 'the correction itself was retracted' }) retracted: boolean;
}

type Retraction = NonNullable<TimelineEntry['retraction']>;

@Schema({
  name: 'Retraction',
  example: {
    eventId: UUID_EXAMPLE,
    reason: 'Recorded for the wrong partnership.',
    recordedAt: '2023-03-01T09:30:00.000Z',
    actor: 'Office for International Relations',
  },
})
export class RetractionSchema implements Retraction {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({ example: 'Recorded for the wrong partnership.' }) reason: string;
  @ApiProperty({ format: 'date-time', example: '2023-03-01T09:30:00.000Z' }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true, example: 'Office for International Relations' }) actor: string | null;
}

@Schema({
  name: 'PlanAnnotation',
  description: 'How a plan entry ended up: still open, rescheduled, fulfilled (by which entry) or cancelled.',
  example: { uid: UUID_EXAMPLE, status: 'fulfilled', fulfilledBy: '01956f0e-7000-7c3e-9f2d-3a4b5c6d7e8f' },
})
export class PlanAnnotationSchema implements PlanAnnotation {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE, description: 'the plan, stable through reschedules' }) uid: string;
  @ApiProperty({ enum: ['open', 'rescheduled', 'fulfilled', 'cancelled'], example: 'fulfilled' }) status: PlanAnnotation['status'];
  @ApiPropertyOptional({ format: 'uuid', example: '01956f0e-7000-7c3e-9f2d-3a4b5c6d7e8f', description: 'the entry that fulfilled it' })
  fulfilledBy?: string;
}

const ENTRY = {
  eventId: UUID_EXAMPLE,
  partnershipId: 'dortmund-zhytomyr',
  streamVersion: 4,
  type: 'AidDelivered',
  occurredOn: { date: '2022-05', precision: 'month' },
  planned: false,
  data: DATA_EXAMPLE,
  corrections: [],
  corrected: false,
  retracted: false,
  retraction: null,
  recordedAt: '2022-06-01T08:00:00.000Z',
  actor: 'Office for International Relations',
};

@Schema({ name: 'TimelineEntry', description: 'A milestone with its corrections and retraction.', example: ENTRY })
export class TimelineEntrySchema implements TimelineEntry {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ type: 'integer', example: 4 }) streamVersion: number;
  @ApiProperty({ example: 'AidDelivered', description: 'the event type' }) type: string;
  @ClassProperty(() => BusinessDateSchema, { nullable: true }) occurredOn: BusinessDate | null;
  @ApiProperty({ example: false }) planned: boolean;
  @ClassProperty(() => EntryDataSchema, { description: 'the current value, corrections applied' }) data: Record<string, unknown>;
  @ClassProperty(() => EntryDataSchema, { required: false, description: 'the value as first recorded; only when the entry was corrected' })
  original?: Record<string, unknown>;
  @ClassProperty(() => TimelineCorrectionSchema, { isArray: true }) corrections: TimelineCorrection[];
  @ApiProperty({ example: false }) corrected: boolean;
  @ApiProperty({ example: false }) retracted: boolean;
  @ClassProperty(() => RetractionSchema, { nullable: true }) retraction: Retraction | null;
  @ApiProperty({ format: 'date-time', example: ENTRY.recordedAt }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true, example: ENTRY.actor }) actor: string | null;
  @ClassProperty(() => PlanAnnotationSchema, { required: false, description: 'for a plan entry: how the plan ended up' })
  plan?: PlanAnnotation;
}

@Schema({
  name: 'Timeline',
  description: 'Milestones ordered by business date (start of its precision), then by stream order.',
  example: { partnershipId: 'dortmund-zhytomyr', version: 24, asOf: null, entries: [ENTRY] },
})
export class TimelineSchema implements Timeline {
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ type: 'integer', example: 24, description: 'the stream version; also the ETag' }) version: number;
  @ClassProperty(() => AsOfSchema, { nullable: true }) asOf: Timeline['asOf'];
  @ClassProperty(() => TimelineEntrySchema, { isArray: true }) entries: TimelineEntry[];
}

@Schema({
  name: 'TimelinePage',
  description:
    'A page of the timeline: milestones ordered by business date (start of its precision), then by stream order; follow nextCursor for the next page (null: the last one).',
  example: { partnershipId: 'dortmund-zhytomyr', version: 24, asOf: null, entries: [ENTRY], nextCursor: null },
})
export class TimelinePageSchema extends TimelineSchema {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'eyJzb3J0RGF0ZSI6IjIwMjMtMDEtMDEiLCJzdHJlYW1WZXJzaW9uIjo3fQ.c2lnbmF0dXJlLW9mLXRoZQ',
  })
  nextCursor: string | null;
}

const METADATA = {
  actor: 'Office for International Relations',
  role: 'office',
  keyId: UUID_EXAMPLE,
  requestId: '0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10',
  correlationId: '0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10',
  causationId: '0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10',
  source: 'api',
};

@Schema({
  name: 'EventMetadata',
  description: 'Who recorded an event, from where, under which request.',
  example: METADATA,
  additionalProperties: true,
})
export class EventMetadataSchema {
  [key: string]: unknown;
  @ApiPropertyOptional({ example: METADATA.actor }) actor?: string;
  @ApiPropertyOptional({ example: METADATA.correlationId }) correlationId?: string;
  @ApiPropertyOptional({ example: METADATA.causationId }) causationId?: string;
  @ApiPropertyOptional({ example: METADATA.requestId }) requestId?: string;
  @ApiPropertyOptional({ example: 'api', description: 'api, seed, …' }) source?: string;
}

const EVENT = {
  eventId: UUID_EXAMPLE,
  streamId: 'dortmund-zhytomyr',
  streamVersion: 4,
  globalPosition: 17,
  transactionId: '7431',
  type: 'AidDelivered',
  schemaVersion: 1,
  data: DATA_EXAMPLE,
  metadata: METADATA,
  occurredAt: '2022-05-01T00:00:00.000Z',
  recordedAt: '2022-06-01T08:00:00.000Z',
  prevHash: 'c0a7f3…',
  hash: '5be2d1…',
};

@Schema({ name: 'StoredEvent', description: 'An event as the store keeps it, with its place in the hash chain.', example: EVENT })
export class StoredEventSchema implements Json<StoredEvent> {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({ example: 'dortmund-zhytomyr', description: 'the partnership id' }) streamId: string;
  @ApiProperty({ type: 'integer', example: 4 }) streamVersion: number;
  @ApiProperty({ type: 'integer', example: 17, description: 'position in the global order' }) globalPosition: number;
  @ApiProperty({ example: '7431', description: 'the writing transaction (xid8, as a string)' }) transactionId: string;
  @ApiProperty({ example: 'AidDelivered' }) type: string;
  @ApiProperty({ type: 'integer', example: 1 }) schemaVersion: number;
  @ClassProperty(() => EntryDataSchema) data: unknown;
  @ClassProperty(() => EventMetadataSchema) metadata: StoredEvent['metadata'];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: EVENT.occurredAt,
    description: 'business time, as far as known',
  })
  occurredAt: string | null;
  @ApiProperty({ format: 'date-time', example: EVENT.recordedAt, description: 'record time' }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true, example: EVENT.prevHash, description: "the previous event's hash (null for the first)" })
  prevHash: string | null;
  @ApiProperty({ example: EVENT.hash }) hash: string;
}

@Schema({
  name: 'PartnershipEvents',
  description: "A partnership's raw audit trail.",
  example: { partnershipId: 'dortmund-zhytomyr', events: [EVENT] },
})
export class PartnershipEventsSchema {
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ClassProperty(() => StoredEventSchema, { isArray: true }) events: StoredEventSchema[];
}

/** Every field described here is a field of some event (fields added later are described below, from their specs). */
type EventField = { [T in EventType]: keyof EventData<T> }[EventType];
type Named<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };

export type _TimelineSchemasMirror = AllTrue<
  [
    [Exclude<Named<EntryDataSchema>, EventField>] extends [never] ? true : { notAnEventField: Exclude<Named<EntryDataSchema>, EventField> },
    Mirrors<TimelineCorrectionSchema, TimelineCorrection>,
    Mirrors<RetractionSchema, Retraction>,
    Mirrors<PlanAnnotationSchema, PlanAnnotation>,
    Mirrors<TimelineEntrySchema, TimelineEntry>,
    Mirrors<TimelineSchema, Timeline>,
    Mirrors<StoredEventSchema, StoredEvent>,
    Mirrors<PartnershipEventsSchema, { partnershipId: string; events: StoredEvent[] }>,
  ]
>;
