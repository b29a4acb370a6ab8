// IATI 2.03 over HTTP and as a report. Acceptance: the export of the demo seed validates against
// the official 2.03 XSD (libxml2, test/support/iati-xsd.mjs) and carries the 2022 deliveries to
// Vinnytsia and Mykolaiv with their amounts and currencies; a retracted delivery is absent.
import request from 'supertest';
import { create } from 'xmlbuilder2';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_PARTNERSHIP_ID as DZ } from '../../src/partnerships/demo/story.js';
import { checkIatiRuleset, standardRuleset } from '../support/iati-ruleset.js';
import { validateIatiActivities } from '../support/iati-xsd.mjs';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, keyFor, post } from './partnerships-helpers.js';
import { download, requestReport, waitForReport } from './reporting-helpers.js';

type El = { getAttribute(n: string): string | null; textContent: string | null; tagName: string; children: ArrayLike<El> };
type Doc = { getElementsByTagName(n: string): ArrayLike<El> };
const parse = (xml: string): Doc => create(xml).node as unknown as Doc;
const all = (d: Doc | El, tag: string): El[] => Array.from((d as unknown as Doc).getElementsByTagName(tag));
const kid = (e: El, tag: string): El => Array.from(e.children).find((c) => c.tagName === tag)!;

let t: TestApp;
let reader: string;
let office: string;
let reporting: string;
let retractedId: string;

/** Valid against the XSD and the IATI Standard ruleset (all but the Registry-only agency-prefix rule). */
async function expectValid(xml: string): Promise<void> {
  const result = await validateIatiActivities(xml);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
  const rules = checkIatiRuleset(xml, standardRuleset());
  expect(rules.failures).toEqual([]);
  expect(rules.skipped.map((r) => r.id)).toEqual(['1.14.8']);
}

/** What each transaction says: ref, type code, date, value, currency, receiver names. */
function transactions(xml: string) {
  return all(parse(xml), 'transaction').map((tx) => {
    const value = kid(tx, 'value');
    const receiver = kid(tx, 'receiver-org');
    return {
      ref: tx.getAttribute('ref'),
      type: kid(tx, 'transaction-type').getAttribute('code'),
      date: kid(tx, 'transaction-date').getAttribute('iso-date'),
      amount: value.textContent,
      currency: value.getAttribute('currency'),
      valueDate: value.getAttribute('value-date'),
      receiver: Object.fromEntries(all(receiver, 'narrative').map((n) => [n.getAttribute('xml:lang'), n.textContent])),
    };
  });
}

const get = (path: string, key = reader) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);

beforeAll(async () => {
  t = await createTestApp({
    env: {
      DIGEST_ENABLED: 'false',
      IATI_REPORTING_ORG_REF: 'DE-GOV-05913000',
      IATI_REPORTING_ORG_NAME: '{"de":"Stadt Dortmund","en":"City of Dortmund"}',
    },
  });
  [reader, office, reporting] = await Promise.all([keyFor(t, 'council'), keyFor(t, 'office'), keyFor(t, 'reporting')]);
  await seedDemo(t.app);
  // a delivery recorded by mistake and retracted: not aid that happened
  const wrong = await post(t, office, `${API}/${DZ}/aid-deliveries`, {
    occurredOn: '2022-08',
    receiver: { en: 'Vinnytsia', uk: 'Вінниця' },
    value: { amount: '999.99', currency: 'EUR' },
    modality: 'cash',
  });
  expect(wrong.status).toBe(201);
  retractedId = wrong.body.events[0].eventId;
  const r = await post(t, office, `${API}/${DZ}/entries/${retractedId}/retractions`, { reason: 'Recorded twice.' });
  expect(r.status).toBe(201);
});
afterAll(async () => t?.close());

