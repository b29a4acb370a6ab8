import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase, openDatabase, poolOf } from '../../src/config/database.js';

export const TEST_DB_PREFIX = 'partnership_ledger_test_';
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  name: string;
  dataSource: DataSource;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database per suite: suites run in parallel and never see each other's rows. */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  if (!name.includes('test')) throw new Error('refusing to use a database whose name does not contain "test"');
  const url = `${SERVER_URL}/${name}`;
  await ensureDatabase(url);
  const dataSource = await openDatabase(url, { migrate: opts.migrate ?? true, poolSize: 34 });
  const pool = poolOf(dataSource);
  return {
    url,
    name,
    dataSource,
    pool,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
