import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { CoreModule } from '../core.module.js';
import { EventStoreModule } from '../event-store/event-store.module.js';
import { HealthModule } from '../health/health.module.js';
import { PartnershipsReadModule } from '../partnerships/partnerships-read.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { ReportingModule } from './reporting.module.js';

/**
 * The worker process (`npm run start:worker`): report workers, the event dispatcher, the digest
 * schedule and the read side they produce from — no HTTP server, no command API.
 */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: async () => dataSource }),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(),
        HealthModule,
        QueuesModule.forRoot(config),
        PartnershipsReadModule.forRoot(config),
        ReportingModule.forRoot(config),
      ],
    };
  }
}
