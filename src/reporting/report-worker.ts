// The BullMQ worker for the reports queue. Built here rather than with @Processor because its lock,
// stall and concurrency settings come from the validated config at runtime (tests shorten them),
// and decorator metadata is fixed at import time. The queue itself is @nestjs/bullmq's.
//
// A failed attempt is classified (errors.ts): a temporary fault is retried with growing delays and
// never fails the report; a deterministic error fails it at once, saying why it is not retried; an
// unknown error gets REPORT_ATTEMPTS attempts. The row records each step, so it tells the truth
// even when Redis later loses the job (the reconciler re-enqueues it from the row).
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { classifyError, errorMessage } from './errors.js';
import { ReportProducer } from './report-producer.js';
import { createDigestReports } from './digest-schedule.js';
import { ReportRelay } from './report-relay.js';
import { claimReport, completeReport, deferReport, failReport, setProgress, type Report } from './report-store.js';
import { reportBackoff, REPORTS_QUEUE, RetryLaterError, SCHEDULED_DIGEST_JOB, type ReportJobData } from './queue.js';
import { retryDelay } from './retry.js';

/** The firing time of a schedule job: its id is `repeat:<scheduler>:<millis>`. */
function firingTime(job: Pick<Job, 'id' | 'opts' | 'timestamp' | 'delay'>): number {
  const fromId = /:(\d+)$/.exec(job.id ?? '');
  if (fromId) return Number(fromId[1]);
  const prev = (job.opts as { prevMillis?: number }).prevMillis;
  return typeof prev === 'number' ? prev : job.timestamp + (job.delay ?? 0);
}

@Injectable()
export class ReportWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('ReportWorker');
  private worker: Worker | null = null;

  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue,
    @Inject(ReportProducer) private readonly producer: ReportProducer,
    @Inject(ReportRelay) private readonly relay: ReportRelay,
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
      telemetry: this.queue.opts.telemetry,
      concurrency: this.config.REPORT_CONCURRENCY,
      lockDuration: this.config.REPORT_LOCK_MS,
      stalledInterval: this.config.REPORT_STALLED_INTERVAL_MS,
      maxStalledCount: 2,
      settings: { backoffStrategy: reportBackoff(this.config) },
    });
    // Without a listener an unreachable Redis would be an unhandled 'error' event; readiness reports it.
    this.worker.on('error', (err) => this.logger.debug(`worker: ${errorMessage(err)}`));
    this.worker.on('failed', (job, err) => {
      if (err instanceof RetryLaterError) this.logger.debug(`report job ${job?.id} will be retried: ${err.message}`);
      else this.logger.warn(`report job ${job?.id} failed (attempt ${job?.attemptsMade}): ${errorMessage(err)}`);
    });
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
    if (job.name === SCHEDULED_DIGEST_JOB) return this.fireDigest(job);
    const reportId = job.data.reportId;
    if (!reportId) throw new UnrecoverableError('job carries no report id');

    let report: Report;
    try {
      const claim = await claimReport(this.pool, reportId, job.id);
      if (!claim) throw new UnrecoverableError(`report ${reportId} does not exist`);
      if ('skipped' in claim) return { reportId, skipped: claim.skipped };
      report = claim.report;
    } catch (err) {
      if (err instanceof UnrecoverableError) throw err;
      // Nothing claimed and (with the database away) nothing recordable: retry the job later.
      throw this.retryLater(job, err);
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
      throw await this.recordFailure(job, report, err);
    }
  }

  /** A firing of the digest schedule: only each organisation's report row and its intent, one statement each. */
  private async fireDigest(job: Job): Promise<Record<string, unknown>> {
    try {
      const made = await createDigestReports(this.pool, firingTime(job));
      if (made.some((m) => m.created)) this.relay.wake();
      return { reportIds: made.map((m) => m.reportId), created: made.filter((m) => m.created).length };
    } catch (err) {
      if (classifyError(err).kind === 'permanent') throw new UnrecoverableError(errorMessage(err));
      throw this.retryLater(job, err);
    }
  }

  private retryLater(job: Job, err: unknown, delay = retryDelay(job.attemptsMade + 1, this.config)): RetryLaterError {
    return new RetryLaterError(errorMessage(err), delay, { cause: err });
  }

  /**
   * Writes what happened to the row and returns what to throw: UnrecoverableError when the report
   * is given up, else RetryLaterError with the delay written to the row. When the job has used its
   * attempts on temporary failures, the row stays queued and the reconciler re-enqueues it at the
   * recorded time, so a long outage never turns into `failed`.
   */
  private async recordFailure(job: Job, report: Report, err: unknown): Promise<Error> {
    const { kind, reason } = classifyError(err);
    const msg = errorMessage(err);
    const giveUp = async (text: string) => {
      await failReport(this.pool, report.id, text).catch(() => undefined);
      return new UnrecoverableError(text);
    };
    if (kind === 'permanent') return giveUp(`${msg} — this report will not be retried: ${reason}.`);
    const unexpected = report.unexpectedFailures + (kind === 'unexpected' ? 1 : 0);
    if (kind === 'unexpected' && unexpected >= this.config.REPORT_ATTEMPTS)
      return giveUp(
        `${msg} — this report will not be retried: the same unexpected error ended ${unexpected} attempt${unexpected === 1 ? '' : 's'}.`,
      );

    const lastOfJob = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    // Counted on the row, so the delay keeps growing when the reconciler replaces the job.
    const delay = retryDelay(Math.max(report.retries, job.attemptsMade) + 1, this.config);
    const nextAttemptAt = new Date(Date.now() + delay);
    const what =
      kind === 'transient' ? `a temporary failure (${reason})` : `an unexpected error (${unexpected} of ${this.config.REPORT_ATTEMPTS})`;
    await deferReport(this.pool, report.id, {
      error: `${msg} — ${what}; the report will be retried, next attempt at ${nextAttemptAt.toISOString()}.`,
      kind,
      nextAttemptAt,
    }).catch(() => undefined); // the database may be what failed; the job's retry does not depend on it
    if (lastOfJob)
      this.logger.warn(
        `report ${report.id}: job ${job.id} used its ${job.attemptsMade + 1} attempts on temporary failures; ` +
          `the reconciler enqueues it again at ${nextAttemptAt.toISOString()}`,
      );
    return new RetryLaterError(msg, delay, { cause: err });
  }
}
