// The map of a partnership's places: partner cities and aid receivers on Natural Earth's country
// boundaries (world-atlas), projected and drawn with d3-geo on the server as SVG. No tile server, no
// script: the page shows it as it is, and the same numbers stand in a table beside it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { html, type Html } from './html.js';

export interface MapPlace {
  key: string;
  /** the name in the page's language */
  label: string;
  role: 'partner' | 'receiver';
  lon: number;
  lat: number;
  /** where the coordinates come from: the office's choice or the gazetteer's suggestion */
  source: 'office' | 'gazetteer';
  deliveries: number;
  /** currency → exact decimal total of the deliveries shown */
  totals: Record<string, string>;
}

export const MAP_WIDTH = 800;
export const MAP_HEIGHT = 560;
const PAD = 40;
/** Degrees of context around the places, so a lone city is not drawn edge to edge. */
const MARGIN_DEG = 3;

let countries: Feature<Geometry>[] | undefined;
/** Natural Earth 1:50m country boundaries, read once from the package. */
function countryShapes(): Feature<Geometry>[] {
  if (!countries) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
    const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
    countries = (feature(topo, topo.objects.countries) as FeatureCollection<Geometry>).features;
  }
  return countries;
}

/** The projection every map uses: Mercator fitted to the places with a margin. Tests project with it too. */
export function mapProjection(places: readonly { lon: number; lat: number }[]): GeoProjection {
  const pts = places.length ? places : [{ lon: 7.466, lat: 51.515 }];
  const lons = pts.map((p) => p.lon);
  const lats = pts.map((p) => p.lat);
  const box = {
    type: 'MultiPoint' as const,
    coordinates: [
      [Math.min(...lons) - MARGIN_DEG, Math.min(...lats) - MARGIN_DEG],
      [Math.max(...lons) + MARGIN_DEG, Math.max(...lats) + MARGIN_DEG],
    ],
  };
  return geoMercator()
    .fitExtent(
      [
        [PAD, PAD],
        [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
      ],
      box,
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
}

/** Radius by value: area proportional to the largest currency total's share; partners without aid small. */
function radius(p: MapPlace, max: Record<string, number>): number {
  const shares = Object.entries(p.totals).map(([c, a]) => Number(a) / (max[c] || 1));
  return shares.length ? 6 + 22 * Math.sqrt(Math.max(...shares)) : 5;
}

const round = (n: number) => Math.round(n * 10) / 10;

export interface MapText {
  title: string;
  description: string;
}

/** The SVG: countries, then one circle per place (largest first, so small ones stay clickable), labelled. */
export function renderMapSvg(places: readonly MapPlace[], text: MapText): Html {
  const projection = mapProjection(places);
  const path = geoPath(projection).digits(1);
  const shapes = countryShapes()
    .map((f) => path(f))
    .filter((d): d is string => !!d);
  const max: Record<string, number> = {};
  for (const p of places) for (const [c, a] of Object.entries(p.totals)) max[c] = Math.max(max[c] ?? 0, Number(a));
  const drawn = places
    .map((p) => {
      const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
      return { p, x: round(x), y: round(y), r: round(radius(p, max)) };
    })
    .sort((a, b) => b.r - a.r);
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    class="map"
    viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"
    width="${MAP_WIDTH}"
    height="${MAP_HEIGHT}"
    role="img"
    aria-labelledby="map-title map-desc"
  >
    <title id="map-title">${text.title}</title>
    <desc id="map-desc">${text.description}</desc>
    <rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#dbe9f4" />
    <g fill="#f4f1ea" stroke="#8a8a8a" stroke-width="0.6">${shapes.map((d) => html`<path d="${d}" />`)}</g>
    <g>
      ${drawn.map(
        ({ p, x, y, r }) =>
          html`<g class="place ${p.role}" data-key="${p.key}"
            ><circle
              cx="${x}"
              cy="${y}"
              r="${r}"
              fill="${p.role === 'partner' ? '#1d4f91' : '#b3261e'}"
              fill-opacity="${p.role === 'partner' ? 0.9 : 0.55}"
              stroke="#fff"
              stroke-width="1"
            /><text
              x="${round(x + r + 3)}"
              y="${round(y + 4)}"
              font-size="13"
              font-family="sans-serif"
              fill="#111"
              stroke="#fff"
              stroke-width="3"
              paint-order="stroke"
              >${p.label}</text
            ></g
          >`,
      )}
    </g>
  </svg>`;
}
