// Acceptance (issue 26): a participant and a contact person recorded in the demo partnership are
// stored encrypted; erasing the participant makes every reader (timeline, events, change feed,
// dossier PDF/HTML/JSON, OParl, IATI) show the value as erased while the contact person still
// reads, the signed checkpoint still verifies, and no table or Redis key holds the name any more.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import request from 'supertest';
import { ledgerDigestMain, ledgerVerifyMain, type CliIO } from '../../src/ledger-cli.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { peopleExportMain } from '../../src/privacy/privacy-cli.js';
import { createRedis } from '../../src/shared/redis.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { redisKeysHolding, tablesHolding } from '../support/plaintext-scan.js';
import { API, keyFor, poolOf, post } from './partnerships-helpers.js';
import { download, requestReport, until, waitForReport } from './reporting-helpers.js';

const DZ = 'dortmund-zhytomyr';
const PARTICIPANT = 'Office Tester';
const CONTACT = 'Council Clerk';
let t: TestApp;
let dir: string;
let keyFile: string;
let office: string;
let admin: string;
let reporting: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'privacy-e2e-test-'));
  keyFile = join(dir, 'signing.pem');
  writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  t = await createTestApp({
    env: {
      LEDGER_SIGNING_KEY_FILE: keyFile,
      LEDGER_CHECKPOINT_INTERVAL_MS: '0',
      DIGEST_ENABLED: 'false',
      IATI_REPORTING_ORG_REF: 'DE-GOV-05913000',
    },
  });
  [office, admin, reporting] = await Promise.all([keyFor(t, 'office'), keyFor(t, 'admin'), keyFor(t, 'reporting')]);
  await seedDemo(t.app);
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ NODE_ENV: 'test', DATABASE_URL: t.db.url, DB_MIGRATE_ON_START: 'false', LEDGER_SIGNING_KEY_FILE: keyFile });
async function cli(main: typeof ledgerVerifyMain, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => void (out += s), err: (s) => void (err += s) };
  return { code: await main(argv, env(), io), out, err };
}
const get = (path: string, key = reporting) => request(t.http).get(path).set('Authorization', `Bearer ${key}`);

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++)
    text += (await (await doc.getPage(i)).getTextContent()).items.map((it: any) => it.str ?? '').join(' ') + '\n';
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

async function dossierTexts(id: string): Promise<{ pdf: string; html: string; json: string }> {
  const [pdf, html, json] = await Promise.all(['pdf', 'html', 'json'].map((f) => download(t, reporting, id, f).expect(200)));
  return {
    pdf: await pdfText(pdf.body as Buffer),
    html: (html.body as Buffer).toString('utf8'),
    json: (json.body as Buffer).toString('utf8'),
  };
}

