// Redis may lose everything (a restart without persistence, FLUSHALL, a failover): PostgreSQL holds
// every report and its enqueue intent, the relay hands them over after commit, and the reconciler
// puts back whatever Redis lost, the digest schedule included. Runs on a private redis-server.
import { getQueueToken } from '@nestjs/bullmq';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import { Redis } from 'ioredis';
import request from 'supertest';
import { PostgresEventStore } from '../../src/event-store/index.js';
import { DIGEST_SCHEDULER_ID, jobIdForEvent, jobIdForReport, REPORTS_QUEUE } from '../../src/reporting/queue.js';
import { ReportDispatcher } from '../../src/reporting/report-dispatcher.js';
import { BUSY } from '../../src/reporting/report-outbox.js';
import { digestFiring, DigestSchedule } from '../../src/reporting/digest-schedule.js';
import { ReportRelay } from '../../src/reporting/report-relay.js';
import { ReportWorker } from '../../src/reporting/report-worker.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, poolOf, post } from '../e2e/partnerships-helpers.js';
import { requestReport, until } from '../e2e/reporting-helpers.js';
import { freePort, startRedis, stopRedis } from '../support/redis-server.js';
import { figures, printFigures, type Figures } from './reporting-fault-helpers.js';

const RECONCILE_MS = 1000;
const results: Figures[] = [];

let t: TestApp;
let redis: ChildProcess;
let port: number;
let queue: Queue;
let worker: ReportWorker;
let relay: ReportRelay;
let office: string;
let reporting: string;

beforeAll(async () => {
  port = await freePort();
  redis = await startRedis(port);
  t = await createTestApp({
    env: {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REPORT_RECONCILE_MS: String(RECONCILE_MS),
      REPORT_RELAY_POLL_MS: '200',
      REPORT_BACKOFF_MS: '200',
      REPORT_BACKOFF_MAX_MS: '2000',
      ENQUEUE_TIMEOUT_MS: '500',
      DIGEST_ENABLED: 'true',
      DIGEST_CRON: '0 7 1 1 *', // yearly: no firing during the run, and the latest one long past
    },
  });
  queue = t.app.get<Queue>(getQueueToken(REPORTS_QUEUE));
  worker = t.app.get(ReportWorker);
  relay = t.app.get(ReportRelay);
  [office, reporting] = await Promise.all([keyFor(t, 'office'), keyFor(t, 'reporting')]);
});
afterAll(async () => {
  printFigures(results);
  await t?.close();
  if (redis) await stopRedis(redis);
});

