// Figure 2: POST /api/v1/partnerships/{id}/aid-deliveries over 1,000 partnerships at 32 connections,
// with auth, validation and the rate-limit guard on, against the app started as a child process on
// a free port (its own event loop, as in production). autocannon drives it from this process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { summarize, type RunResult } from '../lib/driver.js';

export interface HttpParams {
  connections: number;
  partnerships: number;
  warmupMs: number;
  durationMs: number;
}

export interface HttpFigure {
  connections: number;
  partnerships: number;
  result: RunResult & { non2xx: number; timeouts: number; statusCodes: Record<string, number> };
}

const AID = {
  occurredOn: '2024-05',
  receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
  value: { amount: '125000.00', currency: 'EUR' },
  modality: 'in_kind',
  items: ['generators', 'medical supplies'],
  sector: 'energy',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not become healthy within ${ms} ms`);
}

export async function benchHttp(root: string, url: string, p: HttpParams, log: (s: string) => void): Promise<HttpFigure> {
  // Imported at run time so the bench still builds while the auth code changes shape.
  const keys = await import(pathToFileURL(path.join(root, 'dist/src/auth/api-keys.js')).href);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const { key } = await keys.createApiKey(pool, { name: 'bench', role: 'office' });
  await pool.end();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let stderr = '';
  // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: String(port),
      DB_POOL_SIZE: String(p.connections),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      REDIS_PREFIX: `bench-${process.pid}`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  try {
    await waitHealthy(base, child, 30_000).catch((err) => {
      throw new Error(`${err.message}\n${stderr}`);
    });
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    log(`http: creating ${p.partnerships} partnerships`);
    for (let i = 0; i < p.partnerships; i += 16) {
      await Promise.all(
        Array.from({ length: Math.min(16, p.partnerships - i) }, async (_, j) => {
          const body = { partnershipId: `bench-p-${i + j}`, occurredOn: '2022', ownMunicipality: { de: 'Dortmund', en: 'Dortmund' }, tier: 'initiative' };
          const r = await fetch(`${base}/api/v1/partnerships`, { method: 'POST', headers, body: JSON.stringify(body) });
          if (r.status !== 201) throw new Error(`creating a partnership answered ${r.status}: ${await r.text()}`);
        }),
      );
    }
    let next = 0;
    const run = (ms: number) =>
      autocannon({
        url: base,
        connections: p.connections,
        duration: ms / 1000,
        headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (req: any) => ({ ...req, path: `/api/v1/partnerships/bench-p-${next++ % p.partnerships}/aid-deliveries`, body: JSON.stringify(AID) }),
          },
        ],
      });
    log(`http: warm-up ${p.warmupMs / 1000}s`);
    await run(p.warmupMs);
    log(`http: measuring ${p.durationMs / 1000}s at ${p.connections} connections`);
    const r = await run(p.durationMs);
    const codes: Record<string, number> = {};
    for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) codes[k] = (v as { count?: number }).count ?? 0;
    const errors = r.errors + r.timeouts + r.non2xx;
    const base2 = summarize([], errors, r.duration);
    const result = {
      ...base2,
      ops: r.requests.total,
      opsPerSecond: r['2xx'] / r.duration,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      maxMs: r.latency.max,
      non2xx: r.non2xx,
      timeouts: r.timeouts,
      statusCodes: codes,
    };
    log(`  http: ${result.opsPerSecond.toFixed(0)} req/s (2xx) p50 ${result.p50Ms} p99 ${result.p99Ms} errors ${errors}`);
    return { connections: p.connections, partnerships: p.partnerships, result };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}
