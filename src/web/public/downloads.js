// @ts-check
// Downloads: a button per report asks the reports API for it, polls until a worker produced it and
// downloads the file; keys that may not request reports get the newest one produced earlier.
import { ApiError, NetworkError, get, post, query, request } from './api.js';
import { t } from './i18n.js';
import { asyncListener, h, sleep } from './render.js';

/** @import { Report, ReportFormat, ReportPage, ReportType } from './types.js' */
/** @import { LabelKey } from './i18n.js' */

const API = '/api/v1';

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
export function downloadsSection(id) {
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