const ask = async (body: object) => {
  const res = await requestReport(t, reporting, body);
  if (res.status !== 202) throw new Error(`request refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
};
const mixOfReports = (partnership: string) => [
  { type: 'dossier', parameters: { partnershipId: partnership } },
  { type: 'aid_summary', parameters: { from: '2022', to: '2022' } },
  { type: 'reminders' },
  { type: 'office_digest', parameters: { since: '2020-01-01' } },
];
/** A council decision: the dispatcher asks for a fresh dossier. Returns the event id. */
async function decide(partnership: string, occurredOn: string): Promise<string> {
  const res = await post(t, office, `${API}/${partnership}/council-decisions`, {
    occurredOn,
    outcome: 'adopted',
    proposedTier: 'solidarity',
  });
  if (res.status !== 201) throw new Error(`decision refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.events[0].eventId;
}
async function dossierFor(eventId: string): Promise<string> {
  return until(
    async () =>
      (await poolOf(t).query(`SELECT id FROM reports WHERE dedupe_key = $1`, [`event:${eventId}:dossier`])).rows[0]?.id as
        string | undefined,
    10_000,
    `the dispatcher's dossier for ${eventId}`,
  );
}
const outboxEmpty = async () => (await poolOf(t).query('SELECT count(*)::int AS n FROM report_outbox')).rows[0].n === 0;
const allDone = async (ids: string[]) =>
  (await poolOf(t).query(`SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[]) AND status IN ('completed', 'failed')`, [ids]))
    .rows[0].n === ids.length;

it('FLUSHALL: reports requested before and during it and the dispatcher’s dossiers all complete; the schedule comes back', async () => {
  await until(async () => !!(await queue.getJobScheduler(DIGEST_SCHEDULER_ID)), 10_000, 'the digest schedule');
  await worker.stop(); // the jobs wait in Redis, where the flush takes them
  const partnership = await initiate(t, office);
  const before = await Promise.all(mixOfReports(partnership).map(ask));
  before.push(await dossierFor(await decide(partnership, '2023-02-09')));
  await until(outboxEmpty, 10_000, 'the relay to hand everything to BullMQ');
  for (const id of before.slice(0, 4)) expect(await queue.getJobState(jobIdForReport(id))).toBe('waiting');

  const admin = new Redis(port, '127.0.0.1');
  const flushedAt = Date.now();
  // Requests racing the flush: some are handed over before it, some after.
  const [during] = await Promise.all([
    Promise.all([...mixOfReports(partnership), ...mixOfReports(partnership)].map(ask)),
    new Promise((r) => setTimeout(r, 5)).then(() => admin.flushall()),
  ]);
  during.push(await dossierFor(await decide(partnership, '2023-03-01')));
  await admin.quit();
  // The original jobs are gone for good (the reconciler uses new ids), the schedule too for now.
  expect(await queue.getJobState(jobIdForReport(before[0]))).toBe('unknown');

  const scheduleBack = await until(
    async () => ((await queue.getJobScheduler(DIGEST_SCHEDULER_ID)) ? Date.now() - flushedAt : null),
    10_000,
    'the digest schedule to be recreated',
  );
  worker.start();
  const ids = [...before, ...during];
  await until(() => allDone(ids), 30_000, 'every report to finish');
  const f = await figures(
    poolOf(t),
    'Redis FLUSHALL',
    ids,
    `schedule back after ${scheduleBack} ms; reconcile interval ${RECONCILE_MS} ms`,
  );
  results.push(f);
  expect(f).toMatchObject({ completed: ids.length, failed: 0, lost: 0 });
  // At least everything requested before the flush was put back by the reconciler.
  expect(relay.status().requeued).toBeGreaterThanOrEqual(before.length);
  expect(relay.status().scheduleRecreated).toBeGreaterThanOrEqual(1);
  const { rows } = await poolOf(t).query(`SELECT requeues FROM reports WHERE id = ANY($1::uuid[])`, [before]);
  expect(rows.every((r) => r.requeues >= 1)).toBe(true);
});

it('Redis killed and restarted empty: every report completes, and readiness is back as soon as Redis is', async () => {
  await worker.stop();
  const partnership = await initiate(t, office);
  const before = await Promise.all(mixOfReports(partnership).map(ask));
  before.push(await dossierFor(await decide(partnership, '2023-02-09')));
  await until(outboxEmpty, 10_000, 'the relay to hand everything to BullMQ');

  await stopRedis(redis);
  // Accepted while Redis is away: kept in PostgreSQL with the intent to enqueue.
  const during = await Promise.all(mixOfReports(partnership).map(ask));
  during.push(await dossierFor(await decide(partnership, '2023-03-01')));
  const down = await request(t.http).get('/health/ready');
  expect(down.status).toBe(503);
  expect(down.body.error.reporting.status).toBe('down');
  await new Promise((r) => setTimeout(r, 3000)); // long enough for the clients' reconnect backoff to grow

  redis = await startRedis(port); // same port, no data
  const back = Date.now();
  let ready: request.Response | null = null;
  while (Date.now() - back < 15_000) {
    ready = await request(t.http).get('/health/ready');
    if (ready.status === 200) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyAfter = Date.now() - back;
  expect(ready?.status).toBe(200);
  expect(ready?.body.info.reporting.status).toBe('up');

  worker.start();
  const ids = [...before, ...during];
  await until(() => allDone(ids), 30_000, 'every report to finish');
  const f = await figures(poolOf(t), 'Redis killed, restarted without data', ids, `readiness 200 ${readyAfter} ms after Redis was back`);
  results.push(f);
  expect(f).toMatchObject({ completed: ids.length, failed: 0, lost: 0 });
  const { rows } = await poolOf(t).query(`SELECT requeues FROM reports WHERE id = ANY($1::uuid[])`, [before]);
  expect(rows.every((r) => r.requeues >= 1)).toBe(true); // the jobs Redis had were lost and put back
});

it('a running report whose worker died is enqueued again once its lock has expired', async () => {
  await worker.stop();
  const partnership = await initiate(t, office);
  const id = await ask({ type: 'dossier', parameters: { partnershipId: partnership } });
  await until(outboxEmpty, 10_000, 'the relay');
  // A worker that claims the report and dies mid-job, leaving a lock nobody renews.
  const child = spawn(process.execPath, [fileURLToPath(new URL('./reporting-exiting-worker.mjs', import.meta.url))], {
    env: { ...process.env, NODE_OPTIONS: '', REDIS_URL: t.config.REDIS_URL, REDIS_PREFIX: t.config.REDIS_PREFIX, DATABASE_URL: t.db.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(137);
  expect(out).toContain(`took ${jobIdForReport(id)}`);

  // No worker runs here, so BullMQ's stalled check cannot recover it: the reconciler must.
  const requeued = await until(
    async () => (await poolOf(t).query(`SELECT status, job_id FROM reports WHERE id = $1 AND requeues > 0`, [id])).rows[0],
    10_000,
    'the reconciler to enqueue it again',
  );
  expect(requeued).toEqual({ status: 'queued', job_id: `${jobIdForReport(id)}-r1` });
  worker.start();
  await until(() => allDone([id]), 20_000, 'the report');
  results.push(await figures(poolOf(t), 'worker killed mid-job, no other worker watching', [id]));
  const { rows } = await poolOf(t).query(`SELECT status, attempts FROM reports WHERE id = $1`, [id]);
  expect(rows[0]).toEqual({ status: 'completed', attempts: 2 });
});

it('a dispatcher dossier’s job is queued only after its row commits, so no first attempt is wasted', async () => {
  const dispatcher = t.app.get(ReportDispatcher);
  const store = t.app.get(PostgresEventStore);
  const partnership = await initiate(t, office);
  await dispatcher.consumer.stop();
  const eventId = await decide(partnership, '2023-02-09');
  const event = (await store.readStream(partnership)).find((e) => e.eventId === eventId)!;

  // The consumer's batch transaction, held open: the row and the intent are written, not committed.
  const client = await poolOf(t).connect();
  try {
    await client.query('BEGIN');
    await dispatcher.handle([event], client);
    let handed;
    do
      handed = await relay.relayOnce(); // the relay's own loop may hold the lock for a moment
    while (handed === BUSY);
    expect(handed).toBe(0); // nothing visible to hand over
    expect(await queue.getJobState(jobIdForEvent(eventId, 'dossier'))).toBe('unknown');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const id = await dossierFor(eventId);
  await until(() => allDone([id]), 20_000, 'the dossier'); // woken by the commit's NOTIFY, not a manual pass
  const job = (await queue.getJob(jobIdForEvent(eventId, 'dossier')))!;
  expect(job.attemptsMade).toBe(1);
  expect((await poolOf(t).query(`SELECT attempts, status FROM reports WHERE id = $1`, [id])).rows[0]).toEqual({
    attempts: 1,
    status: 'completed',
  });
  dispatcher.start();

  // And through the running dispatcher: a burst of milestones, every dossier right at its first attempt.
  const burst = await Promise.all(Array.from({ length: 8 }, async (_, i) => decide(await initiate(t, office), `2023-0${(i % 8) + 1}-15`)));
  const dossiers = await Promise.all(burst.map(dossierFor));
  await until(() => allDone(dossiers), 30_000, 'the burst of dossiers');
  const jobs = await Promise.all(burst.map((e) => queue.getJob(jobIdForEvent(e, 'dossier'))));
  const wasted = jobs.filter((j) => j!.attemptsMade !== 1).length;
  results.push({
    ...(await figures(poolOf(t), 'dispatcher burst (commit before enqueue)', [id, ...dossiers])),
    notes: `wasted first attempts: ${wasted}`,
  });
  expect(wasted).toBe(0);
  const { rows } = await poolOf(t).query(`SELECT attempts FROM reports WHERE id = ANY($1::uuid[])`, [dossiers]);
  expect(rows.map((r) => r.attempts)).toEqual(dossiers.map(() => 1));
});

it('makes up the digest of a firing lost with Redis, once, when the schedule was live before it', async () => {
  const now = new Date();
  const slot = CronExpressionParser.parse(t.config.DIGEST_CRON, { currentDate: now }).prev().getTime();
  const { dedupeKey, reportId } = digestFiring(slot);
  // The schedule had fired before the lost firing: an earlier scheduled digest exists.
  const earlier = digestFiring(slot - 7 * 86_400_000);
  await poolOf(t).query(
    `INSERT INTO reports (id, type, parameters, requested_by, dedupe_key, status, created_at, job_id, organisation_id)
     VALUES ($1, 'office_digest', '{}', 'schedule', $2, 'completed', $3, $4, '00000000-0000-4000-8000-000000000001')`,
    [earlier.reportId, earlier.dedupeKey, new Date(slot - 7 * 86_400_000), jobIdForReport(earlier.reportId)],
  );
  const made = await until(
    async () => (await poolOf(t).query(`SELECT id, requested_by FROM reports WHERE dedupe_key = $1`, [dedupeKey])).rows[0],
    10_000,
    'the reconciler to make up the lost firing',
  );
  expect(made).toEqual({ id: reportId, requested_by: 'schedule' });
  await until(() => allDone([reportId]), 20_000, 'the made-up digest');
  expect(await t.app.get(DigestSchedule).catchUp()).toBeNull(); // once only
  results.push(await figures(poolOf(t), 'digest firing lost with Redis', [reportId]));
});
