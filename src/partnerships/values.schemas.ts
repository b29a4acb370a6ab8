// The value types the partnership API speaks in, as named OpenAPI schemas: business dates, names in
// several languages, amounts per currency. Requests write a date as a string and get it back as
// { date, precision }; names come back in every language recorded (BCP 47 tags).
import { ApiProperty } from '@nestjs/swagger';
import { DATE_PRECISIONS, LINE_MAX, LIST_MAX, type BusinessDate, type DatePrecision } from './domain/index.js';
import { Schema, type AllTrue, type Mirrors } from '../shared/schema.js';

const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

@Schema({
  name: 'BusinessDate',
  description:
    'When something happened in the world, as precisely as it is known: `date` is YYYY, YYYY-MM or YYYY-MM-DD, matching `precision`.',
  example: { date: '2023-02', precision: 'month' },
})
export class BusinessDateSchema implements BusinessDate {
  @ApiProperty({ pattern: DATE_PATTERN, example: '2023-02' }) date: string;
  @ApiProperty({ enum: DATE_PRECISIONS, example: 'month' }) precision: DatePrecision;
}

@Schema({
  name: 'AsOf',
  description: 'Set when the answer was folded as of a business date (validAt) and/or a record time (knownAt).',
  example: { validAt: '2023-01-15', knownAt: null },
})
export class AsOfSchema {
  @ApiProperty({ type: String, nullable: true, example: '2023-01-15', description: 'business date YYYY-MM-DD' }) validAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null, description: 'record time' }) knownAt: string | null;
}

/** Schemas that are not objects of fixed fields, so not classes: referenced by name (RefProperty). */
/** An entry's data as stored (an aid delivery): the example of every schema that shows one. */
export const ENTRY_DATA_EXAMPLE = {
  occurredOn: { date: '2022-05', precision: 'month' },
  receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
  value: { amount: '125000.00', currency: 'EUR' },
  modality: 'in_kind',
  items: ['generators'],
  sector: 'energy',
};

export const VALUE_SCHEMAS = {
  BusinessDateInput: {
    type: 'string',
    pattern: DATE_PATTERN,
    description: 'A business date in a request: YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known; it must exist (no 2023-02-30).',
    example: '2023-02-23',
  },
  LocalizedNameInput: {
    type: 'object',
    description:
      'A name in a request, per language: keys are BCP 47 language tags (de, uk, en, sr-Latn …), values non-empty texts; at least one. Responses give it back as LocalizedName.',
    additionalProperties: { type: 'string', minLength: 1, maxLength: LINE_MAX },
    minProperties: 1,
    maxProperties: LIST_MAX,
    example: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  },
  LocalizedName: {
    type: 'object',
    description: 'A name per language, keyed by BCP 47 language tag (de, uk, en, ru, sr-Latn …); at least one.',
    additionalProperties: { type: 'string' },
    minProperties: 1,
    example: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  },
  AmountsByCurrency: {
    type: 'object',
    description: 'ISO 4217 currency code → exact decimal amount as a string (never a float).',
    additionalProperties: { type: 'string' },
    example: { EUR: '125000.00', UAH: '400000.00' },
  },
} as const;

type _ValueSchemasMirror = AllTrue<[Mirrors<BusinessDateSchema, BusinessDate>]>;
