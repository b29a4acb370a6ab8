// `npm run db:after-restore`: run once after a logical restore (pg_restore) into another cluster and
// before the service starts: moves the cluster's transaction counter past the restored events, so
// the gap-safe global order sees them and every new event after them, and gives the service role
// back its grants, which a restore without privileges leaves out (docs/operations.md).
import 'reflect-metadata';
import { loadConfig } from '../src/config/config.js';
import { openDatabase, poolOf } from '../src/config/database.js';
import { advanceTransactionCounter, grantServiceRole, transactionCounterGap } from '../src/event-store/restore.js';
import { progress } from '../src/shared/progress.js';

const config = loadConfig();
try {
  const ds = await openDatabase(config.DATABASE_URL, { migrate: false, poolSize: 1 });
  const pool = poolOf(ds);
  const gap = await transactionCounterGap(pool);
  if (gap.behind === 0n) {
    process.stdout.write(`transaction counter ${gap.current} is past every event (newest ${gap.highest ?? 'none'}): nothing to do\n`);
  } else {
    const bar = progress('advancing the transaction counter', { unit: 'transaction ids' });
    const done = await advanceTransactionCounter(pool, { onProgress: (d, t) => bar.update(d, t) });
    bar.stop();
    process.stdout.write(`transaction counter moved from ${done.from} to ${done.to}, past the newest event's ${gap.highest}\n`);
  }
  if (config.DATABASE_APP_ROLE) {
    await grantServiceRole(pool, config.DATABASE_APP_ROLE);
    process.stdout.write(`granted the service role ${config.DATABASE_APP_ROLE} its rights on the restored tables\n`);
  }
  await ds.destroy();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
