import 'reflect-metadata';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type pg from 'pg';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { PG_POOL } from '../../src/event-store/event-store.module.js';
import { IntegrityModule } from '../../src/event-store/integrity.module.js';
import { ledgerDigestMain, ledgerKeygenMain, ledgerVerifyMain, type CliIO } from '../../src/ledger-cli.js';
import {
  CheckpointRefusedError,
  DigestRefusedError,
  LEDGER_LOCK_CLASS,
  LedgerCheckpointer,
  PostgresEventStore,
  loadLedgerKeys,
  openDigestFile,
  signPayload,
  toDigestFile,
  verifyChains,
  verifyLedger,
  type LedgerKeys,
  type SignedCheckpoint,
} from '../../src/event-store/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let db: TestDatabase;
let store: PostgresEventStore;
let dir: string;
let keyFileA: string;
let publicFileA: string;
let keyFileB: string;
let keysA: LedgerKeys;
let keysB: LedgerKeys;
let writer: LedgerCheckpointer;

function writeKeyPair(name: string): { privateFile: string; publicFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateFile = join(dir, `${name}.pem`);
  const publicFile = join(dir, `${name}.pub.pem`);
  writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateFile, publicFile };
}

beforeAll(async () => {
  db = await createTestDatabase();
  store = new PostgresEventStore(db.pool);
  dir = mkdtempSync(join(tmpdir(), 'ledger-integrity-test-'));
  ({ privateFile: keyFileA, publicFile: publicFileA } = writeKeyPair('a'));
  ({ privateFile: keyFileB } = writeKeyPair('b'));
  keysA = loadLedgerKeys({ LEDGER_SIGNING_KEY_FILE: keyFileA });
  keysB = loadLedgerKeys({ LEDGER_SIGNING_KEY_FILE: keyFileB });
  writer = new LedgerCheckpointer(db.pool, keysA);
});
afterAll(async () => {
  store?.close();
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Each test starts from an empty log. TRUNCATE fires no row trigger; only the suite's own database is touched.
beforeEach(async () => {
  await db.pool.query('TRUNCATE events, ledger_checkpoint_heads, ledger_checkpoints RESTART IDENTITY');
});

/** Changes rows the way a database superuser would: with the append-only trigger switched off. */
async function asSuperuser(fn: (c: pg.PoolClient) => Promise<unknown>, tables = ['events']): Promise<void> {
  const c = await db.pool.connect();
  try {
    await c.query('BEGIN');
    for (const t of tables) await c.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_append_only`);
    await fn(c);
    await c.query('SET CONSTRAINTS ALL IMMEDIATE'); // deferred foreign keys would block re-enabling the trigger
    for (const t of tables) await c.query(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_append_only`);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

const editPayload = (streamId: string, version: number) =>
  asSuperuser((c) =>
    c.query(`UPDATE events SET data = '{"forged": true}' WHERE stream_id = $1 AND stream_version = $2`, [streamId, version]),
  );

const deleteEvent = (streamId: string, version: number) =>
  asSuperuser((c) => c.query(`DELETE FROM events WHERE stream_id = $1 AND stream_version = $2`, [streamId, version]));

/** Edits one event, then recomputes its hash and every later one with the store's own event_hash(). */
async function editAndRecomputeChain(streamId: string, version: number): Promise<void> {
  await asSuperuser(async (c) => {
    await c.query(`UPDATE events SET data = '{"forged": true}' WHERE stream_id = $1 AND stream_version = $2`, [streamId, version]);
    const { rows } = await c.query(`SELECT stream_version FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY 1`, [
      streamId,
      version,
    ]);
    for (const { stream_version } of rows)
      await c.query(
        `UPDATE events e SET prev_hash = p.hash,
                hash = event_hash(p.hash, e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version, e.data, e.metadata,
                                  e.occurred_at, e.recorded_at)
           FROM (SELECT (SELECT hash FROM events WHERE stream_id = $1 AND stream_version = $2 - 1) AS hash) p
          WHERE e.stream_id = $1 AND e.stream_version = $2`,
        [streamId, stream_version],
      );
  });
}

async function seed(streams: Record<string, number>): Promise<void> {
  for (const [streamId, n] of Object.entries(streams))
    await store.append(
      streamId,
      Array.from({ length: n }, (_, i) => ({ type: 'Thing', data: { streamId, n: i + 1 } })),
    );
}

/** Runs a ledger command in-process against the suite's database, as `npm run ledger:*` would. */
async function runCli(main: typeof ledgerVerifyMain, argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, { DATABASE_URL: db.url, DB_MIGRATE_ON_START: 'false', LEDGER_SIGNING_KEY_FILE: keyFileA, ...env }, io);
  return { code, out: out.join(''), err: err.join('') };
}

async function checkpoint(keys = keysA): Promise<SignedCheckpoint> {
  const outcome = await new LedgerCheckpointer(db.pool, keys).checkpoint({ wait: true });
  if (outcome.status === 'busy') throw new Error('writer lock held');
  return outcome.checkpoint;
}

describe('an intact log', () => {
  it('verifies clean, before and after incremental checkpoints', async () => {
    await seed({ 's-a': 3, 's-b': 2, 's-c': 1 });
    const before = await verifyLedger(db.pool, keysA);
    expect(before).toMatchObject({ ok: true, brokenStreams: [], comparisons: [] });
    expect(before.chain).toMatchObject({ eventsChecked: 6, streamsChecked: 3, brokenLinks: 0 });
    expect(before.notes.join()).toMatch(/no signed checkpoint yet/);

    const first = await writer.checkpoint();
    expect(first.status).toBe('created');
    await seed({ 's-a': 2, 's-d': 1 });
    const second = await writer.checkpoint();
    expect(second).toMatchObject({ status: 'created' });
    if (second.status === 'busy' || first.status === 'busy') throw new Error('unexpected');
    expect(second.checkpoint.payload).toMatchObject({
      previous: { id: first.checkpoint.payload.id, digest: first.checkpoint.digest },
      baseId: first.checkpoint.payload.id,
      eventCount: 9,
      streamCount: 4,
    });
    // Nothing appended since: the latest checkpoint still describes the whole log.
    expect(await writer.checkpoint()).toMatchObject({ status: 'unchanged', checkpoint: { digest: second.checkpoint.digest } });

    await seed({ 's-b': 1 }); // after the checkpoint: not covered by it, and no reason for alarm
    const after = await verifyLedger(db.pool, keysA, { digest: first.checkpoint });
    expect(after.ok).toBe(true);
    expect(after.chain).toMatchObject({ eventsChecked: 10, streamsChecked: 4 });
    expect(after.checkpoints).toMatchObject({
      checked: true,
      rows: 2,
      valid: 2,
      latestValid: { id: second.checkpoint.payload.id },
      problems: [],
    });
    expect(after.comparisons.map((c) => [c.checkpointId, c.source, c.ok])).toEqual([
      [first.checkpoint.payload.id, 'digest file', true],
      [second.checkpoint.payload.id, 'table', true],
    ]);
  });

  it('stores a full list of heads again once the deltas grow, and verifies the same', async () => {
    const compacting = new LedgerCheckpointer(db.pool, keysA, { historySlack: 0 });
    const bases: number[] = [];
    for (let i = 0; i < 6; i++) {
      await seed({ [`s-${i % 3}`]: 1, 's-x': 1 });
      const o = await compacting.checkpoint();
      if (o.status !== 'created') throw new Error(o.status);
      bases.push(o.checkpoint.payload.baseId);
    }
    expect(bases).toEqual([1, 1, 1, 1, 1, 6]); // the sixth finds 10 stored rows for 4 streams
    const r = await verifyLedger(db.pool, keysA);
    expect(r.ok).toBe(true);
    expect(r.comparisons).toEqual([
      expect.objectContaining({ checkpointId: 6, ok: true, signed: expect.objectContaining({ streamCount: 4, eventCount: 12 }) }),
    ]);
  });

  it('has one checkpoint writer at a time across processes', async () => {
    await seed({ 's-a': 1 });
    const holder = await db.pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, 0)', [LEDGER_LOCK_CLASS]);
      expect(await writer.checkpoint()).toEqual({ status: 'busy' });
      await holder.query('SELECT pg_advisory_unlock($1, 0)', [LEDGER_LOCK_CLASS]);
    } finally {
      holder.release();
    }
    expect((await writer.checkpoint()).status).toBe('created');
  });
});

