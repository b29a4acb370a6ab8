// @ts-check
// One partnership: its status (as of any date), aid chart, downloads, timeline and, for keys that may
// write, the milestone forms and each entry's Correct and Retract.
import { ApiError, get, query } from './api.js';
import { aidChart } from './chart.js';
import { downloadsSection } from './downloads.js';
import { code, formatDate, formatMoney, t } from './i18n.js';
import { partnershipName } from './list-view.js';
import { mapSection } from './map-view.js';
import { entryActions, milestoneKinds, recordSection, recordable } from './record.js';
import { clear, h, sleep } from './render.js';
import { hashFor, main } from './routes.js';
import { session } from './signin.js';
import { timelineSection } from './timeline.js';

/**
 * @import { AidResult, CommandResult, PartnershipDetail, Role, Timeline, TimelineEntry, TimelinePage } from './types.js'
 */
/** @import { Child } from './render.js' */
/** @import { HashParams } from './routes.js' */
/** @import { AfterWrite } from './record.js' */

const API = '/api/v1';
/** @type {Role[]} */
const WRITE_ROLES = ['office', 'admin'];

/**
 * Every page of a timeline, joined (the API answers a page at a time; the page shows them all).
 * @param {string} enc the encoded partnership id
 * @param {string} asOf YYYY-MM-DD, or ''
 * @returns {Promise<Timeline>}
 */
async function wholeTimeline(enc, asOf) {
  /** @param {string} [cursor] */
  const url = (cursor) => `${API}/partnerships/${enc}/timeline${query({ validAt: asOf, limit: 1000, cursor })}`;
  let page = /** @type {TimelinePage} */ (await get(url()));
  const entries = [...page.entries];
  while (page.nextCursor) {
    page = /** @type {TimelinePage} */ (await get(url(page.nextCursor)));
    entries.push(...page.entries);
  }
  return { ...page, entries };
}

/**
 * Reads the status, timeline and aid; after a write, waits (up to some 12 s, then shows what it has) until the read side has caught up with it.
 * @param {string} id
 * @param {string} asOf YYYY-MM-DD, or '' for today
 * @param {number} [minVersion]
 * @returns {Promise<{ detail: PartnershipDetail, timeline: Timeline, aid: PromiseSettledResult<AidResult> }>}
 */
async function loadPartnership(id, asOf, minVersion = 0) {
  const enc = encodeURIComponent(id);
  const vq = query({ validAt: asOf });
  for (let attempt = 0; ; attempt++) {
    const [detail, timeline, aid] = await Promise.allSettled([
      /** @type {Promise<PartnershipDetail>} */ (get(`${API}/partnerships/${enc}${vq}`)),
      wholeTimeline(enc, asOf),
      /** @type {Promise<AidResult>} */ (get(`${API}/aid${query({ partnershipId: id, kind: 'delivered', to: asOf })}`)),
    ]);
    // A partnership just created may not be on the read side yet: a 404 then means "not yet".
    const notYet = (/** @type {PromiseSettledResult<unknown>} */ r) =>
      r.status === 'rejected' && minVersion > 0 && attempt < 80 && r.reason instanceof ApiError && r.reason.status === 404;
    if (notYet(detail) || notYet(timeline)) {
      await sleep(150);
      continue;
    }
    if (detail.status === 'rejected') throw detail.reason;
    if (timeline.status === 'rejected') throw timeline.reason;
    const caughtUp = timeline.value.version >= minVersion && detail.value.version >= minVersion;
    if (caughtUp || attempt >= 80) return { detail: detail.value, timeline: timeline.value, aid };
    await sleep(150);
  }
}

/** Versions to wait for before drawing a partnership: set before going to one just created. */
const awaited = new Map();

/**
 * Go to a partnership once the read side has the version a write answered.
 * @param {CommandResult} result
 */
export function showWhenRead(result) {
  awaited.set(result.partnershipId, result.version);
  location.hash = hashFor('partnership', {}, result.partnershipId);
}

/**
 * @param {string} id
 * @param {HashParams} params
 * @param {{ minVersion?: number, start?: { type: string, status: string } }} [options] minVersion: wait for the
 *   read side to reach it (after a write); start: the milestone form to show at once, with its status
 */
