// Report workers on their own: `npm run start:worker`. Same configuration as the API; scale it
// separately. Several copies may run: BullMQ hands each job to one worker, and the event dispatcher
// runs in whichever process holds its advisory lock.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { prepareInfrastructure } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DependencyUnavailableError } from './config/database.js';
import { WorkerModule } from './worker.module.js';

try {
  const config = loadConfig({ ...process.env, WORKERS_ENABLED: 'true' });
  const dataSource = await prepareInfrastructure(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, dataSource), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
  app
    .get(Logger)
    .log(`Partnership Ledger report worker running (queue prefix "${config.REDIS_PREFIX}", concurrency ${config.REPORT_CONCURRENCY})`);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DependencyUnavailableError) {
    process.stderr.write(`\n${(err as Error).message}\n\n`);
  } else {
    process.stderr.write(`Worker failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
}
