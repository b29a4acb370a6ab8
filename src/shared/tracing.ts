// The spans the service makes itself, through @opentelemetry/api only. Without the SDK (tracing off,
// the default) every helper here returns at its first line: no span objects, no context lookups.
import { context, propagation, trace, ROOT_CONTEXT, SpanStatusCode, type Attributes, type Context, type Link } from '@opentelemetry/api';

const STATE = Symbol.for('partnership-ledger.tracing');

interface TracingState {
  flush: () => Promise<void>;
}

const state = () => (globalThis as { [STATE]?: TracingState })[STATE];

/** Set once by the SDK start (register.ts); nothing else turns tracing on. */
export function markTracingActive(flush: () => Promise<void>): void {
  (globalThis as { [STATE]?: TracingState })[STATE] = { flush };
}

export function tracingActive(): boolean {
  return state() !== undefined;
}

/** Exports the spans still buffered (before a deliberate exit); a no-op when tracing is off. */
export async function flushTracing(): Promise<void> {
  await state()
    ?.flush()
    .catch(() => undefined);
}

const tracer = () => trace.getTracer('partnership-ledger');

/**
 * Runs fn in a span (a child of the active one, or of `parent`); errors mark the span and rethrow.
 * Attributes may be a function, so hot paths compute nothing while tracing is off.
 */
export function inSpan<T>(
  name: string,
  attributes: Attributes | (() => Attributes),
  fn: () => Promise<T>,
  options: { parent?: Context; links?: Link[] } = {},
): Promise<T> {
  if (!tracingActive()) return fn();
  const attrs = typeof attributes === 'function' ? attributes() : attributes;
  return tracer().startActiveSpan(name, { attributes: attrs, links: options.links }, options.parent ?? context.active(), async (span) => {
    try {
      return await fn();
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** W3C trace context of the active span (`traceparent`, `tracestate`), to store beside work done later. */
export function traceCarrier(): Record<string, string> {
  if (!tracingActive()) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The carrier as text (BullMQ's telemetry metadata format), or null when there is no trace. */
export function traceCarrierText(): string | null {
  const carrier = traceCarrier();
  return carrier.traceparent ? JSON.stringify(carrier) : null;
}

function contextOf(metadata: unknown): Context | undefined {
  const tp = (metadata as { traceparent?: unknown } | null)?.traceparent;
  if (typeof tp !== 'string') return undefined;
  const ctx = propagation.extract(ROOT_CONTEXT, metadata as Record<string, string>);
  return trace.getSpanContext(ctx) ? ctx : undefined;
}

/**
 * Runs fn in the trace an event was recorded in (its metadata's traceparent): under the active span
 * when that is already in the event's trace (the batch span), else under the event's own span.
 */
export function inEventTrace<T>(metadata: unknown, fn: () => Promise<T>): Promise<T> {
  if (!tracingActive()) return fn();
  const ctx = contextOf(metadata);
  if (!ctx || trace.getSpanContext(ctx)?.traceId === trace.getActiveSpan()?.spanContext().traceId) return fn();
  return context.with(ctx, fn);
}

/**
 * A span in the traces of the entries some work is about (their events' metadata): a child of the
 * first entry's trace, linked to the others. A delivery sent long after its entry was recorded
 * (mail, webhook) continues the trace of the command that recorded it this way.
 */
export function inEntriesSpan<T>(name: string, metadata: readonly unknown[], attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  if (!tracingActive()) return fn();
  const contexts = metadata.map(contextOf).filter((c): c is Context => c !== undefined);
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const c of contexts.slice(1)) {
    const sc = trace.getSpanContext(c)!;
    if (!seen.has(sc.spanId)) links.push({ context: sc });
    seen.add(sc.spanId);
  }
  return inSpan(name, attributes, fn, { parent: contexts[0] ?? ROOT_CONTEXT, links });
}

/**
 * A span over a batch of events: a child of the first event's trace, linked to the other traces in
 * it, so a command's trace reaches the consumers that applied its events.
 */
export function inEventBatchSpan<T>(
  name: string,
  events: readonly { metadata: unknown }[],
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracingActive()) return fn();
  return inEntriesSpan(
    name,
    events.map((e) => e.metadata),
    { ...attributes, 'event_store.batch_size': events.length },
    fn,
  );
}
