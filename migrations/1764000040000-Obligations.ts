import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The obligations read model of the partnerships projection (docs/domain.md, obligations): one row
 * per obligation a funding entry imposes, with its current due date and status, for the status, the
 * digest, the calendar feed and reminders. Created for the projection's active version (and the one a
 * rebuild may be building), so later rebuilds copy it with LIKE … INCLUDING ALL. It starts empty:
 * no entry recorded before this version can carry an obligation.
 */
export class Obligations1764000040000 implements MigrationInterface {
  name = 'Obligations1764000040000';

  async up(q: QueryRunner): Promise<void> {
    const rows: { active_version: number; building_version: number | null }[] = await q.query(
      `SELECT active_version, building_version FROM projections WHERE name = 'partnerships'`,
    );
    const active = rows[0]?.active_version ?? 1;
    const versions = [active, ...(rows[0]?.building_version ? [rows[0].building_version] : [])];
    for (const v of versions) {
      const t = `obligations_v${v}`;
      await q.query(`
        CREATE TABLE IF NOT EXISTS ${t} (
          organisation_id uuid NOT NULL REFERENCES organisations (id),
          partnership_id text NOT NULL,
          obligation_id text NOT NULL,
          funding_event_id text NOT NULL,
          kind text NOT NULL,
          title text NOT NULL,
          due_date date NOT NULL,
          status text NOT NULL CHECK (status IN ('open', 'fulfilled', 'waived')),
          since date NOT NULL,
          sequence integer NOT NULL,
          obligation jsonb NOT NULL,
          PRIMARY KEY (organisation_id, partnership_id, obligation_id)
        )`);
      await q.query(`CREATE INDEX IF NOT EXISTS ${t}_due_idx ON ${t} (organisation_id, status, due_date)`);
    }
    await q.query(`CREATE VIEW obligations AS SELECT * FROM obligations_v${active}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS obligations`);
    const tables: { tablename: string }[] = await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '^obligations_v[0-9]+$'`,
    );
    for (const { tablename } of tables) await q.query(`DROP TABLE IF EXISTS "${tablename}"`);
  }
}
