// Sends what the mail outbox holds through SMTP (nodemailer). Without SMTP_URL mail is off: nothing is
// claimed, the outbox keeps gathering, and readiness says mail is off.
import type pg from 'pg';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config.js';
import { inEntriesSpan, tracingActive } from '../shared/tracing.js';
import { claimDueMails, entriesMetadataOf, entriesOf, markDropped, markFailed, markSent, type OutboxMail } from './mail-outbox.js';
import { renderMail, type MailContent } from './mail-templates.js';
import { readSubscription, type MailLanguage } from './subscriptions.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** The domain of the From address (for Message-IDs), else the service's host. */
export function mailDomain(config: Pick<AppConfig, 'MAIL_FROM' | 'PUBLIC_BASE_URL'>): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(config.MAIL_FROM);
  return m ? m[1] : new URL(config.PUBLIC_BASE_URL).hostname;
}

const partnershipLink = (base: string, id: string) => `${base}/#/p/${encodeURIComponent(id)}`;

export interface MailStats {
  sent: number;
  failed: number;
  lastError: string | null;
}

export class MailSender {
  private readonly transport: Transporter | null;
  readonly stats: MailStats = { sent: 0, failed: 0, lastError: null };

  constructor(
    private readonly pool: pg.Pool,
    private readonly config: AppConfig,
  ) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Claims and sends the due mails; answers how many were handled. */
  async runOnce(now: Date, limit = 20): Promise<number> {
    if (!this.transport) return 0;
    const mails = await claimDueMails(this.pool, now, this.config.NOTIFY_LEASE_MS, limit);
    for (const mail of mails) await this.sendOne(mail, now);
    return mails.length;
  }

  private async sendOne(mail: OutboxMail, now: Date): Promise<void> {
    const prepared = await this.prepare(mail);
    if ('drop' in prepared) return markDropped(this.pool, mail, prepared.drop);
    try {
      // In the traces of the commands that recorded its entries: the first's parent, the rest linked.
      const metadata = tracingActive() && mail.kind === 'entries' ? await entriesMetadataOf(this.pool, mail) : [];
      await inEntriesSpan(
        'mail send',
        metadata,
        { 'mail.message_id': mail.messageId, 'mail.kind': mail.kind, 'mail.attempt': mail.attempts, 'mail.entries': metadata.length },
        () => this.transport!.sendMail(prepared.message),
      );
    } catch (err) {
      this.stats.failed++;
      this.stats.lastError = (err as Error).message;
      return markFailed(this.pool, mail, now, (err as Error).message);
    }
    this.stats.sent++;
    await markSent(this.pool, mail, now);
  }

  private async prepare(mail: OutboxMail): Promise<{ message: SendMailOptions } | { drop: string }> {
    if (!mail.personId) return { drop: 'no recipient' };
    const { rows } = await this.pool.query('SELECT email FROM person WHERE id = $1', [mail.personId]);
    const to = (rows[0]?.email as string | null) ?? null;
    if (!to) return { drop: 'the person has no e-mail address' };
    const sub = await readSubscription(this.pool, mail.organisationId, mail.personId);
    const language: MailLanguage = sub.updatedAt ? sub.language : 'en';
    const base = this.config.PUBLIC_BASE_URL;
    let content: MailContent;
    if (mail.kind === 'endpoint_disabled') {
      content = { kind: 'endpoint_disabled', ...(mail.payload as { url: string; failingSince: string; reason: string }) };
    } else {
      if (!sub.active) return { drop: 'unsubscribed' };
      if (mail.kind === 'reminder') {
        if (!sub.deadlines) return { drop: 'no longer subscribed to deadlines' };
        const p = mail.payload as { partnershipId: string; title: string; dueDate: string; reminder: 'due-soon' | 'overdue' };
        content = { kind: 'reminder', ...p, link: partnershipLink(base, p.partnershipId) };
      } else {
        const entries = await entriesOf(this.pool, mail);
        if (!entries.length) return { drop: 'no entries' };
        content = { kind: 'entries', entries: entries.map((e) => ({ ...e, link: partnershipLink(base, e.partnershipId) })) };
      }
    }
    const unsubscribeUrl = `${base}/api/v1/unsubscribe?token=${encodeURIComponent(unsubscribeToken(this.config.CURSOR_SECRET, mail.organisationId, mail.personId))}`;
    const listed = content.kind !== 'endpoint_disabled';
    const rendered = renderMail(language, content, listed ? { unsubscribeUrl, settingsUrl: `${base}/#/settings` } : null);
    return {
      message: {
        from: this.config.MAIL_FROM,
        to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: mail.messageId,
        headers: {
          'Content-Language': language,
          'Auto-Submitted': 'auto-generated',
          ...(listed ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      },
    };
  }

  close(): void {
    this.transport?.close();
  }
}
