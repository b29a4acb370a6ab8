import type { BackoffStrategy, JobsOptions, Queue } from 'bullmq';
import type { AppConfig } from '../config/config.js';
import { attemptsFor, retryDelay } from './retry.js';

export const REPORTS_QUEUE = 'reports';
/** The job the digest schedule creates each time it fires; the worker makes a report row for it. */
export const SCHEDULED_DIGEST_JOB = 'office_digest_scheduled';
export const DIGEST_SCHEDULER_ID = 'office-digest';
/** Our own backoff type: the worker's strategy uses the delay it wrote into the report row. */
const REPORT_BACKOFF = 'report-retry';

export interface ReportJobData {
  reportId?: string;
}

// BullMQ job ids must not contain ':' (it is Redis' key separator for the queue).
export const jobIdForReport = (reportId: string) => `report-${reportId}`;
export const jobIdForEvent = (eventId: string, what: string) => `evt-${eventId}-${what}`;

export function jobOptions(config: AppConfig): JobsOptions {
  return {
    // Enough attempts for the backoff to span REPORT_RETRY_FOR_MS; a permanent error ends it at once.
    attempts: attemptsFor(config),
    backoff: { type: REPORT_BACKOFF },
    // The report row in Postgres is the record; Redis keeps a bounded tail for the dashboard.
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
  };
}

/** An attempt that failed and is to be retried after `delayMs` (already written to the report row). */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';
  constructor(
    message: string,
    readonly delayMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The worker's backoff: the delay the worker chose and recorded, else the same schedule. */
export function reportBackoff(config: AppConfig): BackoffStrategy {
  return (attemptsMade, _type, err) => (err instanceof RetryLaterError ? err.delayMs : retryDelay(attemptsMade, config));
}

import { EnqueueTimeoutError, withTimeout } from '../shared/timeout.js';

export interface ReportJob {
  name: string;
  data: ReportJobData;
  jobId: string;
  /** ms to wait before the job may run (a retry's remaining backoff) */
  delay?: number;
  /** trace context the job continues (BullMQ telemetry metadata), when tracing is on */
  traceContext?: string | null;
}

/**
 * The queue's Redis client, refused at once while disconnected: a command left in the offline queue
 * would run whenever Redis returns, long after the caller gave up.
 */
export async function readyRedis(queue: Queue, config: Pick<AppConfig, 'ENQUEUE_TIMEOUT_MS'>) {
  const client = await withTimeout(queue.getBackend().client, config.ENQUEUE_TIMEOUT_MS, 'the connection');
  if (client.status !== 'ready') throw new EnqueueTimeoutError(`Redis is not connected (${client.status})`);
  return client;
}

const LIVE_STATES = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

/** Whether BullMQ still has the job in a state that will run it (or is running it under a live lock). */
export async function jobIsLive(queue: Queue, jobId: string, config: Pick<AppConfig, 'ENQUEUE_TIMEOUT_MS'>): Promise<boolean> {
  const state = await queue.getJobState(jobId);
  if (LIVE_STATES.has(state)) return true;
  if (state !== 'active') return false; // completed, failed or unknown (gone)
  const client = await readyRedis(queue, config);
  return (await client.get(`${queue.toKey(jobId)}:lock`)) !== null;
}

export async function addReportJobs(queue: Queue, jobs: ReportJob[], config: AppConfig): Promise<void> {
  if (jobs.length === 0) return;
  // The outbox row stays when Redis is away, and the relay tries again.
  await readyRedis(queue, config);
  const opts = jobOptions(config);
  const pending = queue.addBulk(
    jobs.map((j) => ({
      name: j.name,
      data: j.data,
      opts: {
        ...opts,
        jobId: j.jobId,
        ...(j.delay ? { delay: j.delay } : {}),
        ...(j.traceContext ? { telemetry: { metadata: j.traceContext } } : {}),
      },
    })),
  );
  pending.catch(() => undefined); // after a timeout nobody awaits it any more
  await withTimeout(pending, config.ENQUEUE_TIMEOUT_MS, 'the enqueue');
}
