// Figure: what tracing costs while it is off. The HTTP command path (the HTTP figure's load,
// bench/lib/aid-load.ts) against the app started with the telemetry register file imported but no
// OTLP endpoint set — how `npm start` runs it — and against the app started without it.
// Both apps run side by side and take turns in short rounds paired ABBA (without, with | with,
// without | …), so a machine whose load drifts hurts both sides alike; the figure is the median of
// the pairs' ratios, which one noisy round cannot move (a shared 2-core machine has such rounds).
// The two measured apps only answer HTTP: a third process runs the projections and workers for
// both, so neither measured process does the other's background work in its own event loop, and
// every round waits until that work has caught up, so no round pays for the backlog of the last.
import { aidDeliveries, createPartnerships, officeHeaders, projectionCaughtUp } from '../lib/aid-load.js';
import type { HttpResult } from '../lib/cannon.js';
import { createKey, startApp, type RunningApp } from '../lib/app.js';
import { cpuOfPids } from '../lib/cpu.js';

export interface TracingOffParams {
  connections: number;
  partnerships: number;
  warmupMs: number;
  /** measured time per round */
  roundMs: number;
  /** pairs of rounds (one without, one with the register) */
  pairs: number;
}

export interface TracingOffFigure {
  connections: number;
  pairs: number;
  roundMs: number;
  /** per side: the mean of its rounds (2xx/s, p50, p99), errors summed */
  without: HttpResult;
  withRegister: HttpResult;
  /** with ÷ without, 2xx per second, per pair in the order run */
  pairRatios: number[];
  /** the median of pairRatios */
  ratio: number;
  /**
   * CPU time the measured process spent per request (its own user + system time, /proc), with ÷
   * without, median over the pairs: what the register costs, less moved by other jobs' load than
   * throughput is. null where /proc is not there.
   */
  cpuPerRequestRatio: number | null;
  cpuPairRatios: number[];
}

const cpuMsOf = (pid: number) => {
  const us = cpuOfPids([pid]);
  return us === null ? null : us / 1000;
};

function mean(rs: HttpResult[]): HttpResult {
  const avg = (f: (r: HttpResult) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
  return {
    ...rs[0]!,
    ops: rs.reduce((s, r) => s + r.ops, 0),
    opsPerSecond: avg((r) => r.opsPerSecond),
    p50Ms: avg((r) => r.p50Ms),
    p99Ms: avg((r) => r.p99Ms),
    maxMs: Math.max(...rs.map((r) => r.maxMs)),
    errors: rs.reduce((s, r) => s + r.errors, 0),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

type Side = 'without' | 'with';

const ROUND_WARMUP_MS = 1000;

export async function benchTracingOff(root: string, url: string, p: TracingOffParams, log: (s: string) => void): Promise<TracingOffFigure> {
  const key = await createKey(root, url, 'office');
  const headers = officeHeaders(key);
  const prefix = 'trace-p-';
  const httpOnly = { WORKERS_ENABLED: 'false', PROJECTIONS_ENABLED: 'false' };
  const started: RunningApp[] = [];
  try {
    const background = await startApp(root, url, { poolSize: 4 });
    started.push(background);
    const apps: Record<Side, RunningApp> = {
      without: await startApp(root, url, { poolSize: p.connections, env: httpOnly }),
      with: await startApp(root, url, {
        poolSize: p.connections,
        env: httpOnly,
        nodeArgs: ['--import', `${root}/dist/src/telemetry/register.js`],
      }),
    };
    started.push(apps.without, apps.with);
    await createPartnerships(apps.without.base, headers, prefix, p.partnerships);
    // Each round starts with the projections caught up, so no round pays for the one before it,
    // and with a second of load unmeasured: an app that sat idle has closed its pool's connections
    // and reopens them then (without it the round after a switch of apps was the slower one).
    const round = async (side: Side, durationMs: number) => {
      await projectionCaughtUp(url);
      await aidDeliveries(apps[side].base, headers, { ...p, prefix, warmupMs: 0, durationMs: ROUND_WARMUP_MS });
      const cpuBefore = cpuMsOf(apps[side].pid);
      const r = await aidDeliveries(apps[side].base, headers, { ...p, prefix, warmupMs: 0, durationMs });
      const cpuAfter = cpuMsOf(apps[side].pid);
      const cpuPerRequest = cpuBefore === null || cpuAfter === null || !r.ops ? null : (cpuAfter - cpuBefore) / r.ops;
      return { ...r, cpuPerRequest };
    };
    log(`tracing off: warm-up ${p.warmupMs / 1000}s each, then ${p.pairs} pairs of ${p.roundMs / 1000}s rounds, ABBA`);
    await round('without', p.warmupMs);
    await round('with', p.warmupMs);
    const sides: Record<Side, HttpResult[]> = { without: [], with: [] };
    const pairRatios: number[] = [];
    const cpuPairRatios: number[] = [];
    for (let pair = 0; pair < p.pairs; pair++) {
      const got: Partial<Record<Side, HttpResult & { cpuPerRequest: number | null }>> = {};
      for (const side of (pair % 2 === 0 ? ['without', 'with'] : ['with', 'without']) as Side[]) {
        got[side] = await round(side, p.roundMs);
        sides[side].push(got[side]);
      }
      pairRatios.push(got.with!.opsPerSecond / got.without!.opsPerSecond);
      const [cw, cr] = [got.without!.cpuPerRequest, got.with!.cpuPerRequest];
      if (cw && cr) cpuPairRatios.push(cr / cw);
      log(
        `  pair ${pair + 1}: without ${got.without!.opsPerSecond.toFixed(0)} req/s, with the register ${got.with!.opsPerSecond.toFixed(0)} req/s: ${(pairRatios.at(-1)! * 100).toFixed(0)}%` +
          (cw && cr ? `; CPU per request ${cw.toFixed(2)} / ${cr.toFixed(2)} ms: ${((cr / cw) * 100).toFixed(0)}%` : ''),
      );
    }
    return {
      connections: p.connections,
      pairs: p.pairs,
      roundMs: p.roundMs,
      without: mean(sides.without),
      withRegister: mean(sides.with),
      pairRatios,
      ratio: median(pairRatios),
      cpuPerRequestRatio: cpuPairRatios.length === p.pairs ? median(cpuPairRatios) : null,
      cpuPairRatios,
    };
  } finally {
    for (const app of started.reverse()) await app.stop();
  }
}
