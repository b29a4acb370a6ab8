import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security on every table holding an organisation's data (each table with an
 * `organisation_id` column now; tables made later call ledger_protect_table()). Request work runs
 * as `ledger_app` (no BYPASSRLS, not a superuser) and sees the rows of the organisations in
 * `ledger.organisations`, set per transaction, plus the partnerships shared with them through
 * partnership_access. System work runs as the connecting role (the owner, BYPASSRLS or superuser).
 * Runs last of the migrations of its release so it sees every table. See docs/security.md.
 */
export class RowLevelSecurity1764000099000 implements MigrationInterface {
  name = 'RowLevelSecurity1764000099000';

  async up(q: QueryRunner): Promise<void> {
    // Roles are cluster-wide: created once, by whichever database gets there first (test databases
    // migrate in parallel, so a concurrent CREATE is expected), and never dropped here.
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_app') THEN
          BEGIN
            CREATE ROLE ledger_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
          EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
              RAISE EXCEPTION 'role ledger_app is missing and % may not create it: see docs/operations.md, "Database roles"', current_user;
          END;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_app' AND (rolsuper OR rolbypassrls)) THEN
          RAISE EXCEPTION 'role ledger_app must have neither SUPERUSER nor BYPASSRLS: row-level security would not apply';
        END IF;
        IF NOT pg_has_role(current_user, 'ledger_app', 'MEMBER') THEN
          BEGIN
            EXECUTE format('GRANT ledger_app TO %I', current_user);
          EXCEPTION WHEN unique_violation THEN NULL;
          END;
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ledger_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ledger_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ledger_app`);
    // Tables the same role creates later (migrations, versioned read models of a rebuild).
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ledger_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ledger_app`);

    // The request's organisations; none set (or empty) is none at all, so a forgotten setting reads nothing.
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_current_organisations() RETURNS uuid[]
      LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT coalesce(nullif(current_setting('ledger.organisations', true), '')::uuid[], '{}'::uuid[]) $$`);

    // The partnerships shared with the current organisations, read past partnership_access's own
    // policy (as its owner): so each side sees the other's access row of a shared partnership
    // (who recorded an entry on which side) without a policy that queries its own table.
    await q.query(`
      DO $$
      BEGIN
        IF to_regclass('partnership_access') IS NOT NULL THEN
          EXECUTE format($f$
            CREATE OR REPLACE FUNCTION ledger_shared_partnerships() RETURNS text[]
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$I, pg_temp AS
            $b$ SELECT coalesce(array_agg(DISTINCT partnership_id), '{}') FROM %1$I.partnership_access
                 WHERE organisation_id = ANY (ledger_current_organisations()) AND (until IS NULL OR until > now()) $b$
          $f$, current_schema());
          REVOKE ALL ON FUNCTION ledger_shared_partnerships() FROM PUBLIC;
          GRANT EXECUTE ON FUNCTION ledger_shared_partnerships() TO ledger_app;
        END IF;
      END $$`);

    // Policies of one table: its organisation's rows, and a partnership's rows wherever the
    // partnership is shared with a current organisation. Writes only as a current organisation.
    // (SELECT ledger_current_organisations()) is evaluated once per statement, not per row.
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_protect_table(t regclass) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        mine constant text := 'organisation_id = ANY ((SELECT ledger_current_organisations())::uuid[])';
        shared text := '';
        has_access boolean := to_regclass('partnership_access') IS NOT NULL AND t <> to_regclass('partnership_access');
        key text;
      BEGIN
        SELECT a.attname INTO key FROM pg_attribute a
         WHERE a.attrelid = t AND a.attname IN ('stream_id', 'partnership_id') AND NOT a.attisdropped
         ORDER BY a.attname DESC LIMIT 1;
        IF t = to_regclass('partnership_access') THEN
          shared := ' OR partnership_id = ANY ((SELECT ledger_shared_partnerships())::text[])';
        ELSIF has_access AND key IS NOT NULL THEN
          shared := format(
            ' OR %1$I IN (SELECT pa.%1$I FROM partnership_access pa'
            ' WHERE pa.organisation_id = ANY ((SELECT ledger_current_organisations())::uuid[])'
            ' AND (pa.until IS NULL OR pa.until > now()))', key);
        END IF;
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS ledger_read ON %s', t);
        EXECUTE format('DROP POLICY IF EXISTS ledger_insert ON %s', t);
        EXECUTE format('DROP POLICY IF EXISTS ledger_update ON %s', t);
        EXECUTE format('DROP POLICY IF EXISTS ledger_delete ON %s', t);
        EXECUTE format('CREATE POLICY ledger_read ON %s FOR SELECT USING (%s%s)', t, mine, shared);
        EXECUTE format('CREATE POLICY ledger_insert ON %s FOR INSERT WITH CHECK (%s)', t, mine);
        EXECUTE format('CREATE POLICY ledger_update ON %s FOR UPDATE USING (%s) WITH CHECK (%s)', t, mine, mine);
        EXECUTE format('CREATE POLICY ledger_delete ON %s FOR DELETE USING (%s)', t, mine);
      END $$`);

    await q.query(`
      SELECT ledger_protect_table(c.oid::regclass)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped)`);

    // Views run with their owner's rights unless told otherwise: the read models' views must apply
    // the reader's policies, not bypass them.
    await q.query(`
      DO $$
      DECLARE v regclass;
      BEGIN
        FOR v IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = current_schema() AND c.relkind = 'v' LOOP
          EXECUTE format('ALTER VIEW %s SET (security_invoker = true)', v);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE t regclass;
      BEGIN
        FOR t IN SELECT DISTINCT p.polrelid::regclass FROM pg_policy p WHERE p.polname LIKE 'ledger\\_%' LOOP
          EXECUTE format('DROP POLICY IF EXISTS ledger_read ON %s', t);
          EXECUTE format('DROP POLICY IF EXISTS ledger_insert ON %s', t);
          EXECUTE format('DROP POLICY IF EXISTS ledger_update ON %s', t);
          EXECUTE format('DROP POLICY IF EXISTS ledger_delete ON %s', t);
          EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t);
          EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', t);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION IF EXISTS ledger_protect_table(regclass)`);
    await q.query(`DROP FUNCTION IF EXISTS ledger_shared_partnerships()`);
    await q.query(`DROP FUNCTION IF EXISTS ledger_current_organisations()`);
    // The role stays: it is the cluster's, and other databases may use it.
  }
}
