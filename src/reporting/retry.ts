// The retry schedule of a report: exponential from REPORT_BACKOFF_MS, capped at REPORT_BACKOFF_MAX_MS,
// with jitter so that reports failed by one outage do not all come back at the same instant.
import type { AppConfig } from '../config/config.js';

type RetryConfig = Pick<AppConfig, 'REPORT_BACKOFF_MS' | 'REPORT_BACKOFF_MAX_MS' | 'REPORT_RETRY_FOR_MS'>;

/** Jitter takes up to this share off a delay (never adds), so the cap holds. */
export const JITTER = 0.2;

/** The nominal delay before retry number `retry` (1 = the first retry). */
export function nominalDelay(retry: number, c: RetryConfig): number {
  const exp = c.REPORT_BACKOFF_MS * 2 ** Math.min(Math.max(retry - 1, 0), 40);
  return Math.min(c.REPORT_BACKOFF_MAX_MS, exp);
}

export function retryDelay(retry: number, c: RetryConfig, random: () => number = Math.random): number {
  const nominal = nominalDelay(retry, c);
  return Math.max(1, Math.round(nominal * (1 - JITTER * random())));
}

/**
 * How many attempts one job gets so that its retries span at least REPORT_RETRY_FOR_MS even with
 * every delay jittered to its shortest.
 */
export function attemptsFor(c: RetryConfig): number {
  let total = 0;
  let retries = 0;
  while (total < c.REPORT_RETRY_FOR_MS) {
    retries++;
    total += nominalDelay(retries, c) * (1 - JITTER);
  }
  return retries + 1;
}

/** The schedule's total span for `attempts` attempts at the nominal delays (for docs and tests). */
export function spanOf(attempts: number, c: RetryConfig): number {
  let total = 0;
  for (let r = 1; r < attempts; r++) total += nominalDelay(r, c);
  return total;
}
