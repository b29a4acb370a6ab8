// Without an identity provider: no sign-in routes, the key sign-in can be switched off for the page,
// and keys keep working for machines whatever cookies come along.
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { keyFor } from './partnerships-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { KEY_SIGN_IN: 'false' } });
});
afterAll(async () => t?.close());

it('tells the page there is neither single sign-on nor (switched off) key sign-in', async () => {
  const res = await request(t.http).get('/auth/options');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ signIn: 'key', keySignIn: false, loginUrl: null });
});

it('answers /auth/login with 404 sign_in_not_configured', async () => {
  const res = await request(t.http).get('/auth/login');
  expect(res.status).toBe(404);
  expect(res.body.code).toBe('sign_in_not_configured');
});

it('still serves API keys, a Bearer key winning over any session cookie', async () => {
  const key = await keyFor(t, 'council', 'Council script');
  const res = await request(t.http)
    .get('/api/v1/me')
    .set('Authorization', `Bearer ${key}`)
    .set('Cookie', `pl_session=${'x'.repeat(43)}`);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    name: 'Council script',
    role: 'council',
    organisation: 'default',
    organisations: [{ slug: 'default', name: 'Default organisation', languages: ['en', 'de', 'uk'], roles: ['council'] }],
  });
  const cookieOnly = await request(t.http)
    .get('/api/v1/me')
    .set('Cookie', `pl_session=${'x'.repeat(43)}`);
  expect(cookieOnly.status).toBe(401);
  expect(cookieOnly.body.code).toBe('invalid_session');
});
