// @ts-check
// The list of partnerships: the API's own filters (kept in the address), a row per partnership, and
// "Show more" following the cursor.
import { get, query } from './api.js';
import { errorBox } from './error-box.js';
import { ENUMS, code, formatDate, nameIn, t } from './i18n.js';
import { asyncListener, h } from './render.js';
import { hashFor } from './routes.js';

/** @import { PartnershipPage, PartnershipSummary } from './types.js' */
/** @import { CodeKind } from './i18n.js' */
/** @import { HashParams } from './routes.js' */

const API = '/api/v1';

const LIST_FILTERS = ['q', 'tier', 'standing', 'counterpart', 'area'];

/**
 * @param {HashParams} params
 * @param {HTMLElement | null} create the form for a new partnership, for keys that may create one
 */
export async function listView(params, create) {
  const filters = Object.fromEntries(LIST_FILTERS.map((k) => [k, params[k] ?? '']));
  const page = /** @type {PartnershipPage} */ (await get(`${API}/partnerships${query({ ...filters, limit: 50 })}`));

  /** @type {(name: string, values: readonly string[], kind: CodeKind) => HTMLSelectElement} */
  const select = (name, values, kind) =>
    h(
      'select',
      { id: `f-${name}`, name },
      h('option', { value: '' }, t('any')),
      values.map((v) => h('option', { value: v, selected: filters[name] === v }, code(kind, v))),
    );
  /** @type {(name: string, extra?: Record<string, string>) => HTMLInputElement} */
  const text = (name, extra = {}) =>
    h('input', { type: name === 'q' ? 'search' : 'text', id: `f-${name}`, name, value: filters[name], ...extra });
  const form = h(
    'form',
    { class: 'filters no-print', role: 'search', 'aria-labelledby': 'filters-title' },
    h('h2', { id: 'filters-title', class: 'visually-hidden' }, t('filters')),
    h('div', { class: 'field' }, h('label', { for: 'f-q' }, t('search')), text('q', { placeholder: t('searchHint') })),
    h('div', { class: 'field' }, h('label', { for: 'f-tier' }, t('tier')), select('tier', ENUMS.tier, 'tier')),
    h('div', { class: 'field' }, h('label', { for: 'f-standing' }, t('standing')), select('standing', ENUMS.standing, 'standing')),
    h('div', { class: 'field' }, h('label', { for: 'f-counterpart' }, t('counterpart')), text('counterpart')),
    h('div', { class: 'field' }, h('label', { for: 'f-area' }, t('area')), text('area')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, t('apply')),
      h('a', { href: '#/', class: 'button secondary' }, t('reset')),
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = Object.fromEntries(
      LIST_FILTERS.map((k) => [k, /** @type {HTMLInputElement | HTMLSelectElement} */ (form.elements.namedItem(k)).value.trim()]),
    );
    location.hash = hashFor('list', next);
  });
  for (const sel of form.querySelectorAll('select')) sel.addEventListener('change', () => form.requestSubmit());

  const tbody = h('tbody', {});
  const count = h('p', { class: 'muted', role: 'status' });
  const more = h('button', { type: 'button', class: 'secondary no-print', hidden: !page.nextCursor }, t('more'));
  let cursor = page.nextCursor;
  let shown = 0;
  /** @param {PartnershipSummary[]} items */
  const add = (items) => {
    for (const p of items) tbody.append(listRow(p));
    shown += items.length;
    count.textContent = t('count', { n: shown });
  };
  add(page.items);
  more.addEventListener(
    'click',
    asyncListener(async () => {
      more.disabled = true;
      try {
        const next = /** @type {PartnershipPage} */ (await get(`${API}/partnerships${query({ ...filters, limit: 50, cursor })}`));
        add(next.items);
        cursor = next.nextCursor;
        more.hidden = !cursor;
      } catch (err) {
        more.after(errorBox(err));
      } finally {
        more.disabled = false;
      }
    }),
  );

  const table = page.items.length
    ? h(
        'table',
        { class: 'partnerships', id: 'partnership-list' },
        h('caption', { class: 'visually-hidden' }, t('listTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t('partnership'), t('tier'), t('standing'), t('lastMilestone'), t('nextScheduled')].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        tbody,
      )
    : h('p', { class: 'empty', id: 'no-partnerships' }, t('noPartnerships'));
  return h('div', { class: 'list-view' }, h('h1', { tabindex: '-1' }, t('listTitle')), create, form, table, count, more);
}

/** @param {PartnershipSummary} p */
export function partnershipName(p) {
  const own = nameIn(p.ownMunicipality);
  const other = nameIn(p.counterpart);
  return other ? `${own} – ${other}` : own || p.partnershipId;
}

/** @param {PartnershipSummary} p */
function listRow(p) {
  const next = p.nextScheduled;
  return h(
    'tr',
    { 'data-partnership': p.partnershipId },
    h(
      'th',
      { scope: 'row' },
      h('a', { href: hashFor('partnership', {}, p.partnershipId) }, partnershipName(p)),
      p.counterpartCountry ? h('span', { class: 'muted' }, ` (${p.counterpartCountry})`) : null,
    ),
    h(
      'td',
      {},
      code('tier', p.tier),
      p.pendingUpgrade ? h('span', { class: 'badge pending' }, `→ ${code('tier', p.pendingUpgrade.tier)}`) : null,
    ),
    h('td', {}, h('span', { class: `standing standing-${p.standing}` }, code('standing', p.standing))),
    h('td', {}, p.lastMilestoneOn ? h('time', { datetime: p.lastMilestoneOn.date }, formatDate(p.lastMilestoneOn)) : t('none')),
    h('td', {}, next ? [code('event', next.kind), ' · ', h('time', { datetime: next.date.date }, formatDate(next.date))] : t('none')),
  );
}
