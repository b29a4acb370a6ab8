import { EventEmitter } from 'node:events';
import pg from 'pg';
import { EVENTS_CHANNEL, type PostgresEventStore } from './postgres-event-store.js';

/**
 * Wakes consumers when events are appended: locally through the store's emitter, across processes
 * through LISTEN. Polling stays the fallback, so a dropped connection only adds latency.
 */
export class EventNotifications {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly onLocal = () => this.emitter.emit('wake');

  constructor(
    private readonly connectionString: string,
    private readonly store: PostgresEventStore,
  ) {
    this.emitter.setMaxListeners(0);
    store.local.on('appended', this.onLocal);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch(() => this.scheduleReconnect());
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'partnership-ledger-listen' });
    client.on('notification', () => this.emitter.emit('wake'));
    client.on('error', () => {
      client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch(() => this.scheduleReconnect());
    }, 1000);
    this.reconnectTimer.unref();
  }

  /** Resolves on the next append notification, after timeoutMs, or when the signal aborts. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.emitter.off('wake', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.emitter.on('wake', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.store.local.off('appended', this.onLocal);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.emitter.emit('wake');
    const c = this.client;
    this.client = null;
    // A connection cut by the network may never answer the goodbye; do not hang shutdown on it.
    if (c) await Promise.race([c.end().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
  }
}
