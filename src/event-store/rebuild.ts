// Rebuilds without downtime: the next version of a projection is built from position zero in its own
// tables while the active one keeps serving; when it has caught up, one transaction applies what is
// left, repoints the views and bumps the active version; the old tables are dropped afterwards.
// The new tables are loaded the way bulk loads are: indexes only readers use are built after the
// load, so the build never maintains them row by row.
import type pg from 'pg';
import { applyBatch, readCheckpoint, type CheckpointedConsumer } from './consumer.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import {
  consumerName,
  ident,
  ProjectionBusyError,
  SWITCH_CLASS,
  versioned,
  versionOf,
  type ApplyContext,
  type ProjectionDefinition,
} from './projection-definition.js';
import { withTransaction } from './transaction.js';

export interface RebuildProgress {
  version: number;
  done: number;
  total: number;
  eventsPerSecond: number;
}

/** What a rebuild needs of the engine that runs the projection. */
export interface ProjectionRunner {
  readonly store: PostgresEventStore;
  /** events per rebuild batch (REBUILD_BATCH unless a test sets it) */
  readonly rebuildBatchSize?: number;
  consumer(def: ProjectionDefinition, mode: { version: number }, batchSize: number): CheckpointedConsumer;
  applyContext(client: pg.PoolClient, version: number, bulk?: boolean): ApplyContext;
}

/** Advisory-lock class that makes one process the owner of a projection's rebuild. */
const REBUILD_CLASS = 0x5052; // 'PR'
const REBUILD_BATCH = 2000;

/** Builds and switches to the next version. Resumable: a crashed rebuild is started over. */
export async function rebuildProjection(
  engine: ProjectionRunner,
  def: ProjectionDefinition,
  onProgress?: (p: RebuildProgress) => void | Promise<void>,
): Promise<RebuildProgress> {
  const owner = await engine.store.pool.connect();
  try {
    const { rows: lock } = await owner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [REBUILD_CLASS, def.name]);
    if (!lock[0].ok) throw new ProjectionBusyError(`A rebuild of ${def.name} is already running.`);
    try {
      return await rebuildOwned(engine, def, onProgress);
    } finally {
      await owner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [REBUILD_CLASS, def.name]);
    }
  } finally {
    owner.release();
  }
}

