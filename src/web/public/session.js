// @ts-check
// Single sign-on for the page: where the service has an identity provider, visitors are sent to it,
// the header shows the person, and a session that ends mid-work is renewed in a small window while
// the page (and any half-filled form) stays as it was; the request that failed is then sent again.
import { actingOrganisation, setActingOrganisation, setCsrfToken, whenSessionEnds } from './api.js';
import { formatTimestamp, lang } from './i18n.js';

/** @import { Me } from './types.js' */
/** @typedef {{ signIn: 'oidc' | 'key', keySignIn: boolean, loginUrl: string | null }} SignInOptions */

const TEXT = {
  en: {
    ended: 'Your session has ended. What you entered is kept: sign in again and it will be sent.',
    again: 'Sign in again',
    discard: 'Discard and reload',
    popupBlocked: 'The sign-in window was blocked. Allow pop-ups for this site, or sign in in another tab:',
    newTab: 'sign in in a new tab',
    waiting: 'Waiting for the sign-in…',
    noSignIn: 'Signing in is not set up on this service. Ask its administrator.',
    endsAt: 'Your session ends at {time}.',
  },
  de: {
    ended: 'Ihre Sitzung ist abgelaufen. Ihre Eingaben bleiben erhalten: Melden Sie sich erneut an, dann werden sie gesendet.',
    again: 'Erneut anmelden',
    discard: 'Verwerfen und neu laden',
    popupBlocked: 'Das Anmeldefenster wurde blockiert. Erlauben Sie Pop-ups für diese Seite oder melden Sie sich in einem anderen Tab an:',
    newTab: 'in neuem Tab anmelden',
    waiting: 'Warte auf die Anmeldung…',
    noSignIn: 'Die Anmeldung ist für diesen Dienst nicht eingerichtet. Wenden Sie sich an die Administration.',
    endsAt: 'Ihre Sitzung endet um {time}.',
  },
  uk: {
    ended: 'Ваш сеанс завершився. Введені дані збережено: увійдіть знову, і їх буде надіслано.',
    again: 'Увійти знову',
    discard: 'Скасувати й перезавантажити',
    popupBlocked: 'Вікно входу заблоковано. Дозвольте спливні вікна для цього сайту або увійдіть в іншій вкладці:',
    newTab: 'увійти в новій вкладці',
    waiting: 'Очікування входу…',
    noSignIn: 'Вхід для цього сервісу не налаштовано. Зверніться до адміністратора.',
    endsAt: 'Ваш сеанс завершиться о {time}.',
  },
};

/** @type {Record<string, typeof TEXT.en>} */
const BY_LANG = TEXT;
/**
 * @param {keyof typeof TEXT.en} key
 * @returns {string}
 */
const say = (key) => (BY_LANG[lang()] ?? TEXT.en)[key];

let active = false;
/** @type {Promise<boolean> | null} */
let renewing = null;

/** True while the page is signed in with a session (not a key). */
export const sessionActive = () => active;

/** Where to come back to after signing in: this very page. */
const here = () => location.pathname + location.search + location.hash;
const loginUrl = (returnTo = here()) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;

/**
 * The signed-in person as the organisation chosen in the header sees them (their roles there).
 * @returns {Promise<Response>}
 */
function fetchMe() {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  const slug = actingOrganisation();
  if (slug) headers['X-Organisation'] = slug;
  return fetch('/api/v1/me', { headers, cache: 'no-store' });
}

/** @param {Me} me */
function adopt(me) {
  active = true;
  setCsrfToken(me.csrfToken ?? null);
}

/**
 * Before the page renders: with an identity provider, the signed-in person (or a trip to sign in);
 * without one, whether the key sign-in is offered.
 * @returns {Promise<{ mode: 'oidc', me: Me } | { mode: 'key', keySignIn: boolean }>}
 */
