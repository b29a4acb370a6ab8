// Issue 25: axe-core (WCAG 2.1 AA) finds no violation on the staff list, the staff partnership page,
// the public list and the public partnership page, in English, German and Ukrainian; the public page
// works by keyboard alone, prints without its controls, and its map renders with no request leaving
// the service.
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID } from '../../src/partnerships/demo/story.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { keyFor } from '../e2e/partnerships-helpers.js';
import { chromiumExecutable, INSTALL_TIMEOUT_MS } from './chromium.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LANGS = ['en', 'de', 'uk'] as const;
const PUBLIC = `/public/dortmund/${DEMO_PARTNERSHIP_ID}`;

let t: TestApp;
let base: string;
let browser: Browser;
let council: string;
/** Requests the pages made to anywhere but the service. */
const outside: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

beforeAll(async () => {
  const executablePath = await chromiumExecutable();
  t = await createTestApp();
  await seedDemo(t.app);
  council = await keyFor(t, 'council', 'Council staff');
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each(LANGS)('in %s', (lang) => {
  it('the public list and the public partnership page have no WCAG 2.1 AA violation', async () => {
    const page = await newPage();
    await page.goto(`${base}/public/dortmund/?lang=${lang}`);
    await page.locator('table.list a').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.goto(`${base}${PUBLIC}?lang=${lang}`);
    await page.locator('svg.map circle').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the staff list and the staff partnership page have no WCAG 2.1 AA violation', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.locator('#api-key').fill(council);
    await page.locator('#api-key').press('Enter');
    await page.locator(`a[href="#/p/${DEMO_PARTNERSHIP_ID}"]`).first().waitFor();
    await page.locator('#lang').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.locator(`a[href="#/p/${DEMO_PARTNERSHIP_ID}"]`).first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.goto(`${base}/#/p/${DEMO_PARTNERSHIP_ID}`);
    await page.locator('.timeline, #timeline, ol').first().waitFor();
    await page.locator('svg.map circle').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});

it('reaches every link and control of the public page by Tab, each with a visible focus outline', async () => {
  const page = await newPage();
  await page.goto(`${base}${PUBLIC}?lang=en`);
  const focusable = await page.locator('a[href], select, button, input:not([type=hidden])').count();
  const seen = new Set<string>();
  for (let i = 0; i < focusable + 5; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const all = [...document.querySelectorAll('a[href], select, button, input:not([type=hidden])')];
      return { index: all.indexOf(el), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (!focused) break;
    expect(focused.outline).toBe(true);
    seen.add(String(focused.index));
  }
  expect(seen.size).toBe(focusable);
  // The year filter works from the keyboard and without script: choose 2022, submit, the page says so.
  await page.locator('#map-year').focus();
  await page.keyboard.press('ArrowDown');
  await page
    .locator('#map-year')
    .press('Enter')
    .catch(() => undefined);
  await page.locator('form.filter button').press('Enter');
  await page.waitForURL(/year=2022/);
  expect(await page.locator('table.places caption').textContent()).toContain('2022');
  await page.context().close();
}, 60_000);

it('prints without the controls, and draws the map with no request leaving the service', async () => {
  const page = await newPage();
  await page.goto(`${base}${PUBLIC}?lang=de`);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.downloads').isVisible()).toBe(false);
  expect(await page.locator('form.filter').isVisible()).toBe(false);
  expect(await page.locator('svg.map').isVisible()).toBe(true);
  const circles = await page
    .locator('svg.map circle')
    .evaluateAll((els) => els.map((e) => (e as SVGCircleElement).getBoundingClientRect().width));
  expect(circles.length).toBe(4);
  expect(circles.every((w) => w > 0)).toBe(true);
  expect(outside).toEqual([]);
  await page.context().close();
}, 60_000);
