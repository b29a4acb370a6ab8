import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ProjectionEngine } from '../../event-store/projections.js';
import { PROJECTIONS, PROJECTIONS_QUEUE } from './projections.registry.js';

/** Runs rebuilds requested through the API, one at a time per process. */
@Processor(PROJECTIONS_QUEUE, { concurrency: 1, lockDuration: 60_000 })
export class ProjectionsWorker extends WorkerHost {
  private readonly logger = new Logger('Projections');

  constructor(@Inject(ProjectionEngine) private readonly engine: ProjectionEngine) {
    super();
  }

  async process(job: Job<{ name: string }>) {
    const def = PROJECTIONS[job.data.name];
    if (!def) throw new Error(`unknown projection ${job.data.name}`);
    this.logger.log(`rebuilding ${def.name}`);
    const result = await this.engine.rebuild(def, (p) => job.updateProgress({ ...p }));
    this.logger.log(`rebuilt ${def.name} as version ${result.version}: ${result.done} events at ${result.eventsPerSecond}/s`);
    return result;
  }

  // Without a listener BullMQ prints every failed reconnect to stderr; readiness reports Redis instead.
  @OnWorkerEvent('error')
  onError(err: Error) {
    this.logger.debug(`projections worker: ${err.message}`);
  }
}
