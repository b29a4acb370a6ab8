import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipt confirmations (AidReceiptConfirmed). The aid ledger gains each delivery's receipt status and
 * its live confirmations; the status's folded states gain the deliveries (`deliveries`) and the
 * summary their counts (`aidReceipts`). No confirmation exists before this release, so every delivery
 * awaits one: the columns and states are filled in place, as the fold would compute them, and the
 * projection needs no replay. The columns go into the active version's table (and one being built),
 * so later rebuilds copy them with LIKE … INCLUDING ALL.
 */
export class AidReceipts1764000020000 implements MigrationInterface {
  name = 'AidReceipts1764000020000';

  async up(q: QueryRunner): Promise<void> {
    const { active, building } = await versions(q);
    for (const v of [active, ...(building ? [building] : [])]) {
      await q.query(`ALTER TABLE IF EXISTS aid_ledger_v${v} ADD COLUMN IF NOT EXISTS receipt text
        CHECK (receipt IN ('awaiting', 'partly_confirmed', 'confirmed'))`);
      await q.query(
        `ALTER TABLE IF EXISTS aid_ledger_v${v} ADD COLUMN IF NOT EXISTS receipt_confirmations jsonb NOT NULL DEFAULT '[]'::jsonb`,
      );
    }
    await q.query(`CREATE OR REPLACE VIEW aid_ledger AS SELECT * FROM aid_ledger_v${active}`);
    await q.query(`UPDATE aid_ledger_v${active} SET receipt = 'awaiting' WHERE kind = 'delivered'`);
    // The live deliveries in force on each state's date (a history row holds the state after its day).
    const deliveries = (day: string) => `coalesce((
      SELECT jsonb_object_agg(t.event_id::text, jsonb_build_object('deliveredOn', t.occurred_on, 'confirmations', '[]'::jsonb))
        FROM timeline_entries_v${active} t
       WHERE t.partnership_id = s.partnership_id AND t.type = 'AidDelivered' AND NOT t.retracted ${day}), '{}'::jsonb)`;
    await q.query(
      `UPDATE partnership_status_history_v${active} s SET state = s.state || jsonb_build_object('deliveries', ${deliveries('AND t.fold_date <= s.valid_from')})`,
    );
    await q.query(`UPDATE partnership_status_v${active} s SET state = s.state || jsonb_build_object('deliveries', ${deliveries('')})`);
    await q.query(`UPDATE partnership_status_v${active} s SET summary = s.summary || jsonb_build_object('aidReceipts',
      jsonb_build_object('awaiting', (SELECT count(*) FROM jsonb_object_keys(s.state->'deliveries')), 'partlyConfirmed', 0, 'confirmed', 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const { active, building } = await versions(q);
    // A view cannot drop columns in place: the previous shape is recreated over the table.
    await q.query(`DROP VIEW IF EXISTS aid_ledger`);
    for (const v of [active, ...(building ? [building] : [])]) {
      await q.query(`ALTER TABLE IF EXISTS aid_ledger_v${v} DROP COLUMN IF EXISTS receipt_confirmations`);
      await q.query(`ALTER TABLE IF EXISTS aid_ledger_v${v} DROP COLUMN IF EXISTS receipt`);
    }
    await q.query(`CREATE VIEW aid_ledger AS SELECT * FROM aid_ledger_v${active}`);
    await q.query(`UPDATE partnership_status_history_v${active} SET state = state - 'deliveries'`);
    await q.query(`UPDATE partnership_status_v${active} SET state = state - 'deliveries', summary = summary - 'aidReceipts'`);
  }
}

async function versions(q: QueryRunner): Promise<{ active: number; building: number | null }> {
  const rows: { active_version: number; building_version: number | null }[] = await q.query(
    `SELECT active_version, building_version FROM projections WHERE name = 'partnerships'`,
  );
  return { active: rows[0]?.active_version ?? 1, building: rows[0]?.building_version ?? null };
}
