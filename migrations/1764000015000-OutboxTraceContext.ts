import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `report_outbox.trace_context`: the W3C trace context (JSON of `traceparent`/`tracestate`) of
 * whoever wrote the intent, so the report job the relay enqueues later continues that trace
 * (docs/operations.md#traces). Null while tracing is off.
 */
export class OutboxTraceContext1764000015000 implements MigrationInterface {
  name = 'OutboxTraceContext1764000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_outbox ADD COLUMN trace_context text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_outbox DROP COLUMN IF EXISTS trace_context`);
  }
}
