// A person's subscriptions in one organisation: which partnerships (null: all), which milestone
// kinds (null: all), deadline reminders, the digest, and the language their mails are written in.
import type pg from 'pg';

type Db = pg.Pool | pg.ClientBase;

export const MAIL_LANGUAGES = ['en', 'de', 'uk'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export interface Subscription {
  partnerships: string[] | null;
  kinds: string[] | null;
  deadlines: boolean;
  digest: boolean;
  language: MailLanguage;
  active: boolean;
  unsubscribedAt: Date | null;
  updatedAt: Date | null;
}

const NO_SUBSCRIPTION: Subscription = {
  partnerships: [],
  kinds: null,
  deadlines: false,
  digest: false,
  language: 'en',
  active: false,
  unsubscribedAt: null,
  updatedAt: null,
};

const toSubscription = (r: pg.QueryResultRow): Subscription => ({
  partnerships: r.partnerships,
  kinds: r.kinds,
  deadlines: r.deadlines,
  digest: r.digest,
  language: r.language,
  active: r.active,
  unsubscribedAt: r.unsubscribed_at,
  updatedAt: r.updated_at,
});

export async function readSubscription(db: Db, organisationId: string, personId: string): Promise<Subscription> {
  const { rows } = await db.query('SELECT * FROM notification_subscriptions WHERE organisation_id = $1 AND person_id = $2', [
    organisationId,
    personId,
  ]);
  return rows[0] ? toSubscription(rows[0]) : { ...NO_SUBSCRIPTION };
}

/** Saving is subscribing again: a person who unsubscribed by mail and saves the page gets mail again. */
export async function saveSubscription(
  db: Db,
  organisationId: string,
  personId: string,
  s: Pick<Subscription, 'partnerships' | 'kinds' | 'deadlines' | 'digest' | 'language'>,
  now: Date,
): Promise<Subscription> {
  const { rows } = await db.query(
    `INSERT INTO notification_subscriptions (organisation_id, person_id, partnerships, kinds, deadlines, digest, language, active, unsubscribed_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, NULL, $8)
     ON CONFLICT (organisation_id, person_id) DO UPDATE SET partnerships = excluded.partnerships, kinds = excluded.kinds,
       deadlines = excluded.deadlines, digest = excluded.digest, language = excluded.language, active = true,
       unsubscribed_at = NULL, updated_at = excluded.updated_at
     RETURNING *`,
    [organisationId, personId, s.partnerships, s.kinds, s.deadlines, s.digest, s.language, now],
  );
  return toSubscription(rows[0]);
}

/**
 * One-click unsubscribe: no more mail of any kind, and mail still gathering is dropped. Answers
 * false when there was nothing to end (already unsubscribed, or never subscribed).
 */
export async function unsubscribe(db: Db, organisationId: string, personId: string, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE notification_subscriptions SET active = false, unsubscribed_at = $3, updated_at = $3
      WHERE organisation_id = $1 AND person_id = $2 AND active`,
    [organisationId, personId, now],
  );
  await db.query(
    `UPDATE mail_outbox SET state = 'dropped', last_error = 'unsubscribed'
      WHERE organisation_id = $1 AND person_id = $2 AND state = 'collecting'`,
    [organisationId, personId],
  );
  return (rowCount ?? 0) > 0;
}

export interface Subscriber {
  personId: string;
  language: MailLanguage;
}

/** Active subscribers of the organisation's deadline reminders for `partnershipId`. */
export async function deadlineSubscribers(db: Db, organisationId: string, partnershipId: string): Promise<Subscriber[]> {
  const { rows } = await db.query(
    `SELECT s.person_id, s.language FROM notification_subscriptions s JOIN person p ON p.id = s.person_id
      WHERE s.organisation_id = $1 AND s.active AND s.deadlines AND p.email IS NOT NULL
        AND (s.partnerships IS NULL OR $2 = ANY (s.partnerships))`,
    [organisationId, partnershipId],
  );
  return rows.map((r) => ({ personId: r.person_id, language: r.language }));
}
