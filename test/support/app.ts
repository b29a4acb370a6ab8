import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import type { Clock } from '../../src/shared/clock.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export interface TestApp {
  app: INestApplication;
  /** For supertest: request(t.http) */
  http: Server;
  db: TestDatabase;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * The real application on a fresh test database and its own Redis key prefix; nothing is faked.
 * `env` overrides configuration the way the environment would.
 */
export async function createTestApp(
  opts: {
    env?: Record<string, string>;
    clock?: Clock;
    viaPostgresPort?: number;
    /** connect the app as this role (e.g. one with a CONNECTION LIMIT); `beforeStart` can create it */
    asRole?: string;
    /** runs on the migrated database before the app opens it */
    beforeStart?: (db: TestDatabase) => Promise<void>;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `pl_test_${process.pid}_${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'silent',
    PROJECTION_POLL_MS: '100',
    ...opts.env,
  });
  await opts.beforeStart?.(db);
  // The test database is already migrated; the app must not need to create anything.
  await db.dataSource.destroy();
  const { openDatabase, poolOf } = await import('../../src/config/database.js');
  // viaPostgresPort: reach the same database through another port (a proxy a test can cut).
  let appUrl = opts.viaPostgresPort ? db.url.replace(':5432/', `:${opts.viaPostgresPort}/`) : db.url;
  if (opts.asRole) {
    const u = new URL(appUrl);
    u.username = encodeURIComponent(opts.asRole);
    u.password = '';
    appUrl = u.toString();
  }
  if (appUrl !== db.url) (config as { DATABASE_URL: string }).DATABASE_URL = appUrl;
  const dataSource = await openDatabase(appUrl, {
    migrate: false,
    poolSize: opts.env?.DB_POOL_SIZE ? config.DB_POOL_SIZE : 10,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
  });
  db.dataSource = dataSource;
  db.pool = poolOf(dataSource);
  const app = await createApp(config, dataSource, { clock: opts.clock });
  await app.init();
  return {
    app,
    http: app.getHttpServer() as Server,
    db,
    config,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
