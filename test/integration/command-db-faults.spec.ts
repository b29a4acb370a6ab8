// Commands and reads while the database is unreachable, out of pool or server connections, or too
// slow: each answer is 503 with Retry-After (never 500), and what is acknowledged is what is stored.
// Faults touch only this suite's database and the app's own connections: a proxy the test cuts,
// a tiny pool, a role with a connection limit, statement_timeout, and a table lock held by a
// transaction that never gets a transaction id (so no other suite's projections wait on it).
import pg from 'pg';
import request, { type Response } from 'supertest';
import { createTestApp } from '../support/app.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { until } from '../e2e/reporting-helpers.js';
import { API, initiate, keyFor, poolOf } from '../e2e/partnerships-helpers.js';
import {
  adminPool,
  createRole,
  dropRole,
  dropStaleRoles,
  eventCount,
  printTallies,
  readyAgain,
  recordAid,
  roleName,
  sleep,
  tally,
  type Tally,
} from './database-fault-helpers.js';

const results: Tally[] = [];
const QUIET = { WORKERS_ENABLED: 'false', DIGEST_ENABLED: 'false' };

beforeAll(dropStaleRoles);
afterAll(() => printTallies(results));

/** Every answer a 503 with Retry-After, or an acknowledgement; not one 500. */
function expectTruthful(t: Tally) {
  expect({ serverErrors: t.serverErrors, withoutRetryAfter: t.withoutRetryAfter }).toEqual({ serverErrors: 0, withoutRetryAfter: 0 });
}

