import type { JobsOptions, Queue } from 'bullmq';
import type { AppConfig } from '../config/config.js';

export const REPORTS_QUEUE = 'reports';
/** The job the digest schedule creates each time it fires; the worker makes a report row for it. */
export const SCHEDULED_DIGEST_JOB = 'office_digest_scheduled';
export const DIGEST_SCHEDULER_ID = 'office-digest';

export interface ReportJobData {
  reportId?: string;
}

// BullMQ job ids must not contain ':' (it is Redis' key separator for the queue).
export const jobIdForReport = (reportId: string) => `report-${reportId}`;
export const jobIdForEvent = (eventId: string, what: string) => `evt-${eventId}-${what}`;

export function jobOptions(config: AppConfig): JobsOptions {
  return {
    attempts: config.REPORT_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.REPORT_BACKOFF_MS },
    // The report row in Postgres is the record; Redis keeps a bounded tail for the dashboard.
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
  };
}

export { EnqueueTimeoutError, withTimeout } from '../queues/timeout.js';
import { EnqueueTimeoutError, withTimeout } from '../queues/timeout.js';

export async function addReportJobs(
  queue: Queue,
  jobs: { name: string; data: ReportJobData; jobId: string }[],
  config: AppConfig,
): Promise<void> {
  if (jobs.length === 0) return;
  // Refuse at once while disconnected: a command left in the offline queue would still run after
  // Redis returns, e.g. a job for a report whose request was answered 503 and not kept.
  const client = await withTimeout(queue.getBackend().client, config.ENQUEUE_TIMEOUT_MS, 'the connection');
  if (client.status !== 'ready') throw new EnqueueTimeoutError(`Redis is not connected (${client.status})`);
  const opts = jobOptions(config);
  const pending = queue.addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: { ...opts, jobId: j.jobId } })));
  pending.catch(() => undefined); // after a timeout nobody awaits it any more
  await withTimeout(pending, config.ENQUEUE_TIMEOUT_MS, 'the enqueue');
}
