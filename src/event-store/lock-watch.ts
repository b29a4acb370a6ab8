// Whether the append statements are waiting on a lock in the database (another session's LOCK
// TABLE, a long transaction holding a conflicting lock), told apart from a busy pool or a slow
// server. Learnt from pg_stat_activity, asked only while a statement has been running for a while,
// and from lock_timeout errors; a statement that gets through ends the episode.
import { asSystem } from '../shared/db-scope.js';
import type pg from 'pg';

/** One append statement on its way: its server process once it has a connection. */
export interface RunningStatement {
  pid: number | null;
  startedAt: number;
}

// Only running statements count: one that just failed may show as idle before its error is handled.
const ACTIVE_SQL = `SELECT pid, wait_event_type = 'Lock' AS on_lock FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND state = 'active'`;

export class LockWatch {
  private readonly running = new Set<RunningStatement>();
  private since: number | null = null;
  private lastSeen = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    /** statements running this long are looked up; a lock wait is reported once it is this old */
    readonly afterMs = 1000,
  ) {}

  start(): RunningStatement {
    const statement: RunningStatement = { pid: null, startedAt: Date.now() };
    this.running.add(statement);
    this.arm();
    return statement;
  }

  end(statement: RunningStatement, err?: unknown): void {
    this.running.delete(statement);
    if (err === undefined) this.since = null;
    else if ((err as { code?: unknown } | null)?.code === '55P03') this.saw(statement.startedAt);
  }

  /** When appends began to wait on a lock (epoch ms), or null when they do not (as far as is known). */
  waitingSince(): number | null {
    // Evidence goes stale: with no append statement left to look at, the episode is over.
    if (this.since !== null && Date.now() - this.lastSeen > 5 * this.afterMs) this.since = null;
    return this.since;
  }

  private saw(startedAt: number): void {
    this.since = Math.min(this.since ?? startedAt, startedAt);
    this.lastSeen = Date.now();
  }

  private arm(): void {
    if (this.timer || this.running.size === 0) return;
    this.timer = setTimeout(() => {
      void this.look().finally(() => {
        this.timer = null;
        this.arm();
      });
    }, this.afterMs / 2);
    this.timer.unref();
  }

  private async look(): Promise<void> {
    const now = Date.now();
    const old = [...this.running].filter((s) => s.pid !== null && now - s.startedAt >= this.afterMs / 2);
    if (!old.length) return;
    try {
      // Other sessions' waits are visible to the connecting role only (pg_stat_activity): system work.
      const { rows } = await asSystem(() => this.pool.query(ACTIVE_SQL, [old.map((s) => s.pid)]));
      const onLock = new Set(rows.filter((r) => r.on_lock).map((r) => r.pid as number));
      const blocked = old.filter((s) => onLock.has(s.pid!));
      if (blocked.length) this.saw(Math.min(...blocked.map((s) => s.startedAt)));
      // Running, but on something else (a slow disk, a busy server): not a lock.
      else if (rows.length) this.since = null;
    } catch {
      // The pool or the server is out of reach: nothing learnt, and nothing to report as a lock.
    }
  }
}
