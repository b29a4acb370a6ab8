import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AuthModule } from './auth/auth.module.js';
import { ChangesModule } from './changes/changes.module.js';
import type { AppConfig } from './config/config.js';
import { CoreModule } from './core.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { ErasureListenerModule } from './privacy/erasure-listener.js';
import { IntegrityModule } from './event-store/integrity.module.js';
import { HealthModule } from './health/health.module.js';
import { IatiModule } from './interop/iati/iati.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { OParlModule } from './partnerships/read-models/oparl/oparl.module.js';
import { PartnershipsReadModule, ProjectionsWorkerModule } from './partnerships/read-models/read-models.module.js';
import { PartnershipsWriteModule } from './partnerships/write/write.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { requestLogOptions } from './request-logging.js';
import type { Clock } from './shared/clock.js';
import { ProblemDetailsFilter } from './shared/problem.filter.js';
import { PublicPagesModule } from './public/public.module.js';
import { WebModule } from './web/web.module.js';
import { ObligationsModule } from './obligations/obligations.module.js';

export interface AppOptions {
  clock?: Clock;
}

/** The API process: HTTP routes, the projection runners and (unless WORKERS_ENABLED=false) the workers. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, { clock: options.clock }),
        LoggerModule.forRoot({ pinoHttp: requestLogOptions(config.LOG_LEVEL) }),
        // The data source is opened (and migrated) before Nest starts, so startup errors are one clear message.
        TypeOrmModule.forRootAsync({ useFactory: () => dataSource.options, dataSourceFactory: () => Promise.resolve(dataSource) }),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot({ databaseUrl: config.DATABASE_URL }),
        ErasureListenerModule.forRoot({ databaseUrl: config.DATABASE_URL }),
        HealthModule,
        QueuesModule.forRoot(config),
        AuthModule,
        OrganisationsModule,
        PartnershipsWriteModule,
        PartnershipsReadModule,
        ChangesModule,
        OParlModule.forRoot(config),
        IatiModule,
        ...(config.WORKERS_ENABLED ? [ProjectionsWorkerModule] : []),
        WebModule.forRoot(config),
        PublicPagesModule,
        ReportingModule,
        NotificationsModule,
        ObligationsModule,
        PrivacyModule,
        MetricsModule,
        IntegrityModule.forRoot({ keys: config.ledgerKeys, checkpointIntervalMs: config.LEDGER_CHECKPOINT_INTERVAL_MS }),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
