// Decorators for query parameters, which arrive as text. The edge (http-edge.ts) has already refused
// control characters, repeats and oversized values; these say what each parameter must be.
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The largest value a PostgreSQL integer column holds: versions and counts compared with one stay below it. */
export const PG_INT_MAX = 2_147_483_647;

/**
 * An optional whole number from `min` to `max`, written in decimal digits only: "1e3", "0x10",
 * " 5" and "5.0" are refused rather than read as numbers the way Number() would.
 */
export const QueryInt = (min: number, max: number, tooLarge?: string) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value)),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message: tooLarge ?? message }),
  );
};
