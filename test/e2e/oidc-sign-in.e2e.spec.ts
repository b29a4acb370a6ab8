// People sign in through the city's OpenID Provider (a real one, in-process): the person is the
// actor of what they record, sessions live in PostgreSQL, and API keys keep working for machines.
import request from 'supertest';
import { EXAMPLES } from '../support/examples.js';
import { API, countEvents, eventsOf, initiate, keyFor, newId, poolOf } from './partnerships-helpers.js';
import { BASE, beginSignIn, LEDGER, pagePost, SESSION, setCookies, signIn, startSetup, type Setup } from './oidc-helpers.js';

let s: Setup;
beforeAll(async () => {
  s = await startSetup();
});
afterAll(async () => s?.close());

describe('signing in', () => {
  it('tells the page to sign in through the identity provider, with no key sign-in', async () => {
    const res = await request(s.t.http).get('/auth/options');
    expect(res.body).toEqual({ signIn: 'oidc', keySignIn: false, loginUrl: '/auth/login' });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { authorizeUrl } = await beginSignIn(s.t);
    expect(authorizeUrl.origin).toBe(s.idp.issuer);
    const q = authorizeUrl.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(LEDGER.client_id);
    expect(q.get('redirect_uri')).toBe(`${BASE}/auth/callback`);
    expect(q.get('scope')).toBe('openid profile email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('opens a session in a __Host- cookie (HttpOnly, Secure, SameSite=Lax, Path=/) and returns to the page asked for', async () => {
    const { res, me } = await signIn(s.t, 'office', { returnTo: '/#/dortmund-zhytomyr' });
    expect(res.headers.location).toBe('/#/dortmund-zhytomyr');
    const raw = setCookies(res).get(SESSION)!.raw;
    expect(raw).toMatch(/; HttpOnly/);
    expect(raw).toMatch(/; Secure/);
    expect(raw).toMatch(/; SameSite=Lax/);
    expect(raw).toMatch(/; Path=\//);
    expect(raw).not.toMatch(/Domain=/i);
    expect(me).toMatchObject({ kind: 'person', name: 'Office Tester', role: 'office', roles: ['office'], subject: 'office' });
    expect(me.actorId).toMatch(/^person:[0-9a-f-]{36}$/);
  });

  it('never hands the provider’s tokens to the browser', async () => {
    const { res, cookie } = await signIn(s.t, 'council');
    const me = await request(s.t.http).get('/api/v1/me').set('Cookie', cookie);
    const seen = JSON.stringify([res.headers, res.text, me.headers, me.body]);
    const { rows } = await poolOf(s.t).query('SELECT id_token FROM sessions WHERE id_token IS NOT NULL LIMIT 1');
    expect(rows[0].id_token).toMatch(/^eyJ/);
    expect(seen).not.toContain(rows[0].id_token.split('.')[1]);
    expect(seen).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  });

  it('maps several groups to several roles (the most powerful one shown first)', async () => {
    const { me } = await signIn(s.t, 'admin');
    expect(me.role).toBe('admin');
    expect([...me.roles].sort()).toEqual(['admin', 'office']);
  });
});

describe('the person is the actor', () => {
  it('records a milestone with the person’s pseudonymous id; the timeline names them from the people table', async () => {
    const office = await keyFor(s.t, 'office');
    const id = await initiate(s.t, office);
    const { cookie, me } = await signIn(s.t, 'office');
    const res = await pagePost(s.t, `${API}/${id}/notes`, cookie, me.csrfToken, EXAMPLES.note);
    expect(res.status).toBe(201);

    const events = await eventsOf(s.t, id);
    const last = events[events.length - 1];
    expect(last.metadata.actor).toBe(me.actorId);
    expect(last.metadata.role).toBe('office');
    expect(JSON.stringify(last)).not.toContain('Office Tester');

    const api = await request(s.t.http).get(`${API}/${id}/events`).set('Authorization', `Bearer ${office}`);
    expect(api.body.events.at(-1).metadata.actor).toBe(me.actorId);

    const timeline = await request(s.t.http).get(`${API}/${id}/timeline`).set('Cookie', cookie);
    expect(timeline.status).toBe(200);
    const note = timeline.body.entries.find((e: { eventId: string }) => e.eventId === last.event_id);
    expect(note.actor).toBe('Office Tester');
    // Keys keep their names.
    expect(timeline.body.entries[0].actor).toBe('office test key');

    // A corrected (or erased) name shows at once; the log is untouched.
    await poolOf(s.t).query('UPDATE person SET display_name = $1 WHERE id = $2', ['Office Tester-Renamed', me.actorId.slice(7)]);
    const again = await request(s.t.http).get(`${API}/${id}/timeline`).set('Authorization', `Bearer ${office}`);
    expect(again.body.entries.find((e: { eventId: string }) => e.eventId === note.eventId).actor).toBe('Office Tester-Renamed');
    expect((await eventsOf(s.t, id)).at(-1)!.metadata.actor).toBe(me.actorId);
  });

  it('refuses a write to a person whose role only reads, writing nothing', async () => {
    const office = await keyFor(s.t, 'office');
    const id = await initiate(s.t, office);
    const { cookie, me } = await signIn(s.t, 'council');
    const before = await countEvents(s.t);
    const res = await pagePost(s.t, `${API}/${id}/notes`, cookie, me.csrfToken, EXAMPLES.note);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'role_not_allowed', role: 'council' });
    expect(await countEvents(s.t)).toBe(before);
  });

  it('keeps API keys working unchanged next to sessions (no CSRF token needed with a Bearer key)', async () => {
    const office = await keyFor(s.t, 'office', 'Integration script');
    const res = await request(s.t.http)
      .post(API)
      .set('Authorization', `Bearer ${office}`)
      .send({ ...EXAMPLES.initiate, partnershipId: newId() });
    expect(res.status).toBe(201);
    const me = await request(s.t.http).get('/api/v1/me').set('Authorization', `Bearer ${office}`);
    expect(me.body).toMatchObject({ name: 'Integration script', role: 'office', organisation: 'default' });
  });
});

describe('signing out', () => {
  it('ends the session here and sends the browser to the provider’s logout', async () => {
    const { cookie, me } = await signIn(s.t, 'reporting');
    const res = await pagePost(s.t, '/auth/logout', cookie, me.csrfToken);
    expect(res.status).toBe(200);
    expect(res.body.signedOut).toBe(true);
    const idp = new URL(res.body.redirectTo);
    expect(idp.origin).toBe(s.idp.issuer);
    expect(idp.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/`);
    expect(idp.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(setCookies(res).get(SESSION)?.value).toBe('');

    const after = await request(s.t.http).get('/api/v1/me').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_session');
  });
});
