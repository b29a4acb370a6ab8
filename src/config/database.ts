import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { poolOf } from '../event-store/pool.js';
import { DEFAULT_APP_ROLE, scopePool } from '../event-store/scoped-pool.js';
import { redactUrl } from './config.js';

// Read models register their entities here so the app, the CLI and tests share one list.
const entities: NonNullable<DataSourceOptions['entities']> = [];

/** How the pool waits: never forever, so a request out of connections gets an answer (503). */
export interface PoolTimeouts {
  /** for a free pooled connection, or for a new one to open */
  connectTimeoutMs?: number;
  /** PostgreSQL's statement_timeout; 0 or unset leaves the server's */
  statementTimeoutMs?: number;
  /** PostgreSQL's lock_timeout; 0 or unset leaves the server's */
  lockTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

function dataSourceOptions(databaseUrl: string, poolSize = 10, timeouts: PoolTimeouts = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'partnership-ledger',
      connectionTimeoutMillis: timeouts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      ...(timeouts.statementTimeoutMs ? { statement_timeout: timeouts.statementTimeoutMs } : {}),
      ...(timeouts.lockTimeoutMs ? { lock_timeout: timeouts.lockTimeoutMs } : {}),
    },
  };
}

function createDataSource(databaseUrl: string, poolSize?: number, timeouts?: PoolTimeouts): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, poolSize, timeouts));
}

export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: 'PostgreSQL' | 'Redis',
    readonly address: string,
    readonly reason: string,
  ) {
    super(
      `${dependency} is not reachable at ${address} (${reason}).\n` +
        `Start it, e.g. \`docker compose up -d postgres redis\`, or point ` +
        `${dependency === 'PostgreSQL' ? 'DATABASE_URL' : 'REDIS_URL'} at a running server.`,
    );
  }
}

function describeError(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: unknown[] };
  if (e?.code) return `${e.code}${e.message ? ': ' + e.message : ''}`;
  if (Array.isArray(e?.errors) && e.errors.length) return describeError(e.errors[0]);
  return e?.message || String(err);
}

/** Creates the target database when it is missing, connecting through the `postgres` database. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new DependencyUnavailableError('PostgreSQL', redactUrl(admin.toString()), describeError(err));
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((err: { code?: string }) => {
      if (err.code !== '42P04') throw err; // created concurrently by another process
    });
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * A connection cut while checked out (a database restart, a network blip) emits 'error' on its client;
 * unhandled, that would end the process. The query in flight still fails and its caller handles it.
 */
function guardPool(pool: pg.Pool): void {
  const swallow = () => undefined;
  pool.on('error', swallow);
  pool.on('connect', (client) => client.on('error', swallow));
  for (const client of (pool as unknown as { _clients?: pg.Client[] })._clients ?? []) client.on('error', swallow);
}

// The event store owns the pool; scripts and tests that open a data source here take it from there.
export { poolOf };

/** Opens the data source and runs pending migrations; turns a refused connection into one clear message. */
export async function openDatabase(
  databaseUrl: string,
  opts: {
    migrate: boolean;
    poolSize?: number;
    /** role of request work; '' when DATABASE_URL's role is it */ appRole?: string;
  } & PoolTimeouts,
): Promise<DataSource> {
  const ds = createDataSource(databaseUrl, opts.poolSize, opts);
  try {
    await ds.initialize();
  } catch (err) {
    throw new DependencyUnavailableError('PostgreSQL', redactUrl(databaseUrl), describeError(err));
  }
  guardPool(poolOf(ds));
  // Request work through this pool runs under row-level security; the rest (migrations too) is system work.
  scopePool(poolOf(ds), opts.appRole ?? DEFAULT_APP_ROLE);
  if (opts.migrate) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