/** Opens a transaction that holds `LOCK TABLE events IN SHARE MODE` (or `mode`): appends wait, reads do not. */
async function lockEvents(admin: pg.Pool, mode = 'SHARE'): Promise<pg.PoolClient> {
  const c = await admin.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE events IN ${mode} MODE`);
  // A lock, not a transaction id: the cluster-wide read horizon (and other suites) are untouched.
  const { rows } = await c.query('SELECT pg_current_xact_id_if_assigned() AS xid');
  expect(rows[0].xid).toBeNull();
  return c;
}

const lockWaiters = async (admin: pg.Pool) =>
  (
    await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    )
  ).rows[0].n as number;

it('database unreachable: commands and reads get 503 database_unavailable with Retry-After; keyed retries succeed after', async () => {
  const proxy = new TcpProxy(5432);
  const port = await proxy.start();
  const a = await createTestApp({ viaPostgresPort: port, env: QUIET });
  const admin = adminPool(a);
  let down = false;
  try {
    const office = await keyFor(a, 'office');
    const reader = await keyFor(a, 'reporting');
    const id = await initiate(a, office);
    expect((await recordAid(a, office, id)).status).toBe(201); // the keys are checked and cached
    expect((await request(a.http).get(`${API}/${id}`).set('Authorization', `Bearer ${reader}`)).status).toBe(200);
    const before = await eventCount(admin, [id]);

    await proxy.stop();
    down = true;
    const keys = Array.from({ length: 6 }, (_, i) => `outage-${i}`);
    const answers: Response[] = await Promise.all([
      ...keys.map((k) => recordAid(a, office, id, k)),
      ...Array.from({ length: 6 }, () => recordAid(a, office, id)),
      request(a.http).get(`${API}/${id}`).set('Authorization', `Bearer ${reader}`),
      request(a.http).get(`${API}/${id}/timeline`).set('Authorization', `Bearer ${reader}`),
    ]);
    const stored = (await eventCount(admin, [id])) - before;
    const t = tally('database unreachable (proxy cut)', answers, stored);
    results.push(t);
    expectTruthful(t);
    expect(t.unavailable).toBe(answers.length);
    expect(stored).toBe(0);
    const commandAnswer = answers[0].body;
    expect(commandAnswer).toMatchObject({ code: 'database_unavailable', reason: 'unreachable' });
    expect(commandAnswer.detail).toMatch(/Nothing was written/);
    expect(answers[answers.length - 1].body).toMatchObject({ code: 'database_unavailable', reason: 'unreachable' });
    expect(answers[answers.length - 1].body.detail).not.toMatch(/Nothing was written/); // a read says nothing about writes

    await proxy.start(port);
    down = false;
    const readyMs = await readyAgain(a);
    expect(readyMs).not.toBeNull();
    // One after another, as a client retrying its own requests would (six at once on one stream
    // could exhaust the handler's version-race retries, a 409 that has nothing to do with the fault).
    const retried: Response[] = [];
    for (const k of keys) retried.push(await recordAid(a, office, id, k));
    expect(retried.map((r) => `${r.status} ${r.body.code ?? ''} ${r.body.detail ?? ''}`)).toEqual(keys.map(() => '201  '));
    expect((await eventCount(admin, [id])) - before).toBe(keys.length);
    results.push(
      tally(
        '  retries with the same keys after it returned',
        retried,
        keys.length,
        `readiness 200 ${readyMs} ms after the database returned`,
      ),
    );
  } finally {
    if (down) await proxy.start(port).catch(() => undefined);
    await admin.end();
    await a.close();
    await proxy.stop();
  }
});

it('pool exhausted: 503 database_unavailable (pool_exhausted) after the connect timeout, readiness says pool, not database', async () => {
  const a = await createTestApp({ env: { ...QUIET, DB_POOL_SIZE: '2', DB_CONNECT_TIMEOUT_MS: '500' } });
  const admin = adminPool(a);
  let lock: pg.PoolClient | null = null;
  try {
    const office = await keyFor(a, 'office');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await initiate(a, office));
    const before = await eventCount(admin, ids);

    lock = await lockEvents(admin);
    // Commands that get a connection wait on the lock and keep it: once two wait, the pool is empty.
    const blockers: Promise<Response>[] = [];
    const settled = new Set<number>();
    while ((await lockWaiters(admin)) < 2) {
      if (blockers.length >= 6) throw new Error('could not fill the pool with waiting commands');
      const n = blockers.length;
      blockers.push(recordAid(a, office, ids[n]).then((res) => (settled.add(n), res)));
      // It either waits on the lock (holding a connection) or was answered (it found none).
      await until(
        async () => settled.has(n) || (await lockWaiters(admin)) >= blockers.length - settled.size,
        5000,
        'the command to wait or answer',
      );
    }
    const during = await Promise.all(ids.slice(blockers.length).map((id) => recordAid(a, office, id)));
    const read = await request(a.http).get(`${API}/${ids[0]}`).set('Authorization', `Bearer ${office}`);
    const ready = await request(a.http).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, postgresPool: { status: 'down' } });

    await lock.query('ROLLBACK');
    lock.release();
    lock = null;
    const answers = [...(await Promise.all(blockers)), ...during, read];
    const stored = (await eventCount(admin, ids)) - before;
    const t = tally('pool exhausted (pool of 2, connect timeout 500 ms)', answers, stored, 'readiness: postgres up, postgresPool down');
    results.push(t);
    expectTruthful(t);
    expect(stored).toBe(t.acknowledged);
    expect(during.every((r) => r.status === 503 && ['database_unavailable', 'auth_unavailable'].includes(r.body.code))).toBe(true);
    expect(during.some((r) => r.body.reason === 'pool_exhausted')).toBe(true);
    expect(during.every((r) => r.body.reason === 'pool_exhausted')).toBe(true);
    expect(read.status).toBe(503);
    expect((await readyAgain(a)) !== null).toBe(true);
  } finally {
    if (lock) {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
    }
    await admin.end();
    await a.close();
  }
});

it("server connections exhausted (the role's CONNECTION LIMIT): 503 connections_exhausted; back to 201 when freed", async () => {
  const role = roleName();
  const a = await createTestApp({ env: QUIET, asRole: role, beforeStart: (db) => createRole(db.pool, role) });
  const admin = adminPool(a);
  const r = pg.escapeIdentifier(role);
  try {
    const office = await keyFor(a, 'office');
    const id = await initiate(a, office);
    expect((await recordAid(a, office, id)).status).toBe(201);
    const before = await eventCount(admin, [id]);

    await admin.query(`ALTER ROLE ${r} CONNECTION LIMIT 0`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
    await until(async () => poolOf(a).totalCount === 0, 5000, 'the pool to drop its ended connections');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => recordAid(a, office, id, i % 2 ? `limit-${i}` : undefined)));
    const ready = await request(a.http).get('/health/ready');
    const stored = (await eventCount(admin, [id])) - before;
    const t = tally('server refuses new connections (CONNECTION LIMIT 0)', answers, stored);
    results.push(t);
    expectTruthful(t);
    expect(t.unavailable).toBe(answers.length);
    expect(stored).toBe(0);
    expect(answers.filter((x) => x.body.code === 'database_unavailable').every((x) => x.body.reason === 'connections_exhausted')).toBe(
      true,
    );
    expect(ready.status).toBe(503);
    expect(ready.body.details.postgres.status).toBe('down');

    await admin.query(`ALTER ROLE ${r} CONNECTION LIMIT -1`);
    const after = await Promise.all(Array.from({ length: 4 }, () => recordAid(a, office, id)));
    expect(after.map((x) => x.status)).toEqual([201, 201, 201, 201]);
    expect((await eventCount(admin, [id])) - before).toBe(4);
  } finally {
    await admin.end();
    await a.close();
    await dropRole(role).catch(() => undefined);
  }
});

it('statement timeout (appends wait on a held lock): 503 statement_timeout, nothing written, then 201', async () => {
  const a = await createTestApp({ env: { ...QUIET, DB_STATEMENT_TIMEOUT_MS: '300' } });
  const admin = adminPool(a);
  let lock: pg.PoolClient | null = null;
  try {
    const office = await keyFor(a, 'office');
    const id = await initiate(a, office);
    const before = await eventCount(admin, [id]);
    lock = await lockEvents(admin);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => recordAid(a, office, id, `slow-${i}`)));
    const stored = (await eventCount(admin, [id])) - before;
    await lock.query('ROLLBACK');
    lock.release();
    lock = null;
    const t = tally('statement_timeout 300 ms, appends behind a held table lock', answers, stored);
    results.push(t);
    expectTruthful(t);
    expect(t.unavailable).toBe(answers.length);
    expect(answers.every((x) => x.body.reason === 'statement_timeout' && /Nothing was written/.test(x.body.detail))).toBe(true);
    expect(stored).toBe(0);
    const retried = await Promise.all(Array.from({ length: 6 }, (_, i) => recordAid(a, office, id, `slow-${i}`)));
    expect(retried.map((x) => x.status)).toEqual(Array(6).fill(201));
    expect((await eventCount(admin, [id])) - before).toBe(6);
  } finally {
    if (lock) {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
    }
    await admin.end();
    await a.close();
  }
});

it('a table lock held 10 s under load: lock_wait or lock_timeout within the lock timeout + 1 s, readiness degraded, nothing lost', async () => {
  const LOCK_TIMEOUT_MS = 2000;
  const HELD_MS = 10_000;
  const a = await createTestApp({ env: { ...QUIET, DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS) } });
  const admin = adminPool(a);
  let lock: pg.PoolClient | null = null;
  try {
    const office = await keyFor(a, 'office');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await initiate(a, office));
    for (const id of ids) expect((await recordAid(a, office, id)).status).toBe(201); // states and heads are cached
    const before = await eventCount(admin, ids);

    lock = await lockEvents(admin, 'SHARE ROW EXCLUSIVE');
    const lockedAt = Date.now();
    const during = () => Date.now() - lockedAt < HELD_MS;
    // Eight clients, one partnership each, every command keyed so that it can be retried afterwards.
    const sent: { id: string; key: string; res: Response; ms: number }[] = [];
    const clients = ids.map(async (id, i) => {
      for (let n = 0; during(); n++) {
        const key = `locked-${i}-${n}`;
        const from = Date.now();
        const res = await recordAid(a, office, id, key);
        sent.push({ id, key, res, ms: Date.now() - from });
      }
    });
    const readiness: { at: number; status: number; body: { status?: string; details?: Record<string, { status: string }> } }[] = [];
    const probes = (async () => {
      await sleep(2 * LOCK_TIMEOUT_MS); // past the first lock timeout, with appends waiting again
      while (during()) {
        const r = await request(a.http).get('/health/ready');
        readiness.push({ at: Date.now() - lockedAt, status: r.status, body: r.body });
        await sleep(500);
      }
    })();
    await Promise.all([...clients, probes]);
    await lock.query('ROLLBACK');
    lock.release();
    lock = null;

    const answers = sent.map((s) => s.res);
    const acknowledged = sent.filter((s) => s.res.status === 201);
    const stored = (await eventCount(admin, ids)) - before;
    const longest = Math.max(...sent.map((s) => s.ms));
    const t = tally(
      `LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE for ${HELD_MS / 1000} s, lock timeout ${LOCK_TIMEOUT_MS} ms`,
      answers,
      stored,
      `longest answer ${longest} ms; readiness ${readiness.length}× probed, each 200 degraded (postgresAppends)`,
    );
    results.push(t);
    expectTruthful(t);
    expect(stored).toBe(acknowledged.length);
    const reasons = new Set(answers.filter((r) => r.status === 503).map((r) => `${r.body.code}/${r.body.reason}`));
    expect([...reasons].sort()).toEqual(['database_unavailable/lock_timeout', 'database_unavailable/lock_wait']);
    const waited = answers.find((r) => r.body.reason === 'lock_wait')!;
    expect(waited.body.detail).toMatch(/appends are waiting on a lock .*not full.*Nothing was written/);
    expect(longest).toBeLessThanOrEqual(LOCK_TIMEOUT_MS + 1000);
    expect(readiness.length).toBeGreaterThan(5);
    expect(readiness.filter((r) => r.status === 200 && r.body.status === 'ok')).toEqual([]);
    expect(readiness.every((r) => r.body.details?.postgresAppends?.status === 'degraded')).toBe(true);

    // Every refused command retried with its key once the lock is gone: each is recorded once.
    const refused = sent.filter((x) => x.res.status !== 201);
    const retried: Response[] = [];
    for (const s of refused) retried.push(await recordAid(a, office, s.id, s.key));
    expect(retried.filter((r) => r.status !== 201)).toEqual([]);
    expect((await eventCount(admin, ids)) - before).toBe(acknowledged.length + refused.length);
    results.push(tally('  retries with the same keys after the lock was released', retried, refused.length));
    expect((await request(a.http).get('/health/ready')).body.status).toBe('ok');
  } finally {
    if (lock) {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
    }
    await admin.end();
    await a.close();
  }
});
