// Sign-in at an organisation's own OpenID issuer: /auth/login?organisation=<slug> goes to the issuer
// the organisation's settings name (a second in-process provider here), the groups that IdP sends
// become memberships of that organisation alone, and it vouches for e-mail addresses only towards
// that organisation. Without an own issuer, or without ?organisation, the instance's issuer signs in.
import request from 'supertest';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { addMember, createOrganisation } from '../../src/organisations/organisations.js';
import { signInAt, startProvider, type TestProvider } from '../support/oidc-provider.mjs';
import { beginSignIn, callback, CALLBACK, LEDGER, SESSION, setCookies, startSetup, type Setup } from './oidc-helpers.js';
import { poolOf } from './partnerships-helpers.js';

let s: Setup;
let own: TestProvider;

beforeAll(async () => {
  s = await startSetup();
  own = await startProvider({ clients: [LEDGER] });
  const pool = poolOf(s.t);
  await createOrganisation(pool, { slug: 'zhytomyr', name: 'Zhytomyr City Council', settings: { oidcIssuer: own.issuer } });
  await createOrganisation(pool, { slug: 'vinnytsia', name: 'Vinnytsia City Council' });
  // Waiting for whoever signs in with this address; only the instance's IdP may claim it.
  await addMember(pool, INSTANCE_ORGANISATION_ID, { email: 'office@city.test', roles: ['admin'] });
});
afterAll(async () => {
  await s?.close();
  await own?.close();
});

const origin = (u: string | URL) => new URL(u).origin;

it("sends ?organisation=<slug> to the organisation's own issuer and makes the session that organisation's", async () => {
  const begun = await beginSignIn(s.t, '?organisation=zhytomyr');
  expect(origin(begun.authorizeUrl)).toBe(origin(own.issuer));
  const back = await signInAt(begun.authorizeUrl, 'office', CALLBACK);
  const res = await callback(s.t, back, begun.attemptCookie);
  expect(res.status).toBe(303);
  const cookie = `${SESSION}=${setCookies(res).get(SESSION)!.value}`;
  const me = await request(s.t.http).get('/api/v1/me').set('Cookie', cookie).expect(200);
  expect(me.body.organisation).toBe('zhytomyr');
  // the IdP's groups became the Zhytomyr membership only: not the instance's, and the pending
  // instance membership by e-mail was not claimed through this IdP
  expect(me.body.organisations.map((o: { slug: string; roles: string[] }) => [o.slug, o.roles])).toEqual([['zhytomyr', ['office']]]);
  const { rows } = await poolOf(s.t).query(
    `SELECT issuer FROM person WHERE id = (SELECT person_id FROM sessions ORDER BY created_at DESC LIMIT 1)`,
  );
  expect(rows[0].issuer).toBe(own.issuer);
  const pending = await poolOf(s.t).query(`SELECT organisation_id FROM pending_memberships WHERE email = 'office@city.test'`);
  expect(pending.rows).toEqual([{ organisation_id: INSTANCE_ORGANISATION_ID }]);
});

it("uses the instance's issuer without ?organisation, or for an organisation that names none", async () => {
  for (const query of ['', '?organisation=vinnytsia']) {
    const begun = await beginSignIn(s.t, query);
    expect(origin(begun.authorizeUrl)).toBe(origin(s.idp.issuer));
  }
  const missing = await request(s.t.http).get('/auth/login?organisation=nowhere');
  expect(missing.status).toBe(404);
  expect(missing.body.code).toBe('organisation_not_found');
});

it("refuses the instance IdP's answer to a sign-in begun at the organisation's issuer", async () => {
  const begun = await beginSignIn(s.t, '?organisation=zhytomyr');
  const atInstance = new URL(`${s.idp.issuer}${begun.authorizeUrl.pathname}${begun.authorizeUrl.search}`);
  const back = await signInAt(atInstance, 'office', CALLBACK);
  const res = await callback(s.t, back, begun.attemptCookie);
  expect(res.status).toBe(400);
  expect(res.body.code).toBe('sign_in_failed');
});
