// After a logical restore (pg_dump → pg_restore) into another PostgreSQL cluster. The gap-safe
// global order walks (transaction_id, global_position), and transaction_id is the id of the
// transaction that appended, from the cluster that ran it. A new cluster counts its own ids from
// where it stands, possibly below the restored ones: consumers would read none of the restored
// events (they look "still running") and would pass over new ones (they sort before their
// checkpoints). Physical backups (base backup + WAL) keep the counter and need none of this.
import pg from 'pg';

/**
 * How far the cluster's transaction counter is behind the newest restored event (0 when it is past
 * it); `until` asks about another transaction id instead.
 */
export async function transactionCounterGap(
  pool: pg.Pool,
  until?: bigint,
): Promise<{ current: bigint; highest: bigint | null; behind: bigint }> {
  const { rows } = await pool.query<{ current: string; highest: string | null }>(
    `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS current,
            (SELECT max(transaction_id)::text FROM events) AS highest`,
  );
  const current = BigInt(rows[0].current);
  const highest = until ?? (rows[0].highest === null ? null : BigInt(rows[0].highest));
  return { current, highest, behind: highest !== null && highest >= current ? highest - current + 1n : 0n };
}

/** More than this is another epoch of transaction ids: no counter can be run up that far. */
const MAX_GAP = 2n ** 31n;
const CHUNK = 100_000n;

/**
 * Uses up transaction ids (one committed, empty transaction each, inside the server: about 150,000
 * a second) until the counter is past every restored event. Safe to repeat; does nothing when the
 * counter is already past them.
 */
export async function advanceTransactionCounter(
  pool: pg.Pool,
  options: { onProgress?: (done: number, total: number) => void; until?: bigint } = {},
): Promise<{ from: bigint; to: bigint; used: bigint }> {
  const start = await transactionCounterGap(pool, options.until);
  if (start.behind > MAX_GAP)
    throw new Error(
      `the restored events carry transaction ids ${start.behind} ahead of this cluster's counter (another epoch); ` +
        'restore into a cluster made from a physical backup of the original instead (see docs/operations.md)',
    );
  let gap = start;
  while (gap.behind > 0n) {
    const step = gap.behind < CHUNK ? gap.behind : CHUNK;
    const target = gap.current + step;
    // COMMIT inside DO: every round of the loop is a transaction of its own (outside a transaction block).
    await pool.query(`DO $$ BEGIN WHILE pg_current_xact_id() < '${target}'::xid8 LOOP COMMIT; END LOOP; END $$`);
    gap = await transactionCounterGap(pool, options.until);
    options.onProgress?.(Number(start.behind - gap.behind), Number(start.behind));
  }
  return { from: start.current, to: gap.current, used: gap.current - start.current };
}

/**
 * A dump restored with --no-owner --no-privileges (docs/operations.md) has lost the service role's
 * grants: the role's rights on every table, sequence and the shared-partnerships function are given
 * again, as the row-level security migration gave them. Policies are part of the tables and came back.
 */
export async function grantServiceRole(pool: pg.Pool, role: string): Promise<void> {
  const r = pg.escapeIdentifier(role);
  // Another cluster may not have the role yet (roles are the cluster's, not the dump's).
  await pool.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${pg.escapeLiteral(role)}) THEN
        CREATE ROLE ${r} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
      END IF;
      IF NOT pg_has_role(current_user, ${pg.escapeLiteral(role)}, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', ${pg.escapeLiteral(role)}, current_user);
      END IF;
    END $$`);
  await pool.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await pool.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await pool.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  await pool.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
  await pool.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
  await pool.query(`
    DO $$ BEGIN
      IF to_regprocedure('ledger_shared_partnerships()') IS NOT NULL THEN
        REVOKE ALL ON FUNCTION ledger_shared_partnerships() FROM PUBLIC;
        EXECUTE format('GRANT EXECUTE ON FUNCTION ledger_shared_partnerships() TO %I', ${pg.escapeLiteral(role)});
      END IF;
    END $$`);
}
