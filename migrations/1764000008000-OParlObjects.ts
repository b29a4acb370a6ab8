import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The OParl 1.1 read model of the partnerships projection (docs/interop.md): one row per OParl
 * object, keyed by its path under /oparl/v1.1/ (e.g. `paper/<event id>`), with its record-time
 * stamps, whether it is a tombstone, and the object itself. Created for the projection's active
 * version (and the one a rebuild may be building), so later rebuilds copy it with LIKE … INCLUDING ALL.
 * Existing logs fill it with their next batch (the step computes the whole body when the table has
 * no System row yet) or at once with `npm run projections:rebuild -- partnerships`.
 */
export class OParlObjects1764000008000 implements MigrationInterface {
  name = 'OParlObjects1764000008000';

  async up(q: QueryRunner): Promise<void> {
    const rows: { active_version: number; building_version: number | null }[] = await q.query(
      `SELECT active_version, building_version FROM projections WHERE name = 'partnerships'`,
    );
    const active = rows[0]?.active_version ?? 1;
    const versions = [active, ...(rows[0]?.building_version ? [rows[0].building_version] : [])];
    for (const v of versions) {
      const t = `oparl_objects_v${v}`;
      await q.query(`
        CREATE TABLE IF NOT EXISTS ${t} (
          -- "C": lists are ordered by id in code-point order, as the pure mapping orders them
          id text COLLATE "C" PRIMARY KEY,
          type text NOT NULL,
          created timestamptz,
          modified timestamptz,
          deleted boolean NOT NULL DEFAULT false,
          object jsonb NOT NULL
        )`);
      await q.query(`CREATE INDEX IF NOT EXISTS ${t}_type_idx ON ${t} (type, id)`);
      await q.query(`CREATE INDEX IF NOT EXISTS ${t}_modified_idx ON ${t} (type, modified)`);
      await q.query(`CREATE INDEX IF NOT EXISTS ${t}_created_idx ON ${t} (type, created)`);
    }
    await q.query(`CREATE VIEW oparl_objects AS SELECT * FROM oparl_objects_v${active}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS oparl_objects`);
    const tables: { tablename: string }[] = await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '^oparl_objects_v[0-9]+$'`,
    );
    for (const { tablename } of tables) await q.query(`DROP TABLE IF EXISTS "${tablename}"`);
  }
}
