import { BullModule } from '@nestjs/bullmq';
import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EventNotifications } from '../event-store/notifications.js';
import { PostgresEventStore } from '../event-store/postgres-event-store.js';
import { ProjectionEngine, horizonHolder } from '../event-store/projections.js';
import { ReadinessContributors } from '../health/readiness.js';
import { PartnershipQueries } from './projections/partnership-queries.js';
import { PROJECTIONS, PROJECTIONS_QUEUE } from './projections/projections.registry.js';
import { ProjectionsWorker } from './projections/projections.worker.js';
import { AidCalendarController } from './read/aid-calendar.controller.js';
import { PartnershipsReadController } from './read/partnerships-read.controller.js';
import { ProjectionsController } from './read/projections.controller.js';

class ProjectionsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReadinessContributors) private readonly readiness: ReadinessContributors,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

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

@Module({})
export class PartnershipsReadModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PartnershipsReadModule,
      // Global so health, metrics and reporting can inject the queries and the engine.
      global: true,
      imports: [BullModule.registerQueue({ name: PROJECTIONS_QUEUE })],
      controllers: [PartnershipsReadController, AidCalendarController, ProjectionsController],
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
        PartnershipQueries,
        ProjectionsLifecycle,
        ...(config.WORKERS_ENABLED ? [ProjectionsWorker] : []),
      ],
      exports: [PartnershipQueries, ProjectionEngine],
    };
  }
}
