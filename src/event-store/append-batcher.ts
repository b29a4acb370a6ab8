// Group commit in the store: appends wait for one of a few statement slots, and those that arrive
// while every slot is busy go together in the next statement.
import type pg from 'pg';
import { appendOnce, onConnection, outcomeUnknown, StatementLost } from './append-outcome.js';
import { insertQuery, planAppend, withRecordedAt, type RowsToInsert } from './append-sql.js';
import { APPENDS_WAIT_ON_LOCK, DatabaseUnavailableError } from './availability.js';
import { EMPTY_HEAD, readHeads, type Head, type HeadCache } from './head-cache.js';
import { LockWatch } from './lock-watch.js';
import type { ExpectedVersion } from './types.js';
import type { PreparedEvent } from './validation.js';
import { currentDbScope, dbScopeKey, inDbScope, unionScope, type DbScope } from '../shared/db-scope.js';
import { inSpan } from '../shared/tracing.js';

/** At most this many rows in one statement of coalesced appends (14 values each, under pg's 65,535). */
const MAX_BATCH_ROWS = 1000;
/** Appends of at least this many events neither wait for a slot nor share a statement. */
const OWN_STATEMENT_ROWS = 20;
/**
 * While appends wait on a lock, one that has waited this long for a slot is answered instead of
 * sent (it would only wait on the same lock): no append waits much longer than lock_timeout.
 */
const QUEUED_BEHIND_LOCK_MS = 1000;

const lockWait = () => new DatabaseUnavailableError(APPENDS_WAIT_ON_LOCK, true);

/** Errors one append's rows can cause for a whole coalesced statement: each append is then sent alone. */
const perAppendError = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  // 40P01: two statements inserting the same streams' next versions in another order. 42501: one
  // organisation's row refused by the events' insert policy (a stream it may not write).
  return typeof code === 'string' && (code === '23505' || code === '40P01' || code === '42501' || code.startsWith('22'));
};

/** An append planned for a statement: its rows, the head they build on, the head they make. */
type Planned = RowsToInsert & { item: PendingAppend; head: Head };

/** What a trace shows of one append statement: its streams and the versions it writes. */
const statementAttributes = (planned: Planned[]) => ({
  'event_store.stream_id': planned[0].item.streamId,
  'event_store.version': planned[0].head.version,
  'event_store.streams': planned.map((p) => `${p.item.streamId}@${p.head.version}`),
  'event_store.events': planned.reduce((n, p) => n + p.item.prepared.length, 0),
  'event_store.appends': planned.length,
});

export interface PendingAppend {
  streamId: string;
  prepared: PreparedEvent[];
  expected: ExpectedVersion;
  /** after a failed attempt: read the head from the database, not from memory */
  fresh: boolean;
  resolve: (rows: pg.QueryResultRow[]) => void;
  reject: (err: unknown) => void;
  /** gives up waiting for a statement slot, as pg-pool gives up waiting for a connection */
  timer?: NodeJS.Timeout;
  queuedAt: number;
  /** whose append (row-level security): request appends share a statement in their union, system ones theirs */
  scope: DbScope;
  scopeKey: string;
}

export class AppendBatcher {
  /** Appends waiting for a statement slot; concurrent ones to different streams share one statement. */
  private readonly pending: PendingAppend[] = [];
  private sending = 0;
  readonly lockWatch: LockWatch;

  constructor(
    private readonly pool: pg.Pool,
    private readonly heads: HeadCache,
    /**
     * Statements of small appends in flight at once (default 2); appends beyond them wait and go
     * together, sharing one commit. Few slots measured best on 2 cores: see the README's Performance.
     */
    private readonly concurrency = 2,
    lockWaitReportMs?: number,
  ) {
    this.lockWatch = new LockWatch(pool, lockWaitReportMs);
  }

  /**
   * Sends an append's rows when a statement slot is free. Appends that arrive while every slot is
   * busy wait, and go together in the next statement (one per stream), so many writers share one
   * round trip and one commit instead of queueing for their own: group commit in the store. Each
   * append keeps its own guard, result and error.
   */
  submit(item: Omit<PendingAppend, 'resolve' | 'reject' | 'queuedAt' | 'scope' | 'scopeKey'>): Promise<pg.QueryResultRow[]> {
    const scope = currentDbScope();
    return new Promise((resolve, reject) => {
      const pending: PendingAppend = { ...item, resolve, reject, queuedAt: Date.now(), scope, scopeKey: dbScopeKey(scope) };
      this.pending.push(pending);
      this.flush();
      const waitMs = (this.pool.options as { connectionTimeoutMillis?: number }).connectionTimeoutMillis ?? 0;
      // Only an append left waiting for a slot needs the timer (most go at once); flush only removes,
      // so one still queued is still last.
      if (waitMs > 0 && this.pending.at(-1) === pending)
        pending.timer = setTimeout(() => {
          const at = this.pending.indexOf(pending);
          if (at < 0) return;
          this.pending.splice(at, 1);
          // Slots held by statements that wait on a lock get their own answer; otherwise the slots
          // stand for connections: the same answer as pg-pool's, so callers see the pool as exhausted.
          reject(
            this.lockWatch.waitingSince() !== null
              ? lockWait()
              : new Error('timeout exceeded when trying to connect: every append statement slot stayed busy'),
          );
        }, waitMs).unref();
    });
  }

