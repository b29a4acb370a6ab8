// Issue 23, acceptance 1 in the browser: after the demo seed, a member of Zhytomyr signs in at the
// identity provider (oidc-provider, in-process) and reads the page in Ukrainian — the whole shared
// timeline, each entry naming the side that recorded it — records the Zhytomyr City Council's decision
// and confirms the receipt of two 2022 deliveries Dortmund recorded (one in full, one in part). Then
// a person who belongs to both organisations sees Dortmund's page with those deliveries confirmed,
// is not offered to change Zhytomyr's entries, and switches to act for Zhytomyr in the header.
import { createServer, type AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { seedDemoOrganisations } from '../../src/organisations/demo.js';
import { runOrgsCommand } from '../../src/organisations/orgs-cli.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID } from '../../src/partnerships/demo/story.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ROLE_MAP, startProvider, type TestProvider } from '../support/oidc-provider.mjs';
import { poolOf } from '../e2e/partnerships-helpers.js';
import { chromiumExecutable, INSTALL_TIMEOUT_MS } from './chromium.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const ID = DEMO_PARTNERSHIP_ID;
const DECISION = 'Рішення Житомирської міської ради № 1/2023';
const MISSING = 'Two of the generators arrived damaged.';

let t: TestApp;
let idp: TestProvider;
let base: string;
let browser: Browser;
/** A Dortmund office key: what the API itself says, to compare the page with. */
let dortmundKey: string;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  const consent = page.getByRole('button', { name: 'Continue' });
  await Promise.race([consent.waitFor().then(() => consent.click()), page.waitForURL(`${base}/**`)]).catch(() => undefined);
}

