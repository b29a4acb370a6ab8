// The delivery worker: sends due mails and webhook deliveries from their PostgreSQL outboxes, and
// queues deadline reminders. Woken by NOTIFY after a dispatcher batch commits, polling as the
// fallback; the injected Clock decides what is due, so tests can walk through the retry schedule.
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { OutboxListener } from '../reporting/outbox-listener.js';
import { Clock } from '../shared/clock.js';
import { inEntriesSpan, tracingActive } from '../shared/tracing.js';
import { addSingleMail } from './mail-outbox.js';
import { mailDomain, MailSender } from './mail-sender.js';
import { queueReminders, REMINDER_SOURCE, type ReminderSource } from './reminders.js';
import { systemResolver, type Resolver } from './ssrf.js';
import { WebhookClient } from './webhook-client.js';
import { claimDueDeliveries, recordAttempt, type AttemptOutcomeRecord, type ClaimedDelivery } from './webhook-deliveries.js';
import { webhookHeaders } from './webhook-signing.js';

const BATCH = 10;

/** The entry's event metadata inside a webhook body (entry-view.ts), null when it has none. */
function entryMetadata(body: string): unknown {
  try {
    return (JSON.parse(body) as { data?: { metadata?: unknown } }).data?.metadata ?? null;
  } catch {
    return null;
  }
}
/** How often due reminders are looked for. */
const REMINDER_EVERY_MS = 15 * 60_000;

@Injectable()
export class NotificationWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  readonly mail: MailSender;
  readonly client: WebhookClient;
  /** How webhook host names are resolved, at registration and before every delivery (tests swap it). */
  resolver: Resolver = systemResolver;
  private readonly domain: string;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private listener: OutboxListener | null = null;
  private lastReminders = 0;
  lastError: string | null = null;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    @Optional() @Inject(REMINDER_SOURCE) private readonly reminders: ReminderSource | null,
  ) {
    this.mail = new MailSender(pool, config);
    this.client = new WebhookClient(
      { allowHttp: config.WEBHOOK_ALLOW_HTTP, allowPrivate: config.WEBHOOK_ALLOW_PRIVATE },
      config.WEBHOOK_TIMEOUT_MS,
      (host) => this.resolver(host),
    );
    this.domain = mailDomain(config);
  }

  /** One pass: reminders (when due), mails, webhook deliveries. Answers how many rows were handled. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    if (this.reminders && now.getTime() - this.lastReminders >= REMINDER_EVERY_MS) {
      this.lastReminders = now.getTime();
      await queueReminders(this.pool, this.reminders, now, this.domain);
    }
    const mails = await this.mail.runOnce(now);
    const claimed = await claimDueDeliveries(this.pool, now, this.config.NOTIFY_LEASE_MS, BATCH);
    await Promise.all(claimed.map((c) => this.deliver(c, now)));
    return mails + claimed.length;
  }

  /** Runs passes until one finds nothing due (tests, and the loop after a wake-up). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  private async deliver(c: ClaimedDelivery, now: Date): Promise<AttemptOutcomeRecord> {
    // The signature's timestamp is the wall clock: receivers compare it with theirs to refuse replays.
    const timestamp = Math.floor(Date.now() / 1000);
    // In the trace of the command that recorded the entry (its metadata travels in the body).
    const result = await inEntriesSpan(
      'webhook delivery',
      tracingActive() ? [entryMetadata(c.body)] : [],
      { 'webhook.id': c.messageId, 'webhook.endpoint_id': c.endpoint.id, 'webhook.attempt': c.attempts + 1 },
      () =>
        this.client.post({
          url: c.endpoint.url,
          headers: webhookHeaders(c.endpoint.secrets, c.messageId, timestamp, c.body),
          body: c.body,
        }),
    );
    const outcome = await recordAttempt(this.pool, c, result, now, this.config.WEBHOOK_DISABLE_AFTER_DAYS * 86_400_000);
    if (outcome.disabled) {
      this.logger.warn(
        `webhook endpoint ${outcome.disabled.url} disabled after failing since ${outcome.disabled.failingSince.toISOString()}`,
      );
      if (this.mail.enabled) await this.noticeAdmins(c.organisationId, outcome.disabled, now);
    }
    return outcome;
  }

  /**
   * Mails the organisation's admins: whoever created the endpoint and people signed in as admin.
   * (Memberships with roles are not built yet; sessions are where roles live.)
   */
  private async noticeAdmins(organisationId: string, d: NonNullable<AttemptOutcomeRecord['disabled']>, now: Date): Promise<void> {
    const creator = /^person:(.+)$/.exec(d.createdBy)?.[1] ?? null;
    const { rows } = await this.pool.query(
      `SELECT p.id FROM person p WHERE p.email IS NOT NULL AND (p.id = $1::uuid OR EXISTS (
         SELECT 1 FROM sessions s WHERE s.person_id = p.id AND 'admin' = ANY (s.roles) AND s.expires_at > $2))`,
      [creator, now],
    );
    for (const r of rows) {
      await addSingleMail(
        this.pool,
        {
          organisationId,
          personId: r.id,
          kind: 'endpoint_disabled',
          dedupeKey: `endpoint-disabled:${d.endpointId}:${d.failingSince.toISOString()}`,
          payload: { url: d.url, failingSince: d.failingSince.toISOString(), reason: `${this.config.WEBHOOK_DISABLE_AFTER_DAYS} days` },
        },
        now,
        this.domain,
      );
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listener = new OutboxListener(this.config.DATABASE_URL, () => this.wake(), 1000, 'notification_outbox');
    this.listener.start();
    this.loop = this.run();
  }

  private wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drain();
        this.lastError = null;
      } catch (err) {
        this.lastError = (err as Error).message;
        this.logger.warn(`notification pass failed, will retry: ${this.lastError}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.config.NOTIFY_POLL_MS);
        this.wakeUp = () => (clearTimeout(t), resolve());
      });
      this.wakeUp = null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.listener?.stop();
    this.mail.close();
  }
}
