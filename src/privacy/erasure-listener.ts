// How a process learns of an erasure made in another one: the erasing transaction NOTIFYs the
// subject ids (PostgreSQL delivers it on commit), and every listening process forgets those subjects'
// keys and what it decided on them. A process whose connection dropped may have missed some, so it
// forgets everything it remembers whenever it connects again; until it notices a drop, the trust
// window of subject-keys.ts bounds what it may still use (docs/privacy.md).
import { Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ListenConnection } from '../event-store/listen-connection.js';
import { forgetSubjectIds, forgetSubjects } from './subject-keys.js';

export const ERASURES_CHANNEL = 'subject_erased';

/** The payloads announcing `subjectIds` (a NOTIFY payload holds under 8,000 bytes). */
export function erasureNotices(subjectIds: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < subjectIds.length; i += 100) out.push(subjectIds.slice(i, i + 100).join(','));
  return out;
}

export class ErasureListener {
  private readonly listen: ListenConnection;

  constructor(connectionString: string) {
    this.listen = new ListenConnection(connectionString, ERASURES_CHANNEL, 'partnership-ledger-erasures', {
      notification: (payload) => (payload ? forgetSubjectIds(payload.split(',')) : forgetSubjects()),
      // Whatever was erased while nobody listened here.
      listening: () => forgetSubjects(),
      lost: () => forgetSubjects(),
    });
  }

  start(): Promise<void> {
    return this.listen.start();
  }

  stop(): Promise<void> {
    return this.listen.stop();
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
