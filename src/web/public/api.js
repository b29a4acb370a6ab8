// The JSON API as the page uses it: the key from sessionStorage, problem+json turned into ApiError.

const KEY_STORAGE = 'pl.apiKey';

export function getKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function setKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage unavailable: the user signs in again after a reload
  }
}

/** An answer that was not 2xx, carrying the problem details (detail, code, errors[{field, reason}]). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
  get detail() {
    return this.problem.detail || this.problem.title || this.message;
  }
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** The service could not be reached at all. */
export class NetworkError extends Error {}

/** Called when any request answers 401: the page goes back to the sign-in form with the reason. */
let onUnauthorized = () => {};
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

export async function request(path, { method = 'GET', body, key = getKey(), raw = false, headers = {} } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (key) h.Authorization = `Bearer ${key}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new NetworkError(String(err));
  }
  if (!res.ok) {
    let problem = null;
    const type = res.headers.get('content-type') || '';
    if (type.includes('json')) {
      try {
        problem = await res.json();
      } catch {
        problem = null;
      }
    }
    const error = new ApiError(res.status, problem ?? { status: res.status, title: res.statusText || `HTTP ${res.status}` });
    if (res.status === 401 && key === getKey()) onUnauthorized(error);
    throw error;
  }
  if (raw) return res;
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export const get = (path, opts) => request(path, opts);
export const post = (path, body, opts = {}) => request(path, { ...opts, method: 'POST', body });

/** Builds a query string from the defined, non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
