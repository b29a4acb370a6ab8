// The soak's own servers: a PostgreSQL cluster in a scratch directory (so `pg_ctl -m immediate
// restart` hurts nobody else) and a redis-server on a free port (so FLUSHALL and restarts do). The
// TCP proxy per service process in front of PostgreSQL is fault-proxy.ts.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The newest installed PostgreSQL's server binaries (Debian keeps them off the PATH). */
function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', name))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin', name) : name;
}

/**
 * initdb refuses to run as root; as root the cluster belongs to the `postgres` system user and
 * every pg_ctl call runs as that user through runuser.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'pl-soak-pg-'));
  readonly data = join(this.dir, 'data');
  port = 0;

  private async pg(tool: string, args: string[]): Promise<void> {
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', pgBin(tool), ...args]] : [pgBin(tool), args];
    await run(cmd, argv, { timeout: 120_000 });
  }

  private options(): string {
    // fsync off: an immediate restart kills processes, not the machine, so the page cache survives.
    return `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off -c max_connections=200`;
  }

  async start(): Promise<string> {
    if (process.getuid?.() === 0) chownSync(this.dir, ...(await postgresIds()));
    this.port = await freePort();
    await this.pg('initdb', ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await this.pg('pg_ctl', ['-D', this.data, '-o', this.options(), '-l', join(this.dir, 'server.log'), '-w', 'start']);
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  /** The fault: every backend killed without a checkpoint, then crash recovery on start. */
  async restartImmediate(): Promise<void> {
    await this.pg('pg_ctl', [
      '-D',
      this.data,
      '-m',
      'immediate',
      '-o',
      this.options(),
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      'restart',
    ]);
  }

  async destroy(keepFiles = false): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    if (!keepFiles) rmSync(this.dir, { recursive: true, force: true });
  }
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return [Number(stdout.trim()), Number(gid.trim())];
}

/** redis-server without persistence: a restart loses everything, as a failover to an empty replica would. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  port = 0;

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
      child.stdout!.on('data', (c) => {
        out += c;
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
    });
    this.child = child;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async flushAll(): Promise<void> {
    await run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), 'FLUSHALL']);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}
