import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '../../../auth/auth.module.js';
import type { AppConfig } from '../../../config/config.js';
import { OParlController, PublicOParlAccess, PublicOParlController } from './oparl.controller.js';
import { OParlQueries } from './oparl.queries.js';

/** The OParl routes; OPARL_PUBLIC decides which controller serves them (the routes are the same). */
@Module({})
export class OParlModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: OParlModule,
      imports: [AuthModule],
      controllers: [config.OPARL_PUBLIC ? PublicOParlController : OParlController],
      providers: [OParlQueries, PublicOParlAccess],
      exports: [OParlQueries],
    };
  }
}
