// Reads the change feed: the store's events after a place in its gap-safe global order, waiting for
// new ones when asked to. Waiting is woken by the store's append notifications; a poll stays the
// fallback (a notification lost with a dropped LISTEN connection, or a commit still behind the horizon).
import type { EventNotifications } from '../event-store/notifications.js';
import type { PostgresEventStore } from '../event-store/postgres-event-store.js';
import type { Checkpoint, StoredEvent } from '../event-store/types.js';
import { openEvents } from '../privacy/sealing.js';

export interface ChangePage {
  events: StoredEvent[];
  /** where the next read starts: after the last event here, or where this read started */
  next: Checkpoint;
  /** more events were ready than the page holds */
  more: boolean;
}

export interface ChangeFeedOptions {
  /** the longest pause between two looks while waiting (the fallback when no notification comes) */
  pollMs: number;
}

/** After a wake-up that found nothing yet: the first look again, doubling up to the cap. */
const RETRY_MS = 25;
const RETRY_MAX_MS = 1000;

export const placeAfter = (e: StoredEvent): Checkpoint => ({ transactionId: e.transactionId, position: e.globalPosition });

export class ChangeFeed {
  /** Requests and streams waiting right now; shutdown ends them so the server can close. */
  private readonly open = new Set<AbortController>();

  constructor(
    private readonly store: PostgresEventStore,
    private readonly notifications: EventNotifications | null,
    private readonly options: ChangeFeedOptions,
  ) {}

  /** Events after `after`, at most `limit`; only transactions older than every running one (see reads.ts). */
  async read(after: Checkpoint, limit: number, organisationId?: string): Promise<ChangePage> {
    // One row more than the page tells whether more are ready.
    const rows = await this.store.readAll(after, limit + 1);
    const read = rows.slice(0, limit);
    const next = read.length ? placeAfter(read[read.length - 1]) : after;
    // An organisation sees the events of the partnerships it may read; the cursor still moves past the others.
    const events = await openEvents(this.store.pool, organisationId ? await this.readable(read, organisationId) : read);
    return { events, next, more: rows.length > limit };
  }

  private async readable(events: StoredEvent[], organisationId: string): Promise<StoredEvent[]> {
    if (!events.length) return events;
    const { rows } = await this.store.pool.query(
      `SELECT DISTINCT stream_id FROM partnership_access
        WHERE organisation_id = $1 AND stream_id = ANY($2) AND (until IS NULL OR until > now())`,
      [organisationId, [...new Set(events.map((e) => e.streamId))]],
    );
    const streams = new Set(rows.map((r) => r.stream_id as string));
    return events.filter((e) => streams.has(e.streamId));
  }

  /**
   * The next page, waiting up to `waitMs` for one that is not empty. The waiter is set before each
   * read, so an append that commits between the read and the wait still wakes it.
   */
  async next(after: Checkpoint, limit: number, waitMs: number, signal?: AbortSignal, organisationId?: string): Promise<ChangePage> {
    const deadline = Date.now() + waitMs;
    let pauseMs = this.options.pollMs;
    for (;;) {
      const look = new AbortController();
      const stop = () => look.abort();
      signal?.addEventListener('abort', stop, { once: true });
      const remaining = deadline - Date.now();
      const asked = Math.min(remaining, pauseMs);
      const paused = Date.now();
      const woken = remaining > 0 ? this.pause(asked, look.signal) : null;
      try {
        const page = await this.read(after, limit, organisationId);
        const moved = page.next.position !== after.position || page.next.transactionId !== after.transactionId;
        if (page.events.length || moved || !woken || signal?.aborted) return page;
        await woken;
      } finally {
        look.abort();
        signal?.removeEventListener('abort', stop);
      }
      // Woken, yet the read found nothing: the commit is still behind the horizon (an older
      // transaction runs). Something is coming, so look again soon, backing off, not at the next poll.
      if (Date.now() - paused < asked) pauseMs = RETRY_MS;
      else if (pauseMs < this.options.pollMs) pauseMs = Math.min(pauseMs * 2, RETRY_MAX_MS, this.options.pollMs);
    }
  }

  /** A signal that fires on `end` (the client went, the answer is sent) or when the service shuts down. */
  session(): { signal: AbortSignal; end: () => void } {
    const ac = new AbortController();
    this.open.add(ac);
    return {
      signal: ac.signal,
      end: () => {
        ac.abort();
        this.open.delete(ac);
      },
    };
  }

  /** Long polls and streams in progress (tests and shutdown). */
  get openSessions(): number {
    return this.open.size;
  }

  /** Ends every wait and stream: long polls answer what they have, streams end. */
  closeAll(): void {
    for (const ac of this.open) ac.abort();
    this.open.clear();
  }

  private pause(ms: number, signal: AbortSignal): Promise<void> {
    if (this.notifications) return this.notifications.wait(ms, signal);
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}
