import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { EventNotifications } from './notifications.js';
import { poolOf } from './pool.js';
import { PostgresEventStore } from './postgres-event-store.js';

export const PG_POOL = Symbol('PG_POOL');

class NotificationsLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EventNotifications) private readonly notifications: EventNotifications,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}
  async onModuleInit() {
    await this.notifications.start();
  }
  async onApplicationShutdown() {
    await this.notifications.stop();
    this.store.close();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  /** `databaseUrl`: where LISTEN connects (the pool comes from TypeORM's data source). */
  static forRoot(options: { databaseUrl: string }): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: PG_POOL, inject: [DataSource], useFactory: (ds: DataSource) => poolOf(ds) },
        { provide: PostgresEventStore, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new PostgresEventStore(pool) },
        {
          provide: EventNotifications,
          inject: [PostgresEventStore],
          useFactory: (store: PostgresEventStore) => new EventNotifications(options.databaseUrl, store),
        },
        NotificationsLifecycle,
      ],
      exports: [PG_POOL, PostgresEventStore, EventNotifications],
    };
  }
}
