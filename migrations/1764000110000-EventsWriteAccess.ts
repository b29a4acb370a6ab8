import type { MigrationInterface, QueryRunner } from 'typeorm';

const MINE = `organisation_id = ANY ((SELECT ledger_current_organisations())::uuid[])`;

/**
 * Request work writes an event only into a stream its organisation may write now: the owner's, or
 * the partner's while linked (partnership_access). Before, the events' insert policy checked only
 * the row's organisation, so a writer that knew another organisation's stream head could append to
 * it. With the check per row, request appends of several organisations can share one statement
 * (the store's group commit) in the union of their organisations: each row is still checked for its
 * own organisation and stream. System work (migrations, seeds, imports, rebuilds) is not subject to
 * policies. A new partnership's access row is written in the transaction of its first event.
 */
export class EventsWriteAccess1764000110000 implements MigrationInterface {
  name = 'EventsWriteAccess1764000110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS ledger_insert ON events`);
    await q.query(`
      CREATE POLICY ledger_insert ON events FOR INSERT WITH CHECK (
        ${MINE}
        AND EXISTS (SELECT 1 FROM partnership_access pa
                     WHERE pa.stream_id = events.stream_id AND pa.organisation_id = events.organisation_id
                       AND (pa.until IS NULL OR pa.until > now())))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS ledger_insert ON events`);
    await q.query(`CREATE POLICY ledger_insert ON events FOR INSERT WITH CHECK (${MINE})`);
  }
}
