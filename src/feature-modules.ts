import type { DynamicModule, Type } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/config.js';
import { IntegrityModule } from './event-store/integrity.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { PartnershipsReadModule } from './partnerships/partnerships-read.module.js';
import { PartnershipCommandsModule } from './partnerships/partnership-commands.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { WebModule } from './web/web.module.js';

/**
 * The feature modules of the service, in one list so each feature adds one line here and
 * app.module.ts stays wiring only.
 */
export function featureModules(config: AppConfig): (Type<unknown> | DynamicModule)[] {
  return [
    QueuesModule.forRoot(config),
    AuthModule,
    PartnershipCommandsModule,
    PartnershipsReadModule.forRoot(config),
    WebModule.forRoot(config),
    ReportingModule.forRoot(config),
    MetricsModule,
    IntegrityModule,
  ];
}
