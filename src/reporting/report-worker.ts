// The BullMQ worker for the reports queue. Built here rather than with @Processor because its lock,
// stall and concurrency settings come from the validated config at runtime (tests shorten them),
// and decorator metadata is fixed at import time. The queue itself is @nestjs/bullmq's.
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ReportProducer } from './report-producer.js';
import { claimReport, completeReport, derivedReportId, failReport, getReport, insertReport, setProgress } from './report-store.js';
import { REPORTS_QUEUE, SCHEDULED_DIGEST_JOB, type ReportJobData } from './queue.js';

/** The report row is not (yet) in Postgres: the dispatcher's transaction may not have committed. */
class ReportRowMissingError extends Error {}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

@Injectable()
export class ReportWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('ReportWorker');
  private worker: Worker | null = null;

  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue,
    @Inject(ReportProducer) private readonly producer: ReportProducer,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get running(): boolean {
    return !!this.worker?.isRunning();
  }

  start(): void {
    if (this.worker) return;
    this.worker = new Worker(REPORTS_QUEUE, (job: Job<ReportJobData>) => this.process(job), {
      connection: this.queue.opts.connection,
      prefix: this.queue.opts.prefix,
      concurrency: this.config.REPORT_CONCURRENCY,
      lockDuration: this.config.REPORT_LOCK_MS,
      stalledInterval: this.config.REPORT_STALLED_INTERVAL_MS,
      maxStalledCount: 2,
    });
    // Without a listener an unreachable Redis would be an unhandled 'error' event; readiness reports it.
    this.worker.on('error', (err) => this.logger.debug(`worker: ${message(err)}`));
    this.worker.on('failed', (job, err) =>
      this.logger.warn(`report job ${job?.id} failed (attempt ${job?.attemptsMade}): ${message(err)}`),
    );
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    // Let running jobs finish, but a Redis connection cut mid-command can leave close() waiting
    // forever; then force it (an unfinished job is retried by another worker after its lock ends).
    const graceful = await Promise.race([
      w.close().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), Math.min(5000, this.config.SHUTDOWN_TIMEOUT_MS / 2)).unref()),
    ]);
    // close(true) would only rejoin the pending close; cutting the connections ends its waits.
    if (!graceful) await Promise.race([w.disconnect(), new Promise((r) => setTimeout(r, 1000).unref())]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async process(job: Job<ReportJobData>): Promise<Record<string, unknown>> {
    let reportId = job.data.reportId;
    if (job.name === SCHEDULED_DIGEST_JOB) {
      // Each firing of the schedule has its own job id, so its report id is derived from it: a
      // retried or re-delivered firing finds the same row.
      reportId = derivedReportId(`schedule/${job.id}`);
      await insertReport(this.pool, {
        id: reportId,
        type: 'office_digest',
        parameters: {},
        requestedBy: 'schedule',
        dedupeKey: `schedule/${job.id}`,
      });
    }
    if (!reportId) throw new UnrecoverableError('job carries no report id');

    const report = await claimReport(this.pool, reportId);
    if (!report) {
      const existing = await getReport(this.pool, reportId);
      if (existing?.status === 'completed') return { reportId, skipped: 'already completed' };
      throw new ReportRowMissingError(`report ${reportId} is not in the database yet`);
    }
    try {
      await job.updateProgress(5).catch(() => undefined);
      const out = await this.producer.produce(report, async (pct) => {
        await setProgress(this.pool, reportId, pct);
        await job.updateProgress(pct).catch(() => undefined);
      });
      const stored = await completeReport(this.pool, reportId, out.files, out.summary);
      return { reportId, stored, files: out.files.map((f) => f.fileName) };
    } catch (err) {
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await failReport(this.pool, reportId, message(err), final).catch(() => undefined);
      throw err;
    }
  }
}