async function rebuildOwned(
  engine: ProjectionRunner,
  def: ProjectionDefinition,
  onProgress?: (p: RebuildProgress) => void | Promise<void>,
): Promise<RebuildProgress> {
  const pool = engine.store.pool;
  const { rows } = await pool.query('SELECT active_version, building_version FROM projections WHERE name = $1', [def.name]);
  if (!rows[0]) throw new Error(`projection ${def.name} is not registered`);
  const active: number = rows[0].active_version;
  const stale: number | null = rows[0].building_version;
  const next = Math.max(active, stale ?? 0) + 1;
  const { rows: countRows } = await pool.query('SELECT count(*)::bigint AS n FROM events');
  const total = Number(countRows[0].n);
  const readerIndexes = await withTransaction(pool, async (c) => {
    // The stale build and anything a killed process left (e.g. the old version after a switch).
    await dropLeftovers(c, def, active);
    for (const base of def.tables) {
      await c.query(`CREATE TABLE ${ident(versioned(base, next))} (LIKE ${ident(versioned(base, active))} INCLUDING ALL)`);
      // LIKE copies no row-level security: the new version gets its organisations' policies here.
      await c.query(
        `SELECT ledger_protect_table(c.oid::regclass) FROM pg_class c
          WHERE c.oid = $1::regclass
            AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped)`,
        [versioned(base, next)],
      );
    }
    const deferred = await dropReaderIndexes(c, def, next);
    await c.query(
      `UPDATE projections SET building_version = $2, rebuild_started_at = now(), rebuild_total = $3, rebuild_done = 0,
              rebuild_rate = 0, rebuild_error = NULL WHERE name = $1`,
      [def.name, next, total],
    );
    return deferred;
  });

  const started = Date.now();
  let done = 0;
  let lastReport = 0;
  const progress = (): RebuildProgress => ({
    version: next,
    done,
    total: Math.max(total, done),
    eventsPerSecond: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)),
  });
  const report = async (force = false) => {
    if (!force && Date.now() - lastReport < 500) return;
    lastReport = Date.now();
    const p = progress();
    await pool.query('UPDATE projections SET rebuild_done = $2, rebuild_rate = $3, rebuild_total = $4 WHERE name = $1', [
      def.name,
      p.done,
      p.eventsPerSecond,
      p.total,
    ]);
    await onProgress?.(p);
  };
  const builder = engine.consumer(def, { version: next }, engine.rebuildBatchSize ?? REBUILD_BATCH);
  try {
    for (;;) {
      const n = await builder.processBatch();
      if (n <= 0) break;
      done += n;
      await report();
    }
    // Outside the switch transaction, so live batches do not wait for the index builds.
    for (const sql of readerIndexes) await pool.query(sql);
    for (const base of def.tables) await pool.query(`ANALYZE ${ident(versioned(base, next))}`);
    await withTransaction(pool, async (c) => {
      // Waits for live batches in flight (however long, not DB_LOCK_TIMEOUT_MS); new ones wait for
      // this switch and then use the new version.
      await c.query(`SET LOCAL lock_timeout = 0`);
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SWITCH_CLASS, def.name]);
      for (;;) {
        const { applied } = await applyBatch(c, engine.store, consumerName(def.name, next), REBUILD_BATCH, (events) =>
          def.apply(events, engine.applyContext(c, next)),
        );
        if (applied === 0) break;
        done += applied;
      }
      // Never switch readers to a version behind the one they have (the live runner holds no
      // batch now, and what it applied was readable before, so this holds unless something is wrong).
      const liveCp = await readCheckpoint(c, consumerName(def.name, active));
      const nextCp = await readCheckpoint(c, consumerName(def.name, next));
      const { rows: cmp } = await c.query('SELECT ($1::xid8, $2::bigint) >= ($3::xid8, $4::bigint) AS ok', [
        nextCp.transactionId,
        nextCp.position,
        liveCp.transactionId,
        liveCp.position,
      ]);
      if (!cmp[0].ok) throw new Error(`rebuild of ${def.name} v${next} ended behind the live version; not switching`);
      for (const base of def.tables)
        // security_invoker: readers' policies apply through the view (not its owner's rights).
        await c.query(
          `CREATE OR REPLACE VIEW ${ident(base)} WITH (security_invoker = true) AS SELECT * FROM ${ident(versioned(base, next))}`,
        );
      await c.query(
        `UPDATE projections SET active_version = $2, building_version = NULL, switched_at = now(),
                rebuild_done = $3, rebuild_rate = $4 WHERE name = $1`,
        [def.name, next, done, progress().eventsPerSecond],
      );
    });
  } catch (err) {
    await pool
      .query('UPDATE projections SET rebuild_error = $2 WHERE name = $1', [def.name, String((err as Error)?.message ?? err)])
      .catch(() => undefined);
    throw err;
  }
  await withTransaction(pool, (c) => dropVersion(c, def, active));
  await report(true);
  return progress();
}

export type RebuildRecovery =
  { status: 'running' } | { status: 'clean' } | { status: 'recovered'; abandonedVersion: number | null; droppedVersions: number[] };

/**
 * Whether a process holds the rebuild of `name` (its session lock), without taking it. A rebuild
 * row with no holder was left by a process that died: its session, and with it the lock, is gone.
 */
export async function rebuildOwnerAlive(pool: pg.Pool, name: string): Promise<boolean> {
  const { rows } = await pool.query(
    `SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                     WHERE l.locktype = 'advisory' AND d.datname = current_database() AND l.granted
                       AND l.classid = $1::int4::oid AND l.objid = hashtext($2)::oid AND l.objsubid = 2) AS alive`,
    [REBUILD_CLASS, name],
  );
  return rows[0].alive;
}

/**
 * Clears what a rebuild whose process died left behind: takes its lock (so a live rebuild is never
 * touched), drops every version's tables and checkpoint but the active one's, and clears the row
 * with a note in rebuild_error. The next rebuild then starts from a clean slate.
 */
