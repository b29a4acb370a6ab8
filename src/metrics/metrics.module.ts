import { Controller, Get, Global, Inject, Injectable, Module, Res, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import client from 'prom-client';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ProjectionEngine, horizonHolder } from '../event-store/projections.js';
import { actingOrganisationSlug } from '../organisations/acting.js';
import { PROJECTIONS } from '../partnerships/read-models/projections.registry.js';
import { PartnershipsReadModule } from '../partnerships/read-models/read-models.module.js';
import { outboxBacklog } from '../reporting/report-outbox.js';
import { Public } from '../shared/public.decorator.js';
import { OrganisationCounters } from './organisation-counters.js';

/** One registry per app instance (tests run several apps in one process). */
@Injectable()
export class Metrics {
  readonly registry = new client.Registry();
  readonly http: client.Histogram<'method' | 'route' | 'status' | 'organisation'>;

  constructor(
    @Inject(PG_POOL) pool: pg.Pool,
    @Inject(ProjectionEngine) engine: ProjectionEngine,
    @Inject(OrganisationCounters) counters: OrganisationCounters,
  ) {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'pl_' });
    this.registry.registerMetric(counters.commands);
    this.registry.registerMetric(counters.events);
    // organisation: the slug the request acted for ("none" before or without authentication)
    this.http = new client.Histogram({
      name: 'pl_http_request_duration_seconds',
      help: 'HTTP requests by route, status and acting organisation',
      labelNames: ['method', 'route', 'status', 'organisation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    new client.Gauge({
      name: 'pl_events_last_position',
      help: 'Highest global position in the event store',
      registers: [this.registry],
      async collect() {
        const { rows } = await pool.query('SELECT coalesce(max(global_position), 0)::float AS p FROM events');
        this.set(rows[0].p);
      },
    });
    for (const [name, help, pick] of [
      ['pl_projection_behind_events', 'Events not yet applied', (s: { behind: number }) => s.behind],
      ['pl_projection_lag_seconds', 'Age of the oldest event not yet applied', (s: { lagSeconds: number }) => s.lagSeconds],
    ] as const) {
      new client.Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [this.registry],
        async collect() {
          for (const def of Object.values(PROJECTIONS)) this.set({ projection: def.name }, pick(await engine.status(def.name)));
        },
      });
    }
    // The report pipeline (docs/operations.md#alerts): intents waiting for Redis, and reports by state.
    new client.Gauge({
      name: 'pl_report_outbox_pending',
      help: 'Report jobs written to the outbox and not yet handed to the queue',
      registers: [this.registry],
      async collect() {
        this.set((await outboxBacklog(pool)).pending);
      },
    });
    new client.Gauge({
      name: 'pl_report_outbox_oldest_seconds',
      help: 'Age of the oldest report job still in the outbox (0 when empty)',
      registers: [this.registry],
      async collect() {
        this.set((await outboxBacklog(pool)).oldestSeconds ?? 0);
      },
    });
    new client.Gauge({
      name: 'pl_reports',
      help: 'Reports queued, running or failed',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const { rows } = await pool.query<{ status: string; n: number }>(
          `SELECT s.status, count(r.id)::int AS n FROM unnest(ARRAY['queued', 'running', 'failed']) AS s(status)
             LEFT JOIN reports r ON r.status = s.status GROUP BY s.status`,
        );
        for (const r of rows) this.set({ status: r.status }, r.n);
      },
    });
    new client.Gauge({
      name: 'pl_oldest_transaction_age_seconds',
      help: 'Age of the oldest open transaction with an id (it holds the read horizon back)',
      registers: [this.registry],
      async collect() {
        this.set((await horizonHolder(pool))?.ageSeconds ?? 0);
      },
    });
  }
}

@ApiExcludeController()
@Public()
@Controller('metrics')
class MetricsController {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() res: Response) {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}

// Global: the command handler counts into OrganisationCounters wherever metrics are served.
@Global()
@Module({
  imports: [PartnershipsReadModule],
  controllers: [MetricsController],
  providers: [Metrics, OrganisationCounters],
  exports: [OrganisationCounters],
})
export class MetricsModule implements NestModule {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  configure(consumer: MiddlewareConsumer) {
    consumer
      .apply((req: Request, res: Response, next: NextFunction) => {
        const end = this.metrics.http.startTimer({ method: req.method });
        // The matched route pattern, not the URL: ids must not become label values.
        res.on('finish', () =>
          end({
            route: (req.route?.path as string | undefined) ?? 'unmatched',
            status: String(res.statusCode),
            organisation: actingOrganisationSlug(req) ?? 'none',
          }),
        );
        next();
      })
      .forRoutes('*path');
  }
}
