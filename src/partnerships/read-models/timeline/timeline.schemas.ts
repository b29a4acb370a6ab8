// The timeline and the raw audit trail as OpenAPI schemas (mirrors timeline.types.ts and the store's
// StoredEvent; the checks at the end keep them in step).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredEvent } from '../../../event-store/types.js';
import { ClassProperty, RefProperty, Schema, type AllTrue, type Json, type Mirrors } from '../../../shared/schema.js';
import type { BusinessDate } from '../../domain/index.js';
import { AsOfSchema, BusinessDateSchema, ENTRY_DATA_EXAMPLE } from '../../values.schemas.js';
import type { PlanAnnotation } from '../plans.js';
import { ReceiptSchema } from '../receipts/receipts.schemas.js';
import type { ReceiptView } from '../receipts/receipts.js';
import type { RecordedBy, Timeline, TimelineCorrection, TimelineEntry } from './timeline.types.js';

const UUID_EXAMPLE = '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f';
// An entry's data is described by the milestones' own description (write/openapi-schemas.ts, EntryData).

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
class TimelineCorrectionSchema implements TimelineCorrection {
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
class RetractionSchema implements Retraction {
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
class PlanAnnotationSchema implements PlanAnnotation {
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
  data: ENTRY_DATA_EXAMPLE,
  corrections: [],
  corrected: false,
  retracted: false,
  retraction: null,
  recordedAt: '2022-06-01T08:00:00.000Z',
  actor: 'Office for International Relations',
};

@Schema({
  name: 'RecordedBy',
  description: 'The organisation whose member or key recorded an entry, and its side of the partnership.',
  example: { organisation: 'dortmund', side: 'own' },
})
class RecordedBySchema implements RecordedBy {
  @ApiProperty({ example: 'dortmund', description: "the organisation's slug" }) organisation: string;
  @ApiProperty({ enum: ['own', 'partner'], example: 'own' }) side: 'own' | 'partner';
}

@Schema({ name: 'TimelineEntry', description: 'A milestone with its corrections and retraction.', example: ENTRY })
class TimelineEntrySchema implements TimelineEntry {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ type: 'integer', example: 4 }) streamVersion: number;
  @ApiProperty({ example: 'AidDelivered', description: 'the event type' }) type: string;
  @ClassProperty(() => BusinessDateSchema, { nullable: true }) occurredOn: BusinessDate | null;
  @ApiProperty({ example: false }) planned: boolean;
  @RefProperty('EntryData', { description: 'the current value, corrections applied' }) data: Record<string, unknown>;
  @RefProperty('EntryData', { required: false, description: 'the value as first recorded; only when the entry was corrected' })
  original?: Record<string, unknown>;
  @ClassProperty(() => TimelineCorrectionSchema, { isArray: true }) corrections: TimelineCorrection[];
  @ApiProperty({ example: false }) corrected: boolean;
  @ApiProperty({ example: false }) retracted: boolean;
  @ClassProperty(() => RetractionSchema, { nullable: true }) retraction: Retraction | null;
  @ApiProperty({ format: 'date-time', example: ENTRY.recordedAt }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true, example: ENTRY.actor }) actor: string | null;
  @ClassProperty(() => PlanAnnotationSchema, { required: false, description: 'for a plan entry: how the plan ended up' })
  plan?: PlanAnnotation;
  @ClassProperty(() => RecordedBySchema, { required: false, description: 'which organisation recorded it, on which side' })
  recordedBy?: RecordedBy;
  @ClassProperty(() => ReceiptSchema, {
    required: false,
    description: 'for a live delivery: how much of it the receiver has confirmed, as of the day asked about',
  })
  receipt?: ReceiptView;
}

@Schema({
  name: 'Timeline',
  description: 'Milestones ordered by business date (start of its precision), then by stream order.',
  example: { partnershipId: 'dortmund-zhytomyr', version: 24, asOf: null, entries: [ENTRY] },
})
class TimelineSchema implements Timeline {
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
class EventMetadataSchema {
  [key: string]: unknown;
  @ApiPropertyOptional({ example: METADATA.actor }) actor?: string;
  @ApiPropertyOptional({ example: METADATA.correlationId }) correlationId?: string;
  @ApiPropertyOptional({ example: METADATA.causationId }) causationId?: string;
  @ApiPropertyOptional({ example: METADATA.requestId }) requestId?: string;
  @ApiPropertyOptional({ example: 'api', description: 'api, seed, …' }) source?: string;
}

/** A stored event as the API shows it (the aid delivery above). */
export const STORED_EVENT_EXAMPLE = {
  eventId: UUID_EXAMPLE,
  streamId: 'dortmund-zhytomyr',
  streamVersion: 4,
  globalPosition: 17,
  transactionId: '7431',
  type: 'AidDelivered',
  schemaVersion: 1,
  data: ENTRY_DATA_EXAMPLE,
  metadata: METADATA,
  occurredAt: '2022-05-01T00:00:00.000Z',
  recordedAt: '2022-06-01T08:00:00.000Z',
  prevHash: 'c0a7f3…',
  hash: '5be2d1…',
};

@Schema({
  name: 'StoredEvent',
  description: 'An event as the store keeps it, with its place in the hash chain.',
  example: STORED_EVENT_EXAMPLE,
})
export class StoredEventSchema implements Json<StoredEvent> {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({ example: 'dortmund-zhytomyr', description: 'the partnership id' }) streamId: string;
  @ApiProperty({ type: 'integer', example: 4 }) streamVersion: number;
  @ApiProperty({ type: 'integer', example: 17, description: 'position in the global order' }) globalPosition: number;
  @ApiProperty({ example: '7431', description: 'the writing transaction (xid8, as a string)' }) transactionId: string;
  @ApiProperty({ example: 'AidDelivered' }) type: string;
  @ApiProperty({ type: 'integer', example: 1 }) schemaVersion: number;
  @RefProperty('EntryData') data: unknown;
  @ClassProperty(() => EventMetadataSchema) metadata: StoredEvent['metadata'];
  @ApiPropertyOptional({ format: 'uuid', description: 'the organisation that recorded it' }) organisationId?: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: STORED_EVENT_EXAMPLE.occurredAt,
    description: 'business time, as far as known',
  })
  occurredAt: string | null;
  @ApiProperty({ format: 'date-time', example: STORED_EVENT_EXAMPLE.recordedAt, description: 'record time' }) recordedAt: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: STORED_EVENT_EXAMPLE.prevHash,
    description: "the previous event's hash (null for the first)",
  })
  prevHash: string | null;
  @ApiProperty({ example: STORED_EVENT_EXAMPLE.hash }) hash: string;
}

@Schema({
  name: 'PartnershipEvents',
  description: "A partnership's raw audit trail.",
  example: { partnershipId: 'dortmund-zhytomyr', events: [STORED_EVENT_EXAMPLE] },
})
export class PartnershipEventsSchema {
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ClassProperty(() => StoredEventSchema, { isArray: true }) events: StoredEventSchema[];
}

type _TimelineSchemasMirror = AllTrue<
  [
    Mirrors<TimelineCorrectionSchema, TimelineCorrection>,
    Mirrors<RetractionSchema, Retraction>,
    Mirrors<PlanAnnotationSchema, PlanAnnotation>,
    Mirrors<TimelineEntrySchema, TimelineEntry>,
    Mirrors<TimelineSchema, Timeline>,
    Mirrors<StoredEventSchema, StoredEvent>,
    Mirrors<PartnershipEventsSchema, { partnershipId: string; events: StoredEvent[] }>,
  ]
>;
