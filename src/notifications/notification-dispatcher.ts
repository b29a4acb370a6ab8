// Turns new entries into mails and webhook deliveries: a checkpointed consumer of the global log
// (like the report dispatcher), writing the outbox rows in the transaction that moves its
// checkpoint. Nothing is sent here and Redis plays no part; the delivery worker sends after commit.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CheckpointedConsumer, EventNotifications, PostgresEventStore, type StoredEvent } from '../event-store/index.js';
import { streamOrganisations } from '../organisations/acting.js';
import { Clock } from '../shared/clock.js';
import { inEventBatchSpan } from '../shared/tracing.js';
import { webhookBody } from './entry-view.js';
import { addEntry } from './mail-outbox.js';
import { mailDomain } from './mail-sender.js';
import { addDelivery } from './webhook-deliveries.js';

const NOTIFICATION_DISPATCHER = 'notification-dispatcher';

/** null: all; otherwise the value must be listed. */
const wants = (list: string[] | null, value: string) => list === null || list.includes(value);

/** Active subscribers with an address, and enabled endpoints, of every organisation. */
async function listeners(db: pg.ClientBase) {
  // One after the other: a client runs one query at a time anyway.
  const subs = await db.query(
    `SELECT s.organisation_id, s.person_id, s.partnerships, s.kinds FROM notification_subscriptions s
         JOIN person p ON p.id = s.person_id WHERE s.active AND p.email IS NOT NULL`,
  );
  const eps = await db.query(`SELECT organisation_id, id, events FROM webhook_endpoints WHERE state = 'enabled'`);
  return {
    subscribers: subs.rows.map((r) => ({
      organisationId: r.organisation_id as string,
      personId: r.person_id as string,
      partnerships: r.partnerships as string[] | null,
      kinds: r.kinds as string[] | null,
    })),
    endpoints: eps.rows.map((r) => ({ organisationId: r.organisation_id as string, id: r.id as string, events: r.events as string[] })),
  };
}

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
      { handle: (events, client) => inEventBatchSpan('notification dispatch batch', events, {}, () => this.handle(events, client)) },
      {
        name: NOTIFICATION_DISPATCHER,
        batchSize: 200,
        pollMs: config.PROJECTION_POLL_MS,
        onError: (err) => this.logger.warn(`notification batch rolled back, will retry: ${(err as Error).message}`),
      },
    );
  }

  /**
   * Who wants what is read once per batch (both tables are small), so a log with no subscribers and
   * no endpoints costs two queries per batch, not two per event.
   */
  async handle(events: StoredEvent[], client: pg.PoolClient): Promise<void> {
    const now = this.clock.now();
    const { subscribers, endpoints } = await listeners(client);
    if (!subscribers.length && !endpoints.length) return;
    for (const e of events) {
      for (const organisationId of await streamOrganisations(client, e.streamId)) {
        for (const s of subscribers) {
          if (s.organisationId !== organisationId || !wants(s.partnerships, e.streamId) || !wants(s.kinds, e.type)) continue;
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
        const matching = endpoints.filter(
          (ep) => ep.organisationId === organisationId && (ep.events.includes('*') || ep.events.includes(e.type)),
        );
        if (!matching.length) continue;
        const body = webhookBody(e);
        for (const ep of matching) {
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
