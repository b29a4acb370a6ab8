// A person signs in to the page through the identity provider's login form in headless Chromium,
// records a milestone, sees their own name as its actor, keeps a half-filled form across an ended
// session, and signs out (here and at the provider). The provider is oidc-provider, in-process.
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';
import { ROLE_MAP, startProvider, type TestProvider } from '../support/oidc-provider.mjs';
import { initiate, keyFor, poolOf } from '../e2e/partnerships-helpers.js';
import { chromiumExecutable, INSTALL_TIMEOUT_MS } from './chromium.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];

let t: TestApp;
let idp: TestProvider;
let base: string;
let browser: Browser;
let partnershipId: string;

/** A free port, so the provider can know the service's redirect URI before the service starts. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** The provider's login form (and its consent form, the first time). */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  await Promise.race([consent.waitFor().then(() => consent.click()), page.waitForURL(`${base}/**`)]).catch(() => undefined);
}

beforeAll(async () => {
  const port = await freePort();
  // http://localhost: the one place the session cookie may go without Secure (development).
  base = `http://localhost:${port}`;
  idp = await startProvider({
    clients: [
      {
        client_id: 'partnership-ledger',
        client_secret: 'a-browser-test-client-secret',
        redirect_uris: [`${base}/auth/callback`],
        post_logout_redirect_uris: [`${base}/`],
      },
    ],
  });
  t = await createTestApp({
    env: {
      PUBLIC_BASE_URL: base,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'partnership-ledger',
      OIDC_CLIENT_SECRET: 'a-browser-test-client-secret',
      OIDC_ROLE_MAP: ROLE_MAP,
    },
  });
  await t.app.listen(port);
  partnershipId = await initiate(t, await keyFor(t, 'office', 'Setup script'));
  browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: ARGS, headless: true });
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await idp?.close();
});

it('signs in at the provider, records a milestone as the person, survives an ended session, signs out', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(String(err)));

  // Opening the page leads to the provider's login, and back to the page asked for.
  await page.goto(`${base}/#/p/${encodeURIComponent(partnershipId)}`);
  await page.waitForURL(`${idp.issuer}/**`);
  await signInAtProvider(page, 'office');
  await page.locator('#timeline').waitFor();
  expect(page.url()).toBe(`${base}/#/p/${encodeURIComponent(partnershipId)}`);
  expect(await page.locator('#who').textContent()).toBe('Signed in as Office Tester (office)');
  expect(await page.locator('#sign-out').isVisible()).toBe(true);
  expect(await page.locator('#api-key').count()).toBe(0);
  const cookies = await context.cookies(base);
  expect(cookies.map((c) => c.name)).toContain('pl_session');
  expect(cookies.find((c) => c.name === 'pl_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  // A milestone recorded through the page names the person.
  await page.locator('#record-kind').selectOption('AidDelivered');
  const form = page.locator('#form-AidDelivered');
  await form.locator('[name="occurredOn"]').fill('2024-03');
  await form.locator('[name="receiver.en"]').fill('Odesa');
  await form.locator('[name="value.amount"]').fill('1500.50');
  await form.locator('[name="modality"]').selectOption('in_kind');
  await form.getByRole('button', { name: 'Record' }).click();
  const added = page.locator('li.entry[data-type="AidDelivered"]', { hasText: 'Odesa' });
  await added.waitFor();
  expect(await added.locator('.entry-recorded').textContent()).toContain('Office Tester');

  // The session ends (revoked on the server) while a second entry is half-filled: nothing is lost.
  await form.locator('[name="occurredOn"]').fill('2024-04');
  await form.locator('[name="receiver.en"]').fill('Kherson');
  await form.locator('[name="value.amount"]').fill('800.00');
  await form.locator('[name="modality"]').selectOption('in_kind');
  await poolOf(t).query('DELETE FROM sessions');
  await form.getByRole('button', { name: 'Record' }).click();
  const dialog = page.locator('#session-ended');
  await dialog.waitFor();
  const [popup] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: 'Sign in again' }).click()]);
  // The provider still knows the tester, so the small window signs them in again by itself (or asks once more).
  await popup.waitForLoadState();
  if (await popup.locator('input[name="login"]').count()) await signInAtProvider(popup, 'office');
  const kherson = page.locator('li.entry[data-type="AidDelivered"]', { hasText: 'Kherson' });
  await kherson.waitFor();
  expect(await kherson.locator('.entry-recorded').textContent()).toContain('Office Tester');
  expect(await dialog.count()).toBe(0);

  // The API agrees: the events name the person's pseudonymous id, the timeline their name.
  const office = await keyFor(t, 'office', 'Checker');
  const events = await request(t.http).get(`/api/v1/partnerships/${partnershipId}/events`).set('Authorization', `Bearer ${office}`);
  const actors = events.body.events.map((e: { metadata: { actor: string } }) => e.metadata.actor);
  expect(actors.slice(-2)).toEqual([expect.stringMatching(/^person:[0-9a-f-]{36}$/), expect.stringMatching(/^person:/)]);

  // Signing out ends the session here and at the provider; the page then asks for a sign-in again.
  const sessionCookie = (await context.cookies(base)).find((c) => c.name === 'pl_session')!;
  await page.locator('#sign-out').click();
  await page.waitForURL(`${idp.issuer}/**`);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await page.locator('input[name="login"]').waitFor();
  const me = await request(t.http).get('/api/v1/me').set('Cookie', `pl_session=${sessionCookie.value}`);
  expect(me.status).toBe(401);
  expect(problems).toEqual([]);
  await context.close();
}, 90_000);

it('lets a signed-in person choose their mail subscriptions at #/settings', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(`${base}/#/`);
  await page.waitForURL(`${idp.issuer}/**`);
  await signInAtProvider(page, 'office');
  const link = page.locator('#settings-link');
  await link.waitFor();
  expect(await link.textContent()).toBe('Notifications');
  await link.click();
  await page.getByRole('heading', { name: 'Notifications by e-mail' }).waitFor();

  await page.locator('#sub-all-partnerships').uncheck();
  await page.locator('#sub-partnerships').fill(`${partnershipId}, dortmund-vinnytsia`);
  await page.locator('#sub-all-kinds').uncheck();
  await page.locator('#sub-kind-CouncilDecided').check();
  await page.locator('#sub-deadlines').check();
  await page.locator('#sub-language').selectOption('uk');
  // The notice may show before the save: wait for the save's answer itself.
  const saved = page.waitForResponse((r) => r.url().includes('/api/v1/me/subscriptions') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: 'Save' }).click();
  expect((await saved).status()).toBe(200);
  await page.getByText('Mail is not set up on this service').waitFor(); // no SMTP_URL in this suite

  const { rows } = await poolOf(t).query('SELECT partnerships, kinds, deadlines, digest, language, active FROM notification_subscriptions');
  expect(rows).toEqual([
    {
      partnerships: [partnershipId, 'dortmund-vinnytsia'],
      kinds: ['CouncilDecided'],
      deadlines: true,
      digest: false,
      language: 'uk',
      active: true,
    },
  ]);
  expect(problems).toEqual([]);
  await context.close();
}, 90_000);
