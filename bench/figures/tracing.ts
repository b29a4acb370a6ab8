// Figure: what tracing costs while it is off. The HTTP command path (POST aid-deliveries, as in the
// HTTP figure) against the app started with the telemetry register file imported but no OTLP
// endpoint set — how `npm start` runs it — and against the app started without it. Rounds
// alternate (without, with, without, with) so a machine whose load drifts hurts both sides alike.
import { cannon, type HttpResult } from '../lib/cannon.js';
import { createKey, startApp } from '../lib/app.js';

export interface TracingOffParams {
  connections: number;
  partnerships: number;
  warmupMs: number;
  durationMs: number;
  rounds: number;
}

export interface TracingOffFigure {
  connections: number;
  rounds: number;
  /** per side: the mean of its rounds (2xx/s, p50, p99), errors summed */
  without: HttpResult;
  withRegister: HttpResult;
  /** with ÷ without, 2xx per second */
  ratio: number;
}

const AID = {
  occurredOn: '2024-05',
  receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  value: { amount: '125000.00', currency: 'EUR' },
  modality: 'in_kind',
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

export async function benchTracingOff(root: string, url: string, p: TracingOffParams, log: (s: string) => void): Promise<TracingOffFigure> {
  const key = await createKey(root, url, 'office');
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const register = ['--import', `${root}/dist/src/telemetry/register.js`];
  const sides: Record<'without' | 'with', HttpResult[]> = { without: [], with: [] };
  let next = 0;
  for (let round = 0; round < p.rounds * 2; round++) {
    const side = round % 2 === 0 ? 'without' : 'with';
    const app = await startApp(root, url, { poolSize: p.connections, nodeArgs: side === 'with' ? register : [] });
    try {
      if (round === 0) {
        log(`tracing off: creating ${p.partnerships} partnerships`);
        for (let i = 0; i < p.partnerships; i++) {
          const body = { partnershipId: `trace-p-${i}`, occurredOn: '2022', ownMunicipality: { de: 'Dortmund' }, tier: 'initiative' };
          const r = await fetch(`${app.base}/api/v1/partnerships`, { method: 'POST', headers, body: JSON.stringify(body) });
          if (r.status !== 201) throw new Error(`creating a partnership answered ${r.status}: ${await r.text()}`);
        }
      }
      const r = await cannon(app.base, {
        connections: p.connections,
        warmupMs: p.warmupMs,
        durationMs: p.durationMs,
        headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              path: `/api/v1/partnerships/trace-p-${next++ % p.partnerships}/aid-deliveries`,
              body: JSON.stringify(AID),
            }),
          },
        ],
      });
      log(`  ${side} register: ${r.opsPerSecond.toFixed(0)} req/s p50 ${r.p50Ms} p99 ${r.p99Ms} errors ${r.errors}`);
      sides[side].push(r);
    } finally {
      await app.stop();
    }
  }
  const without = mean(sides.without);
  const withRegister = mean(sides.with);
  return { connections: p.connections, rounds: p.rounds, without, withRegister, ratio: withRegister.opsPerSecond / without.opsPerSecond };
}
