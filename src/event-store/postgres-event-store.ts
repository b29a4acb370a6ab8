import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { AppendBatcher } from './append-batcher.js';
import { findStored, outcomeOf, type AppendOutcome } from './append-outcome.js';
import { ExpectationFailed, insertQuery, planAppend, withRecordedAt } from './append-sql.js';
import { AppendOutcomeUnknownError, ConcurrencyError, EventStoreInputError, StreamContentionError } from './errors.js';
import { newEventId } from './event-ids.js';
import { HeadCache, toHead } from './head-cache.js';
import * as reads from './reads.js';
import { toAppendResult, type Queryable } from './reads.js';
import { withTransaction } from './transaction.js';
import type { AppendResult, Checkpoint, ExpectedVersion, NewEvent, ReadStreamOptions, StoredEvent } from './types.js';
import { assertStreamId, expectedToSql, prepareEvents } from './validation.js';

export { READ_ALL_SQL } from './reads.js';

export const EVENTS_CHANNEL = 'partnership_ledger_events';

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  /** Append inside the caller's transaction (e.g. to write an inline projection atomically). */
  client?: pg.ClientBase;
  /**
   * The organisation recording the events (events.organisation_id, and metadata.organisationId so the
   * hash covers it). The store does not know what it means; omitted: the instance's first organisation.
   */
  organisationId?: string;
}

/**
 * The PostgreSQL event store. Hand-written SQL throughout: append is the hottest path in the
 * service and sends one guarded INSERT of rows hashed here (see append-sql.ts and canonical.ts),
 * through the group commit of append-batcher.ts; append-outcome.ts settles appends whose
 * connection broke; reads.ts holds the reads.
 */
export class PostgresEventStore {
  /** Emits 'appended' after a commit in this process, so local subscribers wake without a round trip. */
  readonly local = new EventEmitter();
  private notifyTimer: NodeJS.Timeout | null = null;
  private readonly heads = new HeadCache();
  private closed = false;
  private readonly batcher: AppendBatcher;

  constructor(
    readonly pool: pg.Pool,
    private readonly options: {
      notifyDelayMs?: number;
      outcomeLookupMs?: number;
      /**
       * Statements of small appends in flight at once (default 2); appends beyond them wait and go
       * together, sharing one commit. Few slots measured best on 2 cores: see the README's Performance.
       */
      appendConcurrency?: number;
    } = {},
  ) {
    this.local.setMaxListeners(0);
    this.batcher = new AppendBatcher(pool, this.heads, options.appendConcurrency ?? 2);
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    assertStreamId(streamId);
    const expectedVersion = options.expectedVersion ?? 'any';
    expectedToSql(expectedVersion);
    const prepared = prepareEvents(events, newEventId, options.organisationId);
    for (let attempt = 1; ; attempt++) {
      let rows: pg.QueryResultRow[];
      try {
        if (options.client) {
          // Inside a caller's transaction a broken connection means no commit: the caller knows nothing was written.
          const head = await this.heads.headOf(streamId, expectedVersion, options.client, attempt > 1);
          const planned = planAppend(streamId, prepared, expectedVersion, head);
          rows =
            planned.kind === 'rows'
              ? withRecordedAt((await options.client.query(insertQuery([planned]))).rows, planned.head.recordedAtMs)
              : (await options.client.query(planned.query)).rows;
        } else rows = await this.batcher.submit({ streamId, prepared, expected: expectedVersion, fresh: attempt > 1 });
      } catch (err) {
        this.heads.forget(streamId);
        if (err instanceof AppendOutcomeUnknownError) throw err;
        const code = err instanceof ExpectationFailed ? 'PL412' : (err as { code?: string }).code;
        if (code !== 'PL412' && code !== '23505') throw this.translate(err);
        // Off the hot path: was it a retry of events already stored, a reused id, or a lost race?
        const earlier = await findStored(this.pool, streamId, JSON.stringify(prepared), prepared.length);
        if (earlier) return earlier;
        const positionFree = expectedVersion === 'any' || (expectedVersion === 'stream_exists' && code === '23505');
        // Inside a caller's transaction the error has aborted it: only the caller can retry.
        if (positionFree && !options.client && attempt < 50) continue;
        if (positionFree && attempt >= 50) throw new StreamContentionError(streamId);
        const actual =
          err instanceof ExpectationFailed
            ? err.actual
            : code === 'PL412'
              ? Number((err as { detail?: string }).detail)
              : await this.streamVersion(streamId);
        throw new ConcurrencyError(streamId, expectedVersion, actual);
      }
      if (rows.length === 0) {
        // The stream's head is not the one this plan built on (another writer, or a vanished event): ask again.
        this.heads.forget(streamId);
        if (attempt < 50) continue;
        throw new StreamContentionError(streamId);
      }
      rows.sort((a, b) => a.stream_version - b.stream_version);
      const result = toAppendResult(streamId, rows, false);
      // Inside a caller's transaction the events are not visible yet; the caller signals after commit.
      if (options.client) this.heads.forget(streamId);
      else this.signalAppended();
      return result;
    }
  }

