import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipt confirmations (AidReceiptConfirmed): the aid ledger gains each delivery's receipt status
 * and its live confirmations, and the status's folded state gains the deliveries. States stored before
 * had no deliveries, so the partnerships projection is emptied and its checkpoint reset: the runner
 * replays the log at the next start (single-partnership reads fold the stream meanwhile), as the
 * read-model migration of 1764000004000 did. The columns go into the active version's table (and a
 * version being built) so later rebuilds copy them with LIKE … INCLUDING ALL.
 */
export class AidReceipts1764000020000 implements MigrationInterface {
  name = 'AidReceipts1764000020000';

  async up(q: QueryRunner): Promise<void> {
    for (const v of await versions(q)) {
      await q.query(`ALTER TABLE aid_ledger_v${v} ADD COLUMN IF NOT EXISTS receipt text
        CHECK (receipt IN ('awaiting', 'partly_confirmed', 'confirmed'))`);
      await q.query(`ALTER TABLE aid_ledger_v${v} ADD COLUMN IF NOT EXISTS receipt_confirmations jsonb NOT NULL DEFAULT '[]'::jsonb`);
    }
    await q.query(`CREATE OR REPLACE VIEW aid_ledger AS SELECT * FROM aid_ledger_v${await active(q)}`);
    await resetProjection(q);
  }

  async down(q: QueryRunner): Promise<void> {
    const v = await active(q);
    // A view cannot drop columns in place: the previous shape is recreated over the table.
    await q.query(`DROP VIEW IF EXISTS aid_ledger`);
    for (const version of await versions(q)) {
      await q.query(`ALTER TABLE aid_ledger_v${version} DROP COLUMN IF EXISTS receipt_confirmations`);
      await q.query(`ALTER TABLE aid_ledger_v${version} DROP COLUMN IF EXISTS receipt`);
    }
    await q.query(`CREATE VIEW aid_ledger AS SELECT * FROM aid_ledger_v${v}`);
    await resetProjection(q);
  }
}

const TABLES = ['partnership_status', 'partnership_status_history', 'timeline_entries', 'aid_ledger', 'calendar_items', 'oparl_objects'];

async function active(q: QueryRunner): Promise<number> {
  const rows: { active_version: number }[] = await q.query(`SELECT active_version FROM projections WHERE name = 'partnerships'`);
  return rows[0]?.active_version ?? 1;
}

async function versions(q: QueryRunner): Promise<number[]> {
  const rows: { active_version: number; building_version: number | null }[] = await q.query(
    `SELECT active_version, building_version FROM projections WHERE name = 'partnerships'`,
  );
  return [rows[0]?.active_version ?? 1, ...(rows[0]?.building_version ? [rows[0].building_version] : [])];
}

/** Empties the active tables and drops a half-built version, so the runner replays the log from the start. */
async function resetProjection(q: QueryRunner): Promise<void> {
  const v = await active(q);
  const building: { building_version: number | null }[] = await q.query(
    `SELECT building_version FROM projections WHERE name = 'partnerships'`,
  );
  const stale = building[0]?.building_version;
  if (stale) for (const base of TABLES) await q.query(`DROP TABLE IF EXISTS ${base}_v${stale}`);
  await q.query(`TRUNCATE ${TABLES.map((t) => `${t}_v${v}`).join(', ')}`);
  await q.query(`UPDATE projections SET building_version = NULL, rebuild_error = NULL WHERE name = 'partnerships'`);
  await q.query(`DELETE FROM consumer_checkpoints WHERE name LIKE 'partnerships@v%'`);
}
