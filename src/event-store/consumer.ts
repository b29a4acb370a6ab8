import type pg from 'pg';
import type { EventNotifications } from './notifications.js';
import type { PostgresEventStore } from './postgres-event-store.js';
import { withTransaction } from './transaction.js';
import { START, type Checkpoint, type StoredEvent } from './types.js';

export interface ConsumerHandler {
  /**
   * Runs first in each batch's transaction and names the checkpoint (and lock) the batch uses, e.g.
   * a projection's active version; without it the consumer's own name is used.
   */
  checkpointName?(client: pg.PoolClient): Promise<string>;
  /** Applies a batch using `client`, inside the transaction that also moves the checkpoint. */
  handle(events: StoredEvent[], client: pg.PoolClient, checkpointName: string): Promise<void>;
}

export interface ConsumerOptions {
  name: string;
  batchSize?: number;
  pollMs?: number;
  /** Called with errors from a batch; the batch is rolled back and retried after a backoff. */
  onError?: (err: unknown) => void;
}

export interface ConsumerStatus {
  name: string;
  running: boolean;
  checkpoint: Checkpoint;
  processed: number;
  lastBatchAt: string | null;
  lastError: string | null;
  consecutiveErrors: number;
}

// A fixed first key keeps consumer locks apart from any other advisory lock in the database.
export const LOCK_CLASS = 0x504c; // 'PL'

export async function readCheckpoint(db: pg.ClientBase | pg.Pool, name: string): Promise<Checkpoint> {
  const { rows } = await db.query(
    'SELECT transaction_id::text AS transaction_id, global_position FROM consumer_checkpoints WHERE name = $1',
    [name],
  );
  return rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].global_position) } : { ...START };
}

async function writeCheckpoint(db: pg.ClientBase, name: string, cp: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO consumer_checkpoints (name, transaction_id, global_position, updated_at) VALUES ($1, $2::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
       global_position = EXCLUDED.global_position, updated_at = now()`,
    [name, cp.transactionId, cp.position],
  );
}

/**
 * Reads the events after a consumer's checkpoint, hands them to `handle` and moves the checkpoint,
 * all on `client`, inside the caller's transaction: output and checkpoint commit together.
 */
export async function applyBatch(
  client: pg.PoolClient,
  store: PostgresEventStore,
  name: string,
  limit: number,
  handle: (events: StoredEvent[]) => Promise<void>,
): Promise<{ applied: number; checkpoint: Checkpoint }> {
  const checkpoint = await readCheckpoint(client, name);
  const events = await store.readAll(checkpoint, limit, client);
  if (events.length === 0) return { applied: 0, checkpoint };
  await handle(events);
  const last = events[events.length - 1];
  const next = { transactionId: last.transactionId, position: last.globalPosition };
  await writeCheckpoint(client, name, next);
  return { applied: events.length, checkpoint: next };
}

/**
 * A checkpointed consumer of the global log. Each batch runs in one transaction that holds an
 * advisory lock on the consumer's name (one owner at a time, safe behind a transaction-mode pooler),
 * reads the checkpoint, applies the events and writes the new checkpoint: a crash replays the batch.
 */
export class CheckpointedConsumer {
  private running = false;
  private loop: Promise<void> | null = null;
  private abort = new AbortController();
  private state: ConsumerStatus;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly notifications: EventNotifications | null,
    private readonly handler: ConsumerHandler,
    private readonly options: ConsumerOptions,
  ) {
    this.state = {
      name: options.name,
      running: false,
      checkpoint: { ...START },
      processed: 0,
      lastBatchAt: null,
      lastError: null,
      consecutiveErrors: 0,
    };
  }

  get name(): string {
    return this.options.name;
  }

  status(): ConsumerStatus {
    return { ...this.state, running: this.running };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
    this.loop = null;
  }

  /**
   * Processes one batch if this process can take the lock.
   * Returns the number of events applied, or -1 when another owner holds the consumer.
   */
  async processBatch(): Promise<number> {
    const result = await withTransaction(this.store.pool, async (client) => {
      const name = this.handler.checkpointName ? await this.handler.checkpointName(client) : this.options.name;
      const { rows } = await client.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [LOCK_CLASS, name]);
      if (!rows[0].ok) return null;
      return applyBatch(client, this.store, name, this.options.batchSize ?? 500, (events) => this.handler.handle(events, client, name));
    });
    if (!result) return -1;
    this.state.checkpoint = result.checkpoint;
    if (result.applied) {
      this.state.processed += result.applied;
      this.state.lastBatchAt = new Date().toISOString();
    }
    return result.applied;
  }

  /**
   * Processes until nothing is left, another process owns the consumer, or the deadline (epoch ms)
   * passes (used by tests, the CLI and read-your-writes, which must not outlast its request).
   */
  async drain(opts: { deadline?: number } = {}): Promise<number> {
    let total = 0;
    while (opts.deadline === undefined || Date.now() < opts.deadline) {
      const n = await this.processBatch();
      if (n <= 0) return total;
      total += n;
    }
    return total;
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1000;
    while (this.running) {
      let wait = 0;
      try {
        const n = await this.processBatch();
        this.state.lastError = null;
        this.state.consecutiveErrors = 0;
        // Wake-ups that came while a batch ran are gone, so after a batch that found events look
        // again at once; wait only when there was nothing to do (or another process owns the consumer).
        if (n <= 0) wait = pollMs;
      } catch (err) {
        this.state.lastError = err instanceof Error ? err.message : String(err);
        this.state.consecutiveErrors++;
        this.options.onError?.(err);
        wait = Math.min(30_000, 200 * 2 ** Math.min(this.state.consecutiveErrors, 8));
      }
      if (wait && this.running) {
        if (this.notifications && this.state.consecutiveErrors === 0) await this.notifications.wait(wait, this.abort.signal);
        else await sleep(wait, this.abort.signal);
      }
    }
  }
}

/** A pause that ends early when the signal aborts (so stop() never waits out a backoff). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}
