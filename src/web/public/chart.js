// @ts-check
// The aid chart: deliveries per month, stacked by receiver, drawn as inline SVG (no chart library),
// with a data table beside it for screen readers and for anyone who wants the numbers.
import { centsToAmount, formatDate, formatMoney, nameIn, shortMonth, t, toCents } from './i18n.js';
import { h, s } from './render.js';

/** @import { AidEntry } from './types.js' */
/** @typedef {AidEntry & { month: string, amount: string, currency: string }} DatedAid a delivery known to the month, with a value */
/** @typedef {Map<string, bigint>} Cell receiverKey → cents in one month */

// Colour-blind-safe (Okabe–Ito) and dark enough for white gaps between stacked bars.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#6a3d9a', '#555555'];

/** Every month from the first to the last, so the gaps between deliveries show. At most 120 bars. */
/**
 * @param {string} first YYYY-MM
 * @param {string} last YYYY-MM
 * @returns {string[]}
 */
function monthRange(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A round step for the y axis: 1, 2 or 5 × 10^n. */
/**
 * @param {number} max
 * @param {number} [ticks]
 */
function niceStep(max, ticks = 4) {
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((f) => f * pow).find((st) => st >= raw) ?? pow * 10;
}

/** @param {number} n */
function compact(n) {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(0)}k`;
  return String(n);
}

/** Returns the chart(s) for these aid entries (one per currency), or a sentence when there are none. */
/**
 * @param {AidEntry[]} entries
 * @returns {HTMLElement}
 */
export function aidChart(entries) {
  const delivered = entries.filter((e) => e.kind === 'delivered' && !e.retracted);
  const dated = delivered.filter(/** @type {(e: AidEntry) => e is DatedAid} */ ((e) => Boolean(e.month && e.amount && e.currency)));
  const yearOnly = delivered.filter((e) => !e.month).length;
  if (!dated.length) return h('p', { class: 'muted', id: 'aid-none' }, t('aidNone'));

  /** @type {Map<string, DatedAid[]>} */
  const byCurrency = new Map();
  for (const e of dated) {
    if (!byCurrency.has(e.currency)) byCurrency.set(e.currency, []);
    /** @type {DatedAid[]} */ (byCurrency.get(e.currency)).push(e);
  }
  const parts = [];
  for (const [currency, rows] of byCurrency) parts.push(oneChart(currency, rows));
  if (yearOnly) parts.push(h('p', { class: 'muted' }, t('aidYearOnly', { n: yearOnly })));
  return h('div', { class: 'aid-charts' }, parts);
}

/**
 * @param {string} currency
 * @param {DatedAid[]} rows
 */
function oneChart(currency, rows) {
  // receiver → its display name and colour, in order of first delivery
  /** @type {Map<string, { name: string, color: string }>} */
  const receivers = new Map();
  for (const e of rows)
    if (!receivers.has(e.receiverKey))
      receivers.set(e.receiverKey, { name: nameIn(e.receiver) || e.receiverKey, color: PALETTE[receivers.size % PALETTE.length] });
  const months = monthRange(
    rows[0].month,
    rows.reduce((a, e) => (e.month > a ? e.month : a), rows[0].month),
  );
  // month → receiver → cents
  /** @type {Map<string, Cell>} */
  const cells = new Map(months.map((m) => [m, new Map()]));
  for (const e of rows) {
    const cell = cells.get(e.month);
    if (!cell) continue;
    cell.set(e.receiverKey, (cell.get(e.receiverKey) ?? 0n) + toCents(e.amount));
  }
  const monthTotals = months.map((m) => [.../** @type {Cell} */ (cells.get(m)).values()].reduce((a, b) => a + b, 0n));
  const maxUnits = Number(monthTotals.reduce((a, b) => (b > a ? b : a), 0n) / 100n) || 1;
  const step = niceStep(maxUnits);
  const top = Math.ceil(maxUnits / step) * step;

  const W = 640;
  const H = 260;
  const pad = { l: 56, r: 12, t: 12, b: 40 };
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const slot = plotW / months.length;
  const barW = Math.max(4, Math.min(48, slot * 0.7));
  /** @param {number} units */
  const y = (units) => pad.t + plotH - (units / top) * plotH;

  const title = t('aidChartBy', { currency });
  const svg = s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': `chart-title-${currency}` },
    s('title', { id: `chart-title-${currency}` }, title),
  );
  for (let v = 0; v <= top; v += step) {
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(s('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, compact(v)));
  }
  const labelEvery = Math.ceil(months.length / 12);
  months.forEach((m, i) => {
    const x = pad.l + i * slot + (slot - barW) / 2;
    let base = 0;
    for (const [key, r] of receivers) {
      const cents = /** @type {Cell} */ (cells.get(m)).get(key);
      if (!cents) continue;
      const units = Number(cents) / 100;
      const bar = s('rect', {
        x,
        y: y(base + units),
        width: barW,
        height: Math.max(1, y(base) - y(base + units)),
        fill: r.color,
        class: 'bar',
        'data-month': m,
        'data-receiver': key,
      });
      bar.append(
        s('title', {}, `${r.name}, ${formatDate({ date: m, precision: 'month' })}: ${formatMoney(centsToAmount(cents), currency)}`),
      );
      svg.append(bar);
      base += units;
    }
    if (i % labelEvery === 0)
      svg.append(s('text', { x: x + barW / 2, y: H - pad.b + 16, 'text-anchor': 'middle', class: 'axis' }, shortMonth(m)));
  });
  svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(0), y2: y(0), class: 'baseline' }));

  const legend = h(
    'ul',
    { class: 'legend' },
    [...receivers.values()].map((r) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${r.color}`, 'aria-hidden': 'true' }), r.name),
    ),
  );

  const table = h(
    'table',
    { class: 'aid-table' },
    h('caption', {}, title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('month')),
        h('th', { scope: 'col' }, t('receiver')),
        h('th', { scope: 'col', class: 'num' }, t('amount')),
      ),
    ),
    h(
      'tbody',
      {},
      months.flatMap((m) =>
        [.../** @type {Cell} */ (cells.get(m))].map(([key, cents]) =>
          h(
            'tr',
            {},
            h('td', {}, formatDate({ date: m, precision: 'month' })),
            h('td', {}, receivers.get(key)?.name),
            h('td', { class: 'num' }, formatMoney(centsToAmount(cents), currency)),
          ),
        ),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', colspan: 2 }, t('total')),
        h('td', { class: 'num' }, formatMoney(centsToAmount(monthTotals.reduce((a, b) => a + b, 0n)), currency)),
      ),
    ),
  );

  return h(
    'figure',
    { class: 'aid-chart', 'data-currency': currency },
    h('figcaption', {}, title),
    svg,
    legend,
    h('details', { class: 'aid-details' }, h('summary', {}, t('aidAsTable')), table),
  );
}
