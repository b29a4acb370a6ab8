// What the key and feed scripts share: their output streams and their start-up (configuration and
// database from the environment, a clear message and exit code 1 when either is missing).
import type pg from 'pg';
import { ConfigError, loadConfig, type AppConfig } from '../config/config.js';
import { DependencyUnavailableError, ensureDatabase, openDatabase, poolOf } from '../config/database.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs one command against the configured database and exits with its code. */
export async function runWithDatabase(run: (pool: pg.Pool, io: CliIo, config: AppConfig) => Promise<number>): Promise<never> {
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  try {
    const config = loadConfig();
    if (config.DB_CREATE_IF_MISSING) await ensureDatabase(config.DATABASE_URL);
    const ds = await openDatabase(config.DATABASE_URL, { migrate: config.DB_MIGRATE_ON_START, poolSize: 2 });
    try {
      process.exitCode = await run(poolOf(ds), io, config);
    } finally {
      await ds.destroy();
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DependencyUnavailableError) {
      io.err(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  process.exit(process.exitCode ?? 0);
}
