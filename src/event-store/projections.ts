import pg from 'pg';
import { applyBatch, LOCK_CLASS, readCheckpoint, sleep } from './consumer.js';
import type { EventNotifications } from './notifications.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import { withTransaction } from './transaction.js';
import type { StoredEvent } from './types.js';

export interface ApplyContext {
  client: pg.PoolClient;
  /** The quoted name of this version's table for a base name (e.g. timeline_entries → "timeline_entries_v2"). */
  table(base: string): string;
  store: PostgresEventStore;
}

export interface ProjectionDefinition {
  name: string;
  /** Base table names; version N lives in `<base>_v<N>`, readers use the view `<base>`. */
  tables: string[];
  apply(events: StoredEvent[], ctx: ApplyContext): Promise<void>;
}

export interface RebuildProgress {
  version: number;
  done: number;
  total: number;
  eventsPerSecond: number;
}

export class ProjectionBusyError extends Error {
  readonly code = 'rebuild_in_progress';
}

// Advisory-lock classes: consumers (shared with CheckpointedConsumer), the view switch, rebuild ownership.
const SWITCH_CLASS = 0x5053; // 'PS'
const REBUILD_CLASS = 0x5052; // 'PR'

const ident = (s: string) => pg.escapeIdentifier(s);
const versioned = (base: string, v: number) => `${base}_v${v}`;
const consumerName = (name: string, v: number) => `${name}@v${v}`;

/**
 * Runs projections: the live runner applies new events to the active version in checkpointed
 * batches (output and checkpoint in one transaction, one owner per version); `rebuild` builds the
 * next version from position zero beside it and switches the views in one transaction.
 */
export class ProjectionEngine {
  private readonly running = new Map<string, { stop: () => Promise<void> }>();
  private readonly lastError = new Map<string, string | null>();

  constructor(
    private readonly store: PostgresEventStore,
    private readonly notifications: EventNotifications | null,
    private readonly options: { batchSize?: number; pollMs?: number; onError?: (name: string, err: unknown) => void } = {},
  ) {}

  private ctx(client: pg.PoolClient, version: number): ApplyContext {
    return { client, store: this.store, table: (base) => ident(versioned(base, version)) };
  }

  /** Applies up to `limit` pending events for `version` on `client` (inside the caller's transaction). */
  private async applyPending(client: pg.PoolClient, def: ProjectionDefinition, version: number, limit: number): Promise<number> {
    const { applied } = await applyBatch(client, this.store, consumerName(def.name, version), limit, (events) =>
      def.apply(events, this.ctx(client, version)),
    );
    return applied;
  }