const DEMO_2022 = [
  {
    type: '3',
    date: '2022-05-01',
    amount: '125000.00',
    currency: 'EUR',
    valueDate: '2022-05-01',
    receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
  },
  {
    type: '3',
    date: '2022-06-01',
    amount: '80000.00',
    currency: 'EUR',
    valueDate: '2022-06-01',
    receiver: { de: 'Mykolajiw', uk: 'Миколаїв', en: 'Mykolaiv' },
  },
  {
    type: '3',
    date: '2022-11-01',
    amount: '60000.00',
    currency: 'EUR',
    valueDate: '2022-11-01',
    receiver: { de: 'Mykolajiw', uk: 'Миколаїв', en: 'Mykolaiv' },
  },
];

it("exports one partnership's aid as valid IATI 2.03, without the retracted delivery", async () => {
  const res = await get(`${API}/${DZ}/aid.iati.xml`);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/xml/);
  await expectValid(res.text);
  const doc = parse(res.text);
  expect(all(doc, 'iati-identifier').map((e) => e.textContent)).toEqual([`DE-GOV-05913000-${DZ}`]);
  const org = all(doc, 'reporting-org')[0];
  expect([org.getAttribute('ref'), org.getAttribute('type')]).toEqual(['DE-GOV-05913000', '11']);
  const txs = transactions(res.text);
  expect(txs.map(({ ref: _r, ...rest }) => rest)).toEqual(DEMO_2022);
  expect(txs.map((x) => x.ref)).not.toContain(retractedId);
  expect(res.text).not.toContain('999.99');
});

it('exports a period across partnerships, reading YYYY as the whole year', async () => {
  const res = await get('/api/v1/aid.iati.xml?from=2022&to=2022');
  expect(res.status).toBe(200);
  await expectValid(res.text);
  expect(transactions(res.text).map(({ ref: _r, ...rest }) => rest)).toEqual(DEMO_2022);
  const june = await get('/api/v1/aid.iati.xml?from=2022-06&to=2022-06');
  expect(transactions(june.text).map((x) => x.amount)).toEqual(['80000.00']);
});

it('answers a period without aid, a bad period and an unknown partnership with problems', async () => {
  const none = await get('/api/v1/aid.iati.xml?from=1990&to=1991');
  expect(none.status).toBe(404);
  expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(none.body.code).toBe('nothing_to_export');

  const reversed = await get('/api/v1/aid.iati.xml?from=2023&to=2022');
  expect(reversed.status).toBe(400);
  expect(reversed.body.errors).toEqual([{ field: 'from', reason: expect.stringContaining('must not be after to') }]);
  const malformed = await get('/api/v1/aid.iati.xml?from=2022-13');
  expect(malformed.status).toBe(400);
  expect(malformed.body.errors[0].field).toBe('from');

  const unknown = await get(`${API}/no-such-partnership/aid.iati.xml`);
  expect(unknown.status).toBe(404);
  expect(unknown.body.code).toBe('partnership_not_found');
  expect((await request(t.http).get(`${API}/${DZ}/aid.iati.xml`)).status).toBe(401);
});

it('produces the export as an aid_iati report whose XML file validates', async () => {
  const res = await requestReport(t, reporting, { type: 'aid_iati', parameters: { from: '2022', to: '2022' } });
  expect(res.status).toBe(202);
  const report = await waitForReport(t, reporting, res.body.id);
  expect(report.formats).toEqual(['xml']);
  expect(report.summary).toMatchObject({ activities: 1, transactions: 3, from: '2022-01-01', to: '2022-12-31' });
  const file = await download(t, reporting, res.body.id);
  expect(file.status).toBe(200);
  expect(file.headers['content-type']).toMatch(/^application\/xml/);
  const xml = (file.body as Buffer).toString('utf8');
  await expectValid(xml);
  expect(transactions(xml).map((x) => x.amount)).toEqual(['125000.00', '80000.00', '60000.00']);

  const empty = await requestReport(t, reporting, { type: 'aid_iati', parameters: { from: '1990', to: '1990' } });
  const failed = await waitForReport(t, reporting, empty.body.id, 'failed');
  expect(failed.error).toContain('No aid with a value is recorded between 1990-01-01 and 1990-12-31');
  expect(failed.errorKind).toBe('permanent');

  const bad = await requestReport(t, reporting, { type: 'aid_iati', parameters: { to: 'soon', partnershipId: DZ } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['parameters.to']);
});
