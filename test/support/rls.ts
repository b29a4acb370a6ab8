// Row-level security checks shared by the integration and isolation suites.
import type pg from 'pg';

type Db = pg.Pool | pg.ClientBase;

/** Every table of the schema with an organisation_id column: what row-level security must protect. */
export async function protectedTables(db: Db): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped)
      ORDER BY 1`,
  );
  return rows.map((r) => r.name as string);
}

/** Per protected table: rows there are, as the connecting (system) role. */
export async function rowCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (await db.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
  return counts;
}

/**
 * A raw select as the service's role with no organisation set: the rows it sees, per table (only
 * tables where it sees any). Row-level security holds when this is empty.
 */
export async function visibleWithoutOrganisation(pool: pg.Pool, tables?: string[]): Promise<Record<string, number>> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    return await visibleAsAppRole(client, tables ?? (await protectedTables(client)));
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** The same inside the caller's open transaction (e.g. one that has just changed a table's security). */
export async function visibleAsAppRole(client: pg.ClientBase, tables: string[]): Promise<Record<string, number>> {
  await client.query(`SAVEPOINT as_app_role`);
  await client.query(`SET LOCAL ROLE ledger_app`);
  await client.query(`SELECT set_config('ledger.organisations', '', true)`);
  const seen: Record<string, number> = {};
  try {
    for (const t of tables) {
      const n = (await client.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n as number;
      if (n > 0) seen[t] = n;
    }
  } finally {
    await client.query(`ROLLBACK TO SAVEPOINT as_app_role`);
  }
  return seen;
}

/** Tables with an organisation_id lacking enabled and forced row-level security or one of its policies. */
export async function unprotectedTables(db: Db): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped)
        AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
             OR (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid
                  AND p.polname IN ('ledger_read', 'ledger_insert', 'ledger_update', 'ledger_delete')) <> 4
             OR EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname NOT LIKE 'ledger\\_%'))
      ORDER BY 1`,
  );
  return rows.map((r) => r.name as string);
}

/** Views that would read with their owner's rights (bypassing the reader's row-level security). */
export async function viewsWithoutInvokerRights(db: Db): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'v'
        AND NOT coalesce('security_invoker=true' = ANY (c.reloptions) OR 'security_invoker=on' = ANY (c.reloptions), false)
      ORDER BY 1`,
  );
  return rows.map((r) => r.name as string);
}
