// @ts-check
// The JSON API as the page uses it: the session cookie (with its CSRF token) or, without single
// sign-on, the key from sessionStorage; problem+json turned into ApiError.
/** @import { Problem, FieldError } from './types.js' */

const KEY_STORAGE = 'pl.apiKey';

/** @returns {string | null} */
export function getKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

/** @param {string | null} key null forgets it */
export function setKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage unavailable: the user signs in again after a reload
  }
}

const ORGANISATION_STORAGE = 'pl.organisation';

/**
 * The organisation a person with several memberships chose to act for (sent as X-Organisation);
 * null: the session's own. Kept for the tab, like the key.
 * @returns {string | null}
 */
export function actingOrganisation() {
  try {
    return sessionStorage.getItem(ORGANISATION_STORAGE);
  } catch {
    return null;
  }
}

/** @param {string | null} slug null acts for the session's own organisation again */
export function setActingOrganisation(slug) {
  try {
    if (slug) sessionStorage.setItem(ORGANISATION_STORAGE, slug);
    else sessionStorage.removeItem(ORGANISATION_STORAGE);
  } catch {
    // storage unavailable: the session's own organisation after a reload
  }
}

/** An answer that was not 2xx, carrying the problem details (detail, code, errors[{field, reason}]). */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {Problem | null | undefined} problem
   */
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    /** @type {Problem} */
    this.problem = problem ?? {};
  }
  /** @returns {string} */
  get detail() {
    return this.problem.detail || this.problem.title || this.message;
  }
  /** @returns {FieldError[]} */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** The service could not be reached at all. */
export class NetworkError extends Error {}

/** The CSRF token of the signed-in person's session (session.js sets it); sent with every change. */
/** @type {string | null} */
let csrfToken = null;
/** @param {string | null} token */
export function setCsrfToken(token) {
  csrfToken = token;
}

/**
 * With a session (single sign-on): called when a request answers 401; resolves true once the person
 * signed in again, and the request is then sent once more, so a half-filled form is not lost.
 * @type {((error: ApiError) => Promise<boolean>) | null}
 */
let sessionEnded = null;
/** @param {(error: ApiError) => Promise<boolean>} fn */
export function whenSessionEnds(fn) {
  sessionEnded = fn;
}

/** Called when any request answers 401: the page goes back to the sign-in form with the reason. */
/** @type {(error: ApiError) => void} */
let onUnauthorized = () => {};
/** @param {(error: ApiError) => void} fn */
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

/**
 * @typedef {object} RequestOptions
 * @property {string} [method]
 * @property {unknown} [body] sent as JSON
 * @property {string | null} [key] the API key; the stored one by default
 * @property {boolean} [raw] answer the Response itself (for downloads) instead of its parsed body
 * @property {Record<string, string>} [headers]
 * @property {boolean} [retried] set on the one retry after signing in again
 */

/**
 * The parsed JSON (or text) of a 2xx answer, null for 204, the Response itself with `raw`. What the
 * body is depends on the route: the caller names it with a cast to a type from types.d.ts.
 * @param {string} path
 * @param {RequestOptions} [options]
 * @returns {Promise<unknown>}
 */
export async function request(path, { method = 'GET', body, key = getKey(), raw = false, headers = {}, retried = false } = {}) {
  /** @type {Record<string, string>} */
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (key) h.Authorization = `Bearer ${key}`;
  // A key acts for its own organisation only; a session for the one chosen in the header.
  else if (actingOrganisation()) h['X-Organisation'] = /** @type {string} */ (actingOrganisation());
  if (!key && csrfToken && method !== 'GET' && method !== 'HEAD') h['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new NetworkError(String(err));
  }
  if (!res.ok) {
    /** @type {Problem | null} */
    let problem = null;
    const type = res.headers.get('content-type') || '';
    if (type.includes('json')) {
      try {
        /** @type {unknown} */
        const body = await res.json();
        problem = /** @type {Problem} */ (body);
      } catch {
        problem = null;
      }
    }
    const error = new ApiError(res.status, problem ?? { status: res.status, title: res.statusText || `HTTP ${res.status}` });
    if (res.status === 401 && !key && sessionEnded) {
      if (!retried && (await sessionEnded(error))) return request(path, { method, body, key, raw, headers, retried: true });
    } else if (res.status === 401 && key === getKey()) onUnauthorized(error);
    throw error;
  }
  if (raw) return res;
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') || '';
  return type.includes('json') ? res.json() : res.text();
}

/** @type {(path: string, opts?: RequestOptions) => Promise<unknown>} */
export const get = (path, opts) => request(path, opts);
/** @type {(path: string, body: unknown, opts?: RequestOptions) => Promise<unknown>} */
export const post = (path, body, opts = {}) => request(path, { ...opts, method: 'POST', body });

/**
 * Builds a query string from the defined, non-empty values.
 * @param {Record<string, string | number | null | undefined>} params
 * @returns {string} `?a=1&b=2`, or '' when nothing is left
 */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
