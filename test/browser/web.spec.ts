// The council staff's page in headless Chromium (found or installed by ./chromium.ts, driven by
// playwright-core) against the real app on the Dortmund–Zhytomyr demo seed. UPDATE_SCREENSHOTS=1 also writes the
// screenshots in docs/screenshots/ (the ones docs/web.md shows).
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID } from '../../src/partnerships/demo/story.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { keyFor } from '../e2e/partnerships-helpers.js';
import { chromiumExecutable, INSTALL_TIMEOUT_MS } from './chromium.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(process.cwd(), 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'pl-shots-'));
mkdirSync(SHOTS, { recursive: true });

let t: TestApp;
let base: string;
let browser: Browser;
let office: string;
let council: string;
let seededVersion: number;
const contexts: BrowserContext[] = [];

/** Waits until the read side shows the seeded partnership at its full version (projections run asynchronously). */
async function waitForReadSide(key: string, version: number) {
  const until = Date.now() + 15_000;
  for (;;) {
    const res = await request(t.http).get(`/api/v1/partnerships/${DEMO_PARTNERSHIP_ID}`).set('Authorization', `Bearer ${key}`);
    if (res.status === 200 && res.body.version >= version) return;
    if (Date.now() > until) throw new Error(`read side not caught up: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Requests a report over the API and waits until a worker has produced it. */
async function completedReport(key: string, body: object): Promise<string> {
  const created = await request(t.http).post('/api/v1/reports').set('Authorization', `Bearer ${key}`).send(body);
  if (created.status !== 202) throw new Error(`report request: ${created.status} ${JSON.stringify(created.body)}`);
  const until = Date.now() + 20_000;
  for (;;) {
    const res = await request(t.http).get(`/api/v1/reports/${created.body.id}`).set('Authorization', `Bearer ${key}`);
    if (res.body.status === 'completed') return created.body.id;
    if (res.body.status === 'failed' || Date.now() > until) throw new Error(`report ${created.body.id}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(msg.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

const problemsOf = (page: Page) => (page as Page & { problems: string[] }).problems;

async function signIn(page: Page, key: string) {
  await page.goto(`${base}/`);
  await page.locator('#api-key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  const executablePath = await chromiumExecutable();
  t = await createTestApp();
  const report = await seedDemo(t.app);
  seededVersion = Math.max(...report.steps.map((s) => s.outcome.version));
  office = await keyFor(t, 'office', 'Office for International Relations');
  council = await keyFor(t, 'council', 'Council staff');
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  await waitForReadSide(council, seededVersion);
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.close();
});

describe('the page is served by the service', () => {
  it('answers / with the page and its scripts without a key, under the CSP', async () => {
    const res = await request(t.http).get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<script type="module" src="/web/app.js">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const js = await request(t.http).get('/web/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    const unknown = await request(t.http).get('/web/../../package.json');
    expect(unknown.status).toBe(404);
    expect((await request(t.http).get('/web/index.ts')).status).toBe(404);
  });

  it('GET /api/v1/me names the key and its role, and needs a key', async () => {
    const me = await request(t.http).get('/api/v1/me').set('Authorization', `Bearer ${council}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Council staff', role: 'council', organisation: 'dortmund' });
    expect((await request(t.http).get('/api/v1/me')).status).toBe(401);
  });
});

describe('in the browser', () => {
  it('a wrong key gets a clear message, not a blank page', async () => {
    const page = await newPage();
    // keyboard only: the key field has the focus, Enter submits
    await page.goto(`${base}/`);
    await page.locator('#api-key:focus').waitFor();
    await page.keyboard.type(`pl_${'A'.repeat(43)}`);
    await page.keyboard.press('Enter');
    const error = page.locator('#sign-in-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/This key was not accepted\..*unknown/);
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    expect(await page.evaluate(() => sessionStorage.getItem('pl.apiKey'))).toBeNull();
    expect(problemsOf(page)).toEqual([]);
  });

  it('council staff read the Dortmund–Zhytomyr story, as of a date, in three languages', async () => {
    const page = await newPage();
    await signIn(page, council);

    // the list
    const row = page.locator(`tr[data-partnership="${DEMO_PARTNERSHIP_ID}"]`);
    await row.waitFor();
    expect(await row.locator('th a').textContent()).toBe('Dortmund – Zhytomyr');
    expect(await row.locator('td').nth(0).textContent()).toContain('Twinning');
    // dormant or active depends on today and DORMANT_AFTER_DAYS: the page says what the API says
    const { standing } = (
      await request(t.http).get(`/api/v1/partnerships/${DEMO_PARTNERSHIP_ID}`).set('Authorization', `Bearer ${council}`)
    ).body;
    expect(await row.locator('td').nth(1).textContent()).toBe({ active: 'Active', dormant: 'Dormant' }[standing as string]);
    expect(await page.locator('#who').textContent()).toBe('Signed in as Council staff (council)');
    expect(await page.getByRole('button', { name: 'Show more' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('pl.apiKey'))).toMatch(/^pl_/);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'list.png') });

    // a text search that matches nothing, then back
    await page.locator('#f-q').fill('Atlantis');
    await page.locator('#f-q').press('Enter');
    await page.locator('#no-partnerships').waitFor();
    await page.getByRole('link', { name: 'Reset' }).click();
    await row.waitFor();
    // filters are the API's: a tier it has not reached, then its own tier and a counterpart spelling
    await page.locator('#f-tier').selectOption('friendship');
    await page.locator('#no-partnerships').waitFor();
    expect(page.url()).toContain('tier=friendship');
    await page.locator('#f-tier').selectOption('twinning');
    await row.waitFor();
    await page.locator('#f-counterpart').fill('Житомир');
    await page.locator('#f-counterpart').press('Enter');
    await page.waitForURL(/counterpart=/);
    // The list re-renders after the URL changes: wait for the new rows, not the old ones.
    await page.waitForFunction(() => document.querySelectorAll('#partnership-list tbody tr').length === 1, undefined, { timeout: 10_000 });
    await row.waitFor();
    expect(await page.locator('#partnership-list tbody tr').count()).toBe(1);

    // the partnership page
    await row.getByRole('link').click();
    const timeline = page.locator('#timeline');
    await timeline.waitFor();
    expect(await page.locator('h1').textContent()).toBe('Dortmund – Zhytomyr');
    const signed = timeline.locator('li.entry[data-type="AgreementSigned"]');
    expect(await signed.count()).toBe(2); // solidarity 2023, twinning charter 2025
    const solidarity = signed.filter({ hasText: 'Solidarity agreement' });
    expect(await solidarity.locator('.entry-date').textContent()).toBe('23 February 2023');
    expect(await solidarity.locator('.badge.done').count()).toBe(1);
    expect(await solidarity.textContent()).toContain('online');
    // the planned 9 February signing is there, marked planned, and says when it took place
    const scheduled = timeline.locator('li.entry[data-type="AgreementSigningScheduled"]');
    expect(await scheduled.locator('.entry-date').textContent()).toBe('9 February 2023');
    expect(await scheduled.locator('.badge.planned').textContent()).toBe('Planned');
    expect(await scheduled.locator('.fulfilled').textContent()).toBe('Took place: 23 February 2023');
    // the 2022 aid, to Vinnytsia and Mykolaiv, dated to the month
    const aid2022 = page
      .locator('section.year', { has: page.locator('h3', { hasText: '2022' }) })
      .locator('li.entry[data-type="AidDelivered"]');
    expect(await aid2022.count()).toBe(3);
    expect(await aid2022.locator('.entry-date').allTextContents()).toEqual(['May 2022', 'June 2022', 'November 2022']);
    const aidText = (await aid2022.allTextContents()).join('\n');
    expect(aidText).toContain('Vinnytsia · EUR 125,000.00 · in kind');
    expect(aidText).toContain('Mykolaiv · EUR 80,000.00');
    // the years in order, the chart with a bar per month and receiver
    expect(await timeline.locator('section.year > h3').allTextContents()).toEqual(['2022', '2023', '2025']);
    const bars = page.locator('#aid svg.chart rect.bar');
    expect(await bars.count()).toBe(3);
    expect(await bars.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-month')} ${e.getAttribute('data-receiver')}`))).toEqual([
      '2022-05 Vinnytsia',
      '2022-06 Mykolaiv',
      '2022-11 Mykolaiv',
    ]);
    expect(await page.locator('#aid .legend').textContent()).toBe('VinnytsiaMykolaiv');
    expect(await page.locator('#status-tier').textContent()).toBe('Twinning');
    // council keys read; they get no forms, and no Correct or Retract on the entries
    expect(await page.locator('section.record').count()).toBe(0);
    expect(await page.locator('.entry-actions').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'partnership.png'), fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1700 } });

    // council keys may not request reports (403), but download the dossier produced earlier
    await completedReport(office, { type: 'dossier', parameters: { partnershipId: DEMO_PARTNERSHIP_ID } });
    const dossier = await downloaded(page, '#download-dossier-html');
    expect(dossier.name).toMatch(/\.html$/);
    expect(dossier.text).toContain('Zhytomyr');
    expect(await page.locator('#download-status').textContent()).toBe('Dossier (HTML) downloaded.');
    // no aid summary exists yet: the API's reason is shown
    await page.locator('#download-aid-csv').click();
    await page.locator('#download-status.error-message').waitFor();
    expect(await page.locator('#download-status').textContent()).toMatch(/^Aid \(CSV\) could not be produced: .*role/);

    // as of 15 January 2023: reviewed by the board, nothing signed yet
    await page.locator('#as-of').fill('2023-01-15');
    await page.locator('#as-of-form button[type="submit"]').click();
    await page.locator('#as-of-note').waitFor();
    expect(await page.locator('#as-of-note').textContent()).toBe('Showing the partnership as it was on 15 January 2023.');
    expect(await page.locator('#no-agreement').textContent()).toBe('No signed agreement');
    expect(await page.locator('#agreements').count()).toBe(0);
    expect(await timeline.locator('li.entry[data-type="AgreementSigned"]').count()).toBe(0);
    expect(await timeline.locator('li.entry[data-type="BoardReviewed"]').count()).toBe(1);
    expect(await page.locator('#aid svg.chart rect.bar').count()).toBe(3); // all 2022 aid predates the as-of date
    expect(await page.locator('#status-tier').textContent()).not.toBe('Twinning');
    expect(page.url()).toContain('asOf=2023-01-15');

    // Ukrainian: labels, dates and the names as recorded in Ukrainian
    await page.locator('#lang').selectOption('uk');
    await page.locator('#timeline-title', { hasText: 'Хронологія' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    expect(await page.locator('#status-title').textContent()).toBe('Статус');
    expect(await page.locator('#no-agreement').textContent()).toBe('Немає підписаної угоди');
    expect(await page.locator('h1').textContent()).toBe('Дортмунд – Житомир');
    expect(await page.locator('label[for="as-of"]').textContent()).toBe('Станом на');
    const ukAid = page.locator('li.entry[data-type="AidDelivered"]').first();
    expect(await ukAid.locator('.entry-date').textContent()).toBe('травень 2022');
    expect(await ukAid.locator('.entry-label').textContent()).toBe('Поставка допомоги');
    expect(await ukAid.locator('.entry-summary').textContent()).toContain('Вінниця');
    expect(await page.locator('li.entry[data-type="BoardReviewed"] .entry-date').textContent()).toBe('10 січня 2023');

    // German, and the choice survives a reload (sessionStorage), as does the sign-in
    await page.locator('#lang').selectOption('de');
    await page.locator('#timeline-title', { hasText: 'Zeitleiste' }).waitFor();
    await page.reload();
    await page.locator('#timeline-title', { hasText: 'Zeitleiste' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('#no-agreement').textContent()).toBe('Keine unterzeichnete Vereinbarung');
    expect(await page.locator('h1').textContent()).toBe('Dortmund – Schytomyr');
    expect(await page.locator('#who').textContent()).toBe('Angemeldet als Council staff (Rat)');
    const deAid = page.locator('li.entry[data-type="AidDelivered"]').first();
    expect(await deAid.locator('.entry-date').textContent()).toBe('Mai 2022');
    expect(await deAid.locator('.entry-summary').textContent()).toContain('Winnyzja · 125.000,00 EUR · Sachleistung');
    expect(await page.locator('li.entry[data-type="BoardReviewed"] .entry-date').textContent()).toBe('10. Januar 2023');
    expect(await page.getByRole('button', { name: 'Abmelden' }).isVisible()).toBe(true);

    // printed: the status, the as-of note and the timeline, without the controls
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('#as-of-form').isVisible()).toBe(false);
    expect(await page.locator('section.downloads').isVisible()).toBe(false);
    expect(await page.locator('#as-of-note').isVisible()).toBe(true);
    expect(await page.locator('#status').isVisible()).toBe(true);
    expect(await page.locator('#timeline li.entry').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('#as-of-form').isVisible()).toBe(true);
    expect(problemsOf(page)).toEqual([]);
  });

  it('office staff record an aid delivery; the API’s reasons show next to the fields', async () => {
    const page = await newPage();
    await signIn(page, office);
    await page.locator(`tr[data-partnership="${DEMO_PARTNERSHIP_ID}"] a`).click();
    await page.locator('#timeline').waitFor();
    await page.locator('#record-kind').selectOption('AidDelivered');
    const form = page.locator('#form-AidDelivered');

    // a bad amount: the API's 400 field error, next to the amount
    await form.locator('[name="occurredOn"]').fill('2024-03');
    await form.locator('[name="receiver.en"]').fill('Odesa');
    await form.locator('[name="value.amount"]').fill('12.345');
    await form.locator('[name="modality"]').selectOption('in_kind');
    await form.getByRole('button', { name: 'Record' }).click();
    const amountError = page.locator('#form-AidDelivered-value-amount-error');
    await amountError.waitFor({ state: 'visible' });
    expect(await amountError.textContent()).toBe('must be a decimal string with at most two decimals, such as "125000.00"');
    expect(await form.locator('[name="value.amount"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.form-error').textContent()).toContain('value.amount');

    // a date in the future: the decider's 422, next to the date
    await form.locator('[name="value.amount"]').fill('1500.50');
    await form.locator('[name="occurredOn"]').fill('2099-01');
    await form.getByRole('button', { name: 'Record' }).click();
    const dateError = page.locator('#form-AidDelivered-occurredOn-error');
    await dateError.waitFor({ state: 'visible' });
    expect(await dateError.textContent()).toContain('a completed milestone cannot lie in the future');
    // every field error found its field: the alert holds the detail alone (once it also held the text "null")
    expect(await form.locator('.form-error').evaluate((el) => [...el.childNodes].map((n) => n.nodeName))).toEqual(['P']);
    expect(await amountError.isHidden()).toBe(true);
    expect(await page.locator('li.entry', { hasText: 'Odesa' }).count()).toBe(0);

    // now right: it appears in the timeline and the chart
    await form.locator('[name="occurredOn"]').fill('2024-03');
    await form.getByRole('button', { name: 'Record' }).click();
    const added = page
      .locator('section.year', { has: page.locator('h3', { hasText: '2024' }) })
      .locator('li.entry[data-type="AidDelivered"]', { hasText: 'Odesa' });
    await added.waitFor();
    expect(await added.locator('.entry-date').textContent()).toBe('March 2024');
    expect(await added.locator('.entry-summary').textContent()).toBe('Odesa · EUR 1,500.50 · in kind');
    expect(await added.locator('.entry-recorded').textContent()).toContain('Office for International Relations');
    expect(await page.locator('#aid svg.chart rect.bar[data-month="2024-03"][data-receiver="Odesa"]').count()).toBe(1);
    expect(await page.locator('.record-slot .form-status').textContent()).toBe('Recorded: Aid delivered.');

    // corrected: the old and the new value; retracted: struck through, with the reason
    const odesaId = await added.getAttribute('data-event-id');
    const api = (path: string, body: object) =>
      request(t.http).post(`/api/v1/partnerships/${DEMO_PARTNERSHIP_ID}${path}`).set('Authorization', `Bearer ${office}`).send(body);
    const corrected = await api(`/entries/${odesaId}/corrections`, {
      reason: 'The invoice says 1,600.00',
      changes: { value: { amount: '1600.00', currency: 'EUR' } },
    });
    expect(corrected.status).toBe(201);
    const wrong = await api('/aid-deliveries', {
      occurredOn: '2024-04',
      receiver: { en: 'Kherson' },
      value: { amount: '999.00', currency: 'EUR' },
      modality: 'cash',
    });
    expect(wrong.status).toBe(201);
    const retracted = await api(`/entries/${wrong.body.events[0].eventId}/retractions`, { reason: 'Recorded for the wrong partnership.' });
    expect(retracted.status).toBe(201);
    await waitForReadSide(office, retracted.body.version);
    await page.reload();
    const year2024 = page.locator('section.year', { has: page.locator('h3', { hasText: '2024' }) });
    const odesa = year2024.locator(`li.entry[data-event-id="${odesaId}"]`);
    await odesa.waitFor();
    expect(await odesa.locator('.badge.corrected').textContent()).toBe('Corrected');
    expect(await odesa.locator('.entry-summary').textContent()).toBe('Odesa · EUR 1,600.00 · in kind');
    expect(await odesa.locator('.changes del').textContent()).toBe('EUR 1,500.50');
    expect(await odesa.locator('.changes ins').textContent()).toBe('EUR 1,600.00');
    expect(await odesa.locator('.corrections').textContent()).toContain('The invoice says 1,600.00');
    const kherson = year2024.locator('li.entry.is-retracted');
    expect(await kherson.locator('del .entry-summary').textContent()).toContain('Kherson');
    expect(await kherson.locator('.badge.retracted').textContent()).toBe('Retracted');
    expect(await kherson.locator('.retraction').textContent()).toBe('Retracted: Recorded for the wrong partnership.');
    // a retracted delivery is not in the chart
    expect(await page.locator('#aid svg.chart rect.bar[data-receiver="Kherson"]').count()).toBe(0);
    await year2024.screenshot({ path: join(SHOTS, 'corrections.png') });

    // the aid CSV, requested from the page, produced by the worker, downloaded
    const csv = await downloaded(page, '#download-aid-csv');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toContain('Vinnytsia');
    expect(csv.text).toContain('Odesa');
    expect(csv.text).not.toContain('Kherson');
    expect(await page.locator('#download-status').textContent()).toBe('Aid (CSV) downloaded.');
    expect(problemsOf(page)).toEqual([]);
  });
});

describe('office staff, with forms drawn from the milestone descriptions', () => {
  const ID = 'testburg-lviv';
  type Fill = (form: Locator) => Promise<void>;
  /** One of each milestone kind, in an order the domain accepts (dates all in 2024, before the termination). */
  const STORY: [type: string, fill: Fill][] = [
    [
      'CounterpartDesignated',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-02');
        await f.locator('[name="name.en"]').fill('Lviv');
        await f.locator('[name="country"]').fill('UA');
      },
    ],
    [
      'CounterpartRenamed',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-03');
        await f.locator('[name="name.uk"]').fill('Львів');
        await f.locator('[name="reason"]').fill('The Ukrainian spelling');
      },
    ],
    [
      'AidDelivered',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-03');
        await f.locator('[name="receiver.en"]').fill('Lviv');
        await f.locator('[name="value.amount"]').fill('1000.00');
        await f.locator('[name="modality"]').selectOption('cash');
        await f.locator('[name="items"]').fill('blankets\nstoves');
      },
    ],
    [
      'AidReceiptConfirmed',
      async (f) => {
        const deliveryId = await f.page().locator('li.entry[data-type="AidDelivered"]').getAttribute('data-event-id');
        await f.locator('[name="occurredOn"]').fill('2024-03-20');
        await f.locator('[name="deliveryId"]').fill(deliveryId!);
        await f.locator('[name="received"]').selectOption('part');
        await f.locator('[name="discrepancies"]').fill('One stove was missing.');
      },
    ],
    [
      'AidCommitted',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-04');
        await f.locator('[name="receiver.en"]').fill('Lviv');
        await f.locator('[name="modality"]').selectOption('services');
        await f.locator('[name="expectedBy"]').fill('2024-12');
      },
    ],
    [
      'DraftResolutionPrepared',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-04');
        await f.locator('[name="paperReference"]').fill('DS-2024-0007');
        await f.locator('[name="title"]').fill('Twinning with Lviv');
        await f.locator('[name="proposedTier"]').selectOption('twinning');
        await f.locator('[name="route"]').fill('Board\nCommittee for International Affairs\nCity Council');
      },
    ],
    [
      'BoardReviewed',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-05-02');
        await f.locator('[name="body"]').fill('Administrative board');
        await f.locator('[name="outcome"]').selectOption('approved');
        await f.locator('[name="paperReference"]').fill('DS-2024-0007');
      },
    ],
    [
      'ReferredToCommittee',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-05-03');
        await f.locator('[name="committee"]').fill('Committee for International Affairs');
        await f.locator('[name="paperReference"]').fill('DS-2024-0007');
      },
    ],
    [
      'CommitteeDecided',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-05-10');
        await f.locator('[name="committee"]').fill('Committee for International Affairs');
        await f.locator('[name="outcome"]').selectOption('recommended');
        await f.locator('[name="tally.inFavour"]').fill('11');
        await f.locator('[name="tally.against"]').fill('2');
      },
    ],
    [
      'CouncilDecided',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-05-20');
        await f.locator('[name="outcome"]').selectOption('adopted');
        await f.locator('[name="body"]').fill('City Council');
        await f.locator('[name="paperReference"]').fill('DS-2024-0007');
        await f.locator('[name="resolutionReference"]').fill('R-2024-31');
      },
    ],
    [
      'AgreementSigningScheduled',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-06-01');
        await f.locator('[name="agreementKind"]').selectOption('twinning_charter');
        await f.locator('[name="venue"]').fill('Town hall');
      },
    ],
    [
      'AgreementSigned',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-06-01');
        await f.locator('[name="agreementKind"]').selectOption('twinning_charter');
        await f.locator('[name="mode"]').selectOption('in_person');
        await f.getByRole('button', { name: 'Add: Signatories' }).click();
        await f.locator('[name="signatories[0].name"]').fill('The Lord Mayor');
        await f.locator('[name="signatories[0].side"]').selectOption('own');
      },
    ],
    [
      'CooperationAreaAdded',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-06-02');
        await f.locator('[name="area"]').fill('culture');
      },
    ],
    [
      'CooperationAreaRemoved',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-06-03');
        await f.locator('[name="area"]').fill('culture');
        await f.locator('[name="reason"]').fill('Merged into education');
      },
    ],
    [
      'ParticipantJoined',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-06-04');
        await f.locator('[name="organisation"]').fill('Schools of Testburg');
        await f.locator('[name="participantType"]').selectOption('school');
        await f.locator('[name="side"]').selectOption('own');
      },
    ],
    [
      'ParticipantLeft',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-06-05');
        await f.locator('[name="organisation"]').fill('Schools of Testburg');
        await f.locator('[name="side"]').selectOption('own');
      },
    ],
    [
      'ActivityHeld',
      async (f) => {
        // a plan: made on 1 July for 15 August
        await f.locator('[name="occurredOn"]').fill('2024-08-15');
        await f.locator('[name="planned"]').check();
        await f.locator('[name="madeOn"]').fill('2024-07-01');
        await f.locator('[name="title"]').fill('Summer camp');
        await f.locator('[name="participantCount"]').fill('30');
      },
    ],
    [
      'FundingReceived',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-07-10');
        await f.locator('[name="funder"]').fill('European Commission');
        await f.locator('[name="value.amount"]').fill('5000.00');
        // its obligations: one with an id of the office's, one named by the ledger
        await f.getByRole('button', { name: 'Add: Obligations to the funder' }).click();
        await f.locator('[name="obligations[0].id"]').fill('final-report');
        await f.locator('[name="obligations[0].kind"]').selectOption('final_report');
        await f.locator('[name="obligations[0].dueDate"]').fill('2024-12-31');
        await f.getByRole('button', { name: 'Add: Obligations to the funder' }).click();
        await f.locator('[name="obligations[1].kind"]').selectOption('interim_report');
        await f.locator('[name="obligations[1].dueDate"]').fill('2024-09-30');
      },
    ],
    [
      'ObligationExtended',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-07-10');
        await f.locator('[name="obligationId"]').fill('final-report');
        await f.locator('[name="newDueDate"]').fill('2025-03-31');
        await f.locator('[name="reason"]').fill('Extension granted by the funder');
      },
    ],
    [
      'ObligationFulfilled',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-07-10');
        await f.locator('[name="obligationId"]').fill('interim_report-2024-09-30');
        await f.locator('[name="documentReference"]').fill('Interim report, file 17');
      },
    ],
    [
      'ObligationWaived',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-07-10');
        await f.locator('[name="obligationId"]').fill('final-report');
        await f.locator('[name="reason"]').fill('The funder waived the final report');
      },
    ],
    [
      'DocumentAttached',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-07-11');
        await f.locator('[name="name"]').fill('charter.pdf');
        await f.locator('[name="mediaType"]').fill('application/pdf');
      },
    ],
    [
      'NoteAdded',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-07-12');
        await f.locator('[name="text"]').fill('Recorded on the wrong partnership');
      },
    ],
    [
      'PartnershipSuspended',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-09-01');
        await f.locator('[name="reason"]').fill('Elections');
      },
    ],
    [
      'PartnershipResumed',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-10-01');
        await f.locator('[name="reason"]').fill('New council in office');
      },
    ],
    [
      'PartnershipTerminated',
      async (f) => {
        await f.locator('[name="occurredOn"]').fill('2024-11-01');
        await f.locator('[name="reason"]').fill('Both councils decided so');
      },
    ],
  ];

  it('create a partnership, record every kind of milestone, correct one entry and retract another', async () => {
    const page = await newPage();
    await signIn(page, office);

    // a new partnership, from the list; the page goes to it once the read side has it
    await page.locator('#new-partnership summary').click();
    const create = page.locator('#form-PartnershipInitiated');
    await create.locator('[name="partnershipId"]').fill(ID);
    await create.locator('[name="occurredOn"]').fill('2024-01');
    await create.locator('[name="ownMunicipality.en"]').fill('Testburg');
    await create.locator('[name="tier"]').selectOption('initiative');
    await create.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(new RegExp(`#/p/${ID}$`));
    const timeline = page.locator('#timeline');
    await timeline.locator('li.entry[data-type="PartnershipInitiated"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Testburg');

    // the choice offers exactly the described kinds, creation aside
    const described = await request(t.http).get('/api/v1/milestone-kinds').set('Authorization', `Bearer ${office}`);
    expect(described.status).toBe(200);
    const kinds = (described.body as { kinds: { type: string; creates: boolean }[] }).kinds;
    const offered = await page
      .locator('#record-kind option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered.sort()).toEqual(
      kinds
        .filter((k) => !k.creates)
        .map((k) => k.type)
        .sort(),
    );
    expect(STORY.map(([type]) => type).sort()).toEqual(offered);

    // a field error inside a list lands next to that row's field
    await page.locator('#record-kind').selectOption('AgreementSigned');
    const signing = page.locator('#form-AgreementSigned');
    await signing.locator('[name="occurredOn"]').fill('2024-06-01');
    await signing.locator('[name="agreementKind"]').selectOption('twinning_charter');
    await signing.getByRole('button', { name: 'Add: Signatories' }).click();
    await signing.locator('[name="signatories[0].role"]').fill('Lord Mayor');
    await signing.getByRole('button', { name: 'Record' }).click();
    const nameError = signing.locator('[data-api-field="signatories[0].name"] > .field-error');
    await nameError.waitFor({ state: 'visible' });
    expect(await nameError.textContent()).not.toBe('');
    expect(await signing.locator('.form-error').textContent()).toContain('signatories[0].name');
    expect(await signing.locator('.form-error ul').count()).toBe(0); // every field error found its field
    await page.locator('section.record').screenshot({ path: join(SHOTS, 'record.png') });
    expect(await signing.locator('[name="signatories[0].name"]').getAttribute('aria-invalid')).toBe('true');

    for (const [type, fill] of STORY) {
      await page.locator('#record-kind').selectOption(type);
      const form = page.locator(`#form-${type}`);
      // a redrawn form starts empty: a list row added before is gone
      await fill(form);
      await form.getByRole('button', { name: 'Record' }).click();
      const entry = timeline.locator(`li.entry[data-type="${type}"]`);
      await entry.waitFor({ timeout: 20_000 }).catch(async () => {
        throw new Error(`${type} did not appear: ${await form.locator('.form-error').textContent()}`);
      });
      expect(await page.locator('.record-slot .form-status').textContent()).toMatch(/^Recorded: /);
    }
    expect(await timeline.locator('li.entry').count()).toBe(STORY.length + 1);
    const aid = timeline.locator('li.entry[data-type="AidDelivered"]');
    expect(await aid.locator('.entry-summary').textContent()).toBe('Lviv · EUR 1,000.00 · cash · blankets, stoves');
    expect(await aid.locator('.receipt').textContent()).toBe('Receipt partly confirmed received 20 March 2024 · One stove was missing.');
    expect(await aid.getByRole('button', { name: 'Confirm receipt' }).count()).toBe(1);
    expect(await timeline.locator('li.entry[data-type="ActivityHeld"] .badge.planned').textContent()).toBe('Planned');
    expect(await timeline.locator('li.entry[data-type="AgreementSigned"] .entry-summary').textContent()).toContain('The Lord Mayor');
    expect(await timeline.locator('li.entry[data-type="CommitteeDecided"] .entry-summary').textContent()).toContain('recommended');
    expect(await page.locator('#status-standing').textContent()).toBe('Terminated');
    expect(await page.locator('#status-tier').textContent()).toBe('Twinning');

    // correct the aid's amount: without a reason first (the API's message next to the reason), then with one
    await aid.getByRole('button', { name: 'Correct' }).click();
    const aidId = await aid.getAttribute('data-event-id');
    const correction = page.locator(`#correct-${aidId}`);
    expect(await correction.locator('[name="changes.value.amount"]').inputValue()).toBe('1000.00');
    expect(await correction.locator('[name="changes.receiver.en"]').inputValue()).toBe('Lviv');
    expect(await correction.locator('[name="changes.occurredOn"]').inputValue()).toBe('2024-03');
    await correction.locator('[name="changes.value.amount"]').fill('1200.00');
    await correction.getByRole('button', { name: 'Save the correction' }).click();
    const reasonError = page.locator(`#correct-${aidId}-reason-error`);
    await reasonError.waitFor({ state: 'visible' });
    await aid.screenshot({ path: join(SHOTS, 'correct.png') });
    await correction.locator('[name="reason"]').fill('The invoice says 1,200.00');
    await correction.getByRole('button', { name: 'Save the correction' }).click();
    await aid.locator('.badge.corrected').waitFor();
    expect(await aid.locator('.entry-summary').textContent()).toBe('Lviv · EUR 1,200.00 · cash · blankets, stoves');
    expect(await aid.locator('.changes del').textContent()).toBe('EUR 1,000.00');
    expect(await aid.locator('.changes ins').textContent()).toBe('EUR 1,200.00');
    expect(await aid.locator('.corrections').textContent()).toContain('The invoice says 1,200.00');

    // retract the note
    const note = timeline.locator('li.entry[data-type="NoteAdded"]');
    const noteId = await note.getAttribute('data-event-id');
    await note.getByRole('button', { name: 'Retract' }).click();
    await page.locator(`#retract-${noteId} [name="reason"]`).fill('It belongs to another partnership');
    await page.locator(`#retract-${noteId}`).getByRole('button', { name: 'Retract the entry' }).click();
    const retracted = timeline.locator(`li.entry.is-retracted[data-event-id="${noteId}"]`);
    await retracted.waitFor();
    expect(await retracted.locator('.retraction').textContent()).toBe('Retracted: It belongs to another partnership');
    expect(await retracted.locator('.entry-actions').count()).toBe(0);
    // the initiation is corrected, never retracted
    const initiated = timeline.locator('li.entry[data-type="PartnershipInitiated"]');
    expect(await initiated.getByRole('button', { name: 'Correct' }).count()).toBe(1);
    expect(await initiated.getByRole('button', { name: 'Retract' }).count()).toBe(0);
    expect(problemsOf(page)).toEqual([]);
    // Some 25 writes through the page, each waiting for the read side: on a busy machine that takes a while.
  }, 180_000);
});

