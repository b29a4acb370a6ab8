import { InjectQueue } from '@nestjs/bullmq';
import { asSystem } from '../../shared/db-scope.js';
import { actingOrganisation, INSTANCE_ORGANISATION_ID } from '../../organisations/acting.js';
import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { ProjectionEngine } from '../../event-store/projections.js';
import { withTimeout } from '../../shared/timeout.js';
import { READ_ROLES, Roles } from '../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../shared/openapi.js';
import { ApiProblem } from '../../shared/problem.js';
import { PROJECTIONS, PROJECTIONS_QUEUE } from './projections.registry.js';
import { ProjectionStatusSchema, RebuildAcceptedSchema, type ProjectionStatus, type RebuildAccepted } from './projections.schemas.js';

const queueDown = (m: string) =>
  new ApiProblem(
    503,
    'queue_unavailable',
    'Service unavailable',
    `Could not enqueue the rebuild (${m}). Try again when Redis is back.`,
    undefined,
    {},
    { 'Retry-After': '5' },
  );

@ApiTags('projections')
@ApiBearerAuth()
@GuardedRoutes()
@Controller('api/v1/projections')
export class ProjectionsController {
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @InjectQueue(PROJECTIONS_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Each projection: active version, checkpoint, lag, and rebuild progress' })
  @ApiOkResponse({ type: ProjectionStatusSchema, isArray: true })
  async list(): Promise<ProjectionStatus[]> {
    return Promise.all(
      Object.values(PROJECTIONS).map(async (def) => ({
        ...(await this.engine.status(def.name)),
        running: this.engine.isRunning(def.name),
        lastError: this.engine.error(def.name),
      })),
    );
  }

  @Post(':name/rebuild')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild a projection from position zero beside the live one, then switch (a BullMQ job)' })
  @ApiAcceptedResponse({ type: RebuildAcceptedSchema, description: 'queued; Location points at the progress' })
  @ProblemResponses({
    403: 'an organisation other than the instance operator (operator_only)',
    404: 'no projection of that name (projection_not_found)',
    409: 'a rebuild is already running (rebuild_in_progress)',
    503: 'Redis is unavailable, nothing queued (queue_unavailable); Retry-After says when to retry',
  })
  async rebuild(@Param('name') name: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RebuildAccepted> {
    // A rebuild rewrites every organisation's read rows: the instance operator's work.
    if (actingOrganisation(req).id !== INSTANCE_ORGANISATION_ID)
      throw new ApiProblem(
        403,
        'operator_only',
        'Forbidden',
        "Projections are rebuilt by the admins of the instance's first organisation (or with npm run projections:rebuild).",
      );
    // Own keys only: "constructor" or "__proto__" is not a projection.
    const def = Object.hasOwn(PROJECTIONS, name) ? PROJECTIONS[name] : undefined;
    if (!def)
      throw new ApiProblem(
        404,
        'projection_not_found',
        'Not found',
        `No projection named ${name.slice(0, 100)}; known: ${Object.keys(PROJECTIONS).join(', ')}.`,
      );
    const status = await asSystem(() => this.engine.status(name));
    if (status.rebuilding && status.rebuilding.error === null) {
      // A rebuild whose process died (its lock is free) is cleared here, so it never blocks for good.
      const recovery = await asSystem(() => this.engine.recoverRebuild(def));
      if (recovery.status === 'running')
        throw new ApiProblem(
          409,
          'rebuild_in_progress',
          'Conflict',
          `A rebuild of ${name} to version ${status.rebuilding.version} is already running.`,
        );
    }
    // Refuse at once while disconnected: a job left in the offline queue would start a rebuild later.
    const client = await withTimeout(this.queue.getBackend().client, this.config.ENQUEUE_TIMEOUT_MS, 'Redis connection', queueDown);
    if (client.status !== 'ready') throw queueDown(`Redis is ${client.status}`);
    const pending = this.queue.add('rebuild', { name }, { attempts: 1, removeOnComplete: 100, removeOnFail: 100 });
    pending.catch(() => undefined);
    const job = await withTimeout(pending, this.config.ENQUEUE_TIMEOUT_MS, 'enqueue', queueDown);
    res.setHeader('Location', '/api/v1/projections');
    return { jobId: job.id, projection: name, status: 'queued', progressUrl: '/api/v1/projections' };
  }
}
