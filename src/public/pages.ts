// The public pages: an organisation's list of published partnerships and one partnership's page
// (status, signed agreements, timeline, aid and its chart, the map with its table, downloads).
import { addDecimal, type LocalizedName } from '../partnerships/domain/index.js';
import type { TimelineEntry } from '../partnerships/read-models/timeline/timeline.types.js';
import { html, type Html } from './html.js';
import { href, layout, type Frame } from './layout.js';
import { renderMapSvg } from './map.js';
import { mapPlaces, type PlaceRow } from './places.js';
import type { PublicPartnership } from './public-reads.js';
import type { Say } from './words.js';

type Common = Omit<Frame, 'title' | 'path' | 'query' | 'feed'> & { orgSlug: string };

const base = (c: Common) => `/public/${c.orgSlug}/`;
const title = (say: Say, p: PublicPartnership) => `${say.name(p.detail.ownMunicipality)} – ${say.name(p.detail.counterpart)}`;
const lastEntry = (p: PublicPartnership) => p.timeline.entries.filter((e) => !e.planned).at(-1);

export function listPage(c: Common, partnerships: readonly PublicPartnership[]): Html {
  const { say } = c;
  const body = partnerships.length
    ? html`<table class="list">
        <caption class="visually-hidden">
          ${say.w.partnerships}
        </caption>
        <thead>
          <tr>
            <th scope="col">${say.w.partnership}</th>
            <th scope="col">${say.w.tier}</th>
            <th scope="col">${say.w.standing}</th>
            <th scope="col">${say.w.lastEntry}</th>
          </tr>
        </thead>
        <tbody>
          ${partnerships.map(
            (p) =>
              html`<tr>
                <th scope="row"><a href="${href(`${base(c)}${encodeURIComponent(p.id)}`, { lang: say.lang })}">${title(say, p)}</a></th>
                <td>${say.code('tier', p.detail.tier)}</td>
                <td>${say.code('standing', p.detail.standing)}</td>
                <td>${say.date(lastEntry(p)?.occurredOn)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`
    : html`<p>${say.w.noPartnerships}</p>`;
  return layout(
    { ...c, title: say.w.partnerships, path: base(c), feed: `${base(c)}feed.atom` },
    html`<h1>${say.w.partnerships}</h1>
      ${body}
      <p><a href="${base(c)}feed.atom" type="application/atom+xml">${say.w.feed}</a></p>`,
  );
}

/** One line of an entry's facts in the page's language: names, codes and amounts translated, free text as recorded. */
export function entryLine(say: Say, e: TimelineEntry): string {
  const d = e.data;
  const parts: string[] = [];
  const name = (d.receiver ?? d.name ?? d.ownMunicipality) as LocalizedName | undefined;
  if (name && typeof name === 'object') parts.push(say.name(name));
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const codes: Record<string, string> = {
    agreementKind: 'agreementKind',
    outcome: e.type === 'BoardReviewed' ? 'bodyOutcome' : 'outcome',
    mode: 'signingMode',
    modality: 'modality',
    participantType: 'participantType',
    proposedTier: 'tier',
    tier: 'tier',
  };
  for (const k of [
    'title',
    'body',
    'committee',
    'funder',
    'programme',
    'organisation',
    'area',
    'place',
    'venue',
    'paperReference',
    'resolutionReference',
  ])
    if (text(k)) parts.push(text(k)!);
  for (const [k, vocabulary] of Object.entries(codes)) if (text(k)) parts.push(say.code(vocabulary, text(k)));
  const v = d.value as { amount?: string; currency?: string } | undefined;
  if (v?.amount && v.currency) parts.push(say.money(v.amount, v.currency));
  if (Array.isArray(d.items) && d.items.length) parts.push((d.items as string[]).join(', '));
  for (const k of ['reason', 'purpose', 'text']) if (text(k)) parts.push(text(k)!);
  return parts.join(' · ');
}

function timelineSection(say: Say, entries: readonly TimelineEntry[]): Html {
  if (!entries.length) return html`<p>${say.w.noEntries}</p>`;
  const years = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const y = e.occurredOn?.date.slice(0, 4) ?? '—';
    years.set(y, [...(years.get(y) ?? []), e]);
  }
  return html`${[...years].map(
    ([year, list]) =>
      html`<h3>${year}</h3>
        <ol class="timeline">
          ${list.map(
            (e) =>
              html`<li class="${e.planned ? 'planned' : ''}">
                <p class="when">${say.date(e.occurredOn)}${e.planned ? html` <span class="tag">${say.w.planned}</span>` : ''}</p>
                <p class="what">
                  <strong>${say.code('event', e.type)}</strong>${e.corrected ? html` <span class="tag">${say.w.corrected}</span>` : ''}
                </p>
                <p>${entryLine(say, e)}</p>
              </li>`,
          )}
        </ol>`,
  )}`;
}

interface AidBar {
  receiver: string;
  currency: string;
  amount: string;
  deliveries: number;
}

/** The chart: one bar per receiver and currency, length by amount within the currency; its table follows. */
function aidSection(say: Say, p: PublicPartnership): Html {
  const bars = new Map<string, AidBar>();
  for (const e of p.timeline.entries) {
    if (e.type !== 'AidDelivered') continue;
    const v = e.data.value as { amount?: string; currency?: string } | undefined;
    const receiver = say.name(e.data.receiver as LocalizedName);
    const currency = v?.currency ?? '';
    const bar = bars.get(`${receiver}\u0000${currency}`) ?? { receiver, currency, amount: '0', deliveries: 0 };
    bar.deliveries++;
    if (v?.amount) bar.amount = addDecimal(bar.amount, v.amount);
    bars.set(`${receiver}\u0000${currency}`, bar);
  }
  if (!bars.size) return html`<p>${say.w.noAid}</p>`;
  const list = [...bars.values()];
  // floats only for the bars' lengths; every number shown is an exact decimal string
  const max: Record<string, number> = {};
  for (const b of list) max[b.currency] = Math.max(max[b.currency] ?? 0, Number(b.amount));
  const rowH = 34;
  const height = list.length * rowH + 10;
  const totals = Object.entries(p.detail.aidDelivered);
  return html`<p class="totals">
      ${say.w.aidTotal}: ${totals.map(([c, a], i) => html`${i ? ', ' : ''}<strong>${say.money(a, c)}</strong>`)}
    </p>
    <figure class="chart">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox="0 0 640 ${height}"
        width="640"
        height="${height}"
        role="img"
        aria-labelledby="chart-title"
      >
        <title id="chart-title">${say.w.chartTitle}</title>
        ${list.map((b, i) => {
          const w = Math.max(2, Math.round((Number(b.amount) / (max[b.currency] || 1)) * 360));
          const y = i * rowH + 5;
          return html`<text x="0" y="${y + 20}" font-size="14" font-family="sans-serif" fill="#111">${b.receiver}</text
            ><rect x="150" y="${y}" width="${w}" height="26" fill="#b3261e" /><text
              x="${150 + w + 6}"
              y="${y + 19}"
              font-size="13"
              font-family="sans-serif"
              fill="#111"
              >${b.currency ? say.money(b.amount, b.currency) : '—'}</text
            >`;
        })}
      </svg>
      <figcaption>${say.w.chartTitle}</figcaption>
    </figure>
    <table>
      <caption>
        ${say.w.chartTitle}
      </caption>
      <thead>
        <tr>
          <th scope="col">${say.w.receiver}</th>
          <th scope="col">${say.w.deliveries}</th>
          <th scope="col" class="num">${say.w.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (b) =>
            html`<tr>
              <th scope="row">${b.receiver}</th>
              <td>${b.deliveries}</td>
              <td class="num">${b.currency ? say.money(b.amount, b.currency) : '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** The map with its year filter (a plain form: works without script) and the same data as a table. */
function mapSection(say: Say, places: readonly PlaceRow[], years: readonly string[], year: string | undefined, action: string): Html {
  const shown = mapPlaces(places, say.name);
  const money = (t: Record<string, string>) =>
    Object.entries(t)
      .map(([c, a]) => say.money(a, c))
      .join(', ') || '—';
  return html`<form class="filter" method="get" action="${action}">
      <input type="hidden" name="lang" value="${say.lang}" /> <label for="map-year">${say.w.year}</label>
      <select id="map-year" name="year">
        <option value="">${say.w.allYears}</option>
        ${years.map((y) => html`<option value="${y}" ${y === year ? html`selected` : ''}>${y}</option>`)}
      </select>
      <button type="submit">${say.w.show}</button>
    </form>
    <figure class="map-figure">${renderMapSvg(shown, { title: say.w.mapTitle, description: say.w.mapDesc })}</figure>
    <table class="places">
      <caption>
        ${say.w.mapTable}${year ? ` (${year})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">${say.w.place}</th>
          <th scope="col">${say.w.role}</th>
          <th scope="col">${say.w.coordinates}</th>
          <th scope="col">${say.w.deliveries}</th>
          <th scope="col" class="num">${say.w.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${places.map(
          (r) =>
            html`<tr>
              <th scope="row">${say.name(r.name)}</th>
              <td>${r.role === 'partner' ? say.w.partner : say.w.receiverRole}</td>
              <td>${r.at ? `${r.at.lat.toFixed(4)}, ${r.at.lon.toFixed(4)}` : '—'}</td>
              <td>${r.deliveries}</td>
              <td class="num">${money(r.totals)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function partnershipPage(c: Common, p: PublicPartnership, map: { places: PlaceRow[]; years: string[]; year?: string }): Html {
  const { say } = c;
  const path = `${base(c)}${encodeURIComponent(p.id)}`;
  const d = p.detail;
  const file = (name: string) => `${path}/${name}`;
  const agreements = d.agreements.length
    ? html`<ul>
        ${d.agreements.map((a) => html`<li>${say.code('agreementKind', a.kind)}, ${say.date(a.signedOn)}${a.mode ? html` (${say.code('signingMode', a.mode)})` : ''}</li>`)}
      </ul>`
    : html`<p>${say.w.noAgreement}</p>`;
  const main = html`<p class="back"><a href="${href(base(c), { lang: say.lang })}">${say.w.backToList}</a></p>
    <h1>${title(say, p)}</h1>
    <section aria-labelledby="status-h">
      <h2 id="status-h">${say.w.status}</h2>
      <dl class="status">
        <dt>${say.w.tier}</dt>
        <dd>${say.code('tier', d.tier)}</dd>
        <dt>${say.w.standing}</dt>
        <dd>${say.code('standing', d.standing)}</dd>
        ${
          d.counterpartCountry
            ? html`<dt>${say.w.country}</dt>
                <dd>${d.counterpartCountry}</dd>`
            : ''
        }
      </dl>
      <h3>${say.w.agreements}</h3>
      ${agreements}
    </section>
    <section aria-labelledby="aid-h">
      <h2 id="aid-h">${say.w.aid}</h2>
      ${aidSection(say, p)}
    </section>
    <section aria-labelledby="map-h">
      <h2 id="map-h">${say.w.map}</h2>
      ${mapSection(say, map.places, map.years, map.year, path)}
    </section>
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">${say.w.timeline}</h2>
      ${timelineSection(say, p.timeline.entries)}
    </section>
    <section aria-labelledby="downloads-h" class="downloads">
      <h2 id="downloads-h">${say.w.downloads}</h2>
      <ul>
        <li><a href="${file('dossier.html')}" type="text/html">${say.w.dossierHtml}</a></li>
        <li><a href="${file('dossier.pdf')}" type="application/pdf">${say.w.dossierPdf}</a></li>
        <li><a href="${file('aid.csv')}" type="text/csv">${say.w.aidCsv}</a></li>
        <li><a href="${file('feed.atom')}" type="application/atom+xml">${say.w.feed}</a></li>
      </ul>
    </section>`;
  return layout({ ...c, title: title(say, p), path, query: { year: map.year }, feed: file('feed.atom') }, main);
}