/** A fresh browser (its own cookies, so its own person) signed in as `login`, on the partnership's page. */
async function signedIn(login: string, locale: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(`${base}/#/p/${ID}`);
  await page.waitForURL(`${idp.issuer}/**`);
  await signInAtProvider(page, login);
  await page.locator('#timeline li.entry').first().waitFor();
  return { context, page, problems };
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

const entries = (page: Page, type: string, text: string) => page.locator(`#timeline li.entry[data-type="${type}"]`, { hasText: text });
const actionsOf = (entry: Locator) =>
  entry.locator('.entry-actions [data-action]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.action));

/** What the API answers as the Dortmund office. */
const api = (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${dortmundKey}`);

beforeAll(async () => {
  const port = await freePort();
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
  // What `npm run seed:demo` does: the story, then the two organisations sharing it.
  await seedDemo(t.app);
  const pool = poolOf(t);
  const { owner } = await seedDemoOrganisations(pool, ID);
  dortmundKey = (await createApiKey(pool, { name: 'Dortmund office', role: 'office', organisationId: owner.id })).key;
  // The liaison is Dortmund's office by the IdP's group, and Zhytomyr's by e-mail (npm run orgs:members:add).
  const added = await runOrgsCommand(
    'members:add',
    ['--organisation', 'zhytomyr', '--email', 'liaison@city.test', '--roles', 'office'],
    pool,
    { out: () => undefined, err: () => undefined },
  );
  expect(added).toBe(0);
  await t.app.listen(port);
  browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: ARGS, headless: true });
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await idp?.close();
});

it("a Zhytomyr member reads the shared timeline in Ukrainian, records the council's decision and confirms 2022 deliveries", async () => {
  const { context, page, problems } = await signedIn('zhytomyr', 'uk-UA');
  expect(await page.locator('html').getAttribute('lang')).toBe('uk');
  expect(await page.locator('#who').textContent()).toContain('Zhytomyr Office Tester');
  // One organisation: nothing to choose.
  expect(await page.locator('#organisation').isVisible()).toBe(false);

  // The whole timeline, every entry Dortmund's, and the page says so on each.
  const timeline = (await api(`/api/v1/partnerships/${ID}/timeline?limit=1000`).expect(200)).body.entries as unknown[];
  const shown = page.locator('#timeline li.entry');
  expect(timeline.length).toBeGreaterThan(20);
  expect(await shown.count()).toBe(timeline.length);
  expect(await page.locator('#timeline li.entry .entry-side[data-recorded-by="dortmund"][data-side="own"]').count()).toBe(timeline.length);
  expect(await page.locator('#timeline li.entry .entry-side').first().textContent()).toBe('Запис сторони-власника: dortmund');
  // Dortmund's entries are Dortmund's to correct: the partner is offered only to confirm its deliveries.
  const offered = await page
    .locator('#timeline .entry-actions [data-action]')
    .evaluateAll((bs) => [...new Set(bs.map((b) => (b as HTMLElement).dataset.action))]);
  expect(offered).toEqual(['confirm-receipt']);
  expect(await page.locator('#timeline li.entry[data-type="AidDelivered"] [data-action="confirm-receipt"]').count()).toBe(
    await page.locator('#timeline li.entry[data-type="AidDelivered"]').count(),
  );
  // The forms are those of the partner's side (as the API describes them), in Ukrainian.
  const kinds = (await api('/api/v1/milestone-kinds').expect(200)).body.kinds as {
    type: string;
    creates: boolean;
    roles: string[];
    sides: string[];
  }[];
  const forms = await page
    .locator('#record-kind option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(forms.sort()).toEqual(
    kinds
      .filter((k) => !k.creates && k.roles.includes('office') && k.sides.includes('partner'))
      .map((k) => k.type)
      .sort(),
  );
  expect(forms).toContain('CouncilDecided');
  expect(forms).not.toContain('AgreementSigned');
  expect(await page.locator('#record-title').textContent()).toBe('Записати подію');
  expect(await violations(page)).toEqual([]);

  // The Zhytomyr City Council's decision, recorded through the page: the timeline says it is Zhytomyr's.
  await page.locator('#record-kind').selectOption('CouncilDecided');
  const form = page.locator('#form-CouncilDecided');
  await form.locator('[name="occurredOn"]').fill('2023-01-26');
  await form.locator('[name="body"]').fill('Житомирська міська рада');
  await form.locator('[name="outcome"]').selectOption('adopted');
  await form.locator('[name="resolutionReference"]').fill(DECISION);
  await form.locator('button[type="submit"]').click();
  const decision = entries(page, 'CouncilDecided', DECISION);
  await decision.waitFor().catch(async () => {
    throw new Error(
      `the decision did not appear: ${await form.locator('.form-error').textContent()} ${await form.locator('.form-status').textContent()}`,
    );
  });
  expect(await decision.locator('.entry-side').getAttribute('data-recorded-by')).toBe('zhytomyr');
  expect(await decision.locator('.entry-side').textContent()).toBe('Запис сторони-партнера: Житомирська міська рада');
  expect(await actionsOf(decision)).toEqual(['correct', 'retract']);

  // Receipt of two deliveries Dortmund recorded in 2022, confirmed from the deliveries themselves.
  const confirm = async (delivery: Locator, fill: (f: Locator) => Promise<void>) => {
    const id = (await delivery.getAttribute('data-event-id'))!;
    await delivery.locator('[data-action="confirm-receipt"]').click();
    const f = page.locator(`#confirm-${id}`);
    expect(await f.locator('[name="deliveryId"]').count()).toBe(0); // the delivery is the entry's own
    await fill(f);
    await f.locator('button[type="submit"]').click();
    return id;
  };
  const may = entries(page, 'AidDelivered', 'medical supplies');
  const november = entries(page, 'AidDelivered', 'winter clothing');
  expect(await may.locator('time.entry-date').getAttribute('datetime')).toBe('2022-05');
  expect(await november.locator('time.entry-date').getAttribute('datetime')).toBe('2022-11');
  const mayId = await confirm(may, async (f) => {
    await f.locator('[name="occurredOn"]').fill('2022-05-20');
    await f.locator('[name="received"]').selectOption('all');
    await f.locator('[name="documentReference"]').fill('Акт приймання 17/2022');
  });
  await may.locator('.receipt[data-receipt="confirmed"]').waitFor();
  expect(await actionsOf(may)).toEqual([]); // all of it arrived: nothing more to confirm
  // A part only needs its discrepancies: without them the API's message stands at the field.
  const novemberId = await confirm(november, async (f) => {
    await f.locator('[name="occurredOn"]').fill('2022-12-05');
    await f.locator('[name="received"]').selectOption('part');
  });
  const discrepancies = page.locator(`#confirm-${novemberId} [data-api-field="discrepancies"] > .field-error`);
  await discrepancies.waitFor({ state: 'visible' });
  await page.locator(`#confirm-${novemberId} [name="discrepancies"]`).fill(MISSING);
  await page.locator(`#confirm-${novemberId} button[type="submit"]`).click();
  await november.locator('.receipt[data-receipt="partly_confirmed"]').waitFor();
  expect(await november.locator('.receipt').textContent()).toBe(`Отримання частково підтверджено отримано 5 грудня 2022 · ${MISSING}`);
  expect(await may.locator('.receipt .badge').textContent()).toBe('підтверджено');
  expect(await violations(page)).toEqual([]);

  // The log agrees: Zhytomyr recorded the three events, the confirmations name Dortmund's deliveries.
  const { rows } = await poolOf(t).query(
    `SELECT e.type, o.slug, e.data->>'deliveryId' AS "deliveryId" FROM events e
       JOIN organisations o ON o.id = e.organisation_id
      WHERE e.stream_id = $1 AND o.slug <> 'dortmund' ORDER BY e.stream_version`,
    [ID],
  );
  expect(rows).toEqual([
    { type: 'CouncilDecided', slug: 'zhytomyr', deliveryId: null },
    { type: 'AidReceiptConfirmed', slug: 'zhytomyr', deliveryId: mayId },
    { type: 'AidReceiptConfirmed', slug: 'zhytomyr', deliveryId: novemberId },
  ]);
  expect(problems).toEqual([]);
  await context.close();
}, 180_000);

