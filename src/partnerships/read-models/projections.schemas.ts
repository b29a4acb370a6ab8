// The projections admin routes as OpenAPI schemas (mirrors ProjectionEngine.status and the rebuild answer).
import { ApiProperty } from '@nestjs/swagger';
import type { ProjectionEngine } from '../../event-store/projections.js';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../../shared/schema.js';

type EngineStatus = Awaited<ReturnType<ProjectionEngine['status']>>;
type Rebuilding = NonNullable<EngineStatus['rebuilding']>;
export type ProjectionStatus = EngineStatus & { running: boolean; lastError: string | null };

@Schema({
  name: 'Checkpoint',
  description: 'A position in the gap-safe global order of events.',
  example: { transactionId: '7431', position: 17 },
})
export class CheckpointSchema {
  @ApiProperty({ example: '7431' }) transactionId: string;
  @ApiProperty({ type: 'integer', example: 17 }) position: number;
}

const REBUILDING = {
  version: 3,
  done: 1200,
  total: 5000,
  eventsPerSecond: 850,
  startedAt: '2024-05-02T10:00:00.000Z',
  error: null,
  ownerAlive: true,
};

@Schema({ name: 'RebuildProgress', description: 'A rebuild beside the live projection.', example: REBUILDING })
class RebuildProgressSchema implements Rebuilding {
  @ApiProperty({ type: 'integer', example: 3, description: 'the version being built' }) version: number;
  @ApiProperty({ type: 'integer', example: 1200 }) done: number;
  @ApiProperty({ type: 'integer', example: 5000 }) total: number;
  @ApiProperty({ type: 'integer', example: 850 }) eventsPerSecond: number;
  @ApiProperty({ format: 'date-time', example: REBUILDING.startedAt }) startedAt: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'why the last rebuild failed' }) error: string | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    example: true,
    description: 'whether the process building it still holds the rebuild lock; false means the next request cleans up and starts over',
  })
  ownerAlive: boolean | null;
}

@Schema({
  name: 'ProjectionStatus',
  example: {
    name: 'partnerships',
    activeVersion: 2,
    checkpoint: { transactionId: '7431', position: 17 },
    behind: 0,
    lagSeconds: 0,
    rebuilding: null,
    running: true,
    lastError: null,
  },
})
export class ProjectionStatusSchema implements ProjectionStatus {
  @ApiProperty({ example: 'partnerships' }) name: string;
  @ApiProperty({ type: 'integer', example: 2 }) activeVersion: number;
  @ClassProperty(() => CheckpointSchema) checkpoint: CheckpointSchema;
  @ApiProperty({ type: 'integer', example: 0, description: 'events recorded but not yet applied' }) behind: number;
  @ApiProperty({ example: 0, description: 'age of the oldest event not yet applied' }) lagSeconds: number;
  @ClassProperty(() => RebuildProgressSchema, { nullable: true }) rebuilding: Rebuilding | null;
  @ApiProperty({ example: true, description: 'whether this process runs the projection' }) running: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) lastError: string | null;
}

export interface RebuildAccepted {
  jobId: string | undefined;
  projection: string;
  status: 'queued';
  progressUrl: string;
}

@Schema({
  name: 'RebuildAccepted',
  example: { jobId: '42', projection: 'partnerships', status: 'queued', progressUrl: '/api/v1/projections' },
})
export class RebuildAcceptedSchema implements RebuildAccepted {
  @ApiProperty({ type: String, required: false, example: '42', description: 'the BullMQ job id' }) jobId: string | undefined;
  @ApiProperty({ example: 'partnerships' }) projection: string;
  @ApiProperty({ enum: ['queued'], example: 'queued' }) status: 'queued';
  @ApiProperty({ example: '/api/v1/projections', description: 'where the progress shows' }) progressUrl: string;
}

type _ProjectionSchemasMirror = AllTrue<
  [
    Mirrors<CheckpointSchema, EngineStatus['checkpoint']>,
    Mirrors<RebuildProgressSchema, Rebuilding>,
    Mirrors<ProjectionStatusSchema, ProjectionStatus>,
    Mirrors<RebuildAcceptedSchema, RebuildAccepted>,
  ]
>;
