import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The IATI export as a report type: `aid_iati` reports, whose one file is the IATI 2.03 activity XML
 * (format `xml`). Only the CHECK constraints of the two columns change.
 */
export class IatiReports1764000009000 implements MigrationInterface {
  name = 'IatiReports1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_type_check`);
    await q.query(`ALTER TABLE reports ADD CONSTRAINT reports_type_check
                   CHECK (type IN ('dossier', 'aid_summary', 'office_digest', 'reminders', 'aid_iati'))`);
    await q.query(`ALTER TABLE report_files DROP CONSTRAINT report_files_format_check`);
    await q.query(
      `ALTER TABLE report_files ADD CONSTRAINT report_files_format_check CHECK (format IN ('html', 'pdf', 'json', 'csv', 'xml'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The earlier constraints cannot hold IATI reports: they go first.
    await q.query(`DELETE FROM reports WHERE type = 'aid_iati'`);
    await q.query(`ALTER TABLE report_files DROP CONSTRAINT report_files_format_check`);
    await q.query(`ALTER TABLE report_files ADD CONSTRAINT report_files_format_check CHECK (format IN ('html', 'pdf', 'json', 'csv'))`);
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_type_check`);
    await q.query(`ALTER TABLE reports ADD CONSTRAINT reports_type_check
                   CHECK (type IN ('dossier', 'aid_summary', 'office_digest', 'reminders'))`);
  }
}