  /**
   * What became of an append whose connection broke (AppendOutcomeUnknownError): looks its event
   * ids up on a fresh connection once the server process that ran it is gone (ending it if it still
   * runs, so it cannot commit after the lookup). 'written' with the stored events, 'not_written',
   * or 'unknown' when the database stayed out of reach for `withinMs`. Other content under these
   * ids (a reused id) is an IdempotencyConflictError, as it would have been on append.
   */
  async outcomeOf(lost: AppendOutcomeUnknownError, withinMs = this.options.outcomeLookupMs ?? 3000): Promise<AppendOutcome> {
    const outcome = await outcomeOf(this.pool, lost, withinMs);
    if (outcome.status === 'written') this.signalAppended();
    return outcome;
  }

  /**
   * How long appends have been waiting on a lock another database session holds, or null when they
   * are not (as far as the store has seen: see lock-watch.ts). Readiness reports it.
   */
  appendsWaitingOnLockMs(): number | null {
    const since = this.batcher.lockWatch.waitingSince();
    return since === null ? null : Date.now() - since;
  }

  /** Runs fn in one transaction; subscribers are woken only after it commits. */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const value = await withTransaction(this.pool, fn);
    this.signalAppended();
    return value;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}, db: Queryable = this.pool): Promise<StoredEvent[]> {
    assertStreamId(streamId);
    const rows = await reads.readStreamRows(db, streamId, options);
    const last = rows[rows.length - 1];
    // A read to the end of the stream saw its head: the next append can build on it without asking.
    if (
      last &&
      db === this.pool &&
      options.direction !== 'backward' &&
      options.toVersion === undefined &&
      (options.limit ?? null) === null &&
      this.heads.version(streamId) <= last.stream_version
    )
      this.heads.remember(streamId, toHead(last));
    return rows.map(reads.toStoredEvent);
  }

  /** One event by id, or null; lets a retried command find what its first attempt wrote. */
  getEvent(eventId: string, db: Queryable = this.pool): Promise<StoredEvent | null> {
    return reads.getEvent(db, eventId);
  }

  async streamVersion(streamId: string, db: Queryable = this.pool): Promise<number> {
    assertStreamId(streamId);
    return reads.streamVersion(db, streamId);
  }

  /**
   * Events after `after` in gap-safe global order: only transactions older than every transaction
   * still running are read, so an event that commits late with a lower position is never skipped.
   */
  readAll(after: Checkpoint, limit = 500, db: Queryable = this.pool): Promise<StoredEvent[]> {
    return reads.readAll(db, after, limit);
  }

  /** The newest checkpoint a reader could reach now, and how many events lie beyond `after`. */
  head(after?: Checkpoint, db: Queryable = this.pool): Promise<{ checkpoint: Checkpoint; behind: number | null }> {
    return reads.head(db, after);
  }

  /**
   * The position of the newest committed event, whether or not readers can reach it yet (an older
   * open transaction may hold the horizon back). "Wait until a consumer has seen everything recorded
   * so far" waits for this; starting a reader from it would skip events — use head() for that.
   */
  latestCommitted(db: Queryable = this.pool): Promise<Checkpoint> {
    return reads.latestCommitted(db);
  }

  /** Wakes local subscribers now and other processes (LISTEN) shortly after, coalescing bursts into one NOTIFY. */
  signalAppended(): void {
    this.local.emit('appended');
    if (this.notifyTimer || this.closed) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      if (this.closed) return;
      this.pool.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`).catch(() => undefined);
    }, this.options.notifyDelayMs ?? 5);
    this.notifyTimer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
  }

  private translate(err: unknown): unknown {
    const e = err as { code?: string; detail?: string };
    switch (e?.code) {
      case '22P02':
      case '22023':
        // The driver's message stays in the cause (for the log), out of the reason a client may see.
        return Object.assign(new EventStoreInputError('events', 'holds a value the database cannot store'), { cause: err });
      default:
        return err;
    }
  }
}
