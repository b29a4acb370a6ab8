// @ts-check
// The council staff's page: sign in with an API key, list partnerships, read one partnership's
// timeline (as of any date), its aid chart, download reports and, with an office key, record milestones.
// Routes live in the hash: #/ (list, with filters as query), #/p/<id>?asOf=YYYY-MM-DD (one partnership).
import { ApiError, NetworkError, get, getKey, post, query, request, setKey, whenUnauthorized } from './api.js';
import { aidChart } from './chart.js';
import { recordSection } from './forms.js';
import { ENUMS, code, formatDate, formatMoney, formatTimestamp, lang, nameIn, setLang, t } from './i18n.js';
import { EVENT_ICON, asyncListener, clear, h, icon } from './render.js';
import { noSignIn, sessionActive, sessionNote, signOut, startSession } from './session.js';

/**
 * @import { AidResult, BusinessDate, LocalizedName, Me, Money, PartnershipDetail, PartnershipPage,
 *   PartnershipSummary, Report, ReportFormat, ReportPage, ReportType, Role, Timeline, TimelineCorrection, TimelinePage,
 *   TimelineEntry } from './types.js'
 */
/** @import { CodeKind, LabelKey } from './i18n.js' */
/** @import { Child } from './render.js' */
/** @typedef {Record<string, string>} HashParams the query part of the hash */

const API = '/api/v1';
/** @type {Role[]} */
const WRITE_ROLES = ['office', 'admin'];
// index.html always has these elements; the casts only tell tsc so.
const main = () => /** @type {HTMLElement} */ (document.getElementById('main'));
/** @type {{ me: Me | null, signInMessage: (string | Node)[] | null, renderToken: number }} */
const state = { me: null, signInMessage: null, renderToken: 0 };
/** Signed in: with a key, or with a session through the identity provider (session.js). */
const signedIn = () => !!state.me && (!!getKey() || sessionActive());

// ---- routing ------------------------------------------------------------------------------------

/** @returns {{ view: 'partnership', id: string, params: HashParams } | { view: 'list', params: HashParams }} */
function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  const params = Object.fromEntries(new URLSearchParams(qs));
  const m = /^\/p\/(.+)$/.exec(path);
  if (m) return { view: 'partnership', id: decodeURIComponent(m[1]), params };
  return { view: 'list', params };
}

/**
 * @param {'list' | 'partnership'} view
 * @param {HashParams} [params]
 * @param {string} [id] the partnership, for its view
 */
function hashFor(view, params = {}, id) {
  const qs = query(params);
  return view === 'partnership' ? `#/p/${encodeURIComponent(/** @type {string} */ (id))}${qs}` : `#/${qs}`;
}

/** @param {{ focus?: boolean }} [options] focus: move the focus to the new heading */
async function route({ focus = true } = {}) {
  const token = ++state.renderToken;
  renderChrome();
  if (!signedIn()) return renderSignIn();
  const r = parseHash();
  const root = clear(main());
  root.append(h('p', { class: 'loading', role: 'status' }, t('loading')));
  try {
    const view = r.view === 'partnership' ? await partnershipView(r.id, r.params) : await listView(r.params);
    if (token !== state.renderToken) return; // a newer navigation won
    clear(root).append(view);
    if (focus) root.querySelector('h1')?.focus();
  } catch (err) {
    if (token !== state.renderToken) return;
    if (err instanceof ApiError && err.status === 401) return; // the sign-in form is already showing
    clear(root).append(errorBox(err));
  }
}

/** @param {unknown} err */
function errorBox(err) {
  const detail =
    err instanceof ApiError
      ? err.detail
      : err instanceof NetworkError
        ? t('networkError')
        : String(/** @type {{ message?: unknown } | null | undefined} */ (err)?.message ?? err);
  return h(
    'section',
    { class: 'error', role: 'alert', id: 'page-error' },
    h('h1', { tabindex: '-1' }, t('errorTitle')),
    h('p', {}, detail),
    err instanceof ApiError && err.fieldErrors.length
      ? h(
          'ul',
          {},
          err.fieldErrors.map((fe) => h('li', {}, h('code', {}, fe.field), ' ', fe.reason)),
        )
      : null,
    h('p', {}, h('a', { href: '#/' }, t('back'))),
  );
}

// ---- page chrome (header, language) -------------------------------------------------------------

