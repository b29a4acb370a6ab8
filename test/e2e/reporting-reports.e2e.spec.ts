// Acceptance 1: every report type requested over HTTP, produced by the in-process worker from the
// projections, downloaded and checked. Real Postgres, real Redis (own key prefix), real PDF parser.
import request from 'supertest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { addDecimal, dayOf } from '../../src/partnerships/domain/index.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DEMO_STEPS } from '../../src/partnerships/demo/story.js';
import { ReportWorker } from '../../src/reporting/report-worker.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, newId, post } from './partnerships-helpers.js';
import { download, REPORTS, requestReport, waitForReport } from './reporting-helpers.js';

let t: TestApp;
let reporting: string;
let council: string;
let office: string;

beforeAll(async () => {
  t = await createTestApp({ env: { DIGEST_ENABLED: 'false', REPORT_BACKOFF_MS: '200' } });
  [reporting, council, office] = await Promise.all([keyFor(t, 'reporting'), keyFor(t, 'council'), keyFor(t, 'office')]);
  await seedDemo(t.app);
});
afterAll(async () => t?.close());

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it: any) => it.str ?? '').join(' ') + '\n';
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: text.replace(/\s+/g, ' ') };
}

it('produces the demo dossier as PDF, HTML and JSON with both signing dates', async () => {
  // A council key may read but not request; the reporting key requests.
  expect((await requestReport(t, council, { type: 'dossier', parameters: { partnershipId: 'dortmund-zhytomyr' } })).status).toBe(403);
  const res = await requestReport(t, reporting, { type: 'dossier', parameters: { partnershipId: 'dortmund-zhytomyr' } });
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ id: expect.any(String), status: 'queued', type: 'dossier' });
  expect(res.headers.location).toBe(`${REPORTS}/${res.body.id}`);

  const report = await waitForReport(t, council, res.body.id);
  expect(report).toMatchObject({
    type: 'dossier',
    status: 'completed',
    progress: 100,
    error: null,
    errorKind: null,
    nextAttemptAt: null,
    attempts: 1,
    requestedBy: 'reporting test key',
  });
  expect(report.files.map((f: any) => f.format).sort()).toEqual(['html', 'json', 'pdf']);

  const today = dayOf(new Date().toISOString());
  const pdf = await download(t, council, report.id); // the default format of a dossier is PDF
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect(pdf.headers['content-disposition']).toBe(`attachment; filename="dossier-dortmund-zhytomyr-${today}.pdf"`);
  const bytes = pdf.body as Buffer;
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const parsed = await pdfText(bytes);
  expect(parsed.pages).toBeGreaterThanOrEqual(2); // status, signings, decisions and 25 timeline entries do not fit one A4 page
  expect(parsed.text).toContain('Planned: 9 February 2023');
  expect(parsed.text).toContain('Signed: 23 February 2023');
  expect(parsed.text).toContain('Signed: 9 July 2025');
  expect(parsed.text).toContain('Житомир'); // embedded DejaVu Sans: names print as written

  const html = await download(t, council, report.id, 'html');
  expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(html.headers['content-disposition']).toBe(`inline; filename="dossier-dortmund-zhytomyr-${today}.html"`);
  const page = (html.body as Buffer).toString('utf8');
  expect(page).toContain('9 February 2023');
  expect(page).toContain('23 February 2023');
  expect(page).toContain('Житомир');
  expect(page).toContain('@media print');

  const json = JSON.parse(((await download(t, council, report.id, 'json')).body as Buffer).toString('utf8'));
  expect(json.signings.planned.map((s: any) => s.date.date)).toEqual(['2023-02-09']);
  expect(json.signings.signed.map((s: any) => s.date.date)).toEqual(['2023-02-23', '2025-07-09']);
  expect(json.timeline.entries).toHaveLength(DEMO_STEPS.length);
  expect(json.partnership).toMatchObject({ partnershipId: 'dortmund-zhytomyr', tier: 'twinning' });
});

it('sums the aid summary exactly to the seeded deliveries, grouped by receiver, month, currency and sector', async () => {
  const seeded = DEMO_STEPS.filter((s) => s.key.startsWith('0') && (s.data as any).value && s.label.includes('aid'));
  expect(seeded).toHaveLength(3);
  const expected = seeded.reduce((sum, s) => addDecimal(sum, (s.data as any).value.amount), '0');
  expect(expected).toBe('265000.00');

  const res = await requestReport(t, reporting, { type: 'aid_summary', parameters: { from: '2022', to: '2022-12-31' } });
  expect(res.status).toBe(202);
  const report = await waitForReport(t, reporting, res.body.id);
  expect(report.summary).toMatchObject({ count: 3, totals: { EUR: expected } });

  const csv = await download(t, reporting, report.id);
  expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers['content-disposition']).toBe('attachment; filename="aid-summary-2022-01-01-to-2022-12-31.csv"');
  // UTF-8 with BOM, semicolons, decimal commas, CRLF: for spreadsheets in a German locale (AID_CSV_FORMAT)
  const text = (csv.body as Buffer).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = text.slice(1).trim().split('\r\n');
  expect(header).toBe('receiver;month;currency;sector;count;total;confirmed;partly_confirmed;awaiting_confirmation;receipts');
  // the demo records no receipt confirmation: every delivery awaits one
  expect(rows).toEqual([
    'Mykolaiv;2022-06;EUR;water and sanitation;1;80000,00;0;0;1;',
    'Mykolaiv;2022-11;EUR;winter relief;1;60000,00;0;0;1;',
    'Vinnytsia;2022-05;EUR;emergency relief;1;125000,00;0;0;1;',
  ]);
  const csvTotal = rows.map((r) => r.split(';')[5].replace(',', '.')).reduce((a, b) => addDecimal(a, b), '0');
  expect(csvTotal).toBe(expected);

  const json = JSON.parse(((await download(t, reporting, report.id, 'json')).body as Buffer).toString('utf8'));
  expect(json.totals).toEqual({ EUR: expected });
  expect(json.byReceiver).toEqual([
    { key: 'Mykolaiv', count: 2, totals: { EUR: '140000.00' } },
    { key: 'Vinnytsia', count: 1, totals: { EUR: '125000.00' } },
  ]);
  expect(json.byCurrency).toEqual([{ key: 'EUR', count: 3, totals: { EUR: expected } }]);
  expect(json.byMonth.map((g: any) => g.key)).toEqual(['2022-05', '2022-06', '2022-11']);

  // A period without the deliveries sums to nothing.
  const empty = await requestReport(t, reporting, { type: 'aid_summary', parameters: { from: '2023-01-01', to: '2023-12-31' } });
  expect((await waitForReport(t, reporting, empty.body.id)).summary).toMatchObject({ count: 0, totals: {} });
});

