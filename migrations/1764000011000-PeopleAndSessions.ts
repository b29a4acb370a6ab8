import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People who sign in through the identity provider, their server-side sessions, and the sign-in
 * attempts in flight (docs/security.md, "Sign-in and sessions").
 *
 * - `person`: the actor id `person:<id>` is recorded on events; the display name lives only here,
 *   so it can be corrected or erased without touching the log. (issuer, subject) maps the IdP's
 *   identity to the pseudonymous id. Organisations and memberships can reference person(id) later.
 * - `sessions`: only a sha256 hash of the random session id is stored. Roles are those granted at
 *   sign-in; the IdP's ID token is kept (server-side only) as the hint for RP-initiated logout.
 * - `sign_in_attempts`: state, nonce and PKCE verifier between /auth/login and /auth/callback; each
 *   is used once.
 */
export class PeopleAndSessions1764000011000 implements MigrationInterface {
  name = 'PeopleAndSessions1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY,
        issuer text NOT NULL,
        subject text NOT NULL,
        display_name text,
        email text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (issuer, subject)
      )`);
    await q.query(`
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        roles text[] NOT NULL,
        csrf_token text NOT NULL,
        id_token text,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_person ON sessions (person_id)`);
    await q.query(`CREATE INDEX sessions_expires ON sessions (expires_at)`);
    await q.query(`
      CREATE TABLE sign_in_attempts (
        id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
        state text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sign_in_attempts`);
    await q.query(`DROP TABLE IF EXISTS sessions`);
    await q.query(`DROP TABLE IF EXISTS person`);
  }
}