it("Dortmund's page shows the deliveries confirmed and offers no change to Zhytomyr's entries; the header switches organisation", async () => {
  const { context, page, problems } = await signedIn('liaison', 'de-DE');
  const sent: (string | undefined)[] = [];
  page.on('request', (r) => {
    if (r.url().includes(`/api/v1/partnerships/${ID}/timeline`)) sent.push(r.headers()['x-organisation']);
  });
  expect(await page.locator('html').getAttribute('lang')).toBe('de');
  const chooser = page.locator('#organisation');
  expect(await chooser.isVisible()).toBe(true);
  expect(await chooser.inputValue()).toBe('dortmund');
  expect(await chooser.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
    'dortmund',
    'zhytomyr',
  ]);

  // The aid as the receiver confirmed it: in full, in part with what was missing, and still awaited.
  const may = entries(page, 'AidDelivered', 'medical supplies');
  const november = entries(page, 'AidDelivered', 'winter clothing');
  const june = entries(page, 'AidDelivered', 'water treatment equipment');
  expect(await may.locator('.receipt').getAttribute('data-receipt')).toBe('confirmed');
  expect(await may.locator('.receipt .badge').textContent()).toBe('bestätigt');
  expect(await november.locator('.receipt').getAttribute('data-receipt')).toBe('partly_confirmed');
  expect(await november.locator('.receipt').textContent()).toContain(MISSING);
  expect(await june.locator('.receipt .badge').textContent()).toBe('Bestätigung ausstehend');

  // Zhytomyr's entries are Zhytomyr's: Dortmund neither corrects nor retracts them, nor confirms its own deliveries.
  const decision = entries(page, 'CouncilDecided', DECISION);
  expect(await decision.locator('.entry-side').textContent()).toBe('Eintrag der Partnerseite: Житомирська міська рада');
  expect(await actionsOf(decision)).toEqual([]);
  expect(await page.locator('#timeline li.entry[data-type="AidReceiptConfirmed"]').count()).toBe(2);
  expect(await page.locator('#timeline li.entry[data-type="AidReceiptConfirmed"] .entry-actions').count()).toBe(0);
  expect(await actionsOf(may)).toEqual(['correct', 'retract']);
  expect(await page.locator('#timeline [data-action="confirm-receipt"]').count()).toBe(0);
  expect(await page.locator('#record-kind option[value="AgreementSigned"]').count()).toBe(1);
  expect(await violations(page)).toEqual([]);

  // Acting for Zhytomyr instead: its own decision may be corrected, Dortmund's entries not.
  await chooser.selectOption('zhytomyr');
  await page.waitForFunction(() => !document.querySelector('#record-kind option[value="AgreementSigned"]'));
  await decision.locator('[data-action="correct"]').waitFor();
  expect(await actionsOf(may)).toEqual([]);
  expect(await actionsOf(june)).toEqual(['confirm-receipt']);
  expect(sent.at(-1)).toBe('zhytomyr');
  // The choice holds for the tab: after a reload the page still acts for Zhytomyr.
  await page.reload();
  await decision.locator('[data-action="correct"]').waitFor();
  expect(await page.locator('#organisation').inputValue()).toBe('zhytomyr');
  expect(problems).toEqual([]);
  await context.close();
}, 180_000);
