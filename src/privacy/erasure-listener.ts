// How a process learns of an erasure made in another one: the erasing transaction NOTIFYs the
// subject ids (PostgreSQL delivers it on commit), and every listening process forgets those subjects'
// keys and what it decided on them. A process whose connection dropped may have missed some, so it
// forgets everything it remembers whenever it connects again; until it notices a drop, the trust
// window of subject-keys.ts bounds what it may still use (docs/privacy.md).
import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { forgetSubjectIds, forgetSubjects } from './subject-keys.js';

export const ERASURES_CHANNEL = 'subject_erased';

/** The payloads announcing `subjectIds` (a NOTIFY payload holds under 8,000 bytes). */
export function erasureNotices(subjectIds: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < subjectIds.length; i += 100) out.push(subjectIds.slice(i, i + 100).join(','));
  return out;
}

export class ErasureListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly connectionString: string) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch(() => this.scheduleReconnect());
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'partnership-ledger-erasures' });
    client.on('notification', (n) => (n.payload ? forgetSubjectIds(n.payload.split(',')) : forgetSubjects()));
    client.on('error', () => {
      client.end().catch(() => undefined);
      if (this.client === client) this.client = null;
      forgetSubjects();
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${ERASURES_CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    // Whatever was erased while nobody listened here.
    forgetSubjects();
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

class ErasureListenerLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(ErasureListener) private readonly listener: ErasureListener) {}
  async onModuleInit() {
    await this.listener.start();
  }
  async onApplicationShutdown() {
    await this.listener.stop();
  }
}

/** Every process that seals or opens personal values listens (the API and the worker). */
@Module({})
export class ErasureListenerModule {
  static forRoot(options: { databaseUrl: string }): DynamicModule {
    return {
      module: ErasureListenerModule,
      providers: [{ provide: ErasureListener, useFactory: () => new ErasureListener(options.databaseUrl) }, ErasureListenerLifecycle],
    };
  }
}
