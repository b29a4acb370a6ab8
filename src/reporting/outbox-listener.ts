import pg from 'pg';

const OUTBOX_CHANNEL = 'report_outbox';

/**
 * LISTENs for the outbox trigger's NOTIFY, which PostgreSQL delivers right after the inserting
 * transaction commits, in whichever process it ran (the dispatcher's batch, another API process).
 * Polling stays the fallback: a dropped connection only adds latency. Calls `onWake` after every
 * (re)connect too, since notifications sent while disconnected are gone.
 */
export class OutboxListener {
  private client: pg.Client | null = null;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly onWake: () => void,
    private readonly retryMs = 1000,
    private readonly channel = OUTBOX_CHANNEL,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect().catch(() => this.scheduleReconnect());
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'partnership-ledger-outbox' });
    client.on('notification', () => this.onWake());
    client.on('error', () => {
      client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.onWake();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect().catch(() => this.scheduleReconnect());
    }, this.retryMs);
    this.timer.unref();
  }

  get connected(): boolean {
    return this.client !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const c = this.client;
    this.client = null;
    // A connection cut by the network may never answer the goodbye; do not hang shutdown on it.
    if (c) await Promise.race([c.end().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
  }
}
