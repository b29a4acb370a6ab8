import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { poolOf } from '../config/database.js';
import { EventNotifications } from './notifications.js';
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
  static forRoot(): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: PG_POOL, inject: [DataSource], useFactory: (ds: DataSource) => poolOf(ds) },
        { provide: PostgresEventStore, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new PostgresEventStore(pool) },
        {
          provide: EventNotifications,
          inject: [APP_CONFIG, PostgresEventStore],
          useFactory: (config: AppConfig, store: PostgresEventStore) => new EventNotifications(config.DATABASE_URL, store),
        },
        NotificationsLifecycle,
      ],
      exports: [PG_POOL, PostgresEventStore, EventNotifications],
    };
  }
}
