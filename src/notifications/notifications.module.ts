import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { ObligationReminders } from '../obligations/reminders.js';
import { ObligationsModule } from '../obligations/obligations.module.js';
import { ReadinessContributors } from '../shared/readiness.js';
import { loadPageCodes } from '../web/page-codes.js';
import { pendingMails } from './mail-outbox.js';
import { NotificationDispatcher } from './notification-dispatcher.js';
import { NotificationWorker } from './notification-worker.js';
import { REMINDER_SOURCE } from './reminders.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { pendingDeliveries } from './webhook-deliveries.js';
import { WebhooksController } from './webhooks.controller.js';

class NotificationsLifecycle implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(ReadinessContributors) private readonly readiness: ReadinessContributors,
    @Inject(NotificationDispatcher) private readonly dispatcher: NotificationDispatcher,
    @Inject(NotificationWorker) private readonly worker: NotificationWorker,
  ) {}

  async onModuleInit() {
    await loadPageCodes(); // mails name milestones as the page does
  }

  onApplicationBootstrap() {
    // Mail off is a setting, not a fault: readiness stays up and says so.
    this.readiness.add(async () => {
      const [mail, webhooks] = await Promise.all([pendingMails(this.pool), pendingDeliveries(this.pool)]);
      const d = this.dispatcher.consumer.status();
      return {
        notifications: {
          status: 'up' as const,
          mail: this.worker.mail.enabled ? 'on' : 'off (SMTP_URL is not set)',
          mailPending: mail.pending,
          mailOldestPending: mail.oldest?.toISOString() ?? null,
          mailLastError: this.worker.mail.stats.lastError,
          webhooksPending: webhooks.pending,
          webhooksDead: webhooks.dead,
          dispatcher: { running: d.running, lastError: d.lastError },
          worker: { running: this.config.WORKERS_ENABLED, lastError: this.worker.lastError },
        },
      };
    });
    if (!this.config.WORKERS_ENABLED) return;
    this.dispatcher.start();
    this.worker.start();
    this.logger.log(`notifications started; mail ${this.worker.mail.enabled ? 'on' : 'off (no SMTP_URL)'}`);
  }
}

/**
 * Subscriptions, mail and webhooks: the routes always; the dispatcher (log → outboxes) and the
 * delivery worker (with the obligations' reminders) where WORKERS_ENABLED (the API process by default, or `npm run start:worker`).
 */
@Module({
  imports: [ObligationsModule],
  controllers: [SubscriptionsController, WebhooksController],
  providers: [
    NotificationDispatcher,
    NotificationWorker,
    NotificationsLifecycle,
    // Obligations' reminders are what the deadline mails are about.
    { provide: REMINDER_SOURCE, useExisting: ObligationReminders },
  ],
  exports: [NotificationDispatcher, NotificationWorker],
})
export class NotificationsModule {}
