import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { Clock, SystemClock } from './shared/clock.js';
import { REDIS, createRedis } from './shared/redis.js';
import { useMasterKey } from './privacy/master-key.js';

class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  onApplicationShutdown() {
    this.redis.disconnect();
  }
}

/** Configuration, the clock and the shared Redis client: what every module may inject. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    // The read and write paths find the master key here (docs/privacy.md).
    useMasterKey(config.masterKey, config);
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        {
          provide: REDIS,
          useFactory: () => {
            const r = createRedis(config.REDIS_URL);
            r.on('error', () => undefined); // readiness reports it; the log would repeat it every retry
            r.connect().catch(() => undefined);
            return r;
          },
        },
        RedisLifecycle,
      ],
      exports: [APP_CONFIG, Clock, REDIS],
    };
  }
}
