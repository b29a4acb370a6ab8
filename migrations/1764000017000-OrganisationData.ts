import type { MigrationInterface, QueryRunner } from 'typeorm';

const FIRST = `'00000000-0000-4000-8000-000000000001'::uuid`;

/** Read models of the partnerships projection: versioned tables (`<base>_v<N>`) behind a view `<base>`. */
const READ_MODELS = [
  'partnership_status',
  'partnership_status_history',
  'timeline_entries',
  'aid_ledger',
  'calendar_items',
  'oparl_objects',
];

/** Tables outside the projection that hold an organisation's rows. */
const PLAIN_TABLES = ['reports', 'report_files', 'report_outbox', 'api_keys', 'calendar_feed_tokens', 'sessions'];

/** append_events() as EventStore1764000000000 made it, and (withOrganisation) writing organisation_id too. */
const appendEvents = (withOrganisation: boolean) => `
      CREATE OR REPLACE FUNCTION append_events(p_stream_id text, p_expected text, p_events jsonb)
      RETURNS TABLE (event_id uuid, stream_version integer, global_position bigint,
                     transaction_id xid8, recorded_at timestamptz, duplicate boolean)
      LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
      DECLARE
        v_count integer := jsonb_array_length(p_events);
        v_current integer;
        v_prev text;
        v_e jsonb;
        v_id uuid;
        v_hash text;
        v_now timestamptz := now();
        v_xid xid8 := pg_current_xact_id();
        v_pos bigint;
      BEGIN
        SELECT ev.stream_version, ev.hash INTO v_current, v_prev
          FROM events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_version DESC LIMIT 1;
        v_current := coalesce(v_current, 0);
        IF (p_expected = 'no_stream' AND v_current <> 0)
           OR (p_expected = 'stream_exists' AND v_current = 0)
           OR (p_expected ~ '^[0-9]+$' AND v_current <> p_expected::integer) THEN
          RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'PL412', DETAIL = v_current::text;
        END IF;
        FOR i IN 0 .. v_count - 1 LOOP
          v_e := p_events -> i;
          v_id := (v_e->>'event_id')::uuid;
          v_current := v_current + 1;
          v_hash := event_hash(v_prev, p_stream_id, v_current, v_id, v_e->>'type', (v_e->>'schema_version')::integer,
                               v_e->'data', v_e->'metadata', (v_e->>'occurred_at')::timestamptz, v_now);
          INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata,
                              occurred_at, recorded_at, prev_hash, hash${withOrganisation ? ', organisation_id' : ''})
            VALUES (v_id, p_stream_id, v_current, v_e->>'type', (v_e->>'schema_version')::integer, v_e->'data',
                    v_e->'metadata', (v_e->>'occurred_at')::timestamptz, v_now, v_prev, v_hash${
                      withOrganisation ? `, coalesce((v_e->>'organisation_id')::uuid, ${FIRST})` : ''
                    })
            RETURNING events.global_position INTO v_pos;
          v_prev := v_hash;
          event_id := v_id; stream_version := v_current; global_position := v_pos;
          transaction_id := v_xid; recorded_at := v_now; duplicate := false;
          RETURN NEXT;
        END LOOP;
      END
      $fn$`;

/**
 * Every table holding an organisation's data gets `organisation_id`, and what exists moves into the
 * instance's first organisation, so a running single-city deployment upgrades with no manual step.
 *
 * - The column is added with the first organisation as a constant default (no table rewrite, no row
 *   update: the append-only trigger on events never fires) and the default is then dropped, so new
 *   rows must name their organisation.
 * - events.organisation_id is the organisation that recorded the event. The hash chain is unchanged:
 *   old events' hashes never covered an organisation; new ones carry it in metadata.organisationId,
 *   which the hash covers (docs/organisations.md, "Upgrade and the hash chain").
 * - Read-model rows belong to the partnership's own organisation (`partnership_organisation()`); the
 *   partner reads them through `partnership_access`.
 * - `partnership_access`: which organisations read a partnership, on which side, since and until when.
 * - `memberships`: a person's roles in one organisation; `organisation_invitations`: one-time,
 *   expiring invitations of a partner organisation to a partnership (only the token's hash is kept).
 */
export class OrganisationData1764000017000 implements MigrationInterface {
  name = 'OrganisationData1764000017000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE events ADD COLUMN organisation_id uuid NOT NULL DEFAULT ${FIRST} REFERENCES organisations (id)`);
    await q.query(`ALTER TABLE events ALTER COLUMN organisation_id DROP DEFAULT`);
    await q.query(`CREATE INDEX events_organisation_idx ON events (organisation_id, transaction_id, global_position)`);

    const rows: { active_version: number; building_version: number | null }[] = await q.query(
      `SELECT active_version, building_version FROM projections WHERE name = 'partnerships'`,
    );
    const versions = rows[0] ? [rows[0].active_version, ...(rows[0].building_version ? [rows[0].building_version] : [])] : [1];
    for (const v of versions)
      for (const base of READ_MODELS) {
        const t = `${base}_v${v}`;
        const exists: unknown[] = await q.query(`SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1`, [t]);
        if (!exists.length) continue;
        await q.query(`ALTER TABLE ${t} ADD COLUMN organisation_id uuid NOT NULL DEFAULT ${FIRST} REFERENCES organisations (id)`);
        await q.query(`ALTER TABLE ${t} ALTER COLUMN organisation_id DROP DEFAULT`);
        const lead = base === 'oparl_objects' ? 'organisation_id, type, id' : 'organisation_id, partnership_id';
        await q.query(`CREATE INDEX ${t}_organisation_idx ON ${t} (${lead})`);
      }
    // SELECT * views list their columns when created: recreate them over the new shape.
    for (const base of READ_MODELS) await q.query(`CREATE OR REPLACE VIEW ${base} AS SELECT * FROM ${base}_v${versions[0]}`);

