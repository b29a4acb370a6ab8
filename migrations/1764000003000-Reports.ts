import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports and their files. The row is the report's record (who asked, for what, how it went); BullMQ
 * only carries the work. Files live next to it so a download never depends on Redis.
 */
export class Reports1764000003000 implements MigrationInterface {
  name = 'Reports1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('dossier', 'aid_summary', 'office_digest', 'reminders')),
        parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        error text,
        attempts integer NOT NULL DEFAULT 0,
        requested_by text NOT NULL,
        -- set for reports the system creates (dispatcher, schedule): a second delivery finds the first row
        dedupe_key text UNIQUE,
        summary jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX reports_listing ON reports (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reports_type_status ON reports (type, status, created_at DESC)`);
    await q.query(`
      CREATE TABLE report_files (
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        format text NOT NULL CHECK (format IN ('html', 'pdf', 'json', 'csv')),
        media_type text NOT NULL,
        file_name text NOT NULL,
        content bytea NOT NULL,
        byte_size integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, format)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS report_files`);
    await q.query(`DROP TABLE IF EXISTS reports`);
  }
}
