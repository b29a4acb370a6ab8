import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crypto-shredding (docs/privacy.md): one data key per data subject, wrapped by the master key that
 * lives outside the database; deleting a row erases the subject. `lookup` is an HMAC of the name as
 * recorded (never the name), and `name_ct` the name encrypted under the subject's own key, so a
 * master-key rotation can recompute lookups. `erasures` records who erased which subject and why,
 * and holds no personal data itself.
 */
export class PersonalData1764000060000 implements MigrationInterface {
  name = 'PersonalData1764000060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subject_keys (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        subject_id uuid NOT NULL,
        lookup bytea,
        name_ct bytea,
        wrapped_key bytea NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, subject_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX subject_keys_subject ON subject_keys (subject_id)`);
    await q.query(`CREATE UNIQUE INDEX subject_keys_lookup ON subject_keys (organisation_id, lookup) WHERE lookup IS NOT NULL`);
    await q.query(`
      CREATE TABLE erasures (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        id uuid NOT NULL,
        subject_id uuid NOT NULL,
        erased_by text NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        erased_at timestamptz NOT NULL DEFAULT now(),
        affected jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (organisation_id, id)
      )`);
    await q.query(`CREATE INDEX erasures_subject ON erasures (organisation_id, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS erasures`);
    await q.query(`DROP TABLE IF EXISTS subject_keys`);
  }
}