it('produces the office digest of changes since a moment, and the next digest starts where it ended', async () => {
  const first = await requestReport(t, office, { type: 'office_digest', parameters: { since: '2000-01-01' } });
  expect(first.status).toBe(202);
  const done = await waitForReport(t, office, first.body.id);
  expect(done.summary.newMilestones).toBe(DEMO_STEPS.length);
  const json = JSON.parse(((await download(t, office, done.id, 'json')).body as Buffer).toString('utf8'));
  expect(json.newMilestones.every((c: any) => c.partnershipId === 'dortmund-zhytomyr')).toBe(true);
  expect(json.newMilestones.map((c: any) => c.type)).toContain('AgreementSigned');
  const html = await download(t, office, done.id);
  expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
  expect((html.body as Buffer).toString('utf8')).toContain(`New milestones (${DEMO_STEPS.length})`);

  // Something new, then a digest without `since`: it starts where the first ended and shows only that.
  const id = await initiate(t, office);
  const second = await requestReport(t, office, { type: 'office_digest' });
  const next = await waitForReport(t, office, second.body.id);
  expect(next.summary.since).toBe(done.summary.until);
  const nextJson = JSON.parse(((await download(t, office, next.id, 'json')).body as Buffer).toString('utf8'));
  expect(nextJson.newMilestones.map((c: any) => c.partnershipId)).toEqual([id]);
});

it('lists upcoming signings within N days and stalled partnerships in the reminders', async () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const soon = await initiate(t, office, newId('soon'), { occurredOn: day(-30) });
  expect(
    (await post(t, office, `${API}/${soon}/signing-schedules`, { occurredOn: day(5), agreementKind: 'solidarity', venue: 'City Hall' }))
      .status,
  ).toBe(201);
  const later = await initiate(t, office, newId('later'), { occurredOn: day(-30) });
  expect((await post(t, office, `${API}/${later}/signing-schedules`, { occurredOn: day(40), agreementKind: 'solidarity' })).status).toBe(
    201,
  );
  const stuck = await initiate(t, office, newId('stuck'), { occurredOn: day(-300) });
  expect(
    (await post(t, office, `${API}/${stuck}/draft-resolutions`, { occurredOn: day(-200), paperReference: 'DS X-1', title: 'Stuck paper' }))
      .status,
  ).toBe(201);

  const res = await requestReport(t, reporting, { type: 'reminders', parameters: { days: 14, stalledAfterDays: 90 } });
  const report = await waitForReport(t, reporting, res.body.id);
  const json = JSON.parse(((await download(t, reporting, report.id, 'json')).body as Buffer).toString('utf8'));
  expect(json.upcoming.map((i: any) => [i.partnershipId, i.date.date])).toEqual([[soon, day(5)]]);
  expect(json.stalled.map((s: any) => s.partnershipId)).toEqual([stuck]);
  expect(json.stalled[0].reasons.join()).toContain('DS X-1');
  expect(json.stalled[0].daysQuiet).toBe(200);
});

it('answers 409 for a download before the report is completed, and lists reports by type and status', async () => {
  const worker = t.app.get(ReportWorker);
  await worker.stop();
  try {
    const res = await requestReport(t, reporting, { type: 'reminders' });
    const early = await request(t.http).get(`${REPORTS}/${res.body.id}/download`).set('Authorization', `Bearer ${reporting}`);
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({ code: 'report_not_ready', reportStatus: 'queued' });
    const queued = await request(t.http).get(`${REPORTS}?status=queued`).set('Authorization', `Bearer ${council}`);
    expect(queued.body.items.map((r: any) => r.id)).toContain(res.body.id);
  } finally {
    worker.start();
  }

  const dossiers = await request(t.http).get(`${REPORTS}?type=dossier&limit=2`).set('Authorization', `Bearer ${council}`);
  expect(dossiers.status).toBe(200);
  expect(dossiers.body.items.every((r: any) => r.type === 'dossier')).toBe(true);
  // The demo's two council decisions and two signings each asked the dispatcher for a fresh dossier.
  const all: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = await request(t.http)
      .get(`${REPORTS}?type=dossier&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      .set('Authorization', `Bearer ${council}`);
    all.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(all.filter((r) => r.requestedBy === 'dispatcher')).toHaveLength(4);
  expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
});
