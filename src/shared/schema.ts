// OpenAPI schema helpers: named schemas with examples, references to schemas that are not classes,
// and the compile-time check that a response schema class still describes the interface the code returns.
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';

export interface SchemaOptions {
  /** the schema's name in components.schemas (default: the class name) */
  name?: string;
  description?: string;
  example: unknown;
  /** for map-like objects: the schema of the values, or true for any extension members */
  additionalProperties?: boolean | Record<string, unknown>;
  minProperties?: number;
}

/**
 * Names a class's schema and gives it an example. @ApiSchema copies every option but `name` onto the
 * schema object, so `example` reaches the document even though its options type names only two.
 */
export const Schema = (options: SchemaOptions): ClassDecorator => ApiSchema(options as { name?: string; description?: string });

/** A property whose schema is a named schema that is not a class (see values.schemas.ts), e.g. LocalizedName. */
export function RefProperty(
  name: string,
  o: { required?: boolean; nullable?: boolean; description?: string; example?: unknown; isArray?: boolean } = {},
): PropertyDecorator {
  const ref = { $ref: getSchemaPath(name) };
  const common = {
    required: o.required ?? true,
    ...(o.description ? { description: o.description } : {}),
    ...(o.example !== undefined ? { example: o.example } : {}),
  };
  if (o.isArray) return ApiProperty({ ...common, type: 'array', items: ref, ...(o.nullable ? { nullable: true } : {}) });
  // $ref siblings are ignored in OpenAPI 3.0: a description or null goes beside an allOf.
  return ApiProperty({ ...common, allOf: [ref], ...(o.nullable ? { nullable: true } : {}) } as ApiPropertyOptions);
}

/** A property whose schema is a class's schema, optionally null. */
export function ClassProperty(
  cls: () => Type<unknown>,
  o: { required?: boolean; nullable?: boolean; description?: string; isArray?: boolean } = {},
): PropertyDecorator {
  // @nestjs/swagger calls a lazy type only when the function is named `type`: an arrow function gets
  // that name only as the value of a `type:` property written out like this.
  const lazy = o.isArray ? { type: () => [cls()] } : { type: () => cls() };
  return ApiProperty({
    ...lazy,
    required: o.required ?? true,
    ...(o.nullable ? { nullable: true } : {}),
    ...(o.description ? { description: o.description } : {}),
  });
}

// ---- compile-time mirror checks -----------------------------------------------------------------

/** The JSON a value becomes: dates are ISO 8601 strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/**
 * True when the schema class `S` is assignable to the JSON of `T` and names the same fields: a field
 * added to or removed from the interface without its schema fails to compile.
 */
export type Mirrors<S, T> = [S] extends [Json<T>]
  ? [Exclude<keyof S, keyof T> | Exclude<keyof T, keyof S>] extends [never]
    ? true
    : { missingOrExtra: Exclude<keyof S, keyof T> | Exclude<keyof T, keyof S> }
  : { notAssignable: S };

/** Fails to compile unless every entry is `true`. */
export type AllTrue<T extends true[]> = T;
