// The aid ledger as OpenAPI schemas (mirrors aid-ledger.types.ts; the checks at the end keep them in step).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClassProperty, RefProperty, Schema, type AllTrue, type Mirrors } from '../../../shared/schema.js';
import { AID_MODALITIES, type BusinessDate, type LocalizedName } from '../../domain/index.js';
import { BusinessDateSchema } from '../../values.schemas.js';
import { ReceiptSchema } from '../receipts/receipts.schemas.js';
import type { ReceiptView } from '../receipts/receipts.js';
import type { AidEntry, AidGroup, AidQuery, AidResult } from './aid-ledger.types.js';

const ENTRY = {
  eventId: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
  partnershipId: 'dortmund-zhytomyr',
  kind: 'delivered',
  receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
  receiverKey: 'Vinnytsia',
  occurredOn: { date: '2022-05', precision: 'month' },
  month: '2022-05',
  amount: '125000.00',
  currency: 'EUR',
  modality: 'in_kind',
  sector: 'energy',
  fundingChannel: null,
  items: ['generators'],
  retracted: false,
  receipt: {
    status: 'partly_confirmed',
    receivedOn: { date: '2022-05-20', precision: 'day' },
    confirmations: [
      {
        eventId: '0195a1c2-7d3e-7f10-8a2b-1c2d3e4f5a6b',
        receivedOn: { date: '2022-05-20', precision: 'day' },
        received: 'part',
        discrepancies: 'Two of the twelve generators arrived damaged.',
      },
    ],
  },
};

@Schema({ name: 'AidEntry', description: 'One delivery or commitment.', example: ENTRY })
class AidEntrySchema implements AidEntry {
  @ApiProperty({ format: 'uuid', example: ENTRY.eventId }) eventId: string;
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ enum: ['delivered', 'committed'], example: 'delivered' }) kind: AidEntry['kind'];
  @RefProperty('LocalizedName') receiver: LocalizedName;
  @ApiProperty({ example: 'Vinnytsia', description: 'a display key for grouping: the en, else de, else uk name' }) receiverKey: string;
  @ClassProperty(() => BusinessDateSchema) occurredOn: BusinessDate;
  @ApiProperty({ type: String, nullable: true, example: '2022-05', description: 'YYYY-MM, or null when only the year is known' })
  month: string | null;
  @ApiProperty({ type: String, nullable: true, example: '125000.00', description: 'exact decimal string; null when not valued' })
  amount: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'EUR', description: 'ISO 4217' }) currency: string | null;
  @ApiProperty({ enum: AID_MODALITIES, example: 'in_kind' }) modality: string;
  @ApiProperty({ type: String, nullable: true, example: 'energy' }) sector: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) fundingChannel: string | null;
  @ApiProperty({ type: [String], example: ['generators'] }) items: string[];
  @ApiProperty({ example: false }) retracted: boolean;
  @ClassProperty(() => ReceiptSchema, {
    nullable: true,
    description: "a delivery's receipt as its receiver confirmed it; null for a pledge",
  })
  receipt: ReceiptView | null;
}

@Schema({
  name: 'AidQuery',
  description: 'The filters the answer was computed for.',
  example: { from: '2022-01-01', to: '2022-12-31', kind: 'delivered', groupBy: 'receiver' },
})
class AidQuerySchema implements AidQuery {
  @ApiPropertyOptional({ example: 'dortmund-zhytomyr' }) partnershipId?: string;
  @ApiPropertyOptional({ example: 'Vinnytsia' }) receiver?: string;
  @ApiPropertyOptional({ example: '2022-01-01', description: 'inclusive business date YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2022-12-31', description: 'inclusive business date YYYY-MM-DD' }) to?: string;
  @ApiPropertyOptional({ example: 'EUR' }) currency?: string;
  @ApiPropertyOptional({ example: 'energy' }) sector?: string;
  @ApiPropertyOptional({ enum: ['delivered', 'committed'], example: 'delivered' }) kind?: AidQuery['kind'];
  @ApiPropertyOptional({ enum: ['receiver', 'month', 'currency', 'sector'], example: 'receiver' }) groupBy?: AidQuery['groupBy'];
}

const GROUP = { key: 'Vinnytsia', count: 2, totals: { EUR: '250000.00' } };

@Schema({ name: 'AidGroup', description: 'The rows of one receiver, month, currency or sector, with their totals.', example: GROUP })
class AidGroupSchema implements AidGroup {
  @ApiProperty({ type: String, nullable: true, example: 'Vinnytsia', description: 'null: rows without a value for the grouping' })
  key: string | null;
  @ApiProperty({ type: 'integer', example: 2 }) count: number;
  @RefProperty('AmountsByCurrency') totals: Record<string, string>;
}

@Schema({
  name: 'AidResult',
  description: 'Every matching row that is not retracted (oldest first), with exact totals per currency and, with groupBy, the groups.',
  example: { query: { groupBy: 'receiver' }, items: [ENTRY], totals: { EUR: '125000.00' }, groups: [GROUP] },
})
export class AidResultSchema implements AidResult {
  @ClassProperty(() => AidQuerySchema) query: AidQuery;
  @ClassProperty(() => AidEntrySchema, { isArray: true }) items: AidEntry[];
  @RefProperty('AmountsByCurrency') totals: Record<string, string>;
  @ClassProperty(() => AidGroupSchema, { isArray: true, required: false, description: 'only with groupBy' }) groups?: AidGroup[];
}

type _AidSchemasMirror = AllTrue<
  [
    Mirrors<AidEntrySchema, AidEntry>,
    Mirrors<AidQuerySchema, AidQuery>,
    Mirrors<AidGroupSchema, AidGroup>,
    Mirrors<AidResultSchema, AidResult>,
  ]
>;
