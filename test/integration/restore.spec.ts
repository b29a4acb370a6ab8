// The backup-and-restore drill of docs/operations.md, performed: a ledger with data, reports and a
// signed checkpoint is dumped with pg_dump, restored with pg_restore into a new database, and the
// restored copy must verify against the digest file, rebuild to the same read models and serve the
// same report files. A digest signed after the backup shows what a restore loses.
import request from 'supertest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ledgerDigestMain, ledgerVerifyMain, type CliIO } from '../../src/ledger-cli.js';
import { openDatabase, poolOf } from '../../src/config/database.js';
import { verifyChains } from '../../src/event-store/index.js';
import { advanceTransactionCounter, transactionCounterGap } from '../../src/event-store/restore.js';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, keyFor, post } from '../e2e/partnerships-helpers.js';
import { download, requestReport, waitForReport } from '../e2e/reporting-helpers.js';
import { catchUpThenRebuild, emptyTestDatabase, openMigrated, pgDump, pgRestore, startAppOn } from './restore-helpers.js';

let dir: string;
let keyFile: string;
let source: TestApp;
let restored: Awaited<ReturnType<typeof emptyTestDatabase>> | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'restore-drill-test-'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  keyFile = join(dir, 'signing.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(dir, 'signing.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  source = await createTestApp({ env: { LEDGER_SIGNING_KEY_FILE: keyFile, LEDGER_CHECKPOINT_INTERVAL_MS: '0', DIGEST_ENABLED: 'false' } });
});
afterAll(async () => {
  await source?.close();
  await restored?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(main: typeof ledgerVerifyMain, argv: string[], url: string): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (out += t) };
  const code = await main(
    argv,
    { NODE_ENV: 'test', DATABASE_URL: url, DB_MIGRATE_ON_START: 'false', LEDGER_SIGNING_KEY_FILE: keyFile },
    io,
  );
  return { code, out };
}

const aid = (occurredOn: string) => ({
  occurredOn,
  receiver: { en: 'Mykolaiv', uk: 'Миколаїв' },
  value: { amount: '1000.00', currency: 'EUR' },
  modality: 'cash',
});

it('restores a dump that verifies against the signed checkpoint, rebuilds equal and serves its reports', async () => {
  const office = await keyFor(source, 'office');
  await seedDemo(source.app);
  const accepted = await requestReport(source, office, { type: 'dossier', parameters: { partnershipId: 'dortmund-zhytomyr' } });
  expect(accepted.status).toBe(202);
  const dossier = await waitForReport(source, office, accepted.body.id);
  const pdf = (await download(source, office, dossier.id, 'pdf').expect(200)).body as Buffer;
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  const digest = join(dir, 'digest.json');
  expect((await cli(ledgerDigestMain, ['--out', digest], source.db.url)).code).toBe(0);

  // The nightly backup, then life goes on: one more event and a newer digest.
  const backup = join(dir, 'nightly.pgdump');
  await pgDump(source.db.url, backup);
  await post(source, office, `${API}/dortmund-zhytomyr/aid-deliveries`, aid('2025-08')).expect(201);
  const newer = join(dir, 'newer-digest.json');
  expect((await cli(ledgerDigestMain, ['--out', newer], source.db.url)).code).toBe(0);

  restored = await emptyTestDatabase('restore');
  await pgRestore(backup, restored.url);

  // Nothing to migrate: the dump carries the schema and its migration table.
  const { dataSource, pool } = await openMigrated(restored.url);
  try {
    expect(await dataSource.showMigrations()).toBe(false);
    // The chain check reports its progress (what ledger:verify draws as a bar) up to every event.
    const seen: [number, number][] = [];
    expect((await verifyChains(pool, { onProgress: (done, total) => seen.push([done, total]) })).ok).toBe(true);
    expect(seen.at(-1)).toEqual([24, 24]);
    const { live, rebuilt } = await catchUpThenRebuild(pool);
    expect(live.timeline_entries.length).toBeGreaterThan(20);
    expect(rebuilt).toEqual(live);
  } finally {
    await dataSource.destroy();
  }

  const ok = await cli(ledgerVerifyMain, ['--digest', digest], restored.url);
  expect(ok.out).toMatch(/against checkpoint 1 \(digest file and table, .*\): matches/);
  expect(ok.out).toContain('RESULT: intact');
  expect(ok.code).toBe(0);

  // The digest signed after the backup names what the restore lost: the event appended since.
  const lost = await cli(ledgerVerifyMain, ['--digest', newer, '--json'], restored.url);
  expect(lost.code).toBe(1);
  const report = JSON.parse(lost.out) as {
    comparisons: { source: string; ok: boolean; signed: { eventCount: number }; actual: { eventCount: number } }[];
    checkpoints: { problems: { checkpointId: number; code: string }[] };
  };
  expect(report.comparisons).toContainEqual(
    expect.objectContaining({
      source: 'digest file',
      ok: false,
      signed: expect.objectContaining({ eventCount: 25 }),
      actual: expect.objectContaining({ eventCount: 24 }),
    }),
  );
  expect(report.checkpoints.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['checkpoint_missing', 'event_count_differs']));

  const app = await startAppOn(restored.url);
  try {
    const served = { http: app.http } as TestApp;
    const again = (await download(served, office, dossier.id, 'pdf').expect(200)).body as Buffer;
    expect(again.equals(pdf)).toBe(true);
    const timeline = await post(served, office, `${API}/dortmund-zhytomyr/aid-deliveries`, aid('2025-09')).expect(201);
    expect(timeline.body.version).toBe(25);
    // What the alerts in docs/operations.md watch, on the restored database.
    const metrics = await request(app.http).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^pl_report_outbox_pending \d+$/m);
    expect(metrics.text).toMatch(/^pl_reports\{status="failed"\} 0$/m);
    expect(metrics.text).toMatch(/^pl_projection_lag_seconds\{projection="partnerships"\} [\d.]+$/m);
  } finally {
    await app.close();
  }
});

it('moves the transaction counter past restored events, as a restore into a younger cluster needs', async () => {
  expect(restored).toBeDefined();
  const ds = await openDatabase(restored!.url, { migrate: false, poolSize: 1 });
  try {
    const pool = poolOf(ds);
    // This cluster is already past the restored events; a younger one is not: ask for a later id.
    // (Other suites use the same cluster's counter meanwhile, so the gaps are bounds, not exact.)
    expect((await transactionCounterGap(pool)).behind).toBe(0n);
    const { current } = await transactionCounterGap(pool);
    const until = current + 30_000n;
    const gap = (await transactionCounterGap(pool, until)).behind;
    expect(gap > 20_000n && gap <= 30_001n).toBe(true);
    const seen: [number, number][] = [];
    const moved = await advanceTransactionCounter(pool, { until, onProgress: (done, total) => seen.push([done, total]) });
    expect(moved.to).toBeGreaterThan(until);
    const [done, total] = seen.at(-1)!;
    expect(done).toBe(total);
    expect(total).toBeGreaterThan(0);
    const { rows } = await pool.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x');
    expect(BigInt(rows[0].x)).toBeGreaterThan(until);
  } finally {
    await ds.destroy();
  }
});
