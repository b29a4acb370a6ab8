// The port between obligations (their due dates) and the mail: a ReminderSource lists the reminders
// due now; queueReminders turns each into one mail per subscriber of deadlines, once per obligation
// and kind (the outbox's dedupe key), however often it runs.
import type pg from 'pg';
import { addSingleMail } from './mail-outbox.js';
import { deadlineSubscribers } from './subscriptions.js';

export interface Reminder {
  organisationId: string;
  partnershipId: string;
  obligationId: string;
  kind: 'due-soon' | 'overdue';
  /** YYYY-MM-DD */
  dueDate: string;
  title: string;
}

export interface ReminderSource {
  due(now: Date): Promise<Reminder[]>;
}

/** Nest token of the ReminderSource (bound to the obligations' reminders in NotificationsModule). */
export const REMINDER_SOURCE = Symbol('REMINDER_SOURCE');

/** Queues the reminders due at `now`; answers how many new mails that made. */
export async function queueReminders(pool: pg.Pool, source: ReminderSource, now: Date, domain: string): Promise<number> {
  let queued = 0;
  for (const r of await source.due(now)) {
    for (const s of await deadlineSubscribers(pool, r.organisationId, r.partnershipId)) {
      const added = await addSingleMail(
        pool,
        {
          organisationId: r.organisationId,
          personId: s.personId,
          kind: 'reminder',
          dedupeKey: `reminder:${r.obligationId}:${r.kind}:${r.dueDate}`,
          payload: { partnershipId: r.partnershipId, title: r.title, dueDate: r.dueDate, reminder: r.kind },
        },
        now,
        domain,
      );
      if (added) queued++;
    }
  }
  return queued;
}
