// @ts-check
// What a view shows when loading it failed: the API's detail and field errors, or the network problem.
import { ApiError, NetworkError } from './api.js';
import { t } from './i18n.js';
import { h } from './render.js';

/** @param {unknown} err */
export function errorBox(err) {
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
