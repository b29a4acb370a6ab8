// Database faults seen by the report worker, on the real PostgreSQL: the worker runs as its own
// process (a Nest context, like `npm run start:worker`) whose connection alone is taken away, so
// the shared server and every other suite are untouched. Temporary failures never fail a report:
// each one below completes once the fault ends. The two scenarios run side by side to keep the
// suite's wall time near the 60 s outage.
import type { Queue } from 'bullmq';
import { getQueueToken } from '@nestjs/bullmq';
import pg from 'pg';
import request from 'supertest';
import { LOCK_CLASS } from '../../src/event-store/index.js';
import { jobIdForReport, REPORTS_QUEUE } from '../../src/reporting/queue.js';
import { ReportDispatcher } from '../../src/reporting/report-dispatcher.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { API, initiate, keyFor, poolOf, post } from '../e2e/partnerships-helpers.js';
import { requestReport, until } from '../e2e/reporting-helpers.js';
import { createRole, dropRole, dropStaleRoles, roleName } from './database-fault-helpers.js';
import { figures, printFigures, startWorkerProcess, type Figures, type WorkerProcess } from './reporting-fault-helpers.js';

const OUTAGE_MS = 60_000;
const results: Figures[] = [];

// What the worker processes share: short backoff (a test cannot wait minutes), the default 30 min
// retry budget, and a single attempt for unexpected errors, so only the classification keeps a
// report alive through a fault.
const WORKER_ENV = { REPORT_BACKOFF_MS: '500', REPORT_BACKOFF_MAX_MS: '4000', REPORT_ATTEMPTS: '1' };
const APP_ENV = { WORKERS_ENABLED: 'false', DIGEST_ENABLED: 'false', REPORT_RECONCILE_MS: '2000' };

const mix = (partnership: string) => [
  { type: 'dossier', parameters: { partnershipId: partnership } },
  { type: 'aid_summary', parameters: { from: '2022', to: '2022' } },
  { type: 'reminders' },
  { type: 'office_digest', parameters: { since: '2020-01-01' } },
];

