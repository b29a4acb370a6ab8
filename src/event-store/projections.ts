import type pg from 'pg';
import { CheckpointedConsumer, readCheckpoint, type ConsumerStatus } from './consumer.js';
import type { EventNotifications } from './notifications.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import {
  consumerName,
  ident,
  SWITCH_CLASS,
  versioned,
  versionOf,
  type ApplyContext,
  type ProjectionDefinition,
} from './projection-definition.js';
import { inEventBatchSpan } from '../shared/tracing.js';
import { rebuildOwnerAlive, rebuildProjection, recoverAbandonedRebuild, type RebuildProgress, type RebuildRecovery } from './rebuild.js';

export * from './projection-definition.js';
export type { RebuildProgress, RebuildRecovery } from './rebuild.js';

export interface EngineOptions {
  batchSize?: number;
  /** events per batch of a rebuild (tests move the batch boundaries with it) */
  rebuildBatchSize?: number;
  pollMs?: number;
  onError?: (name: string, err: unknown) => void;
}

/**
 * Runs projections on the checkpointed consumer: each projection is a consumer whose checkpoint is
 * that of its active version, so a rebuild (rebuild.ts) can build the next version beside it and
 * switch readers in one transaction.
 */
export class ProjectionEngine {
  private readonly running = new Map<string, CheckpointedConsumer>();

  constructor(
    readonly store: PostgresEventStore,
    private readonly notifications: EventNotifications | null,
    private readonly options: EngineOptions = {},
  ) {}

  get rebuildBatchSize(): number | undefined {
    return this.options.rebuildBatchSize;
  }

  applyContext(client: pg.PoolClient, version: number, bulk = false): ApplyContext {
    return { client, store: this.store, table: (base) => ident(versioned(base, version)), ...(bulk ? { bulk } : {}) };
  }

  /**
   * The consumer that applies `def` to its active version (live) or to one given version (a rebuild).
   * Live batches take the switch lock shared, so a rebuild's switch waits for them and they see the
   * new version as soon as it commits.
   *
   * Batches commit without waiting for the WAL flush (synchronous_commit off, this transaction
   * only): read models are derived, and a batch a crash loses takes its checkpoint with it, so it is
   * applied again after the restart. The events themselves are committed durably by append.
   */
  consumer(def: ProjectionDefinition, mode: 'live' | { version: number }, batchSize = this.options.batchSize ?? 500): CheckpointedConsumer {
    return new CheckpointedConsumer(
      this.store,
      this.notifications,
      {
        checkpointName: async (client) => {
          if (mode !== 'live') {
            // lz4 where the server has it: the status history's large states compress several times faster.
            await client.query(
              `SELECT set_config('synchronous_commit', 'off', true),
                      (SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings
                        WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals))`,
            );
            return consumerName(def.name, mode.version);
          }
          await client.query(`SELECT pg_advisory_xact_lock_shared($1, hashtext($2)), set_config('synchronous_commit', 'off', true)`, [
            SWITCH_CLASS,
            def.name,
          ]);
          const { rows } = await client.query('SELECT active_version FROM projections WHERE name = $1', [def.name]);
          if (!rows[0]) throw new Error(`projection ${def.name} is not registered (missing migration?)`);
          return consumerName(def.name, rows[0].active_version);
        },
        // A live batch continues the traces of the commands it applies; a rebuild's replays history.
        handle: (events, client, name) =>
          mode === 'live'
            ? inEventBatchSpan(`projection batch ${def.name}`, events, { 'projection.name': name }, () =>
                def.apply(events, this.applyContext(client, versionOf(name))),
              )
            : def.apply(events, this.applyContext(client, versionOf(name), true)),
      },
      {
        name: def.name,
        batchSize,
        pollMs: this.options.pollMs,
        onError: (err) => this.options.onError?.(def.name, err),
      },
    );
  }

  /** One batch; returns the number of events applied, or -1 when another process owns the batch. */
  processBatch(def: ProjectionDefinition, mode: 'live' | { version: number }, limit?: number): Promise<number> {
    return this.consumer(def, mode, limit).processBatch();
  }

  /** Applies everything currently readable to the active version, until done or the deadline (epoch ms). */
  catchUp(def: ProjectionDefinition, opts: { deadline?: number } = {}): Promise<number> {
    return this.consumer(def, 'live').drain(opts);
  }

  start(def: ProjectionDefinition): void {
    if (this.running.has(def.name)) return;
    const consumer = this.consumer(def, 'live');
    this.running.set(def.name, consumer);
    consumer.start();
  }

  async stop(name?: string): Promise<void> {
    for (const [n, consumer] of [...this.running]) {
      if (name && n !== name) continue;
      await consumer.stop();
      this.running.delete(n);
    }
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /** The live runner's state in this process (null when it does not run here). */
  runner(name: string): ConsumerStatus | null {
    return this.running.get(name)?.status() ?? null;
  }

  error(name: string): string | null {
    return this.running.get(name)?.status().lastError ?? null;
  }

  /** Builds the next version from position zero beside the active one, then switches readers (rebuild.ts). */
  rebuild(def: ProjectionDefinition, onProgress?: (p: RebuildProgress) => void | Promise<void>): Promise<RebuildProgress> {
    return rebuildProjection(this, def, onProgress);
  }

  /** Clears a rebuild whose process died (its lock is free): its tables are dropped, its row cleared. */
  recoverRebuild(def: ProjectionDefinition): Promise<RebuildRecovery> {
    return recoverAbandonedRebuild(this.store.pool, def);
  }

  /** Registry row, checkpoint, and lag (events and seconds) of a projection. */
  async status(name: string): Promise<{
    name: string;
    activeVersion: number;
    checkpoint: { transactionId: string; position: number };
    behind: number;
    lagSeconds: number;
    rebuilding: {
      version: number;
      done: number;
      total: number;
      eventsPerSecond: number;
      startedAt: string;
      error: string | null;
      /** false when no process holds the rebuild any more (it died); null when it ended with an error */
      ownerAlive: boolean | null;
    } | null;
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
              ownerAlive: r.building_version !== null && !r.rebuild_error ? await rebuildOwnerAlive(pool, name) : null,
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
