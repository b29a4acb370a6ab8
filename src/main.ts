import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { DependencyUnavailableError } from './config/database.js';
import { createApp, prepareInfrastructure } from './bootstrap.js';
import { flushTracing } from './shared/tracing.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await prepareInfrastructure(config);
  const app = await createApp(config, dataSource);
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  app
    .get(await import('nestjs-pino').then((m) => m.Logger))
    .log(`Partnership Ledger listening on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')} (API docs at /docs)`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    // Stop accepting, let in-flight requests finish, then close pools; give up after the timeout.
    setTimeout(() => {
      process.stderr.write(`Shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting.\n`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    app
      .close()
      .then(() => flushTracing())
      .then(() => process.exit(0))
      .catch((err) => {
        process.stderr.write(`Error during shutdown after ${signal}: ${err}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DependencyUnavailableError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`Failed to start: ${err?.stack ?? err}\n`);
  }
  process.exit(1);
});
