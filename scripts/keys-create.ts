// Creates an API key and prints it once: `npm run keys:create -- --role office --name "Office for International Relations"`.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ApiKeyInputError, createApiKey } from '../src/auth/api-keys.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { DependencyUnavailableError, ensureDatabase, openDatabase } from '../src/config/database.js';
import { poolOf } from '../src/config/database.js';
import { ROLES } from '../src/shared/auth/roles.decorator.js';

const usage = `usage: npm run keys:create -- --role <${ROLES.join('|')}> --name "<who uses the key>"\n`;

let values: { role?: string; name?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help || !values.role || !values.name) {
  process.stderr.write(usage);
  process.exit(values.help ? 0 : 2);
}

try {
  const config = loadConfig();
  if (config.DB_CREATE_IF_MISSING) await ensureDatabase(config.DATABASE_URL);
  const ds = await openDatabase(config.DATABASE_URL, { migrate: config.DB_MIGRATE_ON_START });
  try {
    const { key, apiKey } = await createApiKey(poolOf(ds), { role: values.role, name: values.name });
    process.stdout.write(
      `Created ${apiKey.role} key "${apiKey.name}" (id ${apiKey.id}).\n` +
        `This is the only time the key is shown; store it now:\n\n${key}\n\n` +
        `Use it as: Authorization: Bearer ${key.slice(0, 6)}…\n`,
    );
  } finally {
    await ds.destroy();
  }
} catch (err) {
  if (err instanceof ApiKeyInputError) {
    process.stderr.write(`--${err.field} ${err.reason}\n${usage}`);
    process.exit(2);
  }
  if (err instanceof ConfigError || err instanceof DependencyUnavailableError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