it('stores the names encrypted, reads them, and after erasure reads the participant as erased everywhere', async () => {
  // Recorded: an activity with two participants and a contact person, then corrected (so the
  // correction's `previous` holds the participant too).
  const recorded = await post(t, office, `${API}/${DZ}/activities`, {
    occurredOn: '2024-07-10',
    title: 'Youth exchange in Zhytomyr',
    place: 'Zhytomyr',
    participants: [PARTICIPANT, 'Youth Worker'],
    contactPerson: CONTACT,
  });
  expect([recorded.status, recorded.body.code]).toEqual([201, undefined]);
  const activityId = recorded.body.events[0].eventId;
  const corrected = await post(t, office, `${API}/${DZ}/entries/${activityId}/corrections`, {
    reason: 'An interpreter came along.',
    changes: { participants: [PARTICIPANT, 'Youth Worker', 'Interpreter'] },
  });
  expect(corrected.status).toBe(201);

  // The log holds ciphertext only (read rows hold what readers see); the readers see the names.
  const { rows: inLog } = await poolOf(t).query('SELECT count(*)::int AS n FROM events WHERE strpos(data::text, $1) > 0', [PARTICIPANT]);
  expect(inLog[0].n).toBe(0);
  const { rows: stored } = await poolOf(t).query('SELECT data FROM events WHERE event_id = $1', [activityId]);
  expect(stored[0].data.participants[0]).toMatchObject({
    $enc: 'v1',
    subject: expect.any(String),
    iv: expect.any(String),
    ct: expect.any(String),
  });
  const timeline = async () =>
    (await get(`${API}/${DZ}/timeline?limit=500`).expect(200)).body.entries.find((e: any) => e.eventId === activityId);
  await until(async () => (await timeline())?.corrections?.length === 1, 15_000, 'the projection');
  expect((await timeline()).data).toMatchObject({ participants: [PARTICIPANT, 'Youth Worker', 'Interpreter'], contactPerson: CONTACT });

  const asked = await requestReport(t, reporting, { type: 'dossier', parameters: { partnershipId: DZ } });
  expect(asked.status).toBe(202);
  const before = await dossierTexts((await waitForReport(t, reporting, asked.body.id)).id);
  for (const text of Object.values(before)) expect(text).toContain(PARTICIPANT);

  // A signed checkpoint over the log as it stands, before the erasure.
  const digest = join(dir, 'digest.json');
  expect((await cli(ledgerDigestMain, ['--out', digest])).code).toBe(0);

  // Subject access: everything held about the participant, with where it is.
  const exported = await cli(peopleExportMain, ['--name', 'office  tester']);
  expect(exported.code).toBe(0);
  const sar = JSON.parse(exported.out);
  expect(sar).toMatchObject({ name: 'office tester', erased: false });
  expect(sar.values.map((v: any) => [v.type, v.path, v.value])).toEqual([
    ['ActivityHeld', 'participants[0]', PARTICIPANT],
    ['EntryCorrected', 'changes.participants[0]', PARTICIPANT],
    ['EntryCorrected', 'previous.participants[0]', PARTICIPANT],
  ]);

  // Only an admin erases; the record names the subject by id only.
  expect((await post(t, office, '/api/v1/people/erasures', { name: PARTICIPANT, reason: 'Art. 17 request 1/2026' })).status).toBe(403);
  expect((await post(t, admin, '/api/v1/people/erasures', { reason: 'no one named' })).status).toBe(400);
  expect((await post(t, admin, '/api/v1/people/erasures', { name: 'Nobody Recorded', reason: 'x' })).status).toBe(404);
  const erased = await post(t, admin, '/api/v1/people/erasures', { name: PARTICIPANT, reason: 'Art. 17 request 1/2026' });
  expect(erased.status).toBe(201);
  expect(erased.body).toMatchObject({
    erasures: [{ subjectId: sar.subjectId }],
    events: 2,
    streams: [DZ],
    rebuilt: ['partnerships'],
  });
  expect(erased.body.readRows).toBeGreaterThanOrEqual(1); // the activity's timeline row, its correction folded in
  // every stored dossier of the partnership (ours and those the dispatcher made) is rendered again
  const { rows: dossiers } = await poolOf(t).query(`SELECT count(*)::int AS n FROM reports WHERE type = 'dossier'`);
  expect(erased.body.reports).toBe(dossiers[0].n);
  expect((await post(t, admin, '/api/v1/people/erasures', { subject: sar.subjectId, reason: 'again' })).status).toBe(404);
  const log = (await get('/api/v1/people/erasures', admin).expect(200)).body.erasures;
  expect(log).toEqual([
    expect.objectContaining({ subjectId: sar.subjectId, reason: 'Art. 17 request 1/2026', erasedBy: expect.stringMatching(/^key:/) }),
  ]);

  // Every reader: the participant erased, the others (and the contact person) still there.
  const entry = await timeline();
  expect(entry.data).toMatchObject({ participants: ['[erased]', 'Youth Worker', 'Interpreter'], contactPerson: CONTACT });
  expect(entry.corrections[0]).toMatchObject({ previous: { participants: ['[erased]', 'Youth Worker'] } });
  const events = (await get(`${API}/${DZ}/events?limit=1000`).expect(200)).text;
  expect(events).not.toContain(PARTICIPANT);
  expect(events).toContain('[erased]');
  expect(events).toContain(CONTACT);
  const changes = (await get('/api/v1/changes?limit=1000').expect(200)).text;
  expect(changes).not.toContain(PARTICIPANT);
  expect(changes).toContain(CONTACT);

  const report = await waitForReport(t, reporting, asked.body.id);
  const after = await dossierTexts(report.id);
  for (const text of Object.values(after)) {
    expect(text).not.toContain(PARTICIPANT);
    expect(text).toContain('[erased]');
    expect(text).toContain(CONTACT);
  }
  const publicPages = ['', '?lang=de', '?lang=uk', '/dossier.html', '/aid.csv', '/feed.atom'].map((p) => `/public/dortmund/${DZ}${p}`);
  for (const path of [
    '/oparl/v1.1/body/municipality/paper',
    '/oparl/v1.1/body/municipality/meeting',
    `${API}/${DZ}/aid.iati.xml`,
    ...publicPages,
  ]) {
    const res = await get(path);
    expect([path, res.status]).toEqual([path, 200]);
    expect(res.text).not.toContain(PARTICIPANT);
  }

  // The log is untouched: the signed checkpoint from before the erasure still verifies.
  const verified = await cli(ledgerVerifyMain, ['--digest', digest]);
  expect([verified.code, verified.err]).toEqual([0, expect.any(String)]);

  // A correction after the erasure: its `previous` comes from the writer's history, which must not
  // bring the erased name back from memory.
  const later = await post(t, office, `${API}/${DZ}/entries/${activityId}/corrections`, {
    reason: 'The interpreter stayed home.',
    changes: { participants: ['Youth Worker'] },
  });
  expect(later.status).toBe(201);
  await until(async () => (await timeline())?.corrections?.length === 2, 15_000, 'the second correction');
  expect((await timeline()).corrections[1].previous.participants).toEqual(['[erased]', 'Youth Worker', 'Interpreter']);

  // Nothing holds the name any more: no table (report files and erasure log included), no Redis key.
  expect(await tablesHolding(poolOf(t), PARTICIPANT)).toEqual([]);
  expect(await tablesHolding(poolOf(t), 'office tester')).toEqual([]);
  const redis = createRedis(t.config.REDIS_URL);
  await redis.connect();
  try {
    expect(await redisKeysHolding(redis, t.config.REDIS_PREFIX, PARTICIPANT)).toEqual([]);
  } finally {
    redis.disconnect();
  }
  expect((await cli(peopleExportMain, ['--subject', sar.subjectId])).out).toContain('"erased": true');
});
