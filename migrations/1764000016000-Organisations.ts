import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations: the municipalities (or districts, associations, agencies) that share one instance.
 * Existing single-city data belongs to the instance's first organisation, created here with a fixed
 * id so later migrations can move rows into it without a lookup.
 */
export class Organisations1764000016000 implements MigrationInterface {
  name = 'Organisations1764000016000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        languages text[] NOT NULL DEFAULT '{en,de,uk}',
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `INSERT INTO organisations (id, slug, name) VALUES ('00000000-0000-4000-8000-000000000001', 'default', 'Default organisation')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS organisations`);
  }
}
