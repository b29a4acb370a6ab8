// Starts the app (dist/src/main.js) as a child process on a free port against a bench database,
// the way it runs in production: its own event loop, projections running in it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

export interface RunningApp {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

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

/** Creates an API key with `role` through the app's own code (imported at run time from dist). */
export async function createKey(root: string, url: string, role: string): Promise<string> {
  // Typed after the source it was compiled from, so a moved or changed createApiKey fails the bench's build.
  const keys = (await import(pathToFileURL(path.join(root, 'dist/src/auth/api-keys.js')).href)) as Pick<
    typeof import('../../src/auth/api-keys.js'),
    'createApiKey'
  >;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const { key } = await keys.createApiKey(pool, { name: `bench-${role}`, role });
    return key;
  } finally {
    await pool.end();
  }
}

/** `nodeArgs`: e.g. the telemetry register file, as `npm start` imports it; `env`: settings on top. */
export async function startApp(
  root: string,
  url: string,
  opts: { poolSize: number; nodeArgs?: string[]; env?: Record<string, string> },
): Promise<RunningApp> {
  return startChild(path.join(root, 'dist/src/main.js'), url, opts);
}

/** The bare node:http floor server (bench/floors/server.ts), started the same way as the app. */
export async function startFloor(root: string, url: string, opts: { poolSize: number }): Promise<RunningApp> {
  return startChild(path.join(root, 'dist/bench/floors/server.js'), url, opts);
}

async function startChild(
  script: string,
  url: string,
  opts: { poolSize: number; nodeArgs?: string[]; env?: Record<string, string> },
): Promise<RunningApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let stderr = '';
  // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load
  const nodeArgs = [...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(opts.nodeArgs ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // Production refuses the public default; a fresh one per run is enough for a benchmark.
      CURSOR_SECRET: randomBytes(32).toString('base64url'),
      LEDGER_MASTER_KEY: randomBytes(32).toString('base64'),
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: String(port),
      DB_POOL_SIZE: String(opts.poolSize),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '100000000',
      REDIS_PREFIX: `bench-${process.pid}`,
      // tracing stays off whatever the bench's own environment says (the tracing-off figure)
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
  };
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}\n${stderr}`);
    try {
      const r = await fetch(`${base}/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`the app did not become healthy within 30 s\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, pid: child.pid!, stop };
}
