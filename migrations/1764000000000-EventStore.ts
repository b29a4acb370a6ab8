import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventStore1764000000000 implements MigrationInterface {
  name = 'EventStore1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        type text NOT NULL,
        schema_version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        prev_hash text,
        hash text NOT NULL,
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
      )`);
    // Gap-safe global reads walk (transaction_id, global_position); see readAll.
    await q.query(`CREATE INDEX events_tx_position_idx ON events (transaction_id, global_position)`);

    // The hash is computed in SQL so append and verify share one definition; times enter as epoch
    // microseconds so the session time zone cannot change the canonical text.
    await q.query(`
      CREATE FUNCTION event_hash(p_prev text, p_stream_id text, p_version integer, p_event_id uuid, p_type text,
                                 p_schema_version integer, p_data jsonb, p_metadata jsonb,
                                 p_occurred_at timestamptz, p_recorded_at timestamptz)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT encode(sha256(convert_to(coalesce(p_prev, '') || jsonb_build_array(
          p_stream_id, p_version, p_event_id, p_type, p_schema_version, p_data, p_metadata,
          (extract(epoch FROM p_occurred_at) * 1000000)::bigint,
          (extract(epoch FROM p_recorded_at) * 1000000)::bigint)::text, 'UTF8')), 'hex')
      $$`);

    // One round trip per append: expected-version check, hash chain and insert, with nothing else on
    // the hot path. A lost race or a reused event id surfaces as a unique violation; the store then
    // works out (off the hot path) whether it was an idempotent retry, a conflict, or a race to retry.
    // enable_seqscan off: plpgsql caches generic plans, and one made while the table was tiny would
    // keep scanning it as it grows; with it off the cached plans always use the indexes.
    await q.query(`
      CREATE FUNCTION append_events(p_stream_id text, p_expected text, p_events jsonb)
      RETURNS TABLE (event_id uuid, stream_version integer, global_position bigint,
                     transaction_id xid8, recorded_at timestamptz, duplicate boolean)
      LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
      DECLARE
        v_count integer := jsonb_array_length(p_events);
        v_current integer;
        v_prev text;
        v_e jsonb;
        v_id uuid;
        v_hash text;
        v_now timestamptz := now();
        v_xid xid8 := pg_current_xact_id();
        v_pos bigint;
      BEGIN
        SELECT ev.stream_version, ev.hash INTO v_current, v_prev
          FROM events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_version DESC LIMIT 1;
        v_current := coalesce(v_current, 0);
        IF (p_expected = 'no_stream' AND v_current <> 0)
           OR (p_expected = 'stream_exists' AND v_current = 0)
           OR (p_expected ~ '^[0-9]+$' AND v_current <> p_expected::integer) THEN
          RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'PL412', DETAIL = v_current::text;
        END IF;
        FOR i IN 0 .. v_count - 1 LOOP
          v_e := p_events -> i;
          v_id := (v_e->>'event_id')::uuid;
          v_current := v_current + 1;
          v_hash := event_hash(v_prev, p_stream_id, v_current, v_id, v_e->>'type', (v_e->>'schema_version')::integer,
                               v_e->'data', v_e->'metadata', (v_e->>'occurred_at')::timestamptz, v_now);
          INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata,
                              occurred_at, recorded_at, prev_hash, hash)
            VALUES (v_id, p_stream_id, v_current, v_e->>'type', (v_e->>'schema_version')::integer, v_e->'data',
                    v_e->'metadata', (v_e->>'occurred_at')::timestamptz, v_now, v_prev, v_hash)
            RETURNING events.global_position INTO v_pos;
          v_prev := v_hash;
          event_id := v_id; stream_version := v_current; global_position := v_pos;
          transaction_id := v_xid; recorded_at := v_now; duplicate := false;
          RETURN NEXT;
        END LOOP;
      END
      $fn$`);

    // Append-only: rows are never changed or removed by the application. (A superuser can still
    // bypass this; the hash chain is what makes such a change visible.)
    await q.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'PL405';
      END $$`);
    await q.query(`CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
                   FOR EACH ROW EXECUTE FUNCTION events_append_only()`);

    await q.query(`
      CREATE TABLE consumer_checkpoints (
        name text PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT '0',
        global_position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS consumer_checkpoints`);
    await q.query(`DROP TABLE IF EXISTS events`);
    await q.query(`DROP FUNCTION IF EXISTS events_append_only()`);
    await q.query(`DROP FUNCTION IF EXISTS append_events(text, text, jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS event_hash(text, text, integer, uuid, text, integer, jsonb, jsonb, timestamptz, timestamptz)`);
  }
}
