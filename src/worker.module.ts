import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/config.js';
import { CoreModule } from './core.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { ErasureListenerModule } from './privacy/erasure-listener.js';
import { HealthModule } from './health/health.module.js';
import { PartnershipsReadModule, ProjectionsWorkerModule } from './partnerships/read-models/read-models.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ObligationsModule } from './obligations/obligations.module.js';

/**
 * The worker process (`npm run start:worker`): report workers, the event dispatcher, the digest
 * schedule, rebuilds and the read side they produce from — no HTTP server, no command API.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: () => Promise.resolve(dataSource) }),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot({ databaseUrl: config.DATABASE_URL }),
        ErasureListenerModule.forRoot({ databaseUrl: config.DATABASE_URL }),
        HealthModule,
        QueuesModule.forRoot(config),
        PartnershipsReadModule,
        ProjectionsWorkerModule,
        ReportingModule,
        NotificationsModule,
        ObligationsModule,
      ],
    };
  }
}