export async function partnershipView(id, params, { minVersion = 0, start } = {}) {
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.asOf ?? '') ? params.asOf : '';
  const role = session.me?.role;
  let data;
  const wanted = Math.max(minVersion, awaited.get(id) ?? 0);
  // The kinds are asked beside the partnership; without them a writer still reads the page.
  const kinds = milestoneKinds().catch((/** @type {unknown} */ err) => err);
  try {
    data = await loadPartnership(id, asOf, wanted);
    awaited.delete(id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      return h(
        'section',
        { class: 'error', role: 'alert' },
        h('h1', { tabindex: '-1' }, t('notFound', { id })),
        h('p', {}, err.detail),
        h('p', {}, h('a', { href: '#/' }, t('back'))),
      );
    }
    throw err;
  }
  const { detail, timeline, aid } = data;
  const described = await kinds;
  const all = Array.isArray(described) ? described : [];
  // Two organisations may share the partnership: each records its side's milestones and changes only its own entries.
  const acting = session.me?.organisation;
  const recorders = new Set(timeline.entries.flatMap((e) => (e.recordedBy ? [e.recordedBy.organisation] : [])));
  const owner = timeline.entries.find((e) => e.recordedBy?.side === 'own')?.recordedBy?.organisation;
  const side = owner && acting && owner !== acting ? 'partner' : 'own';
  const shared = new Set([...recorders, ...(acting ? [acting] : [])]).size > 1;
  /** @param {TimelineEntry} e */
  const ours = (e) => !e.recordedBy || !acting || e.recordedBy.organisation === acting;
  // A kind without `sides` (an older API) is left for the API to judge.
  const writable = asOf ? [] : recordable(all, role).filter((k) => !k.sides || k.sides.includes(side));
  /** @type {AfterWrite} */
  const after = async (result) => refresh(id, params, result.version);
  /** @param {TimelineEntry} e */
  const actions = (e) =>
    writable.length
      ? entryActions(
          id,
          e,
          writable.find((k) => k.type === e.type),
          after,
          // Receipt is confirmed by the side that received it (the owner alone confirms its own
          // deliveries), until all of it has arrived: the API refuses a confirmation after the full one.
          e.type === 'AidDelivered' && (!ours(e) || !shared) && e.receipt?.status !== 'confirmed'
            ? writable.find((k) => k.type === 'AidReceiptConfirmed')
            : undefined,
          ours(e),
        )
      : null;
  const names = new Map((session.me?.organisations ?? []).map((o) => [o.slug, o.name]));

  return h(
    'article',
    { class: 'partnership', 'data-partnership': id },
    h('p', { class: 'no-print' }, h('a', { href: '#/' }, `← ${t('back')}`)),
    h('h1', { tabindex: '-1' }, partnershipName(detail)),
    asOfForm(id, asOf),
    asOf ? h('p', { class: 'as-of-note', id: 'as-of-note' }, t('asOfShowing', { date: formatDate(asOf) })) : null,
    h('div', { class: 'columns' }, statusSection(detail), downloadsSection(id)),
    aidSection(aid),
    asOf ? null : mapSection(id),
    timelineSection(timeline, all, actions, { sides: shared, names }),
    writable.length ? recordSection(id, writable, after, start) : null,
    !Array.isArray(described) && !asOf && WRITE_ROLES.includes(/** @type {Role} */ (role))
      ? h('p', { class: 'error-message no-print', role: 'alert' }, described instanceof ApiError ? described.detail : t('networkError'))
      : null,
  );
}

/**
 * After a write: redraw the partnership with the new entry, keeping the chosen form and its status in view.
 * @param {string} id
 * @param {HashParams} params
 * @param {number} version
 */
async function refresh(id, params, version) {
  const root = main();
  const type = /** @type {HTMLSelectElement | null} */ (root.querySelector('#record-kind'))?.value;
  const status = root.querySelector('.record-slot .form-status')?.textContent ?? '';
  const view = await partnershipView(id, params, { minVersion: version, start: type ? { type, status } : undefined });
  clear(root).append(view);
}

/**
 * @param {string} id
 * @param {string} asOf
 */