  private flush(): void {
    // A large append's cost is its rows, not its commit: it goes at once, in a statement of its own.
    for (let i = 0; i < this.pending.length;) {
      if (this.pending[i].prepared.length >= OWN_STATEMENT_ROWS) this.dispatch(this.pending.splice(i, 1), false);
      else i++;
    }
    while (this.sending < this.concurrency && this.pending.length > 0) {
      const batch: PendingAppend[] = [];
      const streams = new Set<string>();
      let rows = 0;
      for (let i = 0; i < this.pending.length;) {
        const next = this.pending[i];
        // Two appends to one stream would build on the same head: the later waits for the next statement.
        if (
          streams.has(next.streamId) ||
          (batch.length > 0 && (rows + next.prepared.length > MAX_BATCH_ROWS || next.scopeKey !== batch[0].scopeKey))
        ) {
          i++;
          continue;
        }
        streams.add(next.streamId);
        rows += next.prepared.length;
        batch.push(next);
        this.pending.splice(i, 1);
      }
      this.dispatch(batch, true);
    }
  }

  private dispatch(batch: PendingAppend[], inSlot: boolean): void {
    for (const p of batch) clearTimeout(p.timer);
    // One order of streams in every statement, so two statements wait on each other's keys in one direction.
    batch.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    if (inSlot) this.sending++;
    // The statement runs as the appends' scope, not as whoever happened to free the slot.
    void inDbScope(unionScope(batch.map((p) => p.scope)), () => this.send(batch)).finally(() => {
      if (inSlot) this.sending--;
      this.flush();
    });
  }

  /**
   * Plans the appends of one statement on their streams' heads as this process knows them when the
   * statement goes (the heads of earlier statements' appends included), reading unknown heads in
   * one round trip, then inserts them together.
   */
  private async send(all: PendingAppend[]): Promise<void> {
    const planned: Planned[] = [];
    const behindLock = this.lockWatch.waitingSince() !== null;
    const batch: PendingAppend[] = [];
    for (const p of all) {
      if (behindLock && Date.now() - p.queuedAt >= QUEUED_BEHIND_LOCK_MS) p.reject(lockWait());
      else batch.push(p);
    }
    try {
      const unknown = batch.filter((p) => !this.heads.remembered(p.streamId, p.expected, p.fresh)).map((p) => p.streamId);
      const read = unknown.length ? await readHeads(this.pool, unknown) : new Map<string, Head>();
      for (const item of batch) {
        try {
          const head = this.heads.remembered(item.streamId, item.expected, item.fresh) ?? read.get(item.streamId) ?? EMPTY_HEAD;
          const plan = planAppend(item.streamId, item.prepared, item.expected, head);
          if (plan.kind === 'rows') planned.push({ item, ...plan });
          else
            item.resolve(
              await inSpan(
                'event-store append',
                () => ({ 'event_store.stream_id': item.streamId, 'event_store.events': item.prepared.length, 'event_store.appends': 1 }),
                () => inDbScope(item.scope, () => appendOnce(this.pool, plan.query, item.streamId, item.prepared)),
              ),
            );
        } catch (err) {
          item.reject(err);
        }
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    if (planned.length) await this.insertTogether(planned);
  }

  private async insertTogether(planned: Planned[]): Promise<void> {
    const statement = this.lockWatch.start();
    try {
      const rows = await inSpan(
        'event-store append',
        () => statementAttributes(planned),
        () =>
          onConnection(this.pool, insertQuery(planned), (pid) => {
            statement.pid = pid;
            statement.startedAt = Date.now();
          }),
      );
      this.lockWatch.end(statement);
      for (const { item, head } of planned) {
        const mine = withRecordedAt(
          rows.filter((r) => r.stream_id === item.streamId),
          head.recordedAtMs,
        );
        if (mine.length) this.heads.remember(item.streamId, head);
        else this.heads.forget(item.streamId);
        item.resolve(mine);
      }
    } catch (err) {
      this.lockWatch.end(statement, err);
      for (const { item } of planned) this.heads.forget(item.streamId);
      if (err instanceof StatementLost) {
        for (const { item } of planned) item.reject(outcomeUnknown(item.streamId, item.prepared, err));
      } else if (planned.length > 1 && perAppendError(err)) {
        // One append's conflict, value or refusal failed the statement for all: each goes alone, in
        // its own scope, to get its own answer.
        for (const p of planned) await inDbScope(p.item.scope, () => this.insertTogether([p]));
      } else {
        for (const { item } of planned) item.reject(err);
      }
    }
  }
}
