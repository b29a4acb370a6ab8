// Upgrade from the previous release: its dump (test/fixtures/upgrade, made by that release's own
// service, seed and report workers; see the README there) is restored, the current migrations run,
// and nothing that release kept may be lost or read differently.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { migrations } from '../../migrations/index.js';
import { openDatabase, poolOf } from '../../src/config/database.js';
import { ledgerVerifyMain, type CliIO } from '../../src/ledger-cli.js';
import type { TestApp } from '../support/app.js';
import { download } from '../e2e/reporting-helpers.js';
import { catchUpThenRebuild, emptyTestDatabase, openMigrated, pgRestore, projectionRows, startAppOn } from './restore-helpers.js';

const FIXTURE = join(process.cwd(), 'test/fixtures/upgrade');
const manifest = JSON.parse(readFileSync(join(FIXTURE, 'manifest.json'), 'utf8')) as {
  release: string;
  apiKey: string;
  migrations: string[];
  events: [string, string, number][];
  reports: { id: string; type: string; files: Record<string, string> }[];
};

let db: Awaited<ReturnType<typeof emptyTestDatabase>>;
beforeAll(async () => {
  db = await emptyTestDatabase('upgrade');
  await pgRestore(join(FIXTURE, 'previous-release.pgdump'), db.url);
});
afterAll(async () => db?.drop());

async function verify(url: string): Promise<{ code: number; report: { ok: boolean; comparisons: { source: string; ok: boolean }[] } }> {
  let out = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (out += t) };
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DB_MIGRATE_ON_START: 'false',
    LEDGER_PUBLIC_KEYS_FILE: join(FIXTURE, 'ledger-signing.test.pub.pem'),
  };
  const code = await ledgerVerifyMain(['--digest', join(FIXTURE, 'digest.json'), '--json'], env, io);
  return { code, report: JSON.parse(out) };
}

// In the order TypeORM applies them: by the timestamp at the end of each name.
const stamp = (name: string) => Number(/\d{13}$/.exec(name)?.[0]);
const current = migrations.map((m) => m.name).sort((a, b) => stamp(a) - stamp(b));

it('keeps every event, chain, checkpoint, projection and report of the previous release', async () => {
  const { dataSource, pool } = await openMigrated(db.url);
  try {
    const applied = (await pool.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id')).rows.map((r) => r.name);
    expect(applied.slice(0, manifest.migrations.length)).toEqual(manifest.migrations);
    expect(applied).toEqual(current);

    const { rows } = await pool.query<{ event_id: string; stream_id: string; stream_version: number }>(
      'SELECT event_id, stream_id, stream_version FROM events ORDER BY global_position',
    );
    expect(rows.map((r) => [r.event_id, r.stream_id, Number(r.stream_version)])).toEqual(manifest.events);

    // Everything of the single-city release now belongs to the instance's first organisation.
    const first = '00000000-0000-4000-8000-000000000001';
    const owners = await pool.query<{ t: string; organisation_id: string; n: string }>(
      `SELECT 'events' AS t, organisation_id, count(*) AS n FROM events GROUP BY 2
       UNION ALL SELECT 'reports', organisation_id, count(*) FROM reports GROUP BY 2
       UNION ALL SELECT 'report_files', organisation_id, count(*) FROM report_files GROUP BY 2
       UNION ALL SELECT 'api_keys', organisation_id, count(*) FROM api_keys GROUP BY 2
       UNION ALL SELECT 'timeline_entries', organisation_id, count(*) FROM timeline_entries GROUP BY 2 ORDER BY 1`,
    );
    expect(owners.rows.filter((r) => r.organisation_id !== first)).toEqual([]);
    expect(owners.rows.find((r) => r.t === 'events')?.n).toBe(String(manifest.events.length));
    expect(owners.rows.map((r) => r.t)).toEqual(expect.arrayContaining(['api_keys', 'events', 'report_files', 'reports']));
    const access = await pool.query('SELECT organisation_id, partnership_id, side, until FROM partnership_access ORDER BY partnership_id');
    const streams = [...new Set(manifest.events.filter((e: unknown[]) => e[2] === 1).map((e: unknown[]) => e[1]))];
    expect(access.rows).toEqual(streams.sort().map((id) => ({ organisation_id: first, partnership_id: id, side: 'own', until: null })));

    const { live, rebuilt } = await catchUpThenRebuild(pool);
    expect(live.timeline_entries.length).toBeGreaterThan(20);
    expect(rebuilt).toEqual(live);
  } finally {
    await dataSource.destroy();
  }

  // The signed checkpoint of the old release (table and digest file) still matches the log.
  const { code, report } = await verify(db.url);
  expect(report.comparisons).toEqual([expect.objectContaining({ source: 'digest file and table', ok: true })]);
  expect(report.ok).toBe(true);
  expect(code).toBe(0);

  // Its API key still signs in and its stored files come back byte for byte.
  const t = await startAppOn(db.url);
  try {
    for (const r of manifest.reports)
      for (const [format, sha] of Object.entries(r.files)) {
        const res = await download({ http: t.http } as TestApp, manifest.apiKey, r.id, format).expect(200);
        expect([
          r.id,
          format,
          createHash('sha256')
            .update(res.body as Buffer)
            .digest('hex'),
        ]).toEqual([r.id, format, sha]);
      }
    const timeline = await request(t.http)
      .get('/api/v1/partnerships/dortmund-zhytomyr/timeline')
      .set('Authorization', `Bearer ${manifest.apiKey}`)
      .expect(200);
    expect(timeline.body.entries.length).toBeGreaterThan(20);
  } finally {
    await t.close();
  }
});

it('reverts the latest migration and applies it again', async () => {
  const ds = await openDatabase(db.url, { migrate: true, poolSize: 2 });
  try {
    await ds.undoLastMigration({ transaction: 'each' });
    const names = async () => (await ds.query<{ name: string }[]>('SELECT name FROM schema_migrations ORDER BY id')).map((r) => r.name);
    expect(await names()).toEqual(current.slice(0, -1));
    const again = await ds.runMigrations({ transaction: 'each' });
    expect(again.map((m) => m.name)).toEqual(current.slice(-1));
    expect(await names()).toEqual(current);
    // The read side and the ledger survive the round trip.
    expect((await projectionRows(poolOf(ds))).timeline_entries.length).toBeGreaterThan(20);
  } finally {
    await ds.destroy();
  }
  const { code } = await verify(db.url);
  expect(code).toBe(0);
});
