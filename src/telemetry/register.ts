// Starts tracing before the app: `node --import ./dist/src/telemetry/register.js dist/src/main.js`
// (what `npm start` and `npm run start:worker` do). With no OTLP endpoint set it does nothing at
// all, so the service pays nothing for tracing it does not use (docs/operations.md#traces).
import { register } from 'node:module';
import { ESM_INSTRUMENTED, tracingRequested } from './settings.js';

if (tracingRequested(process.env)) {
  // The import hook must be in place before the instrumented ES modules are first imported.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ESM_INSTRUMENTED } });
  const { startTracing } = await import('./sdk.js');
  startTracing(process.env);
}
