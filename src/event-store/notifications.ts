import { EventEmitter } from 'node:events';
import { ListenConnection } from './listen-connection.js';
import { EVENTS_CHANNEL, type PostgresEventStore } from './postgres-event-store.js';

/**
 * Wakes consumers when events are appended: locally through the store's emitter, across processes
 * through LISTEN. Polling stays the fallback, so a dropped connection only adds latency.
 */
export class EventNotifications {
  private readonly emitter = new EventEmitter();
  private readonly onLocal = () => this.emitter.emit('wake');
  private readonly listen: ListenConnection;

  constructor(
    connectionString: string,
    private readonly store: PostgresEventStore,
  ) {
    this.emitter.setMaxListeners(0);
    store.local.on('appended', this.onLocal);
    this.listen = new ListenConnection(connectionString, EVENTS_CHANNEL, 'partnership-ledger-listen', {
      notification: () => this.emitter.emit('wake'),
    });
  }

  start(): Promise<void> {
    return this.listen.start();
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
    this.store.local.off('appended', this.onLocal);
    this.emitter.emit('wake');
    await this.listen.stop();
  }
}
