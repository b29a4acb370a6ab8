// What the upgrade test and the restore drill share: pg_dump/pg_restore into databases the suite
// owns, the projections as rows, and the app started on a database it did not create.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/config.js';
import { dropDatabase, ensureDatabase, openDatabase, poolOf } from '../../src/config/database.js';
import { PostgresEventStore, ProjectionEngine, ident } from '../../src/event-store/index.js';
import { advanceTransactionCounter, grantServiceRole } from '../../src/event-store/restore.js';
import { DEFAULT_APP_ROLE } from '../../src/event-store/scoped-pool.js';
import { PROJECTIONS } from '../../src/partnerships/read-models/projections.registry.js';
import { TEST_DB_PREFIX } from '../support/test-db.js';

const run = promisify(execFile);
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** The client binaries of the newest installed PostgreSQL (a dump needs a pg_restore at least as new). */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', name))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin', name) : name;
}

/** An empty database named like the suite's others, so a killed run's leftovers are dropped too. */
export async function emptyTestDatabase(label: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${label}_${randomBytes(3).toString('hex')}`;
  const url = `${SERVER_URL}/${name}`;
  await ensureDatabase(url);
  return { url, name, drop: () => dropDatabase(url) };
}

export async function pgDump(url: string, file: string): Promise<void> {
  await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', '--file', file, url]);
}

/** pg_restore, then the step after it (`npm run db:after-restore`): the counter past the restored events, the service role's grants. */
export async function pgRestore(file: string, url: string): Promise<void> {
  await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', url, file]);
  const ds = await openDatabase(url, { migrate: false, poolSize: 1 });
  try {
    await advanceTransactionCounter(poolOf(ds));
    await grantServiceRole(poolOf(ds), DEFAULT_APP_ROLE);
  } finally {
    await ds.destroy();
  }
}

/** Every row of every projection's view as text, sorted: equal snapshots mean equal read models. */
export async function projectionRows(pool: pg.Pool): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const def of Object.values(PROJECTIONS))
    for (const base of def.tables) {
      const { rows } = await pool.query<{ r: string }>(`SELECT t::text AS r FROM ${ident(base)} t ORDER BY 1`);
      out[base] = rows.map((x) => x.r);
    }
  return out;
}

/** Brings every projection up to the log, snapshots it, rebuilds each from zero and snapshots again. */
export async function catchUpThenRebuild(pool: pg.Pool): Promise<{ live: Record<string, string[]>; rebuilt: Record<string, string[]> }> {
  const store = new PostgresEventStore(pool);
  const engine = new ProjectionEngine(store, null);
  try {
    for (const def of Object.values(PROJECTIONS)) await engine.catchUp(def);
    const live = await projectionRows(pool);
    for (const def of Object.values(PROJECTIONS)) await engine.rebuild(def);
    return { live, rebuilt: await projectionRows(pool) };
  } finally {
    store.close();
  }
}

export interface AppOnDatabase {
  app: INestApplication;
  http: Server;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The real application on an existing (restored, migrated) database, with its own Redis prefix. */
export async function startAppOn(url: string, env: Record<string, string> = {}): Promise<AppOnDatabase> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `pl_test_${process.pid}_${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'silent',
    PROJECTION_POLL_MS: '100',
    DIGEST_ENABLED: 'false',
    ...env,
  });
  const dataSource = await openDatabase(url, { migrate: false, poolSize: 10 });
  const app = await createApp(config, dataSource);
  await app.init();
  return {
    app,
    http: app.getHttpServer() as Server,
    dataSource,
    async close() {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** Opens a database with the app's migration runner (the same call the service makes at start). */
export async function openMigrated(url: string): Promise<{ dataSource: DataSource; pool: pg.Pool }> {
  const dataSource = await openDatabase(url, { migrate: true, poolSize: 4 });
  return { dataSource, pool: poolOf(dataSource) };
}
