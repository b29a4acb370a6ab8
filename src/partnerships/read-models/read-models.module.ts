import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { EventNotifications } from '../../event-store/notifications.js';
import { PostgresEventStore } from '../../event-store/postgres-event-store.js';
import { ProjectionEngine, horizonHolder } from '../../event-store/projections.js';
import { ReadinessContributors } from '../../shared/readiness.js';
import { AidLedgerController } from './aid-ledger/aid-ledger.controller.js';
import { AidLedgerQueries } from './aid-ledger/aid-ledger.queries.js';
import { PartnershipSource } from './as-of.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarQueries } from './calendar/calendar.queries.js';
import { ObligationsController } from './obligations/obligations.controller.js';
import { ObligationQueries } from './obligations/obligations.queries.js';
import { ProjectionsController } from './projections.controller.js';
import { PROJECTIONS, PROJECTIONS_QUEUE } from './projections.registry.js';
import { ProjectionsWorker } from './projections.worker.js';
import { StatusController } from './status/status.controller.js';
import { StatusQueries } from './status/status.queries.js';
import { TimelineController } from './timeline/timeline.controller.js';
import { TimelineQueries } from './timeline/timeline.queries.js';

class ProjectionsLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReadinessContributors) private readonly readiness: ReadinessContributors,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @InjectQueue(PROJECTIONS_QUEUE) private readonly queue: Queue,
  ) {}

  onModuleInit() {
    // Without a listener BullMQ prints every failed reconnect to stderr; readiness reports Redis instead.
    this.queue.on('error', (err) => this.logger.debug(`projections queue: ${err.message}`));
  }

  onApplicationBootstrap() {
    if (this.config.PROJECTIONS_ENABLED) for (const def of Object.values(PROJECTIONS)) this.engine.start(def);
    // Lag is reported, not judged: a stalled projection delays reads but loses nothing.
    this.readiness.add(async () => {
      const details: Record<string, unknown> = {};
      try {
        for (const def of Object.values(PROJECTIONS)) {
          const s = await this.engine.status(def.name);
          details[def.name] = {
            behind: s.behind,
            lagSeconds: s.lagSeconds,
            version: s.activeVersion,
            running: this.engine.isRunning(def.name),
            lastError: this.engine.error(def.name),
          };
        }
        if (Object.values(details).some((d) => (d as { behind: number }).behind > 0)) {
          const holder = await horizonHolder(this.store.pool);
          if (holder) details.oldestTransaction = holder;
        }
      } catch (err) {
        // The database check reports the outage itself; lag is simply unknown meanwhile.
        return { projections: { status: 'up', unknown: `lag unavailable: ${(err as Error).message}` } };
      }
      return { projections: { status: 'up', ...details } };
    });
    this.logger.log(this.config.PROJECTIONS_ENABLED ? 'projection runners started' : 'projection runners disabled in this process');
  }

  async onApplicationShutdown() {
    await this.engine.stop();
  }
}

/**
 * The read side of partnerships: the projection runner and, per read model (status, timeline, aid
 * ledger, calendar), its queries and routes; plus the projections' admin routes.
 */
@Module({
  imports: [BullModule.registerQueue({ name: PROJECTIONS_QUEUE })],
  controllers: [
    StatusController,
    TimelineController,
    AidLedgerController,
    CalendarController,
    ObligationsController,
    ProjectionsController,
  ],
  providers: [
    {
      provide: ProjectionEngine,
      inject: [PostgresEventStore, EventNotifications, APP_CONFIG],
      useFactory: (store: PostgresEventStore, notifications: EventNotifications, c: AppConfig) => {
        const logger = new Logger('Projections');
        return new ProjectionEngine(store, notifications, {
          pollMs: c.PROJECTION_POLL_MS,
          onError: (name, err) => logger.error({ err }, `projection ${name} failed a batch; retrying`),
        });
      },
    },
    PartnershipSource,
    StatusQueries,
    TimelineQueries,
    AidLedgerQueries,
    CalendarQueries,
    ObligationQueries,
    ProjectionsLifecycle,
  ],
  exports: [ProjectionEngine, StatusQueries, TimelineQueries, AidLedgerQueries, CalendarQueries, ObligationQueries],
})
export class PartnershipsReadModule {}

/** Runs rebuilds requested through the API: only in processes that run workers. */
@Module({
  imports: [PartnershipsReadModule, BullModule.registerQueue({ name: PROJECTIONS_QUEUE })],
  providers: [ProjectionsWorker],
})
export class ProjectionsWorkerModule {}
