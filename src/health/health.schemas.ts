// The health routes' answers as OpenAPI schemas.
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { HealthCheckResult, HealthCheckStatus, HealthIndicatorResult } from '@nestjs/terminus';
import { ProblemSchema } from '../shared/problem.schemas.js';
import { Schema, type AllTrue, type Mirrors } from '../shared/schema.js';

@Schema({ name: 'Liveness', example: { status: 'ok', uptimeSeconds: 3600 } })
export class LivenessSchema {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
  @ApiProperty({ type: 'integer', example: 3600 }) uptimeSeconds: number;
}

@Schema({
  name: 'DependencyHealth',
  description: 'Whether one dependency is up; the details route adds what the check found (message, lag, …).',
  example: { status: 'up' },
  additionalProperties: true,
})
class DependencyHealthSchema {
  [detail: string]: unknown;
  @ApiProperty({ enum: ['up', 'degraded', 'down'], example: 'up' }) status: 'up' | 'degraded' | 'down';
}

const byDependency = (description: string, required = false) =>
  (required ? ApiProperty : ApiPropertyOptional)({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DependencyHealthSchema) },
    description,
    example: { postgres: { status: 'up' }, redis: { status: 'up' } },
  });

const READY = {
  status: 'ok',
  info: { postgres: { status: 'up' }, redis: { status: 'up' } },
  error: {},
  details: { postgres: { status: 'up' }, redis: { status: 'up' } },
};

@ApiExtraModels(DependencyHealthSchema)
@Schema({ name: 'Readiness', description: 'Each dependency by name (postgres, redis, projections, reporting …).', example: READY })
export class ReadinessSchema {
  @ApiProperty({ enum: ['ok', 'error', 'degraded', 'shutting_down'], example: 'ok' }) status: HealthCheckStatus;
  @byDependency('the dependencies that are up') info?: HealthIndicatorResult;
  @byDependency('the dependencies that are down') error?: HealthIndicatorResult;
  @byDependency('every dependency', true) details: HealthIndicatorResult;
}

@ApiExtraModels(DependencyHealthSchema)
@Schema({
  name: 'NotReadyProblem',
  description: 'A 503 from readiness (code not_ready), with which dependency is down.',
  additionalProperties: true,
  example: {
    type: 'urn:partnership-ledger:problem:not-ready',
    title: 'Service unavailable',
    status: 503,
    detail: 'Not ready: redis is down.',
    code: 'not_ready',
    instance: '/health/ready',
    info: { postgres: { status: 'up' } },
    error: { redis: { status: 'down' } },
    details: { postgres: { status: 'up' }, redis: { status: 'down' } },
  },
})
export class NotReadyProblemSchema extends ProblemSchema {
  @byDependency('the dependencies that are up') info?: HealthIndicatorResult;
  @byDependency('the dependencies that are down') error?: HealthIndicatorResult;
  @byDependency('every dependency') details?: HealthIndicatorResult;
}

type _HealthSchemasMirror = AllTrue<[Mirrors<ReadinessSchema, HealthCheckResult>]>;
