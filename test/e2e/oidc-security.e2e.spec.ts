// Attacks on sign-in and sessions, each against the real flow with a real OpenID Provider. Every
// test here fails when the defence it names is taken out (docs/security.md lists them).
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { FixedClock } from '../../src/shared/clock.js';
import { EXAMPLES } from '../support/examples.js';
import { idTokenFor, signInAt, startProvider, type TestProvider } from '../support/oidc-provider.mjs';
import { API, countEvents, initiate, keyFor, poolOf } from './partnerships-helpers.js';
import {
  ATTEMPT,
  BASE,
  beginSignIn,
  callback,
  CALLBACK,
  LEDGER,
  OTHER_APP,
  pagePost,
  SESSION,
  setCookies,
  signIn,
  startSetup,
  type Setup,
} from './oidc-helpers.js';

let s: Setup;
let other: TestProvider;
beforeAll(async () => {
  s = await startSetup();
  other = await startProvider({ clients: [LEDGER] });
});
afterAll(async () => {
  await s?.close();
  await other?.close();
});

const sessionRows = async () => (await poolOf(s.t).query('SELECT count(*)::int AS n FROM sessions')).rows[0].n as number;

/** An answer to the callback that opened no session. */
async function expectNoSession(res: request.Response, before: number, code: string) {
  expect(res.status).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe(code);
  expect(setCookies(res).get(SESSION)).toBeUndefined();
  expect(await sessionRows()).toBe(before);
}

/** An ID token a provider issued for `client` with the given nonce (a real one, just not for us). */
async function foreignIdToken(issuer: string, client: typeof LEDGER, nonce: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: client.redirect_uris[0],
    response_type: 'code',
    scope: 'openid profile',
    state: 'x'.repeat(22),
    nonce,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const back = await signInAt(url, 'office', client.redirect_uris[0]);
  return idTokenFor(issuer, client, back, verifier);
}

describe('the provider’s answer', () => {
  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    const before = await sessionRows();
    const begun = await beginSignIn(s.t);
    const back = await signInAt(begun.authorizeUrl, 'office', CALLBACK);
    back.searchParams.set('state', randomBytes(32).toString('base64url'));
    await expectNoSession(await callback(s.t, back, begun.attemptCookie), before, 'sign_in_failed');
  });

  it('refuses an ID token whose nonce is not this sign-in’s', async () => {
    const before = await sessionRows();
    const begun = await beginSignIn(s.t);
    s.idp.tamper.idToken = await foreignIdToken(s.idp.issuer, LEDGER, randomBytes(16).toString('base64url'));
    const back = await signInAt(begun.authorizeUrl, 'office', CALLBACK);
    await expectNoSession(await callback(s.t, back, begun.attemptCookie), before, 'sign_in_failed');
  });

  it('refuses an ID token issued for another application (audience)', async () => {
    const before = await sessionRows();
    const begun = await beginSignIn(s.t);
    s.idp.tamper.idToken = await foreignIdToken(s.idp.issuer, OTHER_APP, begun.authorizeUrl.searchParams.get('nonce')!);
    const back = await signInAt(begun.authorizeUrl, 'office', CALLBACK);
    await expectNoSession(await callback(s.t, back, begun.attemptCookie), before, 'sign_in_failed');
  });

  it('refuses an ID token from another issuer', async () => {
    const before = await sessionRows();
    const begun = await beginSignIn(s.t);
    s.idp.tamper.idToken = await foreignIdToken(other.issuer, LEDGER, begun.authorizeUrl.searchParams.get('nonce')!);
    const back = await signInAt(begun.authorizeUrl, 'office', CALLBACK);
    await expectNoSession(await callback(s.t, back, begun.attemptCookie), before, 'sign_in_failed');
  });

  it('refuses a replayed callback: the attempt is used once, and the code too', async () => {
    const begun = await beginSignIn(s.t);
    const back = await signInAt(begun.authorizeUrl, 'office', CALLBACK);
    expect((await callback(s.t, back, begun.attemptCookie)).status).toBe(303);
    const before = await sessionRows();
    // The same answer again, with the same cookie: that sign-in is over.
    await expectNoSession(await callback(s.t, back, begun.attemptCookie), before, 'sign_in_expired');
    // The old code under a fresh attempt's state: the provider refuses a code it already redeemed.
    const fresh = await beginSignIn(s.t);
    back.searchParams.set('state', fresh.authorizeUrl.searchParams.get('state')!);
    await expectNoSession(await callback(s.t, back, fresh.attemptCookie), before, 'sign_in_failed');
  });
});

describe('returnTo', () => {
  it.each(['https://evil.test/', '//evil.test/phish', '/\\evil.test', 'javascript:alert(1)', 'evil.test'])(
    'refuses %j with 400 and sends nobody anywhere',
    async (target) => {
      const res = await request(s.t.http).get(`/auth/login?returnTo=${encodeURIComponent(target)}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_return_to', errors: [{ field: 'returnTo' }] });
      expect(res.headers.location).toBeUndefined();
      expect(setCookies(res).get(ATTEMPT)).toBeUndefined();
    },
  );

  it('refuses a header injection (CR LF) before it gets anywhere', async () => {
    const res = await request(s.t.http).get(`/auth/login?returnTo=${encodeURIComponent('/ok\r\nLocation: https://evil.test')}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'returnTo' })]);
    expect(res.headers.location).toBeUndefined();
  });
});