describe('transaction ids across a digit boundary', () => {
  /** One event recorded as if by transaction `xid` (below the read horizon), hashed with the store's event_hash(). */
  const recordedBy = (xid: string, streamId: string) =>
    db.pool.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, hash, transaction_id, recorded_at, organisation_id)
       SELECT v.id, v.s, 1, 'Thing', v.d, event_hash(NULL, v.s, 1, v.id, 'Thing', 1, v.d, '{}'::jsonb, NULL, v.t), $3::xid8, v.t,
              '00000000-0000-4000-8000-000000000001'
         FROM (SELECT $1::uuid AS id, $2::text AS s, '{"n": 1}'::jsonb AS d, now() AS t) v`,
      [randomUUID(), streamId, xid],
    );

  it('digest, cross the boundary, append, digest: the newest event is the larger id, and verify finds the log intact', async () => {
    // Ids around the largest power of ten below the read horizon, as in event-store.spec.ts (99/101
    // on a cluster created minutes ago, 99999/100001 on an older one): smaller as numbers, not as text.
    const { rows } = await db.pool.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
    const xmin = BigInt(rows[0].xmin);
    let boundary = 10n;
    while (boundary * 10n + 1n < xmin) boundary *= 10n;
    expect(boundary + 1n).toBeLessThan(xmin);
    const [below, above] = [boundary - 1n, boundary + 1n].map(String);
    expect([below, above].sort()).toEqual([above, below]); // text order differs
    await recordedBy(below, 's-below');
    await recordedBy(above, 's-above');
    const digestFile = join(dir, 'boundary-1.json');
    const first = await checkpoint();
    writeFileSync(digestFile, JSON.stringify(toDigestFile(first)));
    expect(first.payload.head.transactionId).toBe(above);

    // Real transactions are past the boundary: the next append's id has more digits than `below`.
    await seed({ 's-new': 1 });
    const [appended] = await store.readStream('s-new');
    expect(BigInt(appended.transactionId)).toBeGreaterThan(BigInt(above));
    const second = await checkpoint();
    expect(second.payload.head).toEqual({ transactionId: appended.transactionId, position: appended.globalPosition });

    for (const digest of [first, second]) {
      const r = await verifyLedger(db.pool, keysA, { digest });
      expect(r.checkpoints.problems).toEqual([]);
      expect(r.comparisons.every((c) => c.ok)).toBe(true);
      expect(r.ok).toBe(true);
    }
    const cli = await runCli(ledgerVerifyMain, ['--digest', digestFile]);
    expect(cli.out).toMatch(/RESULT: intact/);
    expect(cli.code).toBe(0);
  });
});

describe('tampering behind the store', () => {
  it('detects an edited payload', async () => {
    await seed({ 's-a': 3, 's-b': 2 });
    await checkpoint();
    await editPayload('s-a', 2);
    const r = await verifyLedger(db.pool, keysA);
    expect(r.ok).toBe(false);
    expect(r.brokenStreams).toEqual(['s-a']);
    expect(r.chain.broken).toEqual([
      expect.objectContaining({ streamId: 's-a', streamVersion: 2, problems: [expect.objectContaining({ code: 'hash_mismatch' })] }),
    ]);
  });

  it('detects a deleted middle event', async () => {
    await seed({ 's-a': 2, 's-b': 3 });
    await checkpoint();
    await deleteEvent('s-b', 2);
    const r = await verifyLedger(db.pool, keysA);
    expect(r.ok).toBe(false);
    expect(r.brokenStreams).toEqual(['s-b']);
    expect(r.chain.broken).toEqual([expect.objectContaining({ streamId: 's-b', streamVersion: 3 })]);
    expect(r.chain.broken[0].problems.map((p) => p.code)).toEqual(['version_gap', 'prev_hash_mismatch']);
    expect(r.checkpoints.problems).toEqual([expect.objectContaining({ code: 'event_count_differs' })]);
  });

  it('detects a deleted last event against the signed checkpoint (the chain alone cannot)', async () => {
    await seed({ 's-a': 2, 's-c': 3 });
    await checkpoint();
    await deleteEvent('s-c', 3);
    expect((await verifyChains(db.pool)).ok).toBe(true);
    const r = await verifyLedger(db.pool, keysA);
    expect(r.ok).toBe(false);
    expect(r.brokenStreams).toEqual(['s-c']);
    expect(r.streams).toEqual([
      expect.objectContaining({
        streamId: 's-c',
        code: 'stream_truncated',
        signed: expect.objectContaining({ version: 3 }),
        actual: expect.objectContaining({ version: 2 }),
      }),
    ]);
  });

  it("detects an edit whose chain was recomputed with the store's own event_hash()", async () => {
    await seed({ 's-a': 2, 's-r': 4 });
    await checkpoint();
    await editAndRecomputeChain('s-r', 2);
    expect((await verifyChains(db.pool)).ok).toBe(true);
    const r = await verifyLedger(db.pool, keysA);
    expect(r.ok).toBe(false);
    expect(r.brokenStreams).toEqual(['s-r']);
    expect(r.streams).toEqual([expect.objectContaining({ streamId: 's-r', code: 'head_rewritten' })]);
  });

  it('lists every broken stream and every broken link in one run', async () => {
    await seed({ 's-a': 3, 's-b': 3, 's-c': 3, 's-d': 3, 's-ok': 3 });
    await checkpoint();
    await editPayload('s-a', 1);
    await deleteEvent('s-b', 2);
    await deleteEvent('s-c', 3);
    await editPayload('s-d', 1);
    await editPayload('s-d', 3);
    const r = await verifyLedger(db.pool, keysA);
    expect(r.ok).toBe(false);
    expect([...r.brokenStreams].sort()).toEqual(['s-a', 's-b', 's-c', 's-d']);
    expect(r.chain.broken.map((b) => `${b.streamId}@${b.streamVersion}`)).toEqual(['s-a@1', 's-b@3', 's-d@1', 's-d@3']);
    expect(r.streams.map((m) => [m.streamId, m.code])).toEqual([['s-c', 'stream_truncated']]);
  });

  it('the writer refuses over a deleted last event and a recomputed chain, whether or not the log grew', async () => {
    await seed({ 's-a': 2, 's-c': 3, 's-r': 3 });
    await checkpoint();
    await deleteEvent('s-c', 3);
    await editAndRecomputeChain('s-r', 2);
    await expect(writer.checkpoint()).rejects.toThrow(CheckpointRefusedError);
    await seed({ 's-new': 1 });
    const refused = await writer.checkpoint().catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(CheckpointRefusedError);
    expect((refused as CheckpointRefusedError).problems).toEqual([
      's-c: checkpoint 1 signed version 3; the log ends at version 2: events were deleted at the end',
      expect.stringMatching(/^s-r: version 3 no longer has the hash checkpoint 1 signed/),
      'checkpoint 1: signed 8 events; the log has 7 events at that checkpoint',
    ]);
  });

  it('the writer refuses to sign over a tampered log instead of laundering it', async () => {
    await seed({ 's-a': 2, 's-c': 3 });
    await checkpoint();
    await deleteEvent('s-c', 3);
    await store.append('s-c', [{ type: 'Thing', data: { replacement: true } }]); // a new version 3 on the shortened stream
    await expect(writer.checkpoint()).rejects.toThrow(CheckpointRefusedError);
    await expect(writer.checkpoint()).rejects.toThrow(/s-c v3/);
    expect(Number((await db.pool.query('SELECT count(*) AS n FROM ledger_checkpoints')).rows[0].n)).toBe(1);
    // An operator who has investigated may sign the log as it is now, as a new base.
    const rebased = await writer.checkpoint({ rebase: true });
    if (rebased.status !== 'created') throw new Error(`expected a new checkpoint, got ${rebased.status}`);
    expect(rebased.checkpoint.payload).toMatchObject({ id: 2, baseId: 2, previous: { id: 1 } });
    expect((await verifyLedger(db.pool, keysA)).ok).toBe(true);
  });

  it('detects forged and removed checkpoint rows', async () => {
    for (let i = 0; i < 4; i++) {
      await seed({ 's-a': 1 });
      await checkpoint();
    }
    await asSuperuser(
      async (c) => {
        await c.query(`DELETE FROM ledger_checkpoint_heads WHERE checkpoint_id = 2`);
        await c.query(`DELETE FROM ledger_checkpoints WHERE id = 2`);
        await c.query(`UPDATE ledger_checkpoints SET payload = replace(payload, '"eventCount":4', '"eventCount":5') WHERE id = 4`);
      },
      ['ledger_checkpoints', 'ledger_checkpoint_heads'],
    );
    const r = await verifyLedger(db.pool, keysA);
    expect(r.ok).toBe(false);
    expect(r.checkpoints).toMatchObject({ rows: 3, valid: 2, latestValid: { id: 3 } });
    expect(r.checkpoints.problems.map((p) => [p.checkpointId, p.code])).toEqual([
      [3, 'checkpoint_link_broken'],
      [4, 'checkpoint_invalid'],
    ]);
    expect(r.comparisons).toEqual([expect.objectContaining({ checkpointId: 3, ok: true })]);
  });

  it('a digest file still tells when the checkpoints that signed the lost events were removed too', async () => {
    await seed({ 's-a': 2, 's-c': 2 });
    await checkpoint();
    await seed({ 's-c': 1 });
    const exported = await checkpoint(); // exported off the database host as a digest file
    await deleteEvent('s-c', 3);
    await asSuperuser(
      async (c) => {
        await c.query(`DELETE FROM ledger_checkpoint_heads WHERE checkpoint_id = $1`, [exported.payload.id]);
        await c.query(`DELETE FROM ledger_checkpoints WHERE id = $1`, [exported.payload.id]);
      },
      ['ledger_checkpoints', 'ledger_checkpoint_heads'],
    );
    expect((await verifyLedger(db.pool, keysA)).ok).toBe(true); // the table alone cannot know
    const digest = openDigestFile(JSON.stringify(toDigestFile(exported)), keysA);
    const r = await verifyLedger(db.pool, keysA, { digest });
    expect(r.ok).toBe(false);
    expect(r.checkpoints.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['checkpoint_missing', 'checkpoint_heads_altered', 'event_count_differs']),
    );
  });
});

describe('digest files', () => {
  it('are refused when signed with another key, altered, or unsigned', async () => {
    await seed({ 's-a': 2 });
    const c = await checkpoint();
    const file = toDigestFile(c);
    expect(openDigestFile(JSON.stringify(file), keysA).payload).toEqual(c.payload);

    const otherKey = toDigestFile(signPayload(c.payload, keysB.signer!));
    expect(() => openDigestFile(JSON.stringify(otherKey), keysA)).toThrow(DigestRefusedError);
    expect(() => openDigestFile(JSON.stringify(otherKey), keysA)).toThrow(/not a trusted key/);
    const spoofed = { ...otherKey, signature: { ...otherKey.signature, keyId: keysA.signer!.keyId } };
    expect(() => openDigestFile(JSON.stringify(spoofed), keysA)).toThrow(/signature does not verify/);
    const altered = { ...file, checkpoint: { ...file.checkpoint, eventCount: 1 } };
    expect(() => openDigestFile(JSON.stringify(altered), keysA)).toThrow(/signature does not verify/);
    const unsigned = { ...file, signature: undefined };
    expect(() => openDigestFile(JSON.stringify(unsigned), keysA)).toThrow(/not signed/);
    expect(() => openDigestFile('{"nope"', keysA)).toThrow(/not JSON/);
  });
});

describe('configuration', () => {
  it('validates the signing key without echoing it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(() => loadConfig({ LEDGER_SIGNING_KEY: rsa })).toThrow(
      /LEDGER_SIGNING_KEY: must be an Ed25519 key, not rsa \(got a value of \d+ characters\)/,
    );
    expect(() => loadConfig({ LEDGER_SIGNING_KEY: 'not a key' })).toThrow(/LEDGER_SIGNING_KEY: is not a PKCS#8 private key/);
    expect(() => loadConfig({ LEDGER_SIGNING_KEY_FILE: join(dir, 'missing.pem') })).toThrow(
      /LEDGER_SIGNING_KEY_FILE: cannot be read \(ENOENT\)/,
    );
    expect(() => loadConfig({ LEDGER_PUBLIC_KEYS_FILE: keyFileA })).toThrow(/LEDGER_PUBLIC_KEYS_FILE: holds no PEM public key/);
    expect(() => loadConfig({ LEDGER_SIGNING_KEY_FILE: keyFileA, LEDGER_SIGNING_KEY: readFileSync(keyFileB, 'utf8') })).toThrow(/not both/);
    expect(() => loadConfig({ LEDGER_CHECKPOINT_INTERVAL_MS: '10' })).toThrow(ConfigError);
    const der = readFileSync(keyFileA, 'utf8').replace(/-----[^-]+-----|\s/g, '');
    const inline = loadLedgerKeys(loadConfig({ LEDGER_SIGNING_KEY: der }));
    expect(inline.signer?.keyId).toBe(keysA.signer!.keyId);
    expect(loadLedgerKeys(loadConfig({})).signer).toBeNull();
  });
});

describe('the CLI', () => {
  const run = runCli;

  it('digest records a checkpoint; verify exits 0 when intact, 1 with every broken stream, 2 for a refused digest', async () => {
    await seed({ 's-a': 3, 's-b': 3, 's-c': 3 });
    const digestFile = join(dir, 'digest.json');
    const d = await run(ledgerDigestMain, ['--out', digestFile]);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out)).toMatchObject({
      format: 'partnership-ledger/digest/v1',
      checkpoint: { id: 1, eventCount: 9, streamCount: 3 },
    });
    expect(JSON.parse(readFileSync(digestFile, 'utf8'))).toEqual(JSON.parse(d.out));
    expect(d.err).toMatch(/recorded checkpoint 1: 9 events in 3 streams/);

    const intact = await run(ledgerVerifyMain, ['--digest', digestFile]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.out).toMatch(/^chains: 9 events in 3 streams; every link intact$/m);
    expect(intact.out).toMatch(/against checkpoint 1 \(digest file and table, .*\): matches/);
    expect(intact.out).toMatch(/RESULT: intact/);

    // An auditor with only the public key verifies too.
    const auditor = await run(ledgerVerifyMain, ['--digest', digestFile, '--json'], {
      LEDGER_SIGNING_KEY_FILE: '',
      LEDGER_PUBLIC_KEYS_FILE: publicFileA,
    });
    expect(auditor.code).toBe(0);
    expect(JSON.parse(auditor.out)).toMatchObject({ ok: true, brokenStreams: [] });

    await editPayload('s-a', 2);
    await deleteEvent('s-b', 2);
    await editAndRecomputeChain('s-c', 2);
    const tampered = await run(ledgerVerifyMain, ['--json', '--digest', digestFile]);
    expect(tampered.code).toBe(1);
    const report = JSON.parse(tampered.out);
    expect(report.ok).toBe(false);
    expect([...report.brokenStreams].sort()).toEqual(['s-a', 's-b', 's-c']);
    const human = await run(ledgerVerifyMain, []);
    expect(human.code).toBe(1);
    expect(human.out).toMatch(/^BROKEN {2}s-a v2 .*hash does not match/m);
    expect(human.out).toMatch(/^BROKEN {2}s-b v3 .*version 2 is missing/m);
    expect(human.out).toMatch(/^STREAM {2}s-c: .*chain recomputed/m);
    expect(human.out).toMatch(/RESULT: NOT INTACT — 3 broken streams/);

    // The digest refuses to sign over the damage (exit 2: it did not do as asked), naming it.
    await seed({ 's-c': 1 });
    const unsigned = await run(ledgerDigestMain, []);
    expect(unsigned.code).toBe(2);
    expect(unsigned.err).toMatch(/^refused to sign: the log no longer extends checkpoint 1/);
    expect(unsigned.err).toMatch(/^ {2}s-c: .*chain recomputed/m);
    expect(unsigned.err).toMatch(/^ {2}checkpoint 1: signed 9 events; the log has 8 events/m);

    const foreign = join(dir, 'foreign.json');
    const c = openDigestFile(readFileSync(digestFile, 'utf8'), keysA);
    writeFileSync(foreign, JSON.stringify(toDigestFile(signPayload(c.payload, keysB.signer!))));
    const refused = await run(ledgerVerifyMain, ['--digest', foreign]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/refused digest file .*not a trusted key/);
  });

  it('digest refuses (exit 2) when the last event of a stream was deleted, naming the stream; --force signs and records it', async () => {
    await seed({ 's-a': 2, 's-c': 3 });
    expect((await run(ledgerDigestMain, [])).code).toBe(0);
    await deleteEvent('s-c', 3);
    // Nothing appended since, then one new event elsewhere: neither hides the shortened stream.
    for (const grow of [false, true]) {
      if (grow) await seed({ 's-a': 1 });
      const d = await run(ledgerDigestMain, []);
      expect(d.code).toBe(2);
      expect(d.out).toBe('');
      expect(d.err).toMatch(/^ {2}s-c: checkpoint 1 signed version 3; the log ends at version 2: events were deleted at the end$/m);
      expect(d.err).toMatch(/^ {2}checkpoint 1: signed 5 events; the log has 4 events at that checkpoint$/m);
      expect(d.err).not.toMatch(/s-a:/);
    }
    expect(Number((await db.pool.query('SELECT count(*) AS n FROM ledger_checkpoints')).rows[0].n)).toBe(1);

    const forced = await run(ledgerDigestMain, ['--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toMatch(
      /signed over a refusal \(--force\), recorded in checkpoint 2:\n {2}the log no longer extends checkpoint 1\n {2}s-c: /,
    );
    const signed = JSON.parse(forced.out).checkpoint;
    expect(signed).toMatchObject({ id: 2, baseId: 2, previous: { id: 1 }, eventCount: 5, streamCount: 2 });
    expect(signed.forced).toEqual(expect.arrayContaining([expect.stringMatching(/^s-c: checkpoint 1 signed version 3/)]));
    // The override is signed: verification reports it as it checks the new checkpoint.
    const v = await run(ledgerVerifyMain, []);
    expect(v.out).toMatch(/against checkpoint 2 \(table, .*\): matches/);
    expect(v.out).toMatch(/note: checkpoint 2 was signed over a refusal \(forced\): the log no longer extends checkpoint 1/);
    // The table's checkpoint 1 still tells what was deleted: the verifier compares only the latest.
    expect(v.out).toMatch(/RESULT: intact/);
    expect(v.code).toBe(0);
    // Later checkpoints extend the forced one as usual, and carry no override.
    await seed({ 's-c': 1 });
    const next = await run(ledgerDigestMain, []);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.out).checkpoint.forced).toBeUndefined();
  });

  it('says that checkpoints are disabled without a key, and still checks the chains', async () => {
    await seed({ 's-a': 2 });
    const d = await run(ledgerDigestMain, [], { LEDGER_SIGNING_KEY_FILE: '' });
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/checkpoints are unsigned and disabled: .*npm run ledger:keygen/);
    const v = await run(ledgerVerifyMain, [], { LEDGER_SIGNING_KEY_FILE: '' });
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/note: signed checkpoints not checked: no key configured/);
    await editPayload('s-a', 1);
    expect((await run(ledgerVerifyMain, [], { LEDGER_SIGNING_KEY_FILE: '' })).code).toBe(1);
    expect((await run(ledgerVerifyMain, ['--digest', join(dir, 'x.json')], { LEDGER_SIGNING_KEY_FILE: '' })).code).toBe(2);
    expect((await run(ledgerVerifyMain, ['--bogus'])).code).toBe(2);
  });

  it('keygen writes a usable key pair and never overwrites one', async () => {
    const out = join(dir, 'generated.pem');
    const first = await run(ledgerKeygenMain, ['--out', out]);
    expect(first.code).toBe(0);
    const keys = loadLedgerKeys(loadConfig({ LEDGER_SIGNING_KEY_FILE: out, LEDGER_PUBLIC_KEYS_FILE: join(dir, 'generated.pub.pem') }));
    expect(first.out).toContain(keys.signer!.keyId);
    expect([...keys.trusted.keys()]).toEqual([keys.signer!.keyId]);
    const again = await run(ledgerKeygenMain, ['--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect((await run(ledgerKeygenMain, [])).code).toBe(2);
  });
});

describe('the Nest module', () => {
  it('records checkpoints periodically while the service runs', async () => {
    await seed({ 's-a': 2 });
    const config = loadConfig({ DATABASE_URL: db.url, LEDGER_SIGNING_KEY_FILE: keyFileA, LEDGER_CHECKPOINT_INTERVAL_MS: '1000' });
    @Global()
    @Module({
      providers: [{ provide: PG_POOL, useValue: db.pool }],
      exports: [PG_POOL],
    })
    class Infrastructure {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        Infrastructure,
        IntegrityModule.forRoot({ keys: config.ledgerKeys, checkpointIntervalMs: config.LEDGER_CHECKPOINT_INTERVAL_MS }),
      ],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    try {
      const count = async () => Number((await db.pool.query('SELECT count(*) AS n FROM ledger_checkpoints')).rows[0].n);
      const deadline = Date.now() + 30_000;
      while ((await count()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await count()).toBeGreaterThan(0);
    } finally {
      await moduleRef.close();
    }
    expect((await verifyLedger(db.pool, keysA)).comparisons).toEqual([
      expect.objectContaining({ ok: true, signed: expect.objectContaining({ eventCount: 2 }) }),
    ]);
  });
});
