// A delivery's receipt as OpenAPI schemas (mirrors receipts.ts; the check at the end keeps them in step).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../../../shared/schema.js';
import { RECEIPT_EXTENTS, type BusinessDate, type ReceiptConfirmation, type ReceiptStatus } from '../../domain/index.js';
import { BusinessDateSchema } from '../../values.schemas.js';
import type { ReceiptCounts, ReceiptView } from './receipts.js';

const RECEIPT_STATUSES: ReceiptStatus[] = ['awaiting', 'partly_confirmed', 'confirmed'];

const CONFIRMATION = {
  eventId: '0195a1c2-7d3e-7f10-8a2b-1c2d3e4f5a6b',
  receivedOn: { date: '2022-05-20', precision: 'day' },
  received: 'part',
  discrepancies: 'Two of the twelve generators arrived damaged.',
  documentReference: 'Acceptance certificate 17/2022',
};

@Schema({ name: 'ReceiptConfirmation', description: 'One confirmation of what of a delivery arrived.', example: CONFIRMATION })
class ReceiptConfirmationSchema implements ReceiptConfirmation {
  @ApiProperty({ format: 'uuid', example: CONFIRMATION.eventId, description: 'the AidReceiptConfirmed entry' }) eventId: string;
  @ClassProperty(() => BusinessDateSchema, { description: 'the day it arrived' }) receivedOn: BusinessDate;
  @ApiProperty({ enum: RECEIPT_EXTENTS, example: 'part' }) received: ReceiptConfirmation['received'];
  @ApiPropertyOptional({ example: CONFIRMATION.discrepancies }) discrepancies?: string;
  @ApiPropertyOptional({ example: CONFIRMATION.documentReference }) documentReference?: string;
}

@Schema({
  name: 'Receipt',
  description: "A delivery's receipt: awaiting confirmation, partly confirmed or confirmed, with the confirmations.",
  example: { status: 'partly_confirmed', receivedOn: CONFIRMATION.receivedOn, confirmations: [CONFIRMATION] },
})
export class ReceiptSchema implements ReceiptView {
  @ApiProperty({ enum: RECEIPT_STATUSES, example: 'partly_confirmed' }) status: ReceiptStatus;
  @ClassProperty(() => BusinessDateSchema, {
    nullable: true,
    description: 'the day it arrived in full, else the latest day a part arrived; null while awaiting confirmation',
  })
  receivedOn: BusinessDate | null;
  @ClassProperty(() => ReceiptConfirmationSchema, { isArray: true }) confirmations: ReceiptConfirmation[];
}

@Schema({
  name: 'ReceiptCounts',
  description: 'How many live deliveries await confirmation, are partly confirmed or confirmed.',
  example: { awaiting: 2, partlyConfirmed: 1, confirmed: 0 },
})
export class ReceiptCountsSchema implements ReceiptCounts {
  @ApiProperty({ type: 'integer', example: 2 }) awaiting: number;
  @ApiProperty({ type: 'integer', example: 1 }) partlyConfirmed: number;
  @ApiProperty({ type: 'integer', example: 0 }) confirmed: number;
}

type _ReceiptSchemasMirror = AllTrue<
  [
    Mirrors<ReceiptConfirmationSchema, ReceiptConfirmation>,
    Mirrors<ReceiptSchema, ReceiptView>,
    Mirrors<ReceiptCountsSchema, ReceiptCounts>,
  ]
>;
