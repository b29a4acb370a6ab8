import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions, e-mail and webhooks (docs/integrations.md). PostgreSQL is the queue: the
 * notification dispatcher writes mails and deliveries in the batch transaction that moves its
 * checkpoint, and the delivery worker claims due rows with a lease. Redis plays no part, so losing
 * Redis loses nothing; a killed worker's lease runs out and another worker takes the row over.
 *
 * - `notification_subscriptions`: one row per person and organisation; NULL partnerships/kinds = all.
 * - `mail_outbox`: one mail each; `collecting` rows gather entries until `send_after` (the batching
 *   window), one open per person; `dedupe_key` makes reminders and notices idempotent.
 * - `mail_items`: the entries a mail carries; (person, event) once, so a replay adds nothing.
 * - `webhook_endpoints`, `webhook_deliveries` (one per endpoint and event), `webhook_attempts`.
 */
export class Notifications1764000030000 implements MigrationInterface {
  name = 'Notifications1764000030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_subscriptions (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        partnerships text[],
        kinds text[],
        deadlines boolean NOT NULL DEFAULT false,
        digest boolean NOT NULL DEFAULT false,
        language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'uk')),
        active boolean NOT NULL DEFAULT true,
        unsubscribed_at timestamptz,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE mail_outbox (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        id uuid NOT NULL,
        person_id uuid REFERENCES person (id) ON DELETE CASCADE,
        recipient text,
        kind text NOT NULL CHECK (kind IN ('entries', 'reminder', 'endpoint_disabled')),
        state text NOT NULL CHECK (state IN ('collecting', 'sending', 'sent', 'dropped')),
        dedupe_key text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        send_after timestamptz NOT NULL,
        locked_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        PRIMARY KEY (organisation_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX mail_outbox_collecting ON mail_outbox (organisation_id, person_id) WHERE state = 'collecting'`);
    await q.query(
      `CREATE UNIQUE INDEX mail_outbox_dedupe ON mail_outbox (organisation_id, person_id, dedupe_key) WHERE dedupe_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX mail_outbox_due ON mail_outbox (send_after) WHERE state IN ('collecting', 'sending')`);
    await q.query(`
      CREATE TABLE mail_items (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        mail_id uuid NOT NULL,
        partnership_id text NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, person_id, event_id),
        FOREIGN KEY (organisation_id, mail_id) REFERENCES mail_outbox (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX mail_items_mail ON mail_items (organisation_id, mail_id)`);
    await q.query(`
      CREATE TABLE webhook_endpoints (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        id uuid NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz,
        state text NOT NULL DEFAULT 'enabled' CHECK (state IN ('enabled', 'disabled')),
        disabled_at timestamptz,
        disabled_reason text,
        failing_since timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (organisation_id, id)
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        id uuid NOT NULL,
        endpoint_id uuid NOT NULL,
        message_id text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        locked_until timestamptz,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        dead_at timestamptz,
        PRIMARY KEY (organisation_id, id),
        UNIQUE (organisation_id, endpoint_id, event_id),
        FOREIGN KEY (organisation_id, endpoint_id) REFERENCES webhook_endpoints (organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending'`);
    await q.query(`CREATE INDEX webhook_deliveries_list ON webhook_deliveries (organisation_id, endpoint_id, state, created_at)`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        delivery_id uuid NOT NULL,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('delivered', 'http_error', 'timeout', 'network', 'refused')),
        status_code integer,
        duration_ms integer NOT NULL,
        error text,
        PRIMARY KEY (organisation_id, delivery_id, attempt),
        FOREIGN KEY (organisation_id, delivery_id) REFERENCES webhook_deliveries (organisation_id, id) ON DELETE CASCADE
      )`);
    // Wakes the delivery workers right after a dispatcher batch commits; polling stays the fallback.
    await q.query(`
      CREATE FUNCTION notification_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('notification_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER mail_outbox_notify AFTER INSERT ON mail_outbox
                   FOR EACH STATEMENT EXECUTE FUNCTION notification_outbox_notify()`);
    await q.query(`CREATE TRIGGER webhook_deliveries_notify AFTER INSERT ON webhook_deliveries
                   FOR EACH STATEMENT EXECUTE FUNCTION notification_outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS webhook_attempts`);
    await q.query(`DROP TABLE IF EXISTS webhook_deliveries`);
    await q.query(`DROP TABLE IF EXISTS webhook_endpoints`);
    await q.query(`DROP TABLE IF EXISTS mail_items`);
    await q.query(`DROP TABLE IF EXISTS mail_outbox`);
    await q.query(`DROP TABLE IF EXISTS notification_subscriptions`);
    await q.query(`DROP FUNCTION IF EXISTS notification_outbox_notify()`);
  }
}
