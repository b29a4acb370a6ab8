import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The aid ledger and the calendar become read models of their own (tables written by their own
 * projection steps) instead of SQL views over the timeline. Their tables are versioned like the
 * others; the existing rows are copied from the old views' definitions, so no rebuild is needed.
 */
export class AidLedgerAndCalendarTables1764000004000 implements MigrationInterface {
  name = 'AidLedgerAndCalendarTables1764000004000';

  async up(q: QueryRunner): Promise<void> {
    const [{ active_version: active, building_version: building }] = await q.query(
      `SELECT active_version, building_version FROM projections WHERE name = 'partnerships'`,
    );
    for (const v of [active, building].filter((x): x is number => x !== null)) {
      await q.query(`
        CREATE TABLE aid_ledger_v${v} (
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
      await q.query(`CREATE INDEX aid_ledger_v${v}_date_idx ON aid_ledger_v${v} (sort_date, partnership_id, stream_version)`);
      await q.query(`CREATE INDEX aid_ledger_v${v}_partnership_idx ON aid_ledger_v${v} (partnership_id)`);
      await q.query(`
        CREATE TABLE calendar_items_v${v} (
          event_id uuid PRIMARY KEY,
          partnership_id text NOT NULL,
          kind text NOT NULL,
          occurred_on jsonb,
          sort_date date,
          data jsonb NOT NULL,
          stream_version integer NOT NULL,
          recorded_at timestamptz NOT NULL
        )`);
      await q.query(`CREATE INDEX calendar_items_v${v}_date_idx ON calendar_items_v${v} (sort_date, partnership_id, stream_version)`);
      await q.query(`CREATE INDEX calendar_items_v${v}_partnership_idx ON calendar_items_v${v} (partnership_id, sort_date)`);
    }
    await q.query(`INSERT INTO aid_ledger_v${active} SELECT event_id, partnership_id, kind, receiver, receiver_key, occurred_on,
                     sort_date, month, amount, currency, modality, sector, funding_channel, items, retracted, stream_version,
                     recorded_at FROM aid_ledger`);
    await q.query(`INSERT INTO calendar_items_v${active} SELECT event_id, partnership_id, kind, occurred_on, sort_date, data,
                     stream_version, recorded_at FROM calendar_items`);
    await q.query(`DROP VIEW aid_ledger`);
    await q.query(`DROP VIEW calendar_items`);
    await q.query(`CREATE VIEW aid_ledger AS SELECT * FROM aid_ledger_v${active}`);
    await q.query(`CREATE VIEW calendar_items AS SELECT * FROM calendar_items_v${active}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS aid_ledger`);
    await q.query(`DROP VIEW IF EXISTS calendar_items`);
    const tables: { tablename: string }[] = await q.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
          AND (tablename ~ '^aid_ledger_v[0-9]+$' OR tablename ~ '^calendar_items_v[0-9]+$')`,
    );
    for (const { tablename } of tables) await q.query(`DROP TABLE IF EXISTS "${tablename}"`);
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
}
