import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key lifecycle: an optional expiry, and rotation (the old key points at its successor and keeps
 * working until its expires_at, the end of the grace period). Names refuse control characters;
 * NOT VALID so a legacy row cannot block the migration, while every new or changed row is checked.
 */
export class ApiKeyLifecycle1764000005000 implements MigrationInterface {
  name = 'ApiKeyLifecycle1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_keys
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN rotated_at timestamptz,
        ADD COLUMN replaced_by uuid REFERENCES api_keys (id),
        ADD CONSTRAINT api_keys_name_printable CHECK (name !~ '[[:cntrl:]]') NOT VALID,
        ADD CONSTRAINT api_keys_rotation_complete CHECK ((rotated_at IS NULL) = (replaced_by IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_keys
        DROP CONSTRAINT IF EXISTS api_keys_rotation_complete,
        DROP CONSTRAINT IF EXISTS api_keys_name_printable,
        DROP COLUMN IF EXISTS replaced_by,
        DROP COLUMN IF EXISTS rotated_at,
        DROP COLUMN IF EXISTS expires_at`);
  }
}