function renderChrome() {
  document.documentElement.lang = lang();
  document.title = t('appName');
  /** @type {HTMLElement} */ (document.querySelector('.skip')).textContent = t('skip');
  /** @type {HTMLElement} */ (document.getElementById('brand')).textContent = t('appName');
  /** @type {HTMLElement} */ (document.getElementById('lang-label')).textContent = t('language');
  /** @type {HTMLSelectElement} */ (document.getElementById('lang')).value = lang();
  const who = /** @type {HTMLElement} */ (document.getElementById('who'));
  const out = /** @type {HTMLElement} */ (document.getElementById('sign-out'));
  if (state.me && signedIn()) {
    who.textContent = t('signedInAs', { name: state.me.name, role: t(`role_${state.me.role}`) });
    who.title = sessionNote(state.me);
    out.textContent = t('signOut');
    out.hidden = false;
  } else {
    who.textContent = '';
    out.hidden = true;
  }
}

// ---- sign in ------------------------------------------------------------------------------------

function renderSignIn() {
  const root = clear(main());
  const error = h('div', { class: 'error-message', id: 'sign-in-error', role: 'alert', tabindex: '-1', hidden: !state.signInMessage });
  if (state.signInMessage) error.append(...state.signInMessage);
  const input = h('input', {
    type: 'password',
    id: 'api-key',
    name: 'key',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'api-key-hint sign-in-error',
  });
  const status = h('p', { role: 'status', class: 'form-status' });
  const form = h(
    'form',
    { class: 'sign-in', id: 'sign-in', novalidate: true },
    h('h1', { tabindex: '-1' }, t('signInTitle')),
    h('p', { id: 'api-key-hint' }, t('signInIntro')),
    error,
    h('div', { class: 'field' }, h('label', { for: 'api-key' }, t('apiKey')), input),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('signIn')), status),
  );
  form.addEventListener(
    'submit',
    asyncListener(async (ev) => {
      ev.preventDefault();
      const key = input.value.trim();
      error.hidden = true;
      status.textContent = t('signingIn');
      try {
        const me = /** @type {Me} */ (await get(`${API}/me`, { key }));
        setKey(key);
        state.me = me;
        state.signInMessage = null;
        await route();
      } catch (err) {
        status.textContent = '';
        clear(error).append(...signInProblem(err));
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        error.focus();
      }
    }),
  );
  root.append(form);
  (state.signInMessage ? error : input).focus();
}

/**
 * @param {unknown} err
 * @returns {(string | Node)[]}
 */
function signInProblem(err) {
  if (err instanceof ApiError && err.status === 401) return [h('strong', {}, t('wrongKey')), ' ', err.detail];
  if (err instanceof ApiError) return [err.detail];
  return [t('networkError')];
}

whenUnauthorized((err) => {
  setKey(null);
  state.me = null;
  state.signInMessage = signInProblem(err);
  renderChrome();
  renderSignIn();
});

// ---- the list -----------------------------------------------------------------------------------

const LIST_FILTERS = ['q', 'tier', 'standing', 'counterpart', 'area'];

/** @param {HashParams} params */
async function listView(params) {
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
  return h('div', { class: 'list-view' }, h('h1', { tabindex: '-1' }, t('listTitle')), form, table, count, more);
}

/** @param {PartnershipSummary} p */
function partnershipName(p) {
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

// ---- one partnership ----------------------------------------------------------------------------

/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
 * Reads the status, timeline and aid; after a write, waits (briefly) until the read side has caught up with it.
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
    if (detail.status === 'rejected') throw detail.reason;
    if (timeline.status === 'rejected') throw timeline.reason;
    const caughtUp = timeline.value.version >= minVersion && detail.value.version >= minVersion;
    if (caughtUp || attempt >= 40) return { detail: detail.value, timeline: timeline.value, aid };
    await sleep(150);
  }
}

/**
 * @param {string} id
 * @param {HashParams} params
 * @param {number} [minVersion] wait for the read side to reach this version (after a write)
 */
