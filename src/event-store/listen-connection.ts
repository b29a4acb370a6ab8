// One LISTEN connection that comes back by itself: a dropped connection is ended and opened again
// every second until it listens again. The store's append wake-ups and the erasure notices use it.
import pg from 'pg';

export interface ListenHandlers {
  notification: (payload: string | undefined) => void;
  /** listening (again): notices sent while it did not listen are lost */
  listening?: () => void;
  /** the connection dropped */
  lost?: () => void;
}

export class ListenConnection {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly applicationName: string,
    private readonly handlers: ListenHandlers,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch(() => this.scheduleReconnect());
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: this.applicationName });
    client.on('notification', (n) => this.handlers.notification(n.payload));
    client.on('error', () => {
      client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      this.handlers.lost?.();
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.handlers.listening?.();
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

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const c = this.client;
    this.client = null;
    // A connection cut by the network may never answer the goodbye; do not hang shutdown on it.
    if (c) await Promise.race([c.end().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
  }
}
