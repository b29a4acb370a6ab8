// @ts-check
// The council staff's page: sign in with an API key, list partnerships, read one partnership's
// timeline (as of any date), its aid chart, download reports and, with an office or admin key, create
// partnerships, record every kind of milestone and correct or retract entries. This module draws the
// header and routes; each view has its own module.
import { ApiError, getKey } from './api.js';
import { errorBox } from './error-box.js';
import { lang, setLang, t } from './i18n.js';
import { listView } from './list-view.js';
import { partnershipView, showWhenRead } from './partnership-view.js';
import { createSection, milestoneKinds, recordable } from './record.js';
import { clear, h } from './render.js';
import { main, parseHash } from './routes.js';
import { settingsView } from './settings-view.js';
import { actFor, noSignIn, sessionActive, sessionNote, signOut as endSession, startSession } from './session.js';
import { onKeyRefused, renderSignIn, restoreSession, session, signOut, signedIn } from './signin.js';

/** Bumped by every navigation, so a slow earlier one does not overwrite a newer view. */
let renderToken = 0;

/**
 * @param {{ focus?: boolean }} [options] focus: move the focus to the new heading
 * @returns {Promise<void>}
 */
async function route({ focus = true } = {}) {
  const token = ++renderToken;
  renderChrome();
  if (!signedIn()) return renderSignIn(() => route());
  const r = parseHash();
  const root = clear(main());
  root.append(h('p', { class: 'loading', role: 'status' }, t('loading')));
  try {
    const view =
      r.view === 'partnership'
        ? await partnershipView(r.id, r.params)
        : r.view === 'settings'
          ? await settingsView()
          : await listView(r.params, await newPartnership());
    if (token !== renderToken) return; // a newer navigation won
    clear(root).append(view);
    if (focus) root.querySelector('h1')?.focus();
  } catch (err) {
    if (token !== renderToken) return;
    if (err instanceof ApiError && err.status === 401) return; // the sign-in form is already showing
    clear(root).append(errorBox(err));
  }
}

/** The form for a new partnership, when the key may create one (the API says which kind creates). */
async function newPartnership() {
  let kinds;
  try {
    kinds = recordable(await milestoneKinds(), session.me?.role);
  } catch {
    return null; // the list still shows; the partnership page says why the forms are missing
  }
  const creates = kinds.find((k) => k.creates);
  return creates
    ? createSection(creates, (result) => {
        showWhenRead(result);
        return Promise.resolve();
      })
    : null;
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
  const settings = /** @type {HTMLElement} */ (document.getElementById('settings-link'));
  renderOrganisationChoice();
  if (session.me && signedIn()) {
    who.textContent = t('signedInAs', { name: session.me.name, role: t(`role_${session.me.role}`) });
    who.title = sessionNote(session.me);
    out.textContent = t('signOut');
    out.hidden = false;
    settings.hidden = !sessionActive(); // subscriptions belong to people, not keys
    settings.textContent = t('notifications');
  } else {
    who.textContent = '';
    out.hidden = true;
    settings.hidden = true;
  }
}

/** A person who belongs to several organisations chooses which one they act for (X-Organisation). */
function renderOrganisationChoice() {
  const label = /** @type {HTMLElement} */ (document.getElementById('organisation-label'));
  const select = /** @type {HTMLSelectElement} */ (document.getElementById('organisation'));
  const mine = session.me && signedIn() ? (session.me.organisations ?? []) : [];
  const offered = mine.length > 1;
  label.hidden = !offered;
  select.hidden = !offered;
  label.textContent = t('actsFor');
  clear(select);
  if (!offered || !session.me) return;
  for (const o of mine) select.append(h('option', { value: o.slug }, o.name || o.slug));
  select.value = session.me.organisation;
}

function showSignIn() {
  renderChrome();
  renderSignIn(() => route());
}

// ---- start --------------------------------------------------------------------------------------

async function start() {
  setLang(lang());
  onKeyRefused(showSignIn);
  const select = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));
  select.addEventListener('change', () => {
    setLang(select.value);
    if (!signedIn()) return showSignIn();
    void route({ focus: false });
  });
  /** @type {HTMLElement} */ (document.getElementById('sign-out')).addEventListener('click', () => {
    if (sessionActive()) return void endSession(); // here and at the identity provider
    signOut();
    location.hash = '#/';
    showSignIn();
  });
  // The skip link must not touch the hash: the hash is the route.
  /** @type {HTMLElement} */ (document.querySelector('.skip')).addEventListener('click', (ev) => {
    ev.preventDefault();
    main().focus();
  });
  const organisation = /** @type {HTMLSelectElement} */ (document.getElementById('organisation'));
  organisation.addEventListener('change', () => {
    void actFor(organisation.value).then(
      (me) => {
        session.me = me;
        return route({ focus: false });
      },
      (/** @type {unknown} */ err) => {
        renderChrome();
        clear(main()).append(errorBox(err));
      },
    );
  });
  window.addEventListener('hashchange', () => void route());
  try {
    // With an identity provider: the signed-in person (or off to sign in); else the key, if kept.
    const started = await startSession();
    if (started.mode === 'oidc') session.me = started.me;
    else if (!started.keySignIn) return void clear(main()).append(noSignIn());
    else await restoreSession();
  } catch (err) {
    renderChrome();
    clear(main()).append(errorBox(err));
    return;
  }
  if (getKey() && !session.me) return; // the key was refused: the sign-in form says why
  await route({ focus: false });
}

void start();
