// Closed-loop load driver: `concurrency` workers each run `op` back to back for a fixed time.
// A warm-up phase runs first and is not counted; latencies of the measured phase are kept whole
// (a few hundred thousand doubles at most), so the percentiles are exact rather than bucketed.

export interface RunResult {
  ops: number;
  errors: number;
  seconds: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** first few error messages, for the report */
  errorSamples: string[];
}

export interface RunOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(latencies: number[], errors: number, seconds: number, errorSamples: string[] = []): RunResult {
  const sorted = Float64Array.from(latencies).sort();
  return {
    ops: latencies.length,
    errors,
    seconds,
    opsPerSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    errorSamples,
  };
}

/**
 * Runs `op(worker, iteration)` in `concurrency` loops. An op that throws counts as an error and
 * its latency is not recorded. Only ops that *start* inside the measured window are counted, and
 * the window's length is the time until the last of them finished.
 */
export async function runClosedLoop(options: RunOptions, op: (worker: number, iteration: number) => Promise<unknown>): Promise<RunResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const t0 = performance.now();
  const measureFrom = t0 + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  let measuredEnd = measureFrom;

  const worker = async (w: number) => {
    let i = 0;
    for (;;) {
      const start = performance.now();
      if (start >= stopAt) return;
      const counted = start >= measureFrom;
      try {
        await op(w, i++);
        const end = performance.now();
        if (counted) {
          latencies.push(end - start);
          if (end > measuredEnd) measuredEnd = end;
        }
      } catch (err) {
        if (counted) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(err instanceof Error ? err.message : String(err));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  return summarize(latencies, errors, (measuredEnd - measureFrom) / 1000, errorSamples);
}
