// A real OpenID Provider (oidc-provider, certified) in the test process, on loopback, with test
// people and their groups, plus a driver that signs in through its login form as a browser would.
import { createServer } from 'node:http';
import { Provider } from 'oidc-provider';

/** Test people: login → claims. `roles` holds the IdP groups the service maps to its roles. */
const PEOPLE = {
  office: { name: 'Office Tester', email: 'office@city.test', roles: ['ledger-office'] },
  council: { name: 'Council Tester', email: 'council@city.test', roles: ['ledger-council'] },
  reporting: { name: 'Reporting Tester', email: 'reporting@city.test', roles: ['ledger-reporting'] },
  admin: { name: 'Admin Tester', email: 'admin@city.test', roles: ['ledger-admin', 'ledger-office'] },
  norole: { name: 'Tester Without Role', email: 'norole@city.test', roles: ['canteen-committee'] },
  // The demo's partner member (DEMO_PARTNER_EMAIL): no group here, a membership of Zhytomyr by e-mail.
  zhytomyr: { name: 'Zhytomyr Office Tester', email: 'office@zhytomyr.example', roles: [] },
  // Office in the instance's organisation by group, and a member of another one by e-mail.
  liaison: { name: 'Liaison Tester', email: 'liaison@city.test', roles: ['ledger-office'] },
};

export const ROLE_MAP = JSON.stringify({
  'ledger-office': 'office',
  'ledger-council': 'council',
  'ledger-reporting': 'reporting',
  'ledger-admin': 'admin',
});

/**
 * Starts a provider on 127.0.0.1. `clients`: [{ client_id, client_secret, redirect_uris, post_logout_redirect_uris }].
 * `tamper.idToken`, when set, replaces the ID token of the next token response (an IdP that misbehaves).
 */
export async function startProvider({ clients }) {
  const tamper = { idToken: null };
  let handler = null;
  const server = createServer((req, res) => handler(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({ grant_types: ['authorization_code'], response_types: ['code'], ...c })),
    async findAccount(_ctx, sub) {
      const person = PEOPLE[sub] ?? { name: sub, roles: [] };
      return { accountId: sub, claims: () => ({ sub, ...person }) };
    },
    claims: { openid: ['sub'], profile: ['name', 'roles'], email: ['email'] },
    // Profile claims (the groups among them) go into the ID token, as Keycloak and Entra ID do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && tamper.idToken && ctx.body && typeof ctx.body === 'object') {
      ctx.body = { ...ctx.body, id_token: tamper.idToken };
      tamper.idToken = null;
    }
  });
  handler = provider.callback();
  return {
    issuer,
    provider,
    tamper,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    server,
  };
}

/**
 * Signs in at the provider as `login` starting from an authorization URL: follows its redirects,
 * fills the login form and confirms the consent form, and returns the URL the provider sends the
 * browser back to (the client's redirect URI with code and state) without calling it.
 */
export async function signInAt(authorizeUrl, login, stopAt) {
  const jar = new Map();
  let url = String(authorizeUrl);
  let method = 'GET';
  let body;
  for (let step = 0; step < 20; step++) {
    const headers = { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method, body, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location'), url);
      if (next.href.startsWith(stopAt)) return next;
      [url, method, body] = [next.href, 'GET', undefined];
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt)
      throw new Error(
        `unexpected answer from the provider (${res.status}): ${html
          .replace(/<style[^]*<\/style>/, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 400)}`,
      );
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }).toString();
    [url, method] = [new URL(action.replace(/&amp;/g, '&'), url).href, 'POST'];
  }
  throw new Error('too many steps at the provider');
}

/** Redeems a code directly at the provider (as another client would) and answers its ID token. */
export async function idTokenFor(issuer, client, callbackUrl, codeVerifier) {
  const res = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: new URL(callbackUrl).searchParams.get('code'),
      redirect_uri: client.redirect_uris[0],
      client_id: client.client_id,
      client_secret: client.client_secret,
      code_verifier: codeVerifier,
    }).toString(),
  });
  const json = await res.json();
  if (!json.id_token) throw new Error(`no ID token: ${JSON.stringify(json)}`);
  return json.id_token;
}