async function partnershipView(id, params, minVersion = 0) {
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.asOf ?? '') ? params.asOf : '';
  let data;
  try {
    data = await loadPartnership(id, asOf, minVersion);
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
  const canWrite = WRITE_ROLES.includes(/** @type {Role} */ (state.me?.role));

  const view = h(
    'article',
    { class: 'partnership', 'data-partnership': id },
    h('p', { class: 'no-print' }, h('a', { href: '#/' }, `← ${t('back')}`)),
    h('h1', { tabindex: '-1' }, partnershipName(detail)),
    asOfForm(id, asOf),
    asOf ? h('p', { class: 'as-of-note', id: 'as-of-note' }, t('asOfShowing', { date: formatDate(asOf) })) : null,
    h('div', { class: 'columns' }, statusSection(detail), downloadsSection(id)),
    aidSection(aid),
    timelineSection(timeline),
    canWrite && !asOf ? recordSection(id, async (result) => refresh(id, params, result.version)) : null,
  );
  return view;
}

/**
 * After a write: redraw the partnership with the new entry, keeping the form's status message in view.
 * @param {string} id
 * @param {HashParams} params
 * @param {number} version
 */
async function refresh(id, params, version) {
  const root = main();
  const view = await partnershipView(id, params, version);
  const openForm = /** @type {HTMLElement | null} */ (root.querySelector('details.record-item[open]'))?.dataset.form;
  const statusText = root.querySelector(`details[open] .form-status`)?.textContent;
  clear(root).append(view);
  if (openForm) {
    const d = /** @type {HTMLDetailsElement} */ (root.querySelector(`details.record-item[data-form="${openForm}"]`));
    d.open = true;
    /** @type {HTMLElement} */ (d.querySelector('.form-status')).textContent = statusText ?? '';
  }
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
            a.mode ? ` · ${code('mode', a.mode)}` : '',
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

// ---- the timeline ---------------------------------------------------------------------------------

// Recorded values come as JSON of any shape; these tell apart the shapes the page formats.
/** @type {(v: unknown) => v is Record<string, unknown>} */
const isObject = (v) => Boolean(v) && typeof v === 'object';
/** @type {(v: unknown) => v is BusinessDate} */
const isBusinessDate = (v) => isObject(v) && typeof v.date === 'string' && typeof v.precision === 'string';
/** @type {(v: unknown) => v is LocalizedName} */
const isName = (v) =>
  isObject(v) && ['de', 'uk', 'en'].some((l) => typeof v[l] === 'string') && Object.keys(v).every((k) => ['de', 'uk', 'en'].includes(k));
/** @type {(v: unknown) => v is Money} */
const isMoney = (v) => isObject(v) && typeof v.amount === 'string' && typeof v.currency === 'string';

/**
 * Any recorded value as readable text (dates in their precision, names in the reader's language, money).
 * @param {string} field
 * @param {unknown} v
 * @returns {string}
 */
function valueText(field, v) {
  if (v === null || v === undefined) return '—';
  if (isBusinessDate(v)) return formatDate(v);
  if (isName(v)) return nameIn(v);
  if (isMoney(v)) return formatMoney(v.amount, v.currency);
  if (Array.isArray(v))
    return v
      .map((/** @type {{ name?: string } | string | number} */ x) => (typeof x === 'object' ? (x.name ?? JSON.stringify(x)) : String(x)))
      .join(', ');
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'object') return JSON.stringify(v);
  /** @type {Record<string, CodeKind>} recorded field → whose labels */
  const kinds = {
    tier: 'tier',
    proposedTier: 'tier',
    modality: 'modality',
    mode: 'mode',
    agreementKind: 'agreementKind',
    participantType: 'participantType',
    side: 'side',
  };
  if (kinds[field]) return code(kinds[field], v);
  if (field === 'outcome') return code('decisionOutcome', v) || code('bodyOutcome', v);
  const primitive = /** @type {string | number} */ (v);
  return String(primitive);
}

/**
 * @param {string} type
 * @param {unknown} o
 */
function outcomeText(type, o) {
  if (!o) return '';
  return type === 'BoardReviewed' ? code('bodyOutcome', o) : code('decisionOutcome', o);
}

/**
 * The one line that says what happened, per kind of milestone.
 * @param {TimelineEntry} e
 * @returns {string}
 */
