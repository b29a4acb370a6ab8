// @ts-check
// Signing in: the API key typed in is checked with GET /api/v1/me and kept for the tab only
// (api.js keeps it in sessionStorage). Everything about who is signed in lives here.
import { ApiError, get, getKey, setKey, whenUnauthorized } from './api.js';
import { t } from './i18n.js';
import { asyncListener, clear, h } from './render.js';
import { main } from './routes.js';
import { sessionActive } from './session.js';

/** @import { Me } from './types.js' */

const API = '/api/v1';

/** Who is signed in, and why the sign-in form shows again (a key refused on the way). */
/** @type {{ me: Me | null, signInMessage: (string | Node)[] | null }} */
export const session = { me: null, signInMessage: null };

/** @returns {boolean} a key is kept and was accepted, or a session through the identity provider (session.js) */
export const signedIn = () => Boolean(session.me && (getKey() || sessionActive()));

/**
 * The sign-in form; `onSignedIn` draws the page once the key is accepted.
 * @param {() => Promise<void>} onSignedIn
 */
export function renderSignIn(onSignedIn) {
  const root = clear(main());
  const error = h('div', { class: 'error-message', id: 'sign-in-error', role: 'alert', tabindex: '-1', hidden: !session.signInMessage });
  if (session.signInMessage) error.append(...session.signInMessage);
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
        session.me = me;
        session.signInMessage = null;
        await onSignedIn();
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
  (session.signInMessage ? error : input).focus();
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

/** Forgets the key and who held it. */
export function signOut() {
  setKey(null);
  session.me = null;
  session.signInMessage = null;
}

/**
 * Asks who holds the kept key, if any. A refused key brings back the sign-in form with the reason
 * (through onKeyRefused); other failures are thrown.
 * @returns {Promise<void>}
 */
export async function restoreSession() {
  if (!getKey()) return;
  try {
    session.me = /** @type {Me} */ (await get(`${API}/me`));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return; // whenUnauthorized showed the sign-in form
    throw err;
  }
}

/**
 * Any request answered 401 (a key revoked while the page is open): back to the sign-in form, with the reason.
 * @param {() => void} redraw draws the header and the sign-in form
 */
export function onKeyRefused(redraw) {
  whenUnauthorized((err) => {
    setKey(null);
    session.me = null;
    session.signInMessage = signInProblem(err);
    redraw();
  });
}
