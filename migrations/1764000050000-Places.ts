import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The places on the maps (partner cities, aid receivers) with the coordinates the office chose: a
 * gazetteer suggestion it confirmed, or its own. A place without a row is drawn at the gazetteer's
 * suggestion. Keyed per organisation: each city confirms its own map.
 */
export class Places1764000050000 implements MigrationInterface {
  name = 'Places1764000050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE places (
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        place_key text NOT NULL CHECK (length(place_key) BETWEEN 1 AND 200),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        geoname_id integer,
        source text NOT NULL CHECK (source IN ('gazetteer', 'office')),
        decided_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, place_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS places`);
  }
}
