// Runs or reverts TypeORM migrations against DATABASE_URL: `node dist/scripts/migrate.js up|down|show`.
import 'reflect-metadata';
import { loadConfig } from '../src/config/config.js';
import { ensureDatabase, openDatabase } from '../src/config/database.js';

const command = process.argv[2] ?? 'up';
if (!['up', 'down', 'show'].includes(command)) {
  process.stderr.write('usage: migrate up|down|show\n');
  process.exit(2);
}
const config = loadConfig();
try {
  if (config.DB_CREATE_IF_MISSING) await ensureDatabase(config.DATABASE_URL);
  const ds = await openDatabase(config.DATABASE_URL, { migrate: false });
  if (command === 'up') {
    const done = await ds.runMigrations({ transaction: 'each' });
    process.stdout.write(done.length ? done.map((m) => `applied ${m.name}`).join('\n') + '\n' : 'no pending migrations\n');
  } else if (command === 'down') {
    await ds.undoLastMigration({ transaction: 'each' });
    process.stdout.write('reverted the last migration\n');
  } else {
    const pending = await ds.showMigrations();
    process.stdout.write(pending ? 'there are pending migrations\n' : 'no pending migrations\n');
  }
  await ds.destroy();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
