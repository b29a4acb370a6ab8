// Helpers for the reporting fault suites: a report worker process (a Nest application context, as
// `npm run start:worker` runs it) whose database connection a test can take away without touching
// the shared servers, and the figures each fault test reports. The private redis-server to flush or
// kill is in test/support/redis-server.ts.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type pg from 'pg';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/config/database.js';
import { WorkerModule } from '../../src/worker.module.js';
import type { TestApp } from '../support/app.js';

export interface WorkerProcess {
  app: INestApplicationContext;
  config: AppConfig;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * The worker side of `t` in its own Nest context: same database (reached at `databaseUrl`, e.g.
 * through a proxy or as another role), same Redis and key prefix. Projections stay with the API app.
 */
export async function startWorkerProcess(t: TestApp, databaseUrl: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: t.config.REDIS_URL,
    REDIS_PREFIX: t.config.REDIS_PREFIX,
    LOG_LEVEL: 'silent',
    PROJECTION_POLL_MS: '100',
    PROJECTIONS_ENABLED: 'false',
    WORKERS_ENABLED: 'true',
    DIGEST_ENABLED: 'false',
    ...env,
  });
  const dataSource = await openDatabase(databaseUrl, { migrate: false, poolSize: Number(env.DB_POOL_SIZE ?? 4) });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, dataSource), { logger: false });
  await app.init();
  return {
    app,
    config,
    pool: (dataSource.driver as unknown as { master: pg.Pool }).master,
    async close() {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    },
  };
}

export interface Figures {
  fault: string;
  requested: number;
  completed: number;
  failed: number;
  lost: number;
  notes?: string;
}

/** Counts the outcome of the given reports: lost = neither completed nor failed (still waiting). */
export async function figures(pool: pg.Pool, fault: string, ids: string[], notes?: string): Promise<Figures> {
  const { rows } = await pool.query(`SELECT status, count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids]);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  const completed = by.completed ?? 0;
  const failed = by.failed ?? 0;
  return { fault, requested: ids.length, completed, failed, lost: ids.length - completed - failed, ...(notes ? { notes } : {}) };
}

export function printFigures(all: Figures[]): void {
  const lines = all.map(
    (f) =>
      `${f.fault}: requested ${f.requested}, completed ${f.completed}, failed ${f.failed}, lost ${f.lost}${f.notes ? ` (${f.notes})` : ''}`,
  );
  process.stdout.write(`\nFault figures\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}
