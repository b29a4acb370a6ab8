// Helpers for the sign-in suites: the service behind https://ledger.test (so cookies are the
// production `__Host-` ones), an in-process OpenID Provider, and a browser's steps done by hand.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { ROLE_MAP, signInAt, startProvider, type TestClient, type TestProvider } from '../support/oidc-provider.mjs';
import type { Clock } from '../../src/shared/clock.js';

export const BASE = 'https://ledger.test';
export const SESSION = '__Host-pl_session';
export const ATTEMPT = '__Host-pl_signin';
export const CALLBACK = `${BASE}/auth/callback`;

export const LEDGER: TestClient = {
  client_id: 'partnership-ledger',
  client_secret: 'a-test-client-secret-of-some-length',
  redirect_uris: [CALLBACK],
  post_logout_redirect_uris: [`${BASE}/`],
};
/** Another application registered at the same provider. */
export const OTHER_APP: TestClient = {
  client_id: 'canteen-menu',
  client_secret: 'another-test-client-secret',
  redirect_uris: ['https://canteen.test/cb'],
};

export interface Setup {
  idp: TestProvider;
  t: TestApp;
  close(): Promise<void>;
}

export async function startSetup(opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<Setup> {
  const idp = await startProvider({ clients: [LEDGER, OTHER_APP] });
  const t = await createTestApp({
    clock: opts.clock,
    env: {
      PUBLIC_BASE_URL: BASE,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: LEDGER.client_id,
      OIDC_CLIENT_SECRET: LEDGER.client_secret!,
      OIDC_ROLE_MAP: ROLE_MAP,
      OIDC_ACCESS_CONTACT: 'the ledger team (ledger@city.test)',
      ...opts.env,
    },
  });
  return {
    idp,
    t,
    async close() {
      await t.close();
      await idp.close();
    },
  };
}

/** name → value of the cookies a response sets (an empty value: cleared). */
export function setCookies(res: { headers: Record<string, unknown> }): Map<string, { value: string; raw: string }> {
  const raw = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return new Map(
    raw.map((c) => {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), { value: pair.slice(eq + 1), raw: c }];
    }),
  );
}

/** GET /auth/login: the provider's authorization URL and the sign-in attempt's cookie. */
export async function beginSignIn(t: TestApp, query = '', cookie?: string) {
  let r = request(t.http).get(`/auth/login${query}`);
  if (cookie) r = r.set('Cookie', cookie);
  const res = await r;
  if (res.status !== 302) throw new Error(`login answered ${res.status}: ${JSON.stringify(res.body)}`);
  const attempt = setCookies(res).get(ATTEMPT)!;
  return { res, authorizeUrl: new URL(res.headers.location), attemptCookie: `${ATTEMPT}=${attempt.value}` };
}

/** The browser arriving back at /auth/callback with the provider's answer. */
export function callback(t: TestApp, url: URL, cookie: string) {
  return request(t.http)
    .get(url.pathname + url.search)
    .set('Cookie', cookie);
}

/** A whole sign-in as `login`; answers the session cookie and what /api/v1/me says. */
export async function signIn(t: TestApp, login: string, opts: { returnTo?: string; cookie?: string } = {}) {
  const begun = await beginSignIn(t, opts.returnTo ? `?returnTo=${encodeURIComponent(opts.returnTo)}` : '', opts.cookie);
  const back = await signInAt(begun.authorizeUrl, login, CALLBACK);
  const res = await callback(t, back, [begun.attemptCookie, opts.cookie].filter(Boolean).join('; '));
  if (res.status !== 303) throw new Error(`callback answered ${res.status}: ${res.text.slice(0, 300)}`);
  const cookie = `${SESSION}=${setCookies(res).get(SESSION)!.value}`;
  const me = await request(t.http).get('/api/v1/me').set('Cookie', cookie);
  return {
    res,
    cookie,
    me: me.body as { name: string; role: string; roles: string[]; csrfToken: string; actorId: string; subject: string },
  };
}

/** A change made the way the page makes it: session cookie, CSRF token, same-origin fetch metadata. */
export function pagePost(t: TestApp, path: string, cookie: string, csrf: string | null, body?: object) {
  let r = request(t.http).post(path).set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin').set('Origin', BASE);
  if (csrf !== null) r = r.set('X-CSRF-Token', csrf);
  return body === undefined ? r : r.send(body);
}
