import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar subscription tokens (docs/api.md): read-only secrets that calendar apps send as
 * `calendar.ics?token=…` because they cannot send an Authorization header. Stored only as sha256
 * hashes, like API keys; scoped to the calendar feed (and optionally to one partnership). A token
 * created with an API key stops working when that key is revoked.
 */
export class CalendarFeedTokens1764000010000 implements MigrationInterface {
  name = 'CalendarFeedTokens1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feed_tokens (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        scope text NOT NULL DEFAULT 'calendar' CHECK (scope IN ('calendar')),
        partnership_id text,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        -- the key that created it; null when created on the command line
        created_by_key uuid REFERENCES api_keys (id),
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX calendar_feed_tokens_owner ON calendar_feed_tokens (created_by_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_feed_tokens`);
  }
}
