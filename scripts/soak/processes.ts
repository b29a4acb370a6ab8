// The service processes under test: the built API and worker, started as `npm start` and
// `npm run start:worker` start them, each through its own proxy, killed with SIGKILL and restarted.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export interface ServiceSpec {
  name: string;
  kind: 'api' | 'worker';
  /** dist/ of this checkout */
  dist: string;
  env: Record<string, string>;
  port?: number;
  logDir: string;
}

export class ServiceProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream;
  private output = '';
  starts = 0;

  constructor(readonly spec: ServiceSpec) {
    this.log = createWriteStream(join(spec.logDir, `${spec.name}.log`), { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Starts the process and resolves when it serves HTTP (API) or says it runs (worker). Generous:
   * on a 2-core machine shared with other work a start has taken over two minutes.
   */
  async start(timeoutMs = 300_000): Promise<number> {
    const started = Date.now();
    const main = join(this.spec.dist, 'src', this.spec.kind === 'api' ? 'main.js' : 'worker.js');
    const env = { PATH: process.env.PATH ?? '', ...this.spec.env, ...(this.spec.port ? { PORT: String(this.spec.port) } : {}) };
    const child = spawn(process.execPath, ['--import', join(this.spec.dist, 'src/telemetry/register.js'), main], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    this.output = '';
    const keep = (c: Buffer) => {
      this.log.write(c);
      if (this.output.length < 100_000) this.output += c.toString();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${this.spec.name} exited with ${child.exitCode} while starting`);
      if (await this.up()) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`${this.spec.name} did not start within ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  private async up(): Promise<boolean> {
    if (this.spec.kind === 'worker') return this.output.includes('report worker running');
    return fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.ok)
      .catch(() => false);
  }

  /** kill -9: no shutdown hook runs, open transactions and job locks are left behind. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  close(): void {
    this.log.end();
  }
}

/** GET /health/ready of one API process: true for 200 with status ok (degraded still counts as not recovered). */
async function ready(api: ServiceProcess): Promise<boolean> {
  try {
    const res = await fetch(`${api.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
    if (res.status !== 200) return false;
    const body = (await res.json()) as { status?: string };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

/** Milliseconds until every API answers ready, or null after `timeoutMs`. */
export async function untilReady(apis: ServiceProcess[], since: number, timeoutMs = 180_000): Promise<number | null> {
  for (;;) {
    const all = await Promise.all(apis.map(ready));
    if (all.every(Boolean)) return Date.now() - since;
    if (Date.now() - since > timeoutMs) return null;
    await sleep(100);
  }
}