function asOfForm(id, asOf) {
  const input = h('input', { type: 'date', id: 'as-of', name: 'asOf', value: asOf, 'aria-describedby': 'as-of-hint' });
  const form = h(
    'form',
    { class: 'as-of no-print', id: 'as-of-form' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'as-of' }, t('asOf')),
      input,
      h('p', { class: 'hint', id: 'as-of-hint' }, t('asOfHint')),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, t('show')),
      asOf ? h('a', { href: hashFor('partnership', {}, id), class: 'button secondary', id: 'as-of-today' }, t('today')) : null,
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = hashFor('partnership', { asOf: input.value }, id);
  });
  input.addEventListener('change', () => {
    if (!input.value || /^\d{4}-\d{2}-\d{2}$/.test(input.value)) location.hash = hashFor('partnership', { asOf: input.value }, id);
  });
  return form;
}

/**
 * @param {string} label
 * @param {...Child} value
 */
function row(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

/** @param {PartnershipDetail} d */
function statusSection(d) {
  const agreements = d.agreements?.length
    ? h(
        'ul',
        { class: 'plain', id: 'agreements' },
        d.agreements.map((a) =>
          h(
            'li',
            {},
            code('agreementKind', a.kind),
            ' · ',
            h('time', { datetime: a.signedOn.date }, formatDate(a.signedOn)),
            a.mode ? ` · ${code('signingMode', a.mode)}` : '',
          ),
        ),
      )
    : h('span', { id: 'no-agreement' }, t('noAgreement'));
  const aidTotals = Object.entries(d.aidDelivered ?? {});
  return h(
    'section',
    { class: 'status', 'aria-labelledby': 'status-title', id: 'status' },
    h('h2', { id: 'status-title' }, t('status')),
    h(
      'dl',
      {},
      row(t('tier'), h('span', { id: 'status-tier' }, code('tier', d.tier))),
      row(t('standing'), h('span', { class: `standing standing-${d.standing}`, id: 'status-standing' }, code('standing', d.standing))),
      row(t('agreements'), agreements),
      d.pendingUpgrade
        ? row(
            t('pendingUpgrade'),
            t('pendingUpgradeText', { tier: code('tier', d.pendingUpgrade.tier), date: formatDate(d.pendingUpgrade.decidedOn) }),
          )
        : null,
      d.currentPaper
        ? row(
            t('currentPaper'),
            `${d.currentPaper.reference}: ${d.currentPaper.title}`,
            h('span', { class: 'muted' }, ` (${code('stage', d.currentPaper.stage)})`),
          )
        : null,
      d.nextScheduled
        ? row(
            t('nextScheduled'),
            code('event', d.nextScheduled.kind),
            ' · ',
            h('time', { datetime: d.nextScheduled.date.date }, formatDate(d.nextScheduled.date)),
          )
        : null,
      d.areas?.length ? row(t('areas'), d.areas.join(', ')) : null,
      aidTotals.length ? row(t('aidDelivered'), aidTotals.map(([cur, amount]) => formatMoney(amount, cur)).join(' · ')) : null,
      d.coordinatingOffice ? row(t('coordinatingOffice'), d.coordinatingOffice) : null,
      d.obligations?.length
        ? row(
            t('openObligations'),
            h(
              'ul',
              { class: 'plain', id: 'obligations' },
              d.obligations.map((o) =>
                h(
                  'li',
                  { class: o.overdue ? 'overdue' : undefined, 'data-obligation': o.id },
                  code('obligationKind', o.kind),
                  ' · ',
                  h('time', { datetime: o.dueDate }, t('dueOn', { date: formatDate({ date: o.dueDate, precision: 'day' }) })),
                  o.overdue ? h('strong', { class: 'overdue-flag' }, ` · ${t('overdue')}`) : '',
                ),
              ),
            ),
          )
        : null,
    ),
  );
}

/** @param {PromiseSettledResult<AidResult>} aid */
function aidSection(aid) {
  const body =
    aid.status === 'fulfilled'
      ? aidChart(aid.value.items ?? [])
      : h('p', { class: 'error-message', role: 'alert' }, aid.reason instanceof ApiError ? aid.reason.detail : t('networkError'));
  return h('section', { class: 'aid', 'aria-labelledby': 'aid-title', id: 'aid' }, h('h2', { id: 'aid-title' }, t('aidChart')), body);
}
