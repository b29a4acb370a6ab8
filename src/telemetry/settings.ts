// When tracing is on: the standard OTEL_* variables, read once before the app loads.

/** Tracing is on when an OTLP endpoint is set and the SDK is not disabled (OTEL_SDK_DISABLED=true). */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  if ((env.OTEL_TRACES_EXPORTER ?? '').toLowerCase() === 'none') return false;
  return !!(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * The modules loaded as ES modules that an instrumentation patches: only these go through the
 * import hook (CommonJS ones — pg, ioredis, pino — are patched on require).
 */
export const ESM_INSTRUMENTED = ['http', 'https', 'node:http', 'node:https'];
