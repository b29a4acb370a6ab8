import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { validationProblem, type FieldError } from './problem.js';

const REASONS: Record<string, string> = {
  whitelistValidation: 'is not a known field',
  nestedValidation: 'must be an object',
};

/** class-validator's error tree → `{ field: 'value.amount' | 'signatories[0].name', reason }`. */
function flattenValidationErrors(errors: ValidationError[], parent = '', parentIsArray = false): FieldError[] {
  return errors.flatMap((e) => {
    const field = parentIsArray && /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([name, message]) => ({ field, reason: REASONS[name] ?? message }));
    const children = e.children?.length ? flattenValidationErrors(e.children, field, Array.isArray(e.value)) : [];
    return [...own, ...children];
  });
}

/**
 * The API's one validation pipe: unknown fields are refused (not silently dropped), each field
 * reports its first problem, and the answer is a 400 problem+json naming every bad field.
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: true,
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = typeof metadata.metatype === 'function' && ![String, Number, Boolean, Array, Object].includes(metadata.metatype as never);
    if (metadata.type === 'body' && isDto && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw validationProblem([{ field: 'body', reason: 'must be a JSON object sent with Content-Type: application/json' }]);
    }
    return super.transform(value, metadata);
  }
}
