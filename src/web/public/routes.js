// @ts-check
// Routes live in the hash: #/ (the list, with its filters as query), #/p/<id>?asOf=YYYY-MM-DD (one
// partnership), #/settings (the person's mail subscriptions), so a filtered list or a partnership as
// of a date can be bookmarked.
import { query } from './api.js';

/** @typedef {Record<string, string>} HashParams the query part of the hash */

/** @returns {{ view: 'partnership', id: string, params: HashParams } | { view: 'list' | 'settings', params: HashParams }} */
export function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  const params = Object.fromEntries(new URLSearchParams(qs));
  const m = /^\/p\/(.+)$/.exec(path);
  if (m) return { view: 'partnership', id: decodeURIComponent(m[1]), params };
  if (path === '/settings') return { view: 'settings', params };
  return { view: 'list', params };
}

/**
 * @param {'list' | 'partnership'} view
 * @param {HashParams} [params]
 * @param {string} [id] the partnership, for its view
 */
export function hashFor(view, params = {}, id) {
  const qs = query(params);
  return view === 'partnership' ? `#/p/${encodeURIComponent(/** @type {string} */ (id))}${qs}` : `#/${qs}`;
}

/** The page's main element (index.html always has it; the cast only tells tsc so). */
export const main = () => /** @type {HTMLElement} */ (document.getElementById('main'));