    for (const t of PLAIN_TABLES) {
      await q.query(`ALTER TABLE ${t} ADD COLUMN organisation_id uuid NOT NULL DEFAULT ${FIRST} REFERENCES organisations (id)`);
      await q.query(`ALTER TABLE ${t} ALTER COLUMN organisation_id DROP DEFAULT`);
    }
    await q.query(`CREATE INDEX reports_organisation_listing ON reports (organisation_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX report_files_organisation ON report_files (organisation_id, report_id)`);
    await q.query(`CREATE INDEX report_outbox_organisation ON report_outbox (organisation_id, report_id)`);
    await q.query(`CREATE INDEX api_keys_organisation ON api_keys (organisation_id, created_at)`);
    await q.query(`CREATE INDEX calendar_feed_tokens_organisation ON calendar_feed_tokens (organisation_id, created_at)`);
    await q.query(`CREATE INDEX sessions_organisation ON sessions (organisation_id, person_id)`);

    await q.query(`
      CREATE TABLE partnership_access (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        partnership_id text NOT NULL,
        stream_id text NOT NULL,
        side text NOT NULL CHECK (side IN ('own', 'partner')),
        since timestamptz NOT NULL DEFAULT now(),
        until timestamptz,
        invitation_id uuid,
        PRIMARY KEY (organisation_id, partnership_id, since),
        CHECK (until IS NULL OR until >= since)
      )`);
    await q.query(`CREATE UNIQUE INDEX partnership_access_one_owner ON partnership_access (partnership_id) WHERE side = 'own'`);
    await q.query(
      `CREATE UNIQUE INDEX partnership_access_one_partner ON partnership_access (partnership_id) WHERE side = 'partner' AND until IS NULL`,
    );
    await q.query(`CREATE INDEX partnership_access_stream ON partnership_access (stream_id, organisation_id)`);
    // Every partnership recorded so far is the first organisation's own.
    await q.query(`
      INSERT INTO partnership_access (organisation_id, partnership_id, stream_id, side, since)
      SELECT ${FIRST}, stream_id, stream_id, 'own', recorded_at FROM events
       WHERE stream_version = 1 AND type = 'PartnershipInitiated'
      ON CONFLICT DO NOTHING`);

    // The organisation a partnership's read-model rows belong to: its own side's, or (a stream
    // written without the command path, e.g. by a test or an import) the recorder of its first event.
    await q.query(`
      CREATE FUNCTION partnership_organisation(p_partnership_id text) RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(
          (SELECT a.organisation_id FROM partnership_access a WHERE a.partnership_id = p_partnership_id AND a.side = 'own'),
          (SELECT e.organisation_id FROM events e WHERE e.stream_id = p_partnership_id AND e.stream_version = 1))
      $$`);

    await q.query(`
      CREATE TABLE memberships (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['office', 'council', 'reporting', 'admin']::text[]),
        -- granted by the instance's IdP role mapping at sign-in (and withdrawn by it), not by an admin
        from_idp boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, person_id)
      )`);
    await q.query(`CREATE INDEX memberships_person ON memberships (person_id)`);
    // Members invited by e-mail before their first sign-in: matched by (issuer-independent) address.
    await q.query(`
      CREATE TABLE pending_memberships (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        email text NOT NULL CHECK (email = lower(email)),
        roles text[] NOT NULL CHECK (roles <@ ARRAY['office', 'council', 'reporting', 'admin']::text[]),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, email)
      )`);

    await q.query(`
      CREATE TABLE organisation_invitations (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        partnership_id text NOT NULL,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES organisations (id),
        CHECK ((accepted_at IS NULL) = (accepted_by IS NULL))
      )`);
    await q.query(`CREATE INDEX organisation_invitations_organisation ON organisation_invitations (organisation_id, partnership_id)`);

    // The append function (used for values the service cannot hash itself) writes the organisation too.
    await q.query(appendEvents(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS organisation_invitations`);
    await q.query(`DROP TABLE IF EXISTS pending_memberships`);
    await q.query(`DROP TABLE IF EXISTS memberships`);
    await q.query(`DROP FUNCTION IF EXISTS partnership_organisation(text)`);
    await q.query(`DROP TABLE IF EXISTS partnership_access`);
    for (const t of PLAIN_TABLES) await q.query(`ALTER TABLE ${t} DROP COLUMN IF EXISTS organisation_id`);
    const rows: { active_version: number }[] = await q.query(`SELECT active_version FROM projections WHERE name = 'partnerships'`);
    const active = rows[0]?.active_version ?? 1;
    for (const base of READ_MODELS) await q.query(`DROP VIEW IF EXISTS ${base}`);
    const tables: { tablename: string }[] = await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
          AND tablename ~ '^(partnership_status|partnership_status_history|timeline_entries|aid_ledger|calendar_items|oparl_objects)_v[0-9]+$'`,
    );
    for (const { tablename } of tables) {
      await q.query(`ALTER TABLE "${tablename}" DROP COLUMN IF EXISTS organisation_id`);
    }
    for (const base of READ_MODELS) await q.query(`CREATE VIEW ${base} AS SELECT * FROM ${base}_v${active}`);
    // The previous append function comes back with the column gone.
    await q.query(appendEvents(false));
    await q.query(`DROP INDEX IF EXISTS events_organisation_idx`);
    await q.query(`ALTER TABLE events DROP COLUMN IF EXISTS organisation_id`);
  }
}