export async function recoverAbandonedRebuild(pool: pg.Pool, def: ProjectionDefinition): Promise<RebuildRecovery> {
  const owner = await pool.connect();
  try {
    const { rows: lock } = await owner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [REBUILD_CLASS, def.name]);
    if (!lock[0].ok) return { status: 'running' };
    try {
      return await withTransaction(pool, async (c) => {
        const { rows } = await c.query('SELECT active_version, building_version FROM projections WHERE name = $1 FOR UPDATE', [def.name]);
        if (!rows[0]) throw new Error(`projection ${def.name} is not registered`);
        const abandoned: number | null = rows[0].building_version;
        const dropped = await dropLeftovers(c, def, rows[0].active_version);
        if (abandoned === null && dropped.length === 0) return { status: 'clean' };
        if (abandoned !== null)
          await c.query('UPDATE projections SET building_version = NULL, rebuild_error = $2 WHERE name = $1', [
            def.name,
            `the rebuild to version ${abandoned} stopped when its process ended; its tables were dropped`,
          ]);
        return { status: 'recovered', abandonedVersion: abandoned, droppedVersions: dropped };
      });
    } finally {
      await owner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [REBUILD_CLASS, def.name]);
    }
  } finally {
    owner.release();
  }
}

/**
 * Drops the non-unique indexes of a new version's tables that `apply` does not read through (see
 * ProjectionDefinition.applyIndexes); returns the statements that build them again. Unique indexes
 * stay: ON CONFLICT and the constraints need them during the load.
 */
async function dropReaderIndexes(c: pg.PoolClient, def: ProjectionDefinition, version: number): Promise<string[]> {
  const bases = new Map(def.tables.map((base) => [versioned(base, version), base]));
  const { rows } = await c.query<{ tablename: string; indexname: string; indexdef: string }>(
    `SELECT t.relname AS tablename, x.relname AS indexname, pg_get_indexdef(i.indexrelid) AS indexdef
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1::text[])
        AND NOT i.indisunique AND NOT i.indisexclusion`,
    [[...bases.keys()]],
  );
  const deferred: string[] = [];
  for (const r of rows) {
    const kept = def.applyIndexes?.[bases.get(r.tablename)!] ?? [];
    if (kept.some((k) => r.indexdef.endsWith(` USING ${k}`))) continue;
    await c.query(`DROP INDEX ${ident(r.indexname)}`);
    deferred.push(r.indexdef);
  }
  return deferred;
}

/** Drops the tables and checkpoints of every version of `def` but `keep`; returns the versions dropped. */
async function dropLeftovers(c: pg.PoolClient, def: ProjectionDefinition, keep: number): Promise<number[]> {
  const versions = new Set<number>();
  const { rows: tables } = await c.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables
      WHERE schemaname = current_schema() AND EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE starts_with(tablename, p))`,
    [def.tables.map((base) => `${base}_v`)],
  );
  for (const { tablename } of tables)
    for (const base of def.tables) {
      const m = tablename.startsWith(`${base}_v`) ? /^(\d+)$/.exec(tablename.slice(base.length + 2)) : null;
      if (m) versions.add(Number(m[1]));
    }
  const prefix = consumerName(def.name, 0).slice(0, -1);
  const { rows: checkpoints } = await c.query<{ name: string }>(`SELECT name FROM consumer_checkpoints WHERE starts_with(name, $1)`, [
    prefix,
  ]);
  for (const { name } of checkpoints) if (/^\d+$/.test(name.slice(prefix.length))) versions.add(versionOf(name));
  versions.delete(keep);
  const dropped = [...versions].sort((a, b) => a - b);
  for (const v of dropped) await dropVersion(c, def, v);
  return dropped;
}

async function dropVersion(c: pg.PoolClient, def: ProjectionDefinition, version: number): Promise<void> {
  for (const base of def.tables) await c.query(`DROP TABLE IF EXISTS ${ident(versioned(base, version))}`);
  await c.query('DELETE FROM consumer_checkpoints WHERE name = $1', [consumerName(def.name, version)]);
}
