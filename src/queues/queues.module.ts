import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { bullTelemetry } from '../telemetry/bullmq.js';

/**
 * BullMQ's connection, once for every queue. Keys live under REDIS_PREFIX so several deployments
 * (and test runs) can share one Redis. Queues register themselves with BullModule.registerQueue.
 */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(config: AppConfig): DynamicModule {
    const url = new URL(config.REDIS_URL);
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRoot({
          prefix: config.REDIS_PREFIX,
          ...bullTelemetry(),
          connection: {
            host: url.hostname,
            port: Number(url.port || 6379),
            ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
            ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
            ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
            ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
            // Workers must keep retrying through a Redis outage rather than crash the API process.
            maxRetriesPerRequest: null,
            enableOfflineQueue: true,
            // BullMQ's default waits up to 20 s between reconnects, so jobs (and readiness) would lag
            // a returning Redis by that much; a dial every half second at most costs nothing.
            retryStrategy: (times: number) => Math.min(100 * times, 500),
          },
        }),
      ],
      exports: [BullModule],
    };
  }
}