describe('a milestone the page has never heard of', () => {
  it('gets its form from the description alone: readable labels, its path, the API’s errors at its fields', async () => {
    const page = await newPage();
    // The API as it would be with one more milestone: its description, and its route refusing a value.
    const served = (await request(t.http).get('/api/v1/milestone-kinds').set('Authorization', `Bearer ${office}`)).body as {
      kinds: object[];
    };
    const visit = {
      type: 'DelegationVisited',
      path: 'delegation-visits',
      summary: 'Record a delegation visit',
      roles: ['office', 'admin'],
      plannable: false,
      creates: false,
      fields: [
        { name: 'occurredOn', kind: 'date', required: true, personal: false },
        { name: 'delegationSize', kind: 'count', required: true, personal: false },
        { name: 'visitReport', kind: 'longText', required: false, personal: false, maxLength: 10000 },
      ],
      example: { occurredOn: '2024-05-14', delegationSize: 12 },
    };
    await page.route('**/api/v1/milestone-kinds', (route) => route.fulfill({ json: { kinds: [...served.kinds, visit] } }));
    const posted: unknown[] = [];
    await page.route('**/delegation-visits', async (route) => {
      posted.push(route.request().postDataJSON());
      await route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        json: {
          type: 'about:blank',
          title: 'Invalid request',
          status: 400,
          code: 'validation_failed',
          detail: 'The request has 1 invalid field: delegationSize must be at most 100.',
          errors: [{ field: 'delegationSize', reason: 'must be at most 100' }],
        },
      });
    });
    await signIn(page, office);
    await page.locator(`tr[data-partnership="${DEMO_PARTNERSHIP_ID}"] a`).click();
    await page.locator('#record-kind').selectOption('DelegationVisited');
    const form = page.locator('#form-DelegationVisited');
    expect(await page.locator('.record-slot h3').textContent()).toBe('Delegation visited');
    expect(await form.locator('label').allTextContents()).toEqual(['Date *', 'Delegation size *', 'Visit report']);
    await form.locator('[name="occurredOn"]').fill('2024-05-14');
    await form.locator('[name="delegationSize"]').fill('120');
    await form.locator('[name="visitReport"]').fill('Met the mayor');
    await form.getByRole('button', { name: 'Record' }).click();
    const sizeError = page.locator('#form-DelegationVisited-delegationSize-error');
    await sizeError.waitFor({ state: 'visible' });
    expect(await sizeError.textContent()).toBe('must be at most 100');
    expect(posted).toEqual([{ occurredOn: '2024-05-14', delegationSize: 120, visitReport: 'Met the mayor' }]);
    expect(problemsOf(page)).toEqual([]);
  });
});