function summary(e) {
  const d = e.data ?? {};
  /** @type {(...parts: unknown[]) => string} */
  const join = (...parts) => parts.filter(Boolean).join(' · ');
  switch (e.type) {
    case 'PartnershipInitiated':
      return join(nameIn(d.ownMunicipality), nameIn(d.counterpart), code('tier', d.tier), d.mandateReference);
    case 'CounterpartDesignated':
    case 'CounterpartRenamed':
      return join(nameIn(d.name), d.country, d.reason);
    case 'AidDelivered':
    case 'AidCommitted':
      return join(
        nameIn(d.receiver),
        d.value ? formatMoney(d.value.amount, d.value.currency) : '',
        code('modality', d.modality),
        d.items?.join(', '),
        d.sector,
        d.expectedBy ? `→ ${formatDate(d.expectedBy)}` : '',
      );
    case 'DraftResolutionPrepared':
      return join(d.paperReference, d.title, d.proposedTier ? code('tier', d.proposedTier) : '');
    case 'BoardReviewed':
      return join(d.body, outcomeText(e.type, d.outcome), d.paperReference);
    case 'ReferredToCommittee':
      return join(d.committee, d.meetingDate ? formatDate(d.meetingDate) : '', d.paperReference);
    case 'CommitteeDecided':
      return join(d.committee, outcomeText(e.type, d.outcome), d.paperReference, d.resolutionReference);
    case 'CouncilDecided':
      return join(
        d.body,
        outcomeText(e.type, d.outcome),
        d.proposedTier ? code('tier', d.proposedTier) : '',
        d.paperReference,
        d.resolutionReference,
      );
    case 'AgreementSigningScheduled':
    case 'AgreementSigned':
      return join(
        code('agreementKind', d.agreementKind),
        code('mode', d.mode),
        d.venue,
        d.signatories?.map((/** @type {{ name: string }} */ x) => x.name).join(', '),
        d.urgentDecisionReference,
      );
    case 'CooperationAreaAdded':
    case 'CooperationAreaRemoved':
      return join(d.area, d.reason);
    case 'ParticipantJoined':
    case 'ParticipantLeft':
      return join(d.organisation, code('participantType', d.participantType), code('side', d.side), d.reason);
    case 'ActivityHeld':
      return join(
        d.title,
        code('activityKind', d.activityKind),
        d.place,
        d.endsOn ? `→ ${formatDate(d.endsOn)}` : '',
        d.participantCount ? String(d.participantCount) : '',
      );
    case 'PartnershipSuspended':
    case 'PartnershipResumed':
    case 'PartnershipTerminated':
      return join(d.reason, d.decisionReference);
    case 'DocumentAttached':
      return join(d.name, d.mediaType);
    case 'NoteAdded':
      return d.text ?? '';
    default:
      return '';
  }
}

/** @param {TimelineEntry} e */
function isPlanned(e) {
  return Boolean(e.planned) || e.type === 'AgreementSigningScheduled';
}

/**
 * @param {TimelineEntry} e
 * @param {Map<string, TimelineEntry>} byId
 */
function entryItem(e, byId) {
  const planned = isPlanned(e);
  const label = code('event', e.type);
  const dateText = e.occurredOn ? formatDate(e.occurredOn) : t('undated');
  // The timeline says how each plan ended up; a fulfilled one links to what fulfilled it.
  const fulfilled = e.plan?.status === 'fulfilled' ? e.plan.fulfilledBy : null;
  const fulfilledEntry = fulfilled ? byId.get(fulfilled) : null;

  const what = [h('h4', { class: 'entry-label' }, label), summary(e) ? h('p', { class: 'entry-summary' }, summary(e)) : null];
  const corrections = (e.corrections ?? []).filter((c) => !c.retracted);
  return h(
    'li',
    {
      class: ['entry', planned ? 'is-planned' : 'is-done', e.retracted ? 'is-retracted' : '', corrections.length ? 'is-corrected' : '']
        .filter(Boolean)
        .join(' '),
      'data-type': e.type,
      'data-event-id': e.eventId,
    },
    h('span', { class: 'marker' }, icon(EVENT_ICON[e.type] ?? 'note')),
    h(
      'div',
      { class: 'entry-body' },
      h(
        'p',
        { class: 'entry-meta' },
        e.occurredOn
          ? h('time', { datetime: e.occurredOn.date, class: 'entry-date' }, dateText)
          : h('span', { class: 'entry-date' }, dateText),
        ' ',
        h('span', { class: `badge ${planned ? 'planned' : 'done'}` }, planned ? t('planned') : t('done')),
        corrections.length ? [' ', h('span', { class: 'badge corrected' }, t('corrected'))] : null,
        e.retracted ? [' ', h('span', { class: 'badge retracted' }, t('retracted'))] : null,
      ),
      e.retracted ? h('del', { class: 'retracted-content' }, what) : what,
      fulfilledEntry?.occurredOn ? h('p', { class: 'fulfilled' }, t('fulfilledOn', { date: formatDate(fulfilledEntry.occurredOn) })) : null,
      e.data?.note ? h('p', { class: 'entry-note' }, /** @type {string} */ (e.data.note)) : null,
      corrections.length ? correctionList(corrections) : null,
      e.retracted && e.retraction ? h('p', { class: 'retraction' }, t('retractedBecause', { reason: e.retraction.reason })) : null,
      h('p', { class: 'entry-recorded muted' }, t('recordedBy', { date: formatTimestamp(e.recordedAt), actor: e.actor ?? '—' })),
    ),
  );
}

