// autocannon at a fixed number of connections, summarised like the closed-loop driver's results.
import autocannon from 'autocannon';
import { summarize, type RunResult } from './driver.js';

export type HttpResult = RunResult & { non2xx: number; timeouts: number; statusCodes: Record<string, number>; bytesPerSecond: number };

export async function cannon(
  base: string,
  opts: { connections: number; warmupMs: number; durationMs: number; headers: Record<string, string>; requests: autocannon.Request[] },
): Promise<HttpResult> {
  const run = (ms: number) =>
    autocannon({ url: base, connections: opts.connections, duration: ms / 1000, headers: opts.headers, requests: opts.requests });
  if (opts.warmupMs > 0) await run(opts.warmupMs);
  const r = await run(opts.durationMs);
  const codes: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) codes[k] = v.count ?? 0;
  const errors = r.errors + r.timeouts + r.non2xx;
  return {
    ...summarize([], errors, r.duration),
    ops: r.requests.total,
    opsPerSecond: r['2xx'] / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
    statusCodes: codes,
    bytesPerSecond: r.throughput.average,
  };
}
