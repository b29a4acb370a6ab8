// Field decorators for the command DTOs: each one states the validation and the OpenAPI schema
// together, so the docs cannot drift from what the API accepts. Messages are written to be read
// after the field name ("occurredOn must be …").
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Max,
  Min,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { reasonAt } from '../../shared/validation.pipe.js';
import { amountProblem, languageTagProblem, minorUnits, parseBusinessDate, isValidBusinessDate } from '../domain/index.js';

/** Names, organisations, references, bodies: one line of text. */
export const NAME_MAX = 200;
/** Titles and media types: a line, but a long one. */
export const TITLE_MAX = 1000;
/** Notes, reasons, resolution texts. */
export const TEXT_MAX = 10_000;
export const LIST_MAX = 100;

export const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

interface Opts {
  optional?: boolean;
  example?: unknown;
  description?: string;
}

const optional = (o: Opts) => (o.optional ? [IsOptional()] : []);
const api = (o: Opts, extra: ApiPropertyOptions) =>
  ApiProperty({
    required: !o.optional,
    ...(o.example !== undefined ? { example: o.example } : {}),
    ...(o.description ? { description: o.description } : {}),
    ...extra,
  } as ApiPropertyOptions);

/** A check that may read the other fields of the object it is in (e.g. an amount its currency). */
function custom(name: string, test: (value: unknown, object: Record<string, unknown>) => string | undefined) {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          test(value, (args?.object ?? {}) as Record<string, unknown>) === undefined,
        defaultMessage: (args?: ValidationArguments) => test(args?.value, (args?.object ?? {}) as Record<string, unknown>) ?? 'is invalid',
      },
    });
}

const textChecks = (max: number, each = false) => [
  IsString({ each, message: 'must be a text' }),
  Matches(/\S/, { each, message: 'must not be empty' }),
  Matches(/^[^\u0000]*$/, { each, message: 'must not contain the NUL character' }),
  MaxLength(max, { each, message: `must be at most ${max} characters` }),
];

/** A required or optional text of at most `max` characters, not blank. */
export const Text = (max: number, o: Opts = {}) =>
  applyDecorators(...optional(o), ...textChecks(max), api(o, { type: String, maxLength: max }));

export const TextList = (max: number, o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    IsArray({ message: 'must be a list of texts' }),
    ArrayMaxSize(LIST_MAX, { message: `must have at most ${LIST_MAX} entries` }),
    ...textChecks(max, true),
    api(o, { type: [String], maxItems: LIST_MAX }),
  );

export const OneOf = (values: readonly string[], o: Opts = {}) =>
  applyDecorators(...optional(o), IsIn(values, { message: `must be one of ${values.join(', ')}` }), api(o, { enum: values, type: String }));

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' for a date known to the year, month or day; must exist (no 2023-02-30). */
export const BusinessDateField = (o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    custom('isBusinessDate', (v) => {
      if (typeof v !== 'string') return 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD';
      if (isValidBusinessDate(v)) return undefined;
      try {
        parseBusinessDate(v);
      } catch (err) {
        return (err as { errors?: { reason: string }[] }).errors?.[0]?.reason ?? 'is not a valid date';
      }
      return 'is not a valid date';
    }),
    // the named string schema (values.schemas.ts); a description beside a $ref needs the allOf
    api(o, {
      allOf: [{ $ref: getSchemaPath('BusinessDateInput') }],
      description: o.description ?? 'YYYY, YYYY-MM or YYYY-MM-DD: as precise as it is known',
    } as ApiPropertyOptions),
  );

export const Bool = (o: Opts = {}) =>
  applyDecorators(...optional(o), IsBoolean({ message: 'must be true or false' }), api(o, { type: Boolean }));

export const Count = (o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    IsInt({ message: 'must be a whole number' }),
    Min(0, { message: 'must be zero or more' }),
    Max(Number.MAX_SAFE_INTEGER, { message: 'is too large' }),
    api(o, { type: 'integer', minimum: 0 }),
  );