/** @param {TimelineCorrection[]} corrections */
function correctionList(corrections) {
  return h(
    'ul',
    { class: 'corrections' },
    corrections.map((c) =>
      h(
        'li',
        {},
        h('p', {}, t('correctedOn', { date: formatTimestamp(c.recordedAt), reason: c.reason })),
        h(
          'ul',
          { class: 'changes' },
          Object.keys(c.changes ?? {}).map((field) =>
            h(
              'li',
              {},
              h('span', { class: 'field-name' }, field),
              ': ',
              h('del', {}, valueText(field, c.previous?.[field])),
              ' → ',
              h('ins', {}, valueText(field, c.changes[field])),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * @param {Timeline} timeline
 */
function timelineSection(timeline) {
  const entries = timeline.entries ?? [];
  const byId = new Map(entries.map((e) => [e.eventId, e]));
  /** @type {Map<string, TimelineEntry[]>} */
  const years = new Map();
  for (const e of entries) {
    const y = e.occurredOn ? e.occurredOn.date.slice(0, 4) : t('undated');
    if (!years.has(y)) years.set(y, []);
    /** @type {TimelineEntry[]} */ (years.get(y)).push(e);
  }
  return h(
    'section',
    { class: 'timeline', 'aria-labelledby': 'timeline-title', id: 'timeline' },
    h('h2', { id: 'timeline-title' }, t('timeline')),
    entries.length
      ? [...years].map(([year, list]) =>
          h(
            'section',
            { class: 'year', 'aria-labelledby': `year-${year}` },
            h('h3', { id: `year-${year}` }, year),
            h(
              'ol',
              { class: 'entries' },
              list.map((e) => entryItem(e, byId)),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('noEntries')),
  );
}

// ---- downloads (reports API) --------------------------------------------------------------------

/**
 * @typedef {object} Download
 * @property {string} id
 * @property {LabelKey} label
 * @property {ReportType} type
 * @property {(partnershipId: string) => Record<string, unknown>} parameters
 * @property {ReportFormat} format
 */

/**
 * What each button asks the reports API for, and the format it downloads.
 * @type {Download[]}
 */
const DOWNLOADS = [
  { id: 'dossier-pdf', label: 'dossierPdf', type: 'dossier', parameters: (id) => ({ partnershipId: id }), format: 'pdf' },
  { id: 'dossier-html', label: 'dossierHtml', type: 'dossier', parameters: (id) => ({ partnershipId: id }), format: 'html' },
  { id: 'aid-csv', label: 'aidCsv', type: 'aid_summary', parameters: (id) => ({ partnershipId: id, kind: 'delivered' }), format: 'csv' },
];
const DONE = ['completed'];
const FAILED = ['failed'];

/** @param {string} id */
function downloadsSection(id) {
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', id: 'download-status' });
  const buttons = DOWNLOADS.map((d) => {
    const b = h('button', { type: 'button', class: 'secondary', id: `download-${d.id}` }, t(d.label));
    b.addEventListener(
      'click',
      asyncListener(async () => {
        for (const x of buttons) x.disabled = true;
        try {
          await download(id, d, status);
        } finally {
          for (const x of buttons) x.disabled = false;
        }
      }),
    );
    return b;
  });
  return h(
    'section',
    { class: 'downloads no-print', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, t('downloads')),
    h('div', { class: 'actions' }, buttons),
    status,
  );
}

/**
 * The newest completed report of this type for this partnership, or null.
 * @param {string} partnershipId
 * @param {ReportType} type
 * @returns {Promise<Report | null>}
 */
async function latestReport(partnershipId, type) {
  /** @type {string | undefined} */
  let cursor;
  for (let page = 0; page < 5; page++) {
    const list = /** @type {ReportPage} */ (await get(`${API}/reports${query({ type, status: 'completed', limit: 100, cursor })}`));
    const hit = list.items.find((r) => r.parameters?.partnershipId === partnershipId);
    if (hit) return hit;
    if (!list.nextCursor) return null;
    cursor = list.nextCursor;
  }
  return null;
}

/**
 * @param {string} partnershipId
 * @param {Download} d
 * @param {HTMLElement} status where progress and the outcome are told
 */
async function download(partnershipId, d, status) {
  const what = t(d.label);
  status.classList.remove('error-message');
  status.textContent = t('reportQueued', { what });
  try {
    /** @type {Report} */
    let report;
    try {
      report = /** @type {Report} */ (await post(`${API}/reports`, { type: d.type, parameters: d.parameters(partnershipId) }));
    } catch (err) {
      // Keys that may not request reports (council) may still download one produced earlier,
      // e.g. the dossier the service refreshes after each decision or signing.
      if (!(err instanceof ApiError && err.status === 403)) throw err;
      const earlier = await latestReport(partnershipId, d.type);
      if (!earlier) throw err;
      report = earlier;
    }
    const reportId = report.id;
    for (let i = 0; !DONE.includes(report.status); i++) {
      if (FAILED.includes(report.status)) throw new Error(report.error ?? report.status);
      if (i > 120) {
        status.textContent = t('reportTimeout', { what });
        return;
      }
      await sleep(500);
      report = /** @type {Report} */ (await get(`${API}/reports/${encodeURIComponent(reportId)}`));
    }
    const res = /** @type {Response} */ (
      await request(`${API}/reports/${encodeURIComponent(reportId)}/download${query({ format: d.format })}`, {
        raw: true,
        headers: { Accept: '*/*' },
      })
    );
    const blob = await res.blob();
    const disposition = res.headers.get('content-disposition') ?? '';
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? `${partnershipId}-${d.type}.${d.format}`;
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: decodeURIComponent(name), hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = t('reportReady', { what });
  } catch (err) {
    status.classList.add('error-message');
    if (
      err instanceof ApiError &&
      (err.status === 404 || err.status === 405) &&
      err.problem?.code !== 'partnership_not_found' &&
      !/report/i.test(err.problem?.code ?? '')
    ) {
      status.textContent = t('reportsMissing');
    } else {
      status.textContent = t('reportFailed', {
        what,
        reason: err instanceof ApiError ? err.detail : err instanceof NetworkError ? t('networkError') : /** @type {Error} */ (err).message,
      });
    }
  }
}

// ---- start --------------------------------------------------------------------------------------

async function start() {
  setLang(lang());
  const select = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));
  select.addEventListener('change', () => {
    setLang(select.value);
    if (!signedIn()) {
      renderChrome();
      return renderSignIn();
    }
    void route({ focus: false });
  });
  /** @type {HTMLElement} */ (document.getElementById('sign-out')).addEventListener('click', () => {
    if (sessionActive()) return void signOut();
    setKey(null);
    state.me = null;
    state.signInMessage = null;
    location.hash = '#/';
    renderChrome();
    renderSignIn();
  });
  // The skip link must not touch the hash: the hash is the route.
  /** @type {HTMLElement} */ (document.querySelector('.skip')).addEventListener('click', (ev) => {
    ev.preventDefault();
    main().focus();
  });
  window.addEventListener('hashchange', () => void route());
  const session = await startSession().catch((err) => {
    renderChrome();
    clear(main()).append(errorBox(err));
    return null;
  });
  if (!session) return;
  if (session.mode === 'oidc') state.me = session.me;
  else if (!session.keySignIn) return void clear(main()).append(noSignIn());
  else if (getKey()) {
    try {
      state.me = /** @type {Me} */ (await get(`${API}/me`));
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) {
        renderChrome();
        clear(main()).append(errorBox(err));
        return;
      }
      return; // whenUnauthorized showed the sign-in form with the reason
    }
  }
  await route({ focus: false });
}

void start();
