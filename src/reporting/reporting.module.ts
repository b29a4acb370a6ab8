import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ReadinessContributors } from '../shared/readiness.js';
import { IatiModule } from '../interop/iati/iati.module.js';
import { PartnershipsReadModule } from '../partnerships/read-models/read-models.module.js';
import { adminOnly, dashboardRouter, DASHBOARD_PATH } from './dashboard.js';
import { REPORTS_QUEUE } from './queue.js';
import { DigestSchedule } from './digest-schedule.js';
import { ReportDispatcher } from './report-dispatcher.js';
import { ReportProducer } from './report-producer.js';
import { ReportRelay } from './report-relay.js';
import { ReportWorker } from './report-worker.js';
import { ReportingHealth } from './reporting-health.js';
import { ReportsController } from './reports.controller.js';

class ReportingLifecycle implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Reporting');
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(getQueueToken(REPORTS_QUEUE)) private readonly queue: Queue,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(HttpAdapterHost) private readonly http: HttpAdapterHost,
    @Inject(ReadinessContributors) private readonly readiness: ReadinessContributors,
    @Inject(ReportingHealth) private readonly health: ReportingHealth,
    @Inject(ReportRelay) private readonly relay: ReportRelay,
    @Inject(ReportWorker) private readonly worker: ReportWorker,
    @Inject(ReportDispatcher) private readonly dispatcher: ReportDispatcher,
  ) {}

  onModuleInit() {
    // Without a listener BullMQ prints every failed reconnect to stderr; readiness reports Redis instead.
    this.queue.on('error', (err) => this.logger.debug(`reports queue: ${err.message}`));
    // Mounted before Nest adds its 404 handler (that happens after the init hooks).
    const express = this.http?.httpAdapter?.getInstance?.();
    if (express && typeof express.use === 'function') express.use(DASHBOARD_PATH, adminOnly(this.pool), dashboardRouter([this.queue]));
  }

  onApplicationBootstrap() {
    this.readiness.add(() => this.health.check());
    // Every process relays and reconciles (one at a time, by advisory lock): reports requested here
    // reach Redis even where no worker runs.
    this.relay.start();
    if (!this.config.WORKERS_ENABLED) {
      this.logger.log('report workers and dispatcher disabled in this process');
      return;
    }
    this.worker.start();
    this.dispatcher.start();
    // The digest schedule is kept in Redis; the relay's reconcile pass sets it and puts it back when lost.
    this.logger.log(
      `report workers and dispatcher started${this.config.DIGEST_ENABLED ? `; office digest on "${this.config.DIGEST_CRON}"` : ''}`,
    );
  }
}

/**
 * Reports: the queue, the API, the dashboard, the outbox relay and the reconciler always; the
 * worker, the event dispatcher and the digest schedule only where WORKERS_ENABLED (the API process
 * by default, or `npm run start:worker`).
 */
@Module({
  imports: [BullModule.registerQueue({ name: REPORTS_QUEUE }), PartnershipsReadModule, IatiModule],
  controllers: [ReportsController],
  providers: [ReportProducer, ReportWorker, ReportDispatcher, DigestSchedule, ReportRelay, ReportingHealth, ReportingLifecycle],
  exports: [ReportWorker, ReportDispatcher, ReportRelay],
})
export class ReportingModule {}
