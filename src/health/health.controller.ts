import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { withTimeout as withTimeoutOf } from '../queues/timeout.js';
import { REDIS } from '../shared/redis.js';
import { Public } from '../shared/public.decorator.js';
import { ReadinessContributors } from './readiness.js';

const withTimeout = <T>(p: Promise<T>, ms: number) => withTimeoutOf(p, ms, 'the check', (m) => new Error(m));

function readyWithin(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ReadinessContributors) private readonly contributors: ReadinessContributors,
  ) {}

  /** Liveness: the process answers. Dependencies are the readiness check's business. */
  @Get()
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const s = this.indicators.check('postgres');
        try {
          await withTimeout(this.dataSource.query('SELECT 1'), 2000);
          return s.up();
        } catch (err) {
          return s.down({ message: `PostgreSQL is not reachable: ${(err as Error).message}` });
        }
      },
      async () => {
        const s = this.indicators.check('redis');
        try {
          if (this.redis.status === 'wait') this.redis.connect().catch(() => undefined);
          // Just after start (or a reconnect) the client is still connecting: give it a moment
          // rather than report a dependency down that is merely being dialled.
          if (this.redis.status !== 'ready') await readyWithin(this.redis, 1500);
          await withTimeout(this.redis.ping(), 2000);
          return s.up();
        } catch (err) {
          return s.down({ message: `Redis is not reachable: ${(err as Error).message}` });
        }
      },
      ...this.contributors.all(),
    ]);
  }
}
