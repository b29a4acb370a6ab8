// A rebuild whose process dies leaves `building_version` set and its `_vN` tables behind. The real
// CLI (`npm run projections:rebuild`, run from source) rebuilds this suite's database and is held at
// its switch by a lock the test takes (an advisory lock on the suite's own database: no transaction
// id, so no other suite's projections wait), then killed with SIGKILL. The API must see that the
// owner is gone, clear what it left, and accept and complete the next rebuild with nothing left over.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import request from 'supertest';
import { SWITCH_CLASS } from '../../src/event-store/index.js';
import { PROJECTIONS } from '../../src/partnerships/read-models/projections.registry.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { until } from '../e2e/reporting-helpers.js';
import { API, initiate, keyFor } from '../e2e/partnerships-helpers.js';
import { adminPool, recordAid } from './database-fault-helpers.js';

const NAME = 'partnerships';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let t: TestApp;
let admin: pg.Pool;
let adminKey: string;
let office: string;
let child: ChildProcess | null = null;

beforeAll(async () => {
  t = await createTestApp({ env: { DIGEST_ENABLED: 'false' } });
  admin = adminPool(t);
  adminKey = await keyFor(t, 'admin');
  office = await keyFor(t, 'office');
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await admin?.end();
  await t?.close();
});

const get = (path: string) => request(t.http).get(path).set('Authorization', `Bearer ${adminKey}`);
const rebuild = () => request(t.http).post(`/api/v1/projections/${NAME}/rebuild`).set('Authorization', `Bearer ${adminKey}`);

/** Tables of the projection that exist now, e.g. ["aid_ledger_v1", ...]. */
async function versionTables(): Promise<string[]> {
  const { rows } = await admin.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ '_v[0-9]+$' ORDER BY tablename`,
  );
  return rows.map((r) => r.tablename as string).filter((n) => PROJECTIONS[NAME].tables.some((b) => n.replace(/_v\d+$/, '') === b));
}

const row = async () =>
  (await admin.query('SELECT active_version, building_version, rebuild_error FROM projections WHERE name = $1', [NAME])).rows[0];

it('a CLI rebuild killed mid-way is cleaned up, and the next rebuild request is accepted and completes', async () => {
  const ids = [await initiate(t, office), await initiate(t, office)];
  for (const id of ids) for (let i = 0; i < 5; i++) expect((await recordAid(t, office, id)).status).toBe(201);
  const before = (await get(`${API}/${ids[0]}/timeline`).expect(200)).body.entries;
  expect(await row()).toMatchObject({ active_version: 1, building_version: null });

  // Hold the switch, so the CLI stops after building version 2 and before switching to it.
  const holder = await admin.connect();
  let holding = true;
  try {
    await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [SWITCH_CLASS, NAME]);
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: t.db.url,
      DB_MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'silent',
    };
    delete env.NODE_OPTIONS;
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/projections-rebuild.ts', NAME], { cwd: ROOT, env, stdio: 'pipe' });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    await until(
      async () => {
        if (child!.exitCode !== null) throw new Error(`the CLI ended early: ${output}`);
        // Exclusive: the rebuild's switch (the app's live runner waits on the same lock, shared). In
        // this database only: pg_locks is the cluster's, and other suites rebuild in parallel.
        const { rows } = await admin.query(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND mode = 'ExclusiveLock'
              AND classid = $1::int4::oid AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [SWITCH_CLASS],
        );
        return rows[0].n > 0;
      },
      60_000,
      'the CLI to build version 2 and wait at the switch',
    );
    expect(await row()).toMatchObject({ active_version: 1, building_version: 2 });
    // While its owner lives, a rebuild request is refused.
    const refused = await rebuild().expect(409);
    expect(refused.body.code).toBe('rebuild_in_progress');

    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    await holder.query('SELECT pg_advisory_unlock($1, hashtext($2))', [SWITCH_CLASS, NAME]);
    holding = false;
  } finally {
    if (holding) await holder.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    holder.release();
  }

  // What the dead process left: the row still says "building", its tables are there, its lock is not.
  await until(
    async () => {
      const [status] = (await get('/api/v1/projections').expect(200)).body;
      return status.rebuilding?.ownerAlive === false;
    },
    15_000,
    'the dead rebuild to be seen as abandoned',
  );
  expect(await row()).toMatchObject({ active_version: 1, building_version: 2 });
  const left = await versionTables();
  expect(left.filter((n) => n.endsWith('_v2'))).toHaveLength(PROJECTIONS[NAME].tables.length);

  const accepted = await rebuild().expect(202);
  expect(accepted.body).toMatchObject({ projection: NAME, status: 'queued' });
  const done = await until(
    async () => {
      const [status] = (await get('/api/v1/projections').expect(200)).body;
      return status.rebuilding === null && status.activeVersion > 1 ? status : null;
    },
    60_000,
    'the rebuild to complete',
  );

  // The old version is dropped just after the switch, in a transaction of its own: wait for it.
  const expected = PROJECTIONS[NAME].tables.map((b) => `${b}_v${done.activeVersion}`).sort();
  await until(async () => (await versionTables()).length === expected.length, 10_000, 'the old version to be dropped');
  const after = await versionTables();
  expect(after).toEqual(expected);
  const { rows: checkpoints } = await admin.query(`SELECT name FROM consumer_checkpoints WHERE name LIKE $1 ORDER BY name`, [`${NAME}@v%`]);
  expect(checkpoints.map((r) => r.name)).toEqual([`${NAME}@v${done.activeVersion}`]);
  expect(await row()).toMatchObject({ building_version: null, rebuild_error: null });
  expect((await get(`${API}/${ids[0]}/timeline`).expect(200)).body.entries).toEqual(before);
  process.stdout.write(
    `\nRebuild recovery figures\n  CLI killed at the switch: left building_version 2 and ${left.filter((n) => n.endsWith('_v2')).length} _v2 tables; ` +
      `next request 202, switched to v${done.activeVersion}; projection tables after: ${after.length} (all v${done.activeVersion}), leftovers 0\n`,
  );
}, 120_000);
