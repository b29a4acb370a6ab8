// The problem+json answer as an OpenAPI schema (RFC 9457 with our `code` and `errors[]`).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Schema, type AllTrue, type Mirrors } from './schema.js';
import type { FieldError, ProblemDetails } from './problem.js';

@Schema({ name: 'FieldError', example: { field: 'value.amount', reason: 'must have at most 2 decimals for EUR' } })
class FieldErrorSchema implements FieldError {
  @ApiProperty({ example: 'value.amount', description: 'the field, as a path: value.amount, signatories[0].name, If-Match' })
  field: string;
  @ApiProperty({ example: 'must have at most 2 decimals for EUR', description: 'why, read after the field name' })
  reason: string;
}

const PROBLEM_EXAMPLE = {
  type: 'urn:partnership-ledger:problem:validation-failed',
  title: 'Invalid request',
  status: 400,
  detail: 'The request has 1 invalid field: value.amount must have at most 2 decimals for EUR.',
  code: 'validation_failed',
  instance: '/api/v1/partnerships/dortmund-zhytomyr/aid-deliveries',
  errors: [{ field: 'value.amount', reason: 'must have at most 2 decimals for EUR' }],
  requestId: '0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e7f10',
};

@Schema({
  name: 'Problem',
  description:
    'RFC 9457 problem details, sent as application/problem+json. `code` is stable and meant for programs; other members are extensions of the problem type.',
  example: PROBLEM_EXAMPLE,
  additionalProperties: true,
})
export class ProblemSchema implements ProblemDetails {
  [extension: string]: unknown;

  @ApiProperty({ example: PROBLEM_EXAMPLE.type, description: 'a URN naming the problem type' }) type: string;
  @ApiProperty({ example: PROBLEM_EXAMPLE.title }) title: string;
  @ApiProperty({ type: 'integer', example: 400 }) status: number;
  @ApiProperty({ example: PROBLEM_EXAMPLE.detail, description: 'what went wrong and what to do, for people' }) detail: string;
  @ApiProperty({ example: 'validation_failed', description: 'stable machine-readable code' }) code: string;
  @ApiPropertyOptional({ example: PROBLEM_EXAMPLE.instance, description: 'the request path' }) instance?: string;
  @ApiPropertyOptional({ type: () => [FieldErrorSchema], description: 'one entry per invalid field' }) errors?: FieldError[];
  @ApiPropertyOptional({ example: PROBLEM_EXAMPLE.requestId, description: 'the X-Request-Id of the request, for support' })
  requestId?: string;
}

type _ProblemSchemasMirror = AllTrue<[Mirrors<FieldErrorSchema, FieldError>]>;