async function setUp(a: TestApp) {
  const [office, reporting] = await Promise.all([keyFor(a, 'office'), keyFor(a, 'reporting')]);
  const partnership = await initiate(a, office);
  const ask = async (body: object) => {
    const res = await requestReport(a, reporting, body);
    if (res.status !== 202) throw new Error(`request refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const done = async (ids: string[]) =>
    (
      await poolOf(a).query(`SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[]) AND status IN ('completed', 'failed')`, [
        ids,
      ])
    ).rows[0].n === ids.length;
  return { office, partnership, ask, done, queue: a.app.get<Queue>(getQueueToken(REPORTS_QUEUE)) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** (b) The worker's database is unreachable for 60 s (connections cut, new ones refused). */
async function databaseOutage(): Promise<void> {
  const a = await createTestApp({ env: APP_ENV });
  const proxy = new TcpProxy(5432);
  const proxyPort = await proxy.start();
  let w: WorkerProcess | null = null;
  let down = false;
  try {
    w = await startWorkerProcess(a, a.db.url.replace(':5432/', `:${proxyPort}/`), { ...WORKER_ENV, REPORT_CONCURRENCY: '4' });
    const { partnership, ask, done, queue } = await setUp(a);
    const before = await Promise.all(mix(partnership).map(ask));
    await sleep(200); // some are being produced when the database goes
    await proxy.stop();
    down = true;
    const cutAt = Date.now();
    const during = await Promise.all(mix(partnership).map(ask)); // the API's own database is fine
    // The fault reaches the worker: jobs fail their attempts and wait for the next one.
    await until(
      async () => {
        const jobs = await Promise.all(during.map((id) => queue.getJob(jobIdForReport(id))));
        return jobs.some((j) => j && j.attemptsMade > 0 && /ECONNREFUSED|Connection terminated/.test(j.failedReason ?? ''));
      },
      20_000,
      'the worker to meet the outage',
    );
    await sleep(OUTAGE_MS - (Date.now() - cutAt));
    await proxy.start(proxyPort);
    down = false;
    const backAt = Date.now();
    const ids = [...before, ...during];
    await until(() => done(ids), 60_000, 'every report after the outage');
    const jobs = await Promise.all(ids.map((id) => queue.getJob(jobIdForReport(id))));
    const retries = jobs.reduce((n, j) => n + Math.max(0, (j?.attemptsMade ?? 1) - 1), 0);
    const f = await figures(
      poolOf(a),
      'worker database unreachable 60 s',
      ids,
      `all done ${Math.round((Date.now() - backAt) / 100) / 10} s after it returned; ${retries} retried attempts`,
    );
    results.push(f);
    expect(f).toMatchObject({ completed: ids.length, failed: 0, lost: 0 });
    expect(retries).toBeGreaterThan(0);
  } finally {
    if (down) await proxy.start(proxyPort).catch(() => undefined);
    await w?.close();
    await a.close();
    await proxy.stop();
  }
}

/** (c) Connection exhaustion for the worker (its role may open no connection), then a held transaction. */
async function exhaustionAndHeldTransaction(): Promise<void> {
  const a = await createTestApp({ env: APP_ENV });
  const role = roleName();
  const admin = poolOf(a);
  let w: WorkerProcess | null = null;
  let held: pg.PoolClient | null = null;
  try {
    await createRole(admin, role);
    // A tiny pool, as a small worker would have.
    w = await startWorkerProcess(a, `postgres://${role}@127.0.0.1:5432/${a.db.name}`, {
      ...WORKER_ENV,
      DB_POOL_SIZE: '2',
      REPORT_CONCURRENCY: '2',
    });
    const { office, partnership, ask, done, queue } = await setUp(a);

    // Exhaustion: the server refuses every new connection of the worker (53300) and its open ones end.
    await admin.query(`ALTER ROLE ${pg.escapeIdentifier(role)} CONNECTION LIMIT 0`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1`, [role]);
    const startedAt = Date.now();
    const exhausted = await Promise.all(mix(partnership).map(ask));
    await until(
      async () => {
        const jobs = await Promise.all(exhausted.map((id) => queue.getJob(jobIdForReport(id))));
        return jobs.some((j) => /too many connections for role/.test(j?.failedReason ?? ''));
      },
      20_000,
      'the worker to find no free connection',
    );
    await sleep(15_000 - (Date.now() - startedAt));
    await admin.query(`ALTER ROLE ${pg.escapeIdentifier(role)} CONNECTION LIMIT -1`);
    await until(() => done(exhausted), 30_000, 'the reports after the connections return');
    const f1 = await figures(admin, 'worker connections exhausted 15 s (pool of 2)', exhausted);
    results.push(f1);
    expect(f1).toMatchObject({ completed: exhausted.length, failed: 0, lost: 0 });

    // A transaction held open on the projection's lock (a stuck batch): the read side cannot move on.
    held = await admin.connect();
    await held.query('BEGIN');
    await held.query(`SELECT pg_advisory_xact_lock($1, hashtext('partnerships@v1'))`, [LOCK_CLASS]);
    const heldAt = Date.now();
    const decided = await post(a, office, `${API}/${partnership}/council-decisions`, {
      occurredOn: '2023-02-09',
      outcome: 'adopted',
      proposedTier: 'solidarity',
    });
    expect(decided.status).toBe(201);
    const behind = await Promise.all([mix(partnership)[0], mix(partnership)[2]].map(ask));
    // The row tells the reader what is going on: a temporary failure and when it is tried again.
    const shown = await until(
      async () =>
        (
          await admin.query(`SELECT status, error, error_kind, next_attempt_at FROM reports WHERE id = $1 AND error_kind IS NOT NULL`, [
            behind[0],
          ])
        ).rows[0],
      30_000,
      'the report to record the wait',
    );
    expect(shown.error_kind).toBe('transient');
    expect(shown.error).toMatch(
      /temporary failure \(the projections have not caught up yet\); the report will be retried, next attempt at /,
    );
    expect(shown.next_attempt_at).toBeInstanceOf(Date);
    expect(['queued', 'running']).toContain(shown.status);
    await sleep(25_000 - (Date.now() - heldAt));
    await held.query('COMMIT');
    held.release();
    held = null;
    await until(() => done(behind), 30_000, 'the reports after the transaction ends');
    const { rows } = await admin.query(`SELECT status, attempts, error FROM reports WHERE id = ANY($1::uuid[])`, [behind]);
    expect(rows.every((r) => r.status === 'completed' && r.attempts >= 2 && r.error === null)).toBe(true);
    results.push(await figures(admin, 'projection held by an open transaction 25 s', behind));
  } finally {
    if (held) {
      await held.query('ROLLBACK').catch(() => undefined);
      held.release();
    }
    await w?.close();
    await a.close(); // drops the database, and with it the role's privileges there
    await dropRole(role);
  }
}

/** (e, database side) Readiness is back as soon as PostgreSQL is, whatever the dispatcher's backoff. */
async function readinessAfterDatabase(): Promise<void> {
  const proxy = new TcpProxy(5432);
  const proxyPort = await proxy.start();
  const a = await createTestApp({ env: { DIGEST_ENABLED: 'false' }, viaPostgresPort: proxyPort });
  let down = false;
  try {
    expect((await request(a.http).get('/health/ready')).status).toBe(200);
    const dispatcher = a.app.get(ReportDispatcher);
    await proxy.stop();
    down = true;
    // Several failed batches: the dispatcher now sleeps 3-6 s between tries.
    await until(async () => dispatcher.consumer.status().consecutiveErrors >= 5, 30_000, 'the dispatcher to back off');
    const errorsThen = dispatcher.consumer.status().consecutiveErrors;
    await proxy.start(proxyPort);
    down = false;
    const backAt = Date.now();
    let status = 0;
    while (Date.now() - backAt < 20_000 && status !== 200) {
      status = (await request(a.http).get('/health/ready')).status;
      if (status !== 200) await sleep(50);
    }
    expect(status).toBe(200);
    const readyAfter = Date.now() - backAt;
    await until(async () => dispatcher.consumer.status().consecutiveErrors === 0, 10_000, 'the dispatcher to resume');
    const resumedAfter = Date.now() - backAt;
    results.push({
      fault: 'API database unreachable, then back',
      requested: 0,
      completed: 0,
      failed: 0,
      lost: 0,
      notes: `readiness 200 ${readyAfter} ms after it returned (dispatcher had ${errorsThen} failed batches); dispatcher resumed after ${resumedAfter} ms`,
    });
  } finally {
    if (down) await proxy.start(proxyPort).catch(() => undefined);
    await a.close();
    await proxy.stop();
  }
}

beforeAll(dropStaleRoles);
afterAll(() => printFigures(results));

it('reports survive a 60 s database outage, connection exhaustion and a held transaction; readiness follows the database', async () => {
  const outcomes = await Promise.allSettled([databaseOutage(), exhaustionAndHeldTransaction(), readinessAfterDatabase()]);
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failures.length) throw failures[0].reason;
}, 180_000);
