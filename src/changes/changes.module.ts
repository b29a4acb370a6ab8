import { Inject, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { EventNotifications } from '../event-store/notifications.js';
import { PostgresEventStore } from '../event-store/postgres-event-store.js';
import { ChangeFeed } from './change-feed.js';
import { ChangesController } from './changes.controller.js';

/** Looks for missed events at least this often while a reader waits (notifications usually come first). */
const FALLBACK_POLL_MS = 1000;

class ChangeFeedLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(ChangeFeed) private readonly feed: ChangeFeed) {}
  // Before the HTTP server closes: it waits for open connections, and a stream never ends by itself.
  beforeApplicationShutdown() {
    this.feed.closeAll();
  }
}

/** The change feed for integrators who pull: a page, a long poll, or Server-Sent Events. */
@Module({
  controllers: [ChangesController],
  providers: [
    {
      provide: ChangeFeed,
      inject: [PostgresEventStore, EventNotifications],
      useFactory: (store: PostgresEventStore, notifications: EventNotifications) =>
        new ChangeFeed(store, notifications, { pollMs: FALLBACK_POLL_MS }),
    },
    ChangeFeedLifecycle,
  ],
  exports: [ChangeFeed],
})
export class ChangesModule {}
