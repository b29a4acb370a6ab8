import { Controller, Get, Inject, ServiceUnavailableException, SetMetadata } from '@nestjs/common';
import { asSystem } from '../shared/db-scope.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { PG_POOL } from '../event-store/event-store.module.js';
import { PostgresEventStore } from '../event-store/postgres-event-store.js';
import { withTimeout as withTimeoutOf } from '../shared/timeout.js';
import { Roles } from '../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponse } from '../shared/openapi.js';
import { REDIS } from '../shared/redis.js';
import { IS_PUBLIC, Public } from '../shared/public.decorator.js';
import { LivenessSchema, NotReadyProblemSchema, ReadinessSchema } from './health.schemas.js';
import { ReadinessContributors } from '../shared/readiness.js';

import { probeDatabase, type IndicatorState } from './database-readiness.js';

const withTimeout = <T>(p: Promise<T>, ms: number) => withTimeoutOf(p, ms, 'the check', (m) => new Error(m));

/** Each dependency gets this long to answer; a returning one is seen on the next probe, not after a backoff. */
const PROBE_MS = 1000;
/** Appends waiting on a database lock this long make readiness degraded (200, status degraded). */
const LOCK_WAIT_DEGRADED_MS = 1000;
const CONTRIBUTOR_MS = 2000;

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

/** Only up/down per dependency: what a load balancer needs, and nothing about what runs inside. */
function publicView(result: HealthCheckResult): HealthCheckResult {
  const strip = (section?: Partial<HealthIndicatorResult>) =>
    section && (Object.fromEntries(Object.entries(section).map(([name, v]) => [name, { status: v?.status }])) as HealthIndicatorResult);
  return { status: result.status, info: strip(result.info), error: strip(result.error), details: strip(result.details)! };
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ReadinessContributors) private readonly contributors: ReadinessContributors,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  /** Liveness: the process answers. Dependencies are the readiness check's business. */
  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessSchema })
  live(): LivenessSchema {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /**
   * Readiness for load balancers and orchestrators, without a key: 200 or 503 and which dependency
   * is up or down. Every detail contributors report (errors, lag, blocking transactions) is dropped
   * here, centrally, so no module can leak one through this public route.
   */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false }) // its generic schema would replace ours (when @nestjs/swagger loads in time)
  @ApiOperation({ summary: 'Readiness: 200 when every dependency is up, 503 otherwise; up/down only' })
  @ApiOkResponse({ type: ReadinessSchema })
  @ProblemResponse(503, 'a dependency is down (not_ready)', NotReadyProblemSchema)
  async ready() {
    const { ok, result } = await this.check();
    if (!ok) throw new ServiceUnavailableException(publicView(result));
    return publicView(result);
  }

  /** The same check with its details (error messages, projection lag, the transaction holding the read horizon), for admins. */
  @Get('ready/details')
  @SetMetadata(IS_PUBLIC, false)
  @Roles('admin')
  @ApiBearerAuth()
  @HealthCheck({ swaggerDocumentation: false }) // its generic schema would replace ours (when @nestjs/swagger loads in time)
  @ApiOperation({ summary: 'Readiness with details for administrators (admin key); same status codes' })
  @ApiOkResponse({ type: ReadinessSchema })
  @ProblemResponse(503, 'a dependency is down (not_ready), with the details', NotReadyProblemSchema)
  @GuardedRoutes() // below: applied first, so the 503 above wins
  async readyDetails() {
    const { ok, result } = await this.check();
    if (!ok) throw new ServiceUnavailableException(result);
    return result;
  }

  private async check(): Promise<{ ok: boolean; result: HealthCheckResult }> {
    try {
      // The instance's health, not an organisation's: lag, the oldest transaction's holder (pg_stat_activity).
      return { ok: true, result: await asSystem(() => this.health.check(this.checks())) };
    } catch (err) {
      if (err instanceof ServiceUnavailableException) return { ok: false, result: err.getResponse() as HealthCheckResult };
      throw err;
    }
  }

  private checks() {
    return [
      async () => {
        const { postgres, postgresPool } = await probeDatabase(this.pool, PROBE_MS);
        const indicator = (name: string, { status, ...details }: IndicatorState) =>
          status === 'up' ? this.indicators.check(name).up(details) : this.indicators.check(name).down(details);
        // Serving, but writes wait on a lock another session holds: neither up nor down.
        const lockWaitMs = this.store.appendsWaitingOnLockMs();
        const appends =
          lockWaitMs !== null && lockWaitMs >= LOCK_WAIT_DEGRADED_MS
            ? this.indicators.check('postgresAppends').degraded({ message: 'appends are waiting on a database lock', lockWaitMs })
            : this.indicators.check('postgresAppends').up();
        return { ...indicator('postgres', postgres), ...indicator('postgresPool', postgresPool), ...appends };
      },
      async () => {
        const s = this.indicators.check('redis');
        try {
          if (this.redis.status === 'wait') this.redis.connect().catch(() => undefined);
          // Just after start (or a reconnect) the client is still connecting: give it a moment
          // rather than report a dependency down that is merely being dialled.
          if (this.redis.status !== 'ready') await readyWithin(this.redis, PROBE_MS);
          await withTimeout(this.redis.ping(), PROBE_MS);
          return s.up();
        } catch (err) {
          return s.down({ message: `Redis is not reachable: ${(err as Error).message}` });
        }
      },
      // A contributor that waits on a busy pool must not hold the answer back; it is reported as unknown.
      ...this.contributors.all().map(
        (fn, i) => () =>
          withTimeout(Promise.resolve(typeof fn === 'function' ? fn() : fn), CONTRIBUTOR_MS).catch((err) => ({
            [`contributor${i + 1}`]: { status: 'up' as const, unknown: (err as Error).message },
          })),
      ),
    ];
  }
}
