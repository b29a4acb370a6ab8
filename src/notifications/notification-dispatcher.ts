// Turns new entries into mails and webhook deliveries: a checkpointed consumer of the global log
// (like the report dispatcher), writing the outbox rows in the transaction that moves its
// checkpoint. Nothing is sent here and Redis plays no part; the delivery worker sends after commit.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CheckpointedConsumer, EventNotifications, PostgresEventStore, type StoredEvent } from '../event-store/index.js';
import { streamOrganisations } from '../organisations/acting.js';
import { Clock } from '../shared/clock.js';
import { webhookBody } from './entry-view.js';
import { addEntry } from './mail-outbox.js';
import { mailDomain } from './mail-sender.js';
import { entrySubscribers } from './subscriptions.js';
import { addDelivery } from './webhook-deliveries.js';
import { endpointsFor } from './webhooks.js';

const NOTIFICATION_DISPATCHER = 'notification-dispatcher';

@Injectable()
export class NotificationDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('NotificationDispatcher');
  readonly consumer: CheckpointedConsumer;
  private readonly domain: string;

  constructor(
    @Inject(PostgresEventStore) store: PostgresEventStore,
    @Inject(EventNotifications) notifications: EventNotifications,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.domain = mailDomain(config);
    this.consumer = new CheckpointedConsumer(
      store,
      notifications,
      { handle: (events, client) => this.handle(events, client) },
      {
        name: NOTIFICATION_DISPATCHER,
        batchSize: 200,
        pollMs: config.PROJECTION_POLL_MS,
        onError: (err) => this.logger.warn(`notification batch rolled back, will retry: ${(err as Error).message}`),
      },
    );
  }

  async handle(events: StoredEvent[], client: pg.PoolClient): Promise<void> {
    const now = this.clock.now();
    for (const e of events) {
      for (const organisationId of await streamOrganisations(client, e.streamId)) {
        for (const s of await entrySubscribers(client, organisationId, e.streamId, e.type)) {
          await addEntry(
            client,
            {
              organisationId,
              personId: s.personId,
              eventId: e.eventId,
              partnershipId: e.streamId,
              eventType: e.type,
              occurredAt: e.occurredAt,
              recordedAt: e.recordedAt,
            },
            now,
            this.config.MAIL_BATCH_SECONDS,
            this.domain,
          );
        }
        const endpoints = await endpointsFor(client, organisationId, e.type);
        if (!endpoints.length) continue;
        const body = webhookBody(e);
        for (const ep of endpoints) {
          await addDelivery(client, { organisationId, endpointId: ep.id, eventId: e.eventId, eventType: e.type, body }, now);
        }
      }
    }
  }

  start(): void {
    this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
