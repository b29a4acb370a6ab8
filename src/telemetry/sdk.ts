// The OpenTelemetry Node SDK with the instrumentations this service needs (Nest's own does not
// support Nest 12 yet: route-span.interceptor.ts names the request spans instead). Imported only when
// tracing is on (register.ts), so a process without it never loads any of this.
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { markTracingActive } from '../shared/tracing.js';

/**
 * Exporter, protocol (`http/protobuf` or `http/json`), endpoint, headers, sampler and batching all
 * come from the standard OTEL_* variables, which the SDK reads itself.
 */
export function startTracing(env: NodeJS.ProcessEnv): NodeSDK {
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? 'partnership-ledger',
    instrumentations: [
      new HttpInstrumentation({
        // The probes and the scrape would be most of the traces and tell nothing.
        ignoreIncomingRequestHook: (req) => /^\/(health|metrics)(\/|$|\?)/.test(req.url ?? ''),
      }),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new PinoInstrumentation(),
    ],
  });
  sdk.start();
  markTracingActive(() => sdk.shutdown());
  return sdk;
}
