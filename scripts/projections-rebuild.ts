// `npm run projections:rebuild -- <name>`: rebuilds a projection beside the live one and switches,
// printing progress. Safe while the service runs (the switch waits for in-flight batches).
import 'reflect-metadata';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/config/database.js';
import { poolOf } from '../src/config/database.js';
import { PostgresEventStore, ProjectionBusyError, ProjectionEngine } from '../src/event-store/index.js';
import { PROJECTIONS } from '../src/partnerships/read-models/projections.registry.js';
import { progress, type Progress } from '../src/shared/progress.js';
import { useMasterKey } from '../src/privacy/master-key.js';

const name = process.argv[2];
if (!name || !PROJECTIONS[name]) {
  process.stderr.write(`usage: npm run projections:rebuild -- <name>\nknown projections: ${Object.keys(PROJECTIONS).join(', ')}\n`);
  process.exit(2);
}
const config = loadConfig();
// Read rows hold personal values decrypted (docs/privacy.md).
useMasterKey(config.masterKey, config);
try {
  const ds = await openDatabase(config.DATABASE_URL, { migrate: config.DB_MIGRATE_ON_START, poolSize: 4 });
  const store = new PostgresEventStore(poolOf(ds));
  const engine = new ProjectionEngine(store, null);
  // A bar on a terminal, a line every few seconds otherwise (docs/operations.md).
  let bar: Progress | null = null;
  const result = await engine.rebuild(PROJECTIONS[name], (p) => {
    bar ??= progress(`${name} v${p.version}`, { unit: 'events' });
    bar.update(p.done, p.total, p.eventsPerSecond);
  });
  (bar as Progress | null)?.stop();
  process.stdout.write(`switched ${name} to version ${result.version}: ${result.done} events at ${result.eventsPerSecond}/s\n`);
  store.close();
  await ds.destroy();
} catch (err) {
  process.stderr.write(`${err instanceof ProjectionBusyError ? '' : 'rebuild failed: '}${(err as Error).message}\n`);
  process.exit(1);
}
