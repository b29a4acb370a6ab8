// `npm run api:types`: writes src/web/public/api-types.d.ts from the OpenAPI document the service
// serves at /docs-json. Needs PostgreSQL and Redis like the service (the document is built by the app).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApp, prepareInfrastructure } from '../src/bootstrap.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { DependencyUnavailableError } from '../src/config/database.js';
import { openApiDocument } from '../src/openapi.js';
import { API_TYPES_FILE, apiTypesSource } from './openapi-types.js';

try {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', WORKERS_ENABLED: 'false' });
  const dataSource = await prepareInfrastructure(config);
  const app = await createApp(config, dataSource);
  try {
    writeFileSync(API_TYPES_FILE, await apiTypesSource(openApiDocument(app)));
    process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
  } finally {
    await app.close();
    await dataSource.destroy().catch(() => undefined);
  }
} catch (err) {
  if (err instanceof ConfigError || err instanceof DependencyUnavailableError) {
    process.stderr.write(`\n${(err as Error).message}\n\n`);
    process.exit(1);
  }
  process.stderr.write(`api:types failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
}
