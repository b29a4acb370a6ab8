import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL is the record of every report job; Redis only carries the work and may lose it.
 * - `report_outbox`: the intent to enqueue, written in the transaction that writes the report row
 *   (API request, dispatcher batch, schedule firing, reconciler). A relay hands it to BullMQ after
 *   commit and deletes it. A statement trigger NOTIFYs the relays on commit.
 * - `reports.job_id`: the BullMQ job now carrying the report, so the reconciler can tell a queued
 *   or running report whose job is gone from Redis and enqueue it again.
 * - `next_attempt_at`, `error_kind`, `retries`, `unexpected_failures`, `requeues`: the retry state
 *   (the last error, when the next attempt is due, how many failed attempts the backoff has grown by,
 *   even across jobs the reconciler had to replace).
 */
export class ReportOutbox1764000007000 implements MigrationInterface {
  name = 'ReportOutbox1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reports
        ADD COLUMN job_id text,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN error_kind text CHECK (error_kind IN ('transient', 'unexpected', 'permanent')),
        ADD COLUMN retries integer NOT NULL DEFAULT 0,
        ADD COLUMN unexpected_failures integer NOT NULL DEFAULT 0,
        ADD COLUMN requeues integer NOT NULL DEFAULT 0`);
    // The job ids the code before this migration used, so reports in flight are still recognised.
    await q.query(`
      UPDATE reports SET job_id = CASE
        WHEN dedupe_key ~ '^event:[^:]+:dossier$' THEN 'evt-' || split_part(dedupe_key, ':', 2) || '-dossier'
        ELSE 'report-' || id::text END`);
    // The reconciler's scan: only unfinished reports, a small set however long the history grows.
    await q.query(`CREATE INDEX reports_unfinished ON reports (created_at) WHERE status IN ('queued', 'running')`);
    await q.query(`
      CREATE TABLE report_outbox (
        id bigserial PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        job_id text NOT NULL,
        -- not before this time (a retry the reconciler re-enqueues keeps its backoff)
        not_before timestamptz,
        reason text NOT NULL CHECK (reason IN ('requested', 'dispatched', 'scheduled', 'reconciled')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_outbox_report ON report_outbox (report_id)`);
    await q.query(`
      CREATE FUNCTION report_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('report_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER report_outbox_notify AFTER INSERT ON report_outbox
                   FOR EACH STATEMENT EXECUTE FUNCTION report_outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_outbox`);
    await q.query(`DROP FUNCTION IF EXISTS report_outbox_notify()`);
    await q.query(`DROP INDEX IF EXISTS reports_unfinished`);
    await q.query(`
      ALTER TABLE reports DROP COLUMN IF EXISTS job_id, DROP COLUMN IF EXISTS next_attempt_at,
        DROP COLUMN IF EXISTS error_kind, DROP COLUMN IF EXISTS retries, DROP COLUMN IF EXISTS unexpected_failures, DROP COLUMN IF EXISTS requeues`);
  }
}
