// The key and backup procedures of docs/privacy.md, through the commands an operator runs:
// master-key rotation, erasure by name, subject access, and the replay of the erasure log into a
// backup restored from before the erasure.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresEventStore, ProjectionEngine } from '../../src/event-store/index.js';
import { INSTANCE_ORGANISATION_ID } from '../../src/organisations/acting.js';
import { partnershipsProjection } from '../../src/partnerships/read-models/partnerships.projection.js';
import { parseMasterKey, useMasterKey } from '../../src/privacy/master-key.js';
import {
  masterRotateMain,
  peopleEraseMain,
  peopleErasuresMain,
  peopleExportMain,
  peopleReplayErasuresMain,
  type CliIO,
} from '../../src/privacy/privacy-cli.js';
import { sealEvents } from '../../src/privacy/sealing.js';
import { tablesHolding } from '../support/plaintext-scan.js';
import { caughtUp } from '../support/projections.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { emptyTestDatabase, pgDump, pgRestore } from './restore-helpers.js';

const A = randomBytes(32).toString('base64');
const B = randomBytes(32).toString('base64');
let db: TestDatabase;
let restored: Awaited<ReturnType<typeof emptyTestDatabase>> | undefined;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'privacy-keys-test-'));
});
afterAll(async () => {
  useMasterKey(parseMasterKey(A));
  await db?.drop();
  await restored?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(main: typeof peopleEraseMain, argv: string[], url: string, key: string, extra: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => void (out += s), err: (s) => void (err += s) };
  const code = await main(
    argv,
    { NODE_ENV: 'test', DATABASE_URL: url, DB_MIGRATE_ON_START: 'false', LEDGER_MASTER_KEY: key, ...extra },
    io,
  );
  return { code, out, err };
}

async function participantsIn(pool: pg.Pool): Promise<unknown> {
  const { rows } = await pool.query(`SELECT data->'participants' AS p FROM timeline_entries WHERE type = 'ActivityHeld'`);
  return rows[0]?.p;
}

it('rotates the master key, erases by name, and brings a backup from before the erasure into line', async () => {
  useMasterKey(parseMasterKey(A));
  const store = new PostgresEventStore(db.pool);
  const engine = new ProjectionEngine(store, null);
  const on = { date: '2023-07-01', precision: 'day' };
  await store.append(
    'keys-1',
    await sealEvents(db.pool, INSTANCE_ORGANISATION_ID, [
      {
        type: 'PartnershipInitiated',
        data: {
          partnershipId: 'keys-1',
          occurredOn: on,
          ownMunicipality: { en: 'Dortmund' },
          tier: 'initiative',
          contactPerson: 'Council Clerk',
        },
      },
      { type: 'ActivityHeld', data: { occurredOn: on, title: 'Exchange', participants: ['Office Tester', 'Youth Worker'] } },
    ]),
  );
  await caughtUp(engine);
  expect(await participantsIn(db.pool)).toEqual(['Office Tester', 'Youth Worker']);
  const backup = join(dir, 'before-erasure.dump');
  await pgDump(db.url, backup);

  // Rotation: every data key under B, the lookups by name recomputed; running it again does nothing.
  const rotated = await cli(masterRotateMain, [], db.url, A, { LEDGER_MASTER_KEY_NEW: B });
  expect([rotated.code, JSON.parse(rotated.out)]).toEqual([0, expect.objectContaining({ rewrapped: 3, already: 0 })]);
  expect(JSON.parse((await cli(masterRotateMain, [], db.url, A, { LEDGER_MASTER_KEY_NEW: B })).out)).toMatchObject({
    rewrapped: 0,
    already: 3,
  });
  const withOld = await cli(
    peopleExportMain,
    ['--subject', (await db.pool.query('SELECT subject_id FROM subject_keys LIMIT 1')).rows[0].subject_id],
    db.url,
    A,
  );
  expect([withOld.code, withOld.err]).toEqual([2, expect.stringMatching(/does not open with master key/)]);
  const sar = await cli(peopleExportMain, ['--name', 'OFFICE TESTER'], db.url, B);
  expect(sar.code).toBe(0);
  expect(JSON.parse(sar.out)).toMatchObject({
    name: 'office tester',
    erased: false,
    values: [{ path: 'participants[0]', value: 'Office Tester' }],
  });

  // Erasure from the shell, with its record; the log exported for the backups.
  expect((await cli(peopleEraseMain, ['--name', 'Office Tester'], db.url, B)).code).toBe(2); // no --reason
  const erased = await cli(
    peopleEraseMain,
    ['--name', 'Office Tester', '--reason', 'Art. 17 request 2/2026', '--by', 'Data Protection Officer'],
    db.url,
    B,
  );
  expect(erased.code).toBe(0);
  expect(JSON.parse(erased.out)).toMatchObject({ events: 1, streams: ['keys-1'], readRows: 1, rebuilt: ['partnerships'] });
  expect(erased.err).toMatch(/erased subject .*: 1 events in 1 partnerships/);
  expect(await participantsIn(db.pool)).toEqual(['[erased]', 'Youth Worker']);
  expect((await cli(peopleEraseMain, ['--name', 'Office Tester', '--reason', 'again'], db.url, B)).err).toMatch(/no subject of that name/);
  const log = await cli(peopleErasuresMain, [], db.url, B);
  const logFile = join(dir, 'erasures.json');
  writeFileSync(logFile, log.out);
  expect(JSON.parse(log.out)).toEqual([expect.objectContaining({ reason: 'Art. 17 request 2/2026', erasedBy: 'Data Protection Officer' })]);

  // The backup predates both: restored, it shows the name (its keys are still under A) until the log is replayed.
  restored = await emptyTestDatabase('privacy_restore');
  await pgRestore(backup, restored.url);
  const restoredPool = new pg.Pool({ connectionString: restored.url, max: 4 });
  try {
    useMasterKey(parseMasterKey(A));
    expect(await participantsIn(restoredPool)).toEqual(['Office Tester', 'Youth Worker']);
    const replayed = await cli(peopleReplayErasuresMain, ['--from', logFile], restored.url, A);
    expect([replayed.code, JSON.parse(replayed.out)]).toEqual([0, expect.objectContaining({ applied: 1, present: 0 })]);
    expect(await participantsIn(restoredPool)).toEqual(['[erased]', 'Youth Worker']);
    expect(await tablesHolding(restoredPool, 'Office Tester')).toEqual([]);
    expect(await tablesHolding(restoredPool, 'Youth Worker')).not.toEqual([]);
    const again = await cli(peopleReplayErasuresMain, ['--from', db.url], restored.url, A);
    expect(JSON.parse(again.out)).toMatchObject({ applied: 0, present: 1 });
    const { rows } = await restoredPool.query('SELECT id FROM erasures');
    expect(rows.map((r) => r.id)).toEqual([JSON.parse(log.out)[0].id]);
  } finally {
    await restoredPool.end();
    store.close();
  }
  expect(await tablesHolding(db.pool, 'Office Tester')).toEqual([]);
  expect((await engine.status(partnershipsProjection.name)).behind).toBe(0);
});
