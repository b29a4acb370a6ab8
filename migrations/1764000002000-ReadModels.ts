import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models. Each projection writes versioned tables (`<name>_v<N>`) and readers go through a view
 * named `<name>`; a rebuild fills `_v<N+1>` from position zero and repoints the views in one
 * transaction, so a reader sees the old or the new complete version, never a half-built one.
 * The aid ledger and the calendar are views over the timeline: one source of corrected values.
 */
export class ReadModels1764000002000 implements MigrationInterface {
  name = 'ReadModels1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projections (
        name text PRIMARY KEY,
        active_version integer NOT NULL DEFAULT 1,
        building_version integer,
        rebuild_started_at timestamptz,
        rebuild_total bigint,
        rebuild_done bigint,
        rebuild_rate double precision,
        rebuild_error text,
        switched_at timestamptz
      )`);
    await q.query(`INSERT INTO projections (name) VALUES ('partnerships')`);

    await q.query(`
      CREATE TABLE partnership_status_v1 (
        partnership_id text PRIMARY KEY,
        version integer NOT NULL,
        tier text NOT NULL,
        standing text NOT NULL,
        own_municipality jsonb,
        counterpart jsonb,
        counterpart_country text,
        areas text[] NOT NULL DEFAULT '{}',
        participant_count integer NOT NULL DEFAULT 0,
        last_milestone_end date,
        summary jsonb NOT NULL,
        state jsonb NOT NULL,
        search text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX partnership_status_v1_tier_idx ON partnership_status_v1 (tier)`);
    await q.query(`CREATE INDEX partnership_status_v1_areas_idx ON partnership_status_v1 USING gin (areas)`);

    await q.query(`
      CREATE TABLE timeline_entries_v1 (
        event_id uuid PRIMARY KEY,
        partnership_id text NOT NULL,
        stream_version integer NOT NULL,
        type text NOT NULL,
        occurred_on jsonb,
        sort_date date,
        planned boolean NOT NULL DEFAULT false,
        data jsonb NOT NULL,
        original jsonb NOT NULL,
        corrections jsonb NOT NULL DEFAULT '[]'::jsonb,
        retracted boolean NOT NULL DEFAULT false,
        retraction jsonb,
        recorded_at timestamptz NOT NULL,
        actor text,
        changed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX timeline_entries_v1_order_idx ON timeline_entries_v1 (partnership_id, sort_date, stream_version)`);
    await q.query(`CREATE INDEX timeline_entries_v1_changed_idx ON timeline_entries_v1 (changed_at)`);
    await q.query(`CREATE INDEX timeline_entries_v1_type_idx ON timeline_entries_v1 (type, sort_date)`);

    await q.query(`CREATE VIEW partnership_status AS SELECT * FROM partnership_status_v1`);
    await q.query(`CREATE VIEW timeline_entries AS SELECT * FROM timeline_entries_v1`);

    await q.query(`
      CREATE VIEW aid_ledger AS
      SELECT t.event_id, t.partnership_id,
             CASE t.type WHEN 'AidDelivered' THEN 'delivered' ELSE 'committed' END AS kind,
             t.data->'receiver' AS receiver,
             coalesce(t.data->'receiver'->>'en', t.data->'receiver'->>'de', t.data->'receiver'->>'uk') AS receiver_key,
             t.occurred_on, t.sort_date,
             CASE WHEN t.occurred_on->>'precision' IN ('month', 'day') THEN substr(t.occurred_on->>'date', 1, 7) END AS month,
             (t.data->'value'->>'amount')::numeric AS amount,
             t.data->'value'->>'currency' AS currency,
             t.data->>'modality' AS modality,
             t.data->>'sector' AS sector,
             t.data->>'fundingChannel' AS funding_channel,
             coalesce(t.data->'items', '[]'::jsonb) AS items,
             t.retracted, t.stream_version, t.recorded_at
        FROM timeline_entries t
       WHERE t.type IN ('AidDelivered', 'AidCommitted')`);

    await q.query(`
      CREATE VIEW calendar_items AS
      SELECT t.event_id, t.partnership_id, t.type AS kind, t.occurred_on, t.sort_date, t.data, t.stream_version, t.recorded_at
        FROM timeline_entries t
       WHERE NOT t.retracted
         AND (t.planned OR (t.type = 'AgreementSigningScheduled' AND NOT EXISTS (
               SELECT 1 FROM timeline_entries s
                WHERE s.partnership_id = t.partnership_id AND s.type = 'AgreementSigned' AND NOT s.retracted
                  AND s.stream_version > t.stream_version)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS calendar_items`);
    await q.query(`DROP VIEW IF EXISTS aid_ledger`);
    await q.query(`DROP VIEW IF EXISTS timeline_entries`);
    await q.query(`DROP VIEW IF EXISTS partnership_status`);
    // Rebuilds may have left later versions; drop whatever versions exist.
    const tables: { tablename: string }[] = await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
          AND (tablename ~ '^partnership_status_v[0-9]+$' OR tablename ~ '^timeline_entries_v[0-9]+$')`,
    );
    for (const { tablename } of tables) await q.query(`DROP TABLE IF EXISTS "${tablename}"`);
    await q.query(`DELETE FROM consumer_checkpoints WHERE name LIKE 'partnerships@v%'`);
    await q.query(`DROP TABLE IF EXISTS projections`);
  }
}