describe('session fixation', () => {
  it('never adopts a session id the browser had before signing in: a new one is issued and the old one ends', async () => {
    // An attacker signs in and plants their session cookie in the victim's browser.
    const attacker = await signIn(s.t, 'council');
    const office = await signIn(s.t, 'office', { cookie: attacker.cookie });
    expect(office.cookie).not.toBe(attacker.cookie);
    expect(office.me.name).toBe('Office Tester');
    const planted = await request(s.t.http).get('/api/v1/me').set('Cookie', attacker.cookie);
    expect(planted.status).toBe(401);
    // The sign-in attempt's cookie is not a session either.
    const begun = await beginSignIn(s.t);
    const asSession = `${SESSION}=${begun.attemptCookie.split('=')[1]}`;
    expect((await request(s.t.http).get('/api/v1/me').set('Cookie', asSession)).status).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  let cookie: string;
  let csrf: string;
  let id: string;
  beforeAll(async () => {
    id = await initiate(s.t, await keyFor(s.t, 'office'));
    ({
      cookie,
      me: { csrfToken: csrf },
    } = await signIn(s.t, 'office'));
  });

  it.each([
    ['a cross-site form post (no token)', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.test' }, 'csrf_cross_site'],
    ['a same-site sibling (no token)', { 'Sec-Fetch-Site': 'same-site', Origin: 'https://evil.ledger.test' }, 'csrf_cross_site'],
    ['another Origin without fetch metadata (token sent)', { Origin: 'https://evil.test', 'X-CSRF-Token': 'CSRF' }, 'csrf_cross_site'],
    ['an old browser without fetch metadata and without the token', {}, 'csrf_token_invalid'],
    [
      'same-origin with a wrong token',
      { 'Sec-Fetch-Site': 'same-origin', Origin: BASE, 'X-CSRF-Token': 'x'.repeat(43) },
      'csrf_token_invalid',
    ],
  ])('answers %s with 403 and changes nothing', async (_what, headers, code) => {
    const before = await countEvents(s.t);
    let r = request(s.t.http).post(`${API}/${id}/notes`).set('Cookie', cookie);
    for (const [k, v] of Object.entries(headers)) r = r.set(k, v === 'CSRF' ? csrf : v);
    const res = await r.send(EXAMPLES.note);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(await countEvents(s.t)).toBe(before);
  });

  it('refuses a forged sign-out too, and the session lives on', async () => {
    const res = await request(s.t.http).post('/auth/logout').set('Cookie', cookie).set('Sec-Fetch-Site', 'cross-site');
    expect(res.status).toBe(403);
    expect((await request(s.t.http).get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);
  });

  it('accepts the page’s own request', async () => {
    expect((await pagePost(s.t, `${API}/${id}/notes`, cookie, csrf, EXAMPLES.note)).status).toBe(201);
  });
});

describe('after signing out', () => {
  it('the old cookie gets 401 on /api/v1/me and can change nothing', async () => {
    const { cookie, me } = await signIn(s.t, 'office');
    expect((await pagePost(s.t, '/auth/logout', cookie, me.csrfToken)).status).toBe(200);
    const res = await request(s.t.http).get('/api/v1/me').set('Cookie', cookie);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_session');
    const write = await pagePost(s.t, API, cookie, me.csrfToken, EXAMPLES.initiate);
    expect(write.status).toBe(401);
  });
});

describe('a person whose groups map to no role', () => {
  it('gets a page saying they have no access and whom to ask, and no session', async () => {
    const before = await sessionRows();
    const begun = await beginSignIn(s.t);
    const back = await signInAt(begun.authorizeUrl, 'norole', CALLBACK);
    const res = await callback(s.t, back, begun.attemptCookie);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('No access');
    expect(res.text).toContain('Tester Without Role');
    expect(res.text).toContain('the ledger team (ledger@city.test)');
    expect(setCookies(res).get(SESSION)).toBeUndefined();
    expect(await sessionRows()).toBe(before);
  });
});

describe('expiry (injected clock)', () => {
  const clock = new FixedClock(new Date());
  let e: Setup;
  beforeAll(async () => {
    e = await startSetup({ clock, env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' } });
  });
  afterAll(async () => e?.close());
  const later = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));
  const me = (cookie: string) => request(e.t.http).get('/api/v1/me').set('Cookie', cookie);

  it('ends a session after 30 minutes without a request; each request restarts that clock', async () => {
    const { cookie } = await signIn(e.t, 'office');
    later(29);
    expect((await me(cookie)).status).toBe(200);
    later(29);
    expect((await me(cookie)).status).toBe(200);
    later(31);
    const res = await me(cookie);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session_expired');
    later(-31);
    expect((await me(cookie)).status).toBe(401); // deleted, not merely judged late
  });

  it('ends a busy session 12 hours after sign-in all the same', async () => {
    const { cookie } = await signIn(e.t, 'office');
    for (let m = 20; m < 12 * 60; m += 20) {
      later(20);
      expect((await me(cookie)).status).toBe(200);
    }
    later(20);
    const res = await me(cookie);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session_expired');
  });
});
