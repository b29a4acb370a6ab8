import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ReadinessContributors } from '../health/readiness.js';
import { PartnershipsReadModule } from '../partnerships/read-models/read-models.module.js';
import { adminOnly, dashboardRouter, DASHBOARD_PATH } from './dashboard.js';
import { DIGEST_SCHEDULER_ID, jobOptions, REPORTS_QUEUE, SCHEDULED_DIGEST_JOB, withTimeout } from './queue.js';
import { ReportDispatcher } from './report-dispatcher.js';
import { ReportProducer } from './report-producer.js';
import { ReportWorker } from './report-worker.js';
import { ReportsController } from './reports.controller.js';

class ReportingLifecycle implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Reporting');
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(getQueueToken(REPORTS_QUEUE)) private readonly queue: Queue,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(HttpAdapterHost) private readonly http: HttpAdapterHost,
    @Inject(ReadinessContributors) private readonly readiness: ReadinessContributors,
    @Inject(ReportWorker) private readonly worker: ReportWorker,
    @Inject(ReportDispatcher) private readonly dispatcher: ReportDispatcher,
  ) {}

  onModuleInit() {
    // Mounted before Nest adds its 404 handler (that happens after the init hooks).
    const express = this.http?.httpAdapter?.getInstance?.();
    if (express && typeof express.use === 'function') express.use(DASHBOARD_PATH, adminOnly(this.pool), dashboardRouter([this.queue]));
  }

  onApplicationBootstrap() {
    this.readiness.add(async () => {
      const s = this.dispatcher.consumer.status();
      const lag = await this.dispatcher.lag().catch(() => ({ behind: null }));
      const details = {
        running: s.running,
        behind: lag.behind,
        lastError: s.lastError,
        consecutiveErrors: s.consecutiveErrors,
        worker: this.worker.running,
      };
      // Behind is reported, not judged; repeated failures (Redis down) are.
      return { reportDispatcher: { status: s.running && s.consecutiveErrors >= 3 ? 'down' : 'up', ...details } };
    });
    if (!this.config.WORKERS_ENABLED) {
      this.logger.log('report workers and dispatcher disabled in this process');
      return;
    }
    this.worker.start();
    this.dispatcher.start();
    if (this.config.DIGEST_ENABLED) {
      // Redis may be down at boot; the schedule is kept in Redis, so a later start sets it.
      const pending = this.queue.upsertJobScheduler(
        DIGEST_SCHEDULER_ID,
        { pattern: this.config.DIGEST_CRON },
        { name: SCHEDULED_DIGEST_JOB, data: {}, opts: jobOptions(this.config) },
      );
      withTimeout(pending, this.config.ENQUEUE_TIMEOUT_MS, 'the digest schedule').catch((err) =>
        this.logger.warn(`could not set the digest schedule now: ${(err as Error).message}`),
      );
    }
    this.logger.log(`report workers and dispatcher started; office digest on "${this.config.DIGEST_CRON}"`);
  }
}

/**
 * Reports: the queue, the API and the dashboard always; the worker, the event dispatcher and the
 * digest schedule only where WORKERS_ENABLED (the API process by default, or `npm run start:worker`).
 */
@Module({
  imports: [BullModule.registerQueue({ name: REPORTS_QUEUE }), PartnershipsReadModule],
  controllers: [ReportsController],
  providers: [ReportProducer, ReportWorker, ReportDispatcher, ReportingLifecycle],
  exports: [ReportWorker, ReportDispatcher],
})
export class ReportingModule {}
