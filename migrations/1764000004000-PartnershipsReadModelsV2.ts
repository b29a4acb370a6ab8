import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partnerships projection, second shape: business time is the truth (docs/domain.md), so its
 * tables change and it is rebuilt from the log. Besides status and timeline it now has:
 * - partnership_status_history: the state on every business date something took effect (the status
 *   "as of" any day is one index probe);
 * - aid_ledger and calendar_items as tables written by their own steps (they were views over the
 *   timeline), the calendar holding plans with a stable uid, a sequence and open/cancelled status;
 * - timeline_entries.fold_date: the day an entry takes effect (a plan: the day it was made).
 * Existing tables are dropped and the checkpoint reset: the runner replays the log at the next start,
 * and single-partnership reads fold the stream meanwhile.
 */
export class PartnershipsReadModelsV21764000004000 implements MigrationInterface {
  name = 'PartnershipsReadModelsV21764000004000';

  async up(q: QueryRunner): Promise<void> {
    await dropAll(q);
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
      CREATE TABLE partnership_status_history_v1 (
        partnership_id text NOT NULL,
        valid_from date NOT NULL,
        state jsonb NOT NULL,
        PRIMARY KEY (partnership_id, valid_from)
      )`);

    await q.query(`
      CREATE TABLE timeline_entries_v1 (
        event_id uuid PRIMARY KEY,
        partnership_id text NOT NULL,
        stream_version integer NOT NULL,
        type text NOT NULL,
        occurred_on jsonb,
        sort_date date,
        fold_date date NOT NULL,
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
    await q.query(`CREATE INDEX timeline_entries_v1_fold_idx ON timeline_entries_v1 (partnership_id, fold_date, stream_version)`);
    await q.query(`CREATE INDEX timeline_entries_v1_changed_idx ON timeline_entries_v1 (changed_at)`);
    await q.query(`CREATE INDEX timeline_entries_v1_type_idx ON timeline_entries_v1 (type, sort_date)`);

    await q.query(`
      CREATE TABLE aid_ledger_v1 (
        event_id uuid PRIMARY KEY,
        partnership_id text NOT NULL,
        kind text NOT NULL,
        receiver jsonb NOT NULL,
        receiver_key text,
        occurred_on jsonb,
        sort_date date,
        month text,
        amount numeric,
        currency text,
        modality text,
        sector text,
        funding_channel text,
        items jsonb NOT NULL DEFAULT '[]'::jsonb,
        retracted boolean NOT NULL DEFAULT false,
        stream_version integer NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX aid_ledger_v1_date_idx ON aid_ledger_v1 (sort_date, partnership_id, stream_version)`);
    await q.query(`CREATE INDEX aid_ledger_v1_partnership_idx ON aid_ledger_v1 (partnership_id)`);

    await q.query(`
      CREATE TABLE calendar_items_v1 (
        partnership_id text NOT NULL,
        uid text NOT NULL,
        event_id text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'cancelled')),
        occurred_on jsonb NOT NULL,
        sort_date date NOT NULL,
        made_on jsonb NOT NULL,
        data jsonb NOT NULL,
        sequence integer NOT NULL,
        changed_at timestamptz,
        PRIMARY KEY (partnership_id, uid)
      )`);
    await q.query(`CREATE INDEX calendar_items_v1_date_idx ON calendar_items_v1 (sort_date, partnership_id)`);

    for (const base of ['partnership_status', 'partnership_status_history', 'timeline_entries', 'aid_ledger', 'calendar_items'])
      await q.query(`CREATE VIEW ${base} AS SELECT * FROM ${base}_v1`);
    await q.query(
      `UPDATE projections SET active_version = 1, building_version = NULL, rebuild_error = NULL, switched_at = now() WHERE name = 'partnerships'`,
    );
    await q.query(`DELETE FROM consumer_checkpoints WHERE name LIKE 'partnerships@v%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to the first shape, empty: the previous code rebuilds it from the log at its next start.
    await dropAll(q);
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
    await q.query(`UPDATE projections SET active_version = 1, building_version = NULL, rebuild_error = NULL WHERE name = 'partnerships'`);
    await q.query(`DELETE FROM consumer_checkpoints WHERE name LIKE 'partnerships@v%'`);
  }
}

async function dropAll(q: QueryRunner): Promise<void> {
  for (const view of ['calendar_items', 'aid_ledger', 'timeline_entries', 'partnership_status', 'partnership_status_history'])
    await q.query(`DROP VIEW IF EXISTS ${view}`);
  const tables: { tablename: string }[] = await q.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
        AND tablename ~ '^(partnership_status|partnership_status_history|timeline_entries|aid_ledger|calendar_items)_v[0-9]+$'`,
  );
  for (const { tablename } of tables) await q.query(`DROP TABLE IF EXISTS "${tablename}"`);
}
