// The public pages are limited per address (PUBLIC_RATE_LIMIT_PER_MINUTE) in a counter of their own:
// past it an address gets 429 with Retry-After, and its API allowance is untouched.
import request from 'supertest';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { setPublicSettings } from '../../src/public/settings.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { poolOf } from './partnerships-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' } });
  await setPublicSettings(poolOf(t), INSTANCE_ORGANISATION_ID, { enabled: true, defaultPublicKinds: ['PartnershipInitiated'] });
});
afterAll(async () => t?.close());

it('answers 429 with Retry-After once an address has read its pages for the minute', async () => {
  for (let i = 0; i < 3; i++) {
    const ok = await request(t.http).get('/public/default/');
    expect(ok.status).toBe(200);
    expect(ok.headers['ratelimit-limit']).toBe('3');
  }
  const refused = await request(t.http).get('/public/default/feed.atom');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  // The API's own limit counts separately: the health route still answers.
  expect((await request(t.http).get('/health')).status).toBe(200);
});
