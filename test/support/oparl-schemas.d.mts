import type { ErrorObject } from 'ajv';

export const OPARL_SCHEMA_NAMES: string[];
export interface Reference {
  /** JSON pointer inside the validated object */
  at: string;
  url: string;
  /** the OParl type the URL must point to, or "externalList" */
  target: string;
}
export interface OParlValidator {
  /** errors of validating `object` against the schema of `type`; empty when valid */
  validate(type: string, object: unknown): ErrorObject[];
  /** URLs met in the objects validated so far, with the type each must point to */
  references: Reference[];
}
export function loadOParlValidator(opts?: { forbidUnknownProperties?: boolean }): OParlValidator;
export function oparlTypeOf(object: unknown): string | null;
export function officialExample(name: string): Record<string, unknown>;
export const OFFICIAL_EXAMPLES: string[];
