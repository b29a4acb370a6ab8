// The calendar as an OpenAPI schema (mirrors calendar.types.ts; the check at the end keeps them in step).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../../../shared/schema.js';
import type { BusinessDate } from '../../domain/index.js';
import { BusinessDateSchema } from '../../values.schemas.js';
import type { CalendarItem } from './calendar.types.js';

const ITEM = {
  uid: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
  eventId: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
  partnershipId: 'dortmund-zhytomyr',
  kind: 'AgreementSigningScheduled',
  title: 'Signing (solidarity) — Dortmund City Hall',
  date: { date: '2023-02-09', precision: 'day' },
  madeOn: { date: '2023-01-20', precision: 'day' },
  sequence: 1,
  status: 'open',
  changedAt: '2023-01-25T14:00:00.000Z',
  mode: 'council_session',
  venue: 'Dortmund City Hall',
};

@Schema({ name: 'CalendarItem', description: 'A planned signing, consultation or activity.', example: ITEM })
export class CalendarItemSchema implements CalendarItem {
  @ApiProperty({ format: 'uuid', example: ITEM.uid, description: 'stable through reschedules: the identity calendar apps keep' })
  uid: string;
  @ApiProperty({ format: 'uuid', example: ITEM.eventId, description: 'the current plan entry' }) eventId: string;
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ example: 'AgreementSigningScheduled', description: 'the event type' }) kind: string;
  @ApiProperty({ example: ITEM.title }) title: string;
  @ClassProperty(() => BusinessDateSchema, { description: 'the planned date' }) date: BusinessDate;
  @ClassProperty(() => BusinessDateSchema, { description: 'when the plan was made' }) madeOn: BusinessDate;
  @ApiProperty({ type: 'integer', example: 1, description: 'grows with each reschedule, correction or cancellation' }) sequence: number;
  @ApiProperty({ enum: ['open', 'cancelled'], example: 'open' }) status: CalendarItem['status'];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: ITEM.changedAt }) changedAt: string | null;
  @ApiPropertyOptional({ example: 'council_session' }) mode?: string;
  @ApiPropertyOptional({ example: 'Dortmund City Hall' }) venue?: string;
}

type _CalendarSchemasMirror = AllTrue<[Mirrors<CalendarItemSchema, CalendarItem>]>;