/**
 * Positive decimal string with at most as many decimals as its currency's minor unit (EUR 2, JPY 0,
 * KWD 3). Numbers are refused: a JSON float cannot promise cents.
 */
export const Amount = (o: Opts = {}) =>
  applyDecorators(
    custom('isAmount', (v, money) => {
      const currency = typeof money.currency === 'string' && minorUnits(money.currency) !== undefined ? money.currency : undefined;
      if (typeof v !== 'number') return amountProblem(v, currency);
      // Suggest the number quoted only when that is an amount we would take (not "-5", "1e+21" or "Infinity").
      const quoted = amountProblem(String(v), currency) === undefined ? String(v) : '125000.00';
      return `must be a decimal string such as "${quoted}" (quoted), so no cent is lost to floating point`;
    }),
    api(o, { type: String, pattern: '^(0|[1-9]\\d{0,14})(\\.\\d{1,4})?$' }),
  );

export const Currency = (o: Opts = {}) =>
  applyDecorators(
    custom('isCurrency', (v) =>
      typeof v === 'string' && minorUnits(v) !== undefined
        ? undefined
        : 'must be an ISO 4217 currency code such as EUR, UAH or USD (historical ones such as DEM for their years)',
    ),
    api(o, { type: String, pattern: '^[A-Z]{3}$' }),
  );

export const CountryCode = (o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    IsString({ message: 'must be a text' }),
    Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code such as UA or DE' }),
    api(o, { type: String, pattern: '^[A-Z]{2}$' }),
  );

export const Uuid = (o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    IsString({ message: 'must be an entry id (a UUID)' }),
    Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'must be an entry id (a UUID)' }),
    api(o, { type: String, format: 'uuid' }),
  );

/** A nested object validated by its own class (unknown fields inside it are refused too). */
export const Nested = (cls: () => new () => object, o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    IsObject({ message: 'must be an object' }),
    ValidateNested(),
    Type(cls),
    // @nestjs/swagger calls a lazy type only when the function is named `type`; `cls` itself would
    // become a schema with an empty name (the dangling #/components/schemas/ refs of before)
    api(o, { type: () => cls() }),
  );

export const NestedList = (cls: () => new () => object, o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(LIST_MAX, { message: `must have at most ${LIST_MAX} entries` }),
    IsObject({ each: true, message: 'must be a list of objects' }),
    ValidateNested({ each: true }),
    Type(cls),
    api(o, { type: () => [cls()] }),
  );

/**
 * Why a value is not a name per language, or undefined. Keys are BCP 47 tags as Intl writes them;
 * a problem of one language is reported under `receiver.<tag>` (reasonAt).
 */
function namesProblem(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be a name per language, e.g. { "de": "Schytomyr", "uk": "Житомир" }';
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > LIST_MAX) return `must have at most ${LIST_MAX} languages`;
  for (const [lang, name] of entries) {
    const problem = languageTagProblem(lang);
    if (problem) return reasonAt(lang, problem);
    if (typeof name !== 'string' || !/\S/.test(name)) return reasonAt(lang, 'must be a non-empty text');
    if (name.length > NAME_MAX) return reasonAt(lang, `must be at most ${NAME_MAX} characters`);
    if (name.includes('\u0000')) return reasonAt(lang, 'must not contain the NUL character');
  }
  return entries.length ? undefined : 'needs a name in at least one language';
}

/** A name per language, keyed by BCP 47 language tag: { "de": "Schytomyr", "uk": "Житомир", "ru": "Житомир" }. */
export const Names = (o: Opts = {}) =>
  applyDecorators(
    ...optional(o),
    custom('isLocalizedName', namesProblem),
    // the shape is the named LocalizedNameInput (values.schemas.ts); a description goes beside the allOf
    api({ example: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' }, ...o }, {
      allOf: [{ $ref: getSchemaPath('LocalizedNameInput') }],
    } as ApiPropertyOptions),
  );
