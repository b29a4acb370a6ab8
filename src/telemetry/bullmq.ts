// BullMQ's own telemetry (bullmq-otel): a job carries its producer's trace context and the worker's
// span continues it. Only while tracing is on; otherwise BullMQ runs without the option at all.
import { BullMQOtel } from 'bullmq-otel';
import { tracingActive } from '../shared/tracing.js';

export function bullTelemetry(): { telemetry?: BullMQOtel } {
  return tracingActive() ? { telemetry: new BullMQOtel({ tracerName: 'bullmq' }) } : {};
}
