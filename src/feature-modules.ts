import type { DynamicModule, Type } from '@nestjs/common';
import type { AppConfig } from './config/config.js';

/**
 * The feature modules of the service, in one list so each feature adds one line here and
 * app.module.ts stays wiring only.
 */
export function featureModules(_config: AppConfig): (Type<unknown> | DynamicModule)[] {
  return [];
}
