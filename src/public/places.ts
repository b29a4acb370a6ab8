// The places of a partnership (its two cities, its aid receivers) with coordinates: the office's
// choice from the places table, else the gazetteer's first suggestion. Aid is summed per place for
// the map's circle sizes and its table, optionally for one year.
import type pg from 'pg';
import { addDecimal, type LocalizedName } from '../partnerships/domain/index.js';
import type { PartnershipDetail } from '../partnerships/read-models/status/status.types.js';
import type { TimelineEntry } from '../partnerships/read-models/timeline/timeline.types.js';
import { suggestPlaces, type Suggestion } from './gazetteer.js';
import type { MapPlace } from './map.js';

/** A place's key: its English, else German, else Ukrainian, else any name, as written but in lower case. */
export function placeKey(n: LocalizedName): string {
  return (n.en ?? n.de ?? n.uk ?? Object.values(n)[0] ?? '').trim().toLowerCase();
}

export interface PlaceRow {
  key: string;
  name: LocalizedName;
  role: 'partner' | 'receiver';
  country: string | null;
  deliveries: number;
  totals: Record<string, string>;
  /** null when neither the office nor the gazetteer knows where it is */
  at: { lon: number; lat: number; source: 'office' | 'gazetteer'; geonameId: number | null } | null;
  suggestions: Suggestion[];
}

interface Chosen {
  lon: number;
  lat: number;
  source: 'office' | 'gazetteer';
  geonameId: number | null;
}

async function chosenPlaces(db: pg.Pool, organisationId: string, keys: string[]): Promise<Map<string, Chosen>> {
  if (!keys.length) return new Map();
  const { rows } = await db.query(
    `SELECT place_key, lon, lat, source, geoname_id FROM places WHERE organisation_id = $1 AND place_key = ANY($2::text[])`,
    [organisationId, keys],
  );
  return new Map(
    (rows as { place_key: string; lon: number; lat: number; source: Chosen['source']; geoname_id: number | null }[]).map((r) => [
      r.place_key,
      { lon: r.lon, lat: r.lat, source: r.source, geonameId: r.geoname_id },
    ]),
  );
}

/** Stores the office's coordinates for a place (a confirmed suggestion or its own). */
export async function choosePlace(
  db: pg.Pool,
  organisationId: string,
  key: string,
  at: { lon: number; lat: number; geonameId: number | null; source: 'office' | 'gazetteer' },
  decidedBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO places (organisation_id, place_key, lon, lat, geoname_id, source, decided_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (organisation_id, place_key) DO UPDATE
       SET lon = excluded.lon, lat = excluded.lat, geoname_id = excluded.geoname_id, source = excluded.source,
           decided_by = excluded.decided_by, updated_at = now()`,
    [organisationId, key, at.lon, at.lat, at.geonameId, at.source, decidedBy],
  );
}

const yearOf = (e: TimelineEntry) => e.occurredOn?.date.slice(0, 4);

/** The years with aid deliveries among these entries, newest first: the map's filter. */
export function aidYears(entries: readonly TimelineEntry[]): string[] {
  return [...new Set(entries.filter((e) => e.type === 'AidDelivered' && !e.retracted).map(yearOf))]
    .filter((y): y is string => !!y)
    .sort()
    .reverse();
}

/** The partnership's places from its status and (already filtered) entries; `year` limits the aid counted. */
export async function placesOf(
  db: pg.Pool,
  organisationId: string,
  detail: Pick<PartnershipDetail, 'ownMunicipality' | 'counterpart' | 'counterpartCountry'>,
  entries: readonly TimelineEntry[],
  year?: string,
): Promise<PlaceRow[]> {
  const byKey = new Map<string, Omit<PlaceRow, 'at' | 'suggestions'>>();
  const add = (name: LocalizedName | null | undefined, role: PlaceRow['role'], country: string | null) => {
    if (!name) return undefined;
    const key = placeKey(name);
    const known = byKey.get(key);
    if (known) return known;
    const row = { key, name, role, country, deliveries: 0, totals: {} as Record<string, string> };
    byKey.set(key, row);
    return row;
  };
  add(detail.ownMunicipality, 'partner', null);
  add(detail.counterpart, 'partner', detail.counterpartCountry);
  for (const e of entries) {
    if (e.type !== 'AidDelivered' || e.retracted) continue;
    const row = add(e.data.receiver as LocalizedName, 'receiver', detail.counterpartCountry);
    if (!row || (year && yearOf(e) !== year)) continue;
    row.deliveries++;
    const v = e.data.value as { amount?: string; currency?: string } | undefined;
    if (v?.amount && v.currency) row.totals[v.currency] = addDecimal(row.totals[v.currency] ?? '0', v.amount);
  }
  const chosen = await chosenPlaces(db, organisationId, [...byKey.keys()]);
  return [...byKey.values()].map((p) => {
    const suggestions = suggestPlaces(p.name, p.country);
    const c = chosen.get(p.key);
    const first = suggestions[0];
    const at = c ?? (first ? { lon: first.lon, lat: first.lat, source: 'gazetteer' as const, geonameId: first.geonameId } : null);
    return { ...p, at, suggestions };
  });
}

/** The places that have coordinates, as the map draws them. */
export function mapPlaces(rows: readonly PlaceRow[], label: (n: LocalizedName) => string): MapPlace[] {
  return rows
    .filter((r) => r.at)
    .map((r) => ({
      key: r.key,
      label: label(r.name),
      role: r.role,
      lon: r.at!.lon,
      lat: r.at!.lat,
      source: r.at!.source,
      deliveries: r.deliveries,
      totals: r.totals,
    }));
}
