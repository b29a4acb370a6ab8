// @ts-check
// The map of a partnership's places for staff: the same SVG the public page shows (drawn by the
// server from Natural Earth boundaries, no tile server), imported as SVG, not as HTML; beside it the
// same places as a table, with where each coordinate comes from.
import { ApiError, get } from './api.js';
import { formatMoney, lang, nameIn, t } from './i18n.js';
import { h } from './render.js';

/** @import { LocalizedName } from './types.js' */

/**
 * @typedef {{ key: string, name: LocalizedName, role: 'partner' | 'receiver', deliveries: number,
 *   totals: Record<string, string>, at: { lon: number, lat: number, source: 'office' | 'gazetteer' } | null }} MapPlaceRow
 */

/**
 * @param {string} id the partnership id
 * @returns {HTMLElement}
 */
export function mapSection(id) {
  const figure = h('figure', { class: 'map-figure' });
  const table = h('div', { class: 'map-table' });
  const status = h('p', { role: 'status' });
  void load(id, figure, table, status);
  return h('section', { class: 'map', 'aria-labelledby': 'map-h', id: 'map' }, h('h2', { id: 'map-h' }, t('map')), status, figure, table);
}

/**
 * @param {string} id
 * @param {HTMLElement} figure
 * @param {HTMLElement} table
 * @param {HTMLElement} status
 */
async function load(id, figure, table, status) {
  const enc = encodeURIComponent(id);
  try {
    const [svg, data] = await Promise.all([
      get(`/api/v1/partnerships/${enc}/map.svg?lang=${lang()}`, { headers: { Accept: 'image/svg+xml' } }),
      get(`/api/v1/partnerships/${enc}/map`),
    ]);
    // Parsed as SVG (an XML document): no HTML parser, no script runs.
    const doc = new DOMParser().parseFromString(String(svg), 'image/svg+xml');
    if (doc.documentElement.nodeName === 'svg') figure.append(document.importNode(doc.documentElement, true));
    table.append(placesTable(/** @type {{ places: MapPlaceRow[] }} */ (data).places));
  } catch (err) {
    status.textContent = err instanceof ApiError ? (err.detail ?? err.message) : t('networkError');
  }
}

/** @param {MapPlaceRow[]} places */
function placesTable(places) {
  const money = (/** @type {Record<string, string>} */ totals) =>
    Object.entries(totals)
      .map(([c, a]) => formatMoney(a, c))
      .join(', ') || '—';
  return h(
    'table',
    {},
    h('caption', {}, t('mapTable')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        .../** @type {const} */ (['mapPlace', 'mapRole', 'mapCoordinates', 'mapDeliveries', 'mapAmount']).map((k) =>
          h('th', { scope: 'col' }, t(k)),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...places.map((p) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, nameIn(p.name)),
          h('td', {}, t(p.role === 'partner' ? 'mapPartner' : 'mapReceiver')),
          h(
            'td',
            {},
            p.at ? `${p.at.lat.toFixed(4)}, ${p.at.lon.toFixed(4)} (${t(p.at.source === 'office' ? 'mapByOffice' : 'mapSuggested')})` : '—',
          ),
          h('td', {}, String(p.deliveries)),
          h('td', {}, money(p.totals)),
        ),
      ),
    ),
  );
}