  /**
   * One batch. Live batches take the switch lock shared, so a rebuild's switch waits for them and
   * they see the new version as soon as it commits. Returns -1 when another process owns the batch.
   */
  async processBatch(
    def: ProjectionDefinition,
    mode: 'live' | { version: number },
    limit = this.options.batchSize ?? 500,
  ): Promise<number> {
    return withTransaction(this.store.pool, async (client) => {
      let version: number;
      if (mode === 'live') {
        await client.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [SWITCH_CLASS, def.name]);
        const { rows } = await client.query('SELECT active_version FROM projections WHERE name = $1', [def.name]);
        if (!rows[0]) throw new Error(`projection ${def.name} is not registered (missing migration?)`);
        version = rows[0].active_version;
      } else {
        version = mode.version;
      }
      const { rows } = await client.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [
        LOCK_CLASS,
        consumerName(def.name, version),
      ]);
      if (!rows[0].ok) return -1;
      return this.applyPending(client, def, version, limit);
    });
  }

  /** Applies everything currently readable to the active version (tests, CLI, read-your-writes). */
  async catchUp(def: ProjectionDefinition): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.processBatch(def, 'live');
      if (n === -1) return total; // another owner is on it
      if (n === 0) return total;
      total += n;
    }
  }

  start(def: ProjectionDefinition): void {
    if (this.running.has(def.name)) return;
    const abort = new AbortController();
    const batchSize = this.options.batchSize ?? 500;
    const pollMs = this.options.pollMs ?? 1000;
    let errors = 0;
    const loop = (async () => {
      while (!abort.signal.aborted) {
        let wait = 0;
        try {
          const n = await this.processBatch(def, 'live', batchSize);
          errors = 0;
          this.lastError.set(def.name, null);
          if (n < batchSize) wait = pollMs;
        } catch (err) {
          errors++;
          this.lastError.set(def.name, err instanceof Error ? err.message : String(err));
          this.options.onError?.(def.name, err);
          wait = Math.min(30_000, 200 * 2 ** Math.min(errors, 8));
        }
        if (wait && !abort.signal.aborted) {
          if (this.notifications && errors === 0) await this.notifications.wait(wait, abort.signal);
          else await sleep(wait, abort.signal);
        }
      }
    })();
    this.running.set(def.name, {
      stop: async () => {
        abort.abort();
        await loop;
      },
    });
  }

  async stop(name?: string): Promise<void> {
    for (const [n, r] of [...this.running]) {
      if (name && n !== name) continue;
      await r.stop();
      this.running.delete(n);
    }
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  error(name: string): string | null {
    return this.lastError.get(name) ?? null;
  }

  /**
   * Builds the next version from position zero while the active one keeps serving, then switches
   * readers in one transaction and drops the old tables. Resumable: a crashed rebuild is started over.
   */
  async rebuild(def: ProjectionDefinition, onProgress?: (p: RebuildProgress) => void | Promise<void>): Promise<RebuildProgress> {
    const owner = await this.store.pool.connect();
    try {
      const { rows: lock } = await owner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [REBUILD_CLASS, def.name]);
      if (!lock[0].ok) throw new ProjectionBusyError(`A rebuild of ${def.name} is already running.`);
      try {
        return await this.rebuildOwned(def, onProgress);
      } finally {
        await owner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [REBUILD_CLASS, def.name]);
      }
    } finally {
      owner.release();
    }
  }

  private async rebuildOwned(
    def: ProjectionDefinition,
    onProgress?: (p: RebuildProgress) => void | Promise<void>,
  ): Promise<RebuildProgress> {
    const pool = this.store.pool;
    const { rows } = await pool.query('SELECT active_version, building_version FROM projections WHERE name = $1', [def.name]);
    if (!rows[0]) throw new Error(`projection ${def.name} is not registered`);
    const active: number = rows[0].active_version;
    const stale: number | null = rows[0].building_version;
    const next = Math.max(active, stale ?? 0) + 1;
    const { rows: countRows } = await pool.query('SELECT count(*)::bigint AS n FROM events');
    const total = Number(countRows[0].n);
    await withTransaction(this.store.pool, async (c) => {
      if (stale !== null) await this.dropVersion(c, def, stale);
      for (const base of def.tables)
        await c.query(`CREATE TABLE ${ident(versioned(base, next))} (LIKE ${ident(versioned(base, active))} INCLUDING ALL)`);
      await c.query(
        `UPDATE projections SET building_version = $2, rebuild_started_at = now(), rebuild_total = $3, rebuild_done = 0,
                rebuild_rate = 0, rebuild_error = NULL WHERE name = $1`,
        [def.name, next, total],
      );
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
    try {
      for (;;) {
        const n = await this.processBatch(def, { version: next }, 2000);
        if (n <= 0) break;
        done += n;
        await report();
      }
      await withTransaction(this.store.pool, async (c) => {
        // Waits for live batches in flight; new ones wait for this switch and then use the new version.
        await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SWITCH_CLASS, def.name]);
        for (;;) {
          const n = await this.applyPending(c, def, next, 2000);
          if (n === 0) break;
          done += n;
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
          await c.query(`CREATE OR REPLACE VIEW ${ident(base)} AS SELECT * FROM ${ident(versioned(base, next))}`);
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
    await withTransaction(this.store.pool, (c) => this.dropVersion(c, def, active));
    await report(true);
    return progress();
  }

  private async dropVersion(c: pg.PoolClient, def: ProjectionDefinition, version: number): Promise<void> {
    for (const base of def.tables) await c.query(`DROP TABLE IF EXISTS ${ident(versioned(base, version))}`);
    await c.query('DELETE FROM consumer_checkpoints WHERE name = $1', [consumerName(def.name, version)]);
  }

  /** Registry row, checkpoint, and lag (events and seconds) of a projection. */
  async status(name: string): Promise<{
    name: string;
    activeVersion: number;
    checkpoint: { transactionId: string; position: number };
    behind: number;
    lagSeconds: number;
    rebuilding: { version: number; done: number; total: number; eventsPerSecond: number; startedAt: string; error: string | null } | null;
  }> {
    const pool = this.store.pool;
    const { rows } = await pool.query('SELECT * FROM projections WHERE name = $1', [name]);
    const r = rows[0];
    if (!r) throw new Error(`unknown projection ${name}`);
    const checkpoint = await readCheckpoint(pool, consumerName(name, r.active_version));
    const { rows: lag } = await pool.query(
      `SELECT count(*)::int AS behind, coalesce(extract(epoch FROM now() - min(recorded_at)), 0)::float AS lag
         FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
      [checkpoint.transactionId, checkpoint.position],
    );
    return {
      name,
      activeVersion: r.active_version,
      checkpoint,
      behind: lag[0].behind,
      lagSeconds: Math.round(lag[0].lag * 10) / 10,
      rebuilding:
        r.building_version !== null || r.rebuild_error
          ? {
              version: r.building_version ?? r.active_version,
              done: Number(r.rebuild_done ?? 0),
              total: Number(r.rebuild_total ?? 0),
              eventsPerSecond: Math.round(r.rebuild_rate ?? 0),
              startedAt: r.rebuild_started_at?.toISOString?.() ?? null,
              error: r.rebuild_error ?? null,
            }
          : null,
    };
  }
}

/** Who holds the read horizon back: the oldest open transaction with an xid, for /health and the logs. */
export async function horizonHolder(pool: pg.Pool): Promise<{ pid: number; ageSeconds: number; state: string; query: string } | null> {
  const { rows } = await pool.query(
    `SELECT pid, extract(epoch FROM now() - xact_start)::float AS age, state, left(query, 200) AS query
       FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() AND datname = current_database()
      ORDER BY age(backend_xid) DESC LIMIT 1`,
  );
  return rows[0] ? { pid: rows[0].pid, ageSeconds: Math.round(rows[0].age), state: rows[0].state, query: rows[0].query } : null;
}