export async function startSession() {
  /** @type {SignInOptions} */
  let options;
  try {
    options = /** @type {SignInOptions} */ (await (await fetch('/auth/options', { headers: { Accept: 'application/json' } })).json());
  } catch {
    return { mode: 'key', keySignIn: true };
  }
  if (options.signIn !== 'oidc') return { mode: 'key', keySignIn: options.keySignIn };
  const res = await fetchMe();
  if (res.status === 401) {
    location.assign(loginUrl());
    return new Promise(() => {}); // the browser is leaving for the identity provider
  }
  // A choice kept from another person's session (or a membership since ended): back to the session's own.
  if (res.status === 403 && actingOrganisation()) {
    setActingOrganisation(null);
    return startSession();
  }
  if (!res.ok) throw new Error(`GET /api/v1/me answered ${res.status}`);
  const me = /** @type {Me} */ (await res.json());
  adopt(me);
  whenSessionEnds(renew);
  return { mode: 'oidc', me };
}

/**
 * Acts for another of the person's organisations from now on: the header's choice.
 * @param {string} slug
 * @returns {Promise<Me>} the person with their roles there
 */
export async function actFor(slug) {
  setActingOrganisation(slug);
  const res = await fetchMe();
  if (!res.ok) {
    setActingOrganisation(null);
    throw new Error(`GET /api/v1/me answered ${res.status}`);
  }
  const me = /** @type {Me} */ (await res.json());
  adopt(me);
  return me;
}

/** Ends the session here (and at the identity provider, when it offers that). */
export async function signOut() {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  try {
    const me = await fetchMe();
    if (me.ok) headers['X-CSRF-Token'] = /** @type {Me} */ (await me.json()).csrfToken ?? '';
    const res = await fetch('/auth/logout', { method: 'POST', headers });
    const body = res.ok ? /** @type {{ redirectTo?: string }} */ (await res.json()) : {};
    active = false;
    setActingOrganisation(null); // the next person starts in their own organisation
    location.assign(body.redirectTo || '/');
  } catch {
    location.assign('/');
  }
}

/** What the page shows where neither single sign-on nor the key sign-in is available. */
export function noSignIn() {
  const p = document.createElement('p');
  p.className = 'error-message';
  p.setAttribute('role', 'alert');
  p.textContent = say('noSignIn');
  return p;
}

/** "Your session ends at …" for the header's title, so the time is one hover away. */
/** @param {Me} me */
export const sessionNote = (me) => (me.sessionExpiresAt ? say('endsAt').replace('{time}', formatTimestamp(me.sessionExpiresAt)) : '');

/**
 * The session ended while the page was open: sign in again in a small window, then go on. Resolves
 * true when signed in again (the caller resends its request), false when the person gives up.
 * @returns {Promise<boolean>}
 */
function renew() {
  renewing ??= new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.id = 'session-ended';
    dialog.setAttribute('aria-labelledby', 'session-ended-text');
    const text = document.createElement('p');
    text.id = 'session-ended-text';
    text.textContent = say('ended');
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    const again = document.createElement('button');
    again.type = 'button';
    again.textContent = say('again');
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'secondary';
    discard.textContent = say('discard');
    dialog.append(text, status, again, discard);
    document.body.append(dialog);
    dialog.showModal();

    /** @type {Window | null} */
    let popup = null;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    let poll;
    /** @param {boolean} ok */
    const done = (ok) => {
      clearInterval(poll);
      popup?.close();
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    again.addEventListener('click', () => {
      popup = window.open(loginUrl('/'), 'pl-sign-in', 'popup,width=520,height=720');
      status.textContent = say('waiting');
      if (!popup) {
        const link = document.createElement('a');
        link.href = loginUrl('/');
        link.target = '_blank';
        link.textContent = say('newTab');
        status.replaceChildren(say('popupBlocked'), ' ', link);
      }
      clearInterval(poll);
      // The new session's cookie is shared with this page; once /me answers, carry on.
      poll = setInterval(() => {
        void fetchMe().then(async (res) => {
          if (!res.ok) return;
          adopt(/** @type {Me} */ (await res.json()));
          done(true);
        });
      }, 1000);
    });
    discard.addEventListener('click', () => {
      done(false);
      location.assign(loginUrl());
    });
  }).finally(() => {
    renewing = null;
  });
  return renewing;
}
