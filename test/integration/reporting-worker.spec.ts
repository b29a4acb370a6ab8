// Acceptance 3 and the retry rules: a worker killed mid-job leaves the job to another worker, which
// completes it; a job whose report is already completed is not produced again; a report that can
// never be produced fails at once, saying why it is not retried.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import { jobIdForReport, jobOptions, REPORTS_QUEUE } from '../../src/reporting/queue.js';
import { ReportWorker } from '../../src/reporting/report-worker.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { initiate, keyFor, poolOf } from '../e2e/partnerships-helpers.js';
import { requestReport, until, waitForReport } from '../e2e/reporting-helpers.js';

let t: TestApp;
let office: string;
let queue: Queue;
let worker: ReportWorker;

beforeAll(async () => {
  // No worker in this process at first: the dying child must be the one that takes the job.
  t = await createTestApp({
    env: {
      WORKERS_ENABLED: 'false',
      REPORT_LOCK_MS: '1000',
      REPORT_STALLED_INTERVAL_MS: '500',
      REPORT_BACKOFF_MS: '100',
      REPORT_ATTEMPTS: '3',
      // BullMQ's own stalled check is what this suite is about; the reconciler would also step in.
      REPORT_RECONCILE_MS: '300000',
    },
  });
  office = await keyFor(t, 'office');
  queue = t.app.get<Queue>(getQueueToken(REPORTS_QUEUE));
  worker = t.app.get(ReportWorker);
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

const row = async (id: string) =>
  (await poolOf(t).query('SELECT status, attempts, retries, error, error_kind, finished_at FROM reports WHERE id = $1', [id])).rows[0];

it('a worker killed mid-job leaves the job to another worker, which completes it', async () => {
  const partnership = await initiate(t, office);
  const res = await requestReport(t, office, { type: 'dossier', parameters: { partnershipId: partnership } });
  expect(res.status).toBe(202);
  const id = res.body.id as string;

  const child = spawn(process.execPath, [fileURLToPath(new URL('./reporting-exiting-worker.mjs', import.meta.url))], {
    env: { ...process.env, NODE_OPTIONS: '', REDIS_URL: t.config.REDIS_URL, REDIS_PREFIX: t.config.REDIS_PREFIX, DATABASE_URL: t.db.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(out).toContain(`took ${jobIdForReport(id)}`);
  expect(code).toBe(137);

  // The job is still "active" under a lock nobody renews, and the report is half-done.
  expect(await queue.getJobState(jobIdForReport(id))).toBe('active');
  expect(await row(id)).toMatchObject({ status: 'running', attempts: 1 });

  worker.start(); // another worker: its stalled check finds the expired lock and takes the job over
  const done = await waitForReport(t, office, id, 'completed', 20_000);
  expect(done.attempts).toBe(2);
  expect(done.files.map((f: any) => f.format).sort()).toEqual(['html', 'json', 'pdf']);
  // Exactly one job stored it: the one taken over from the stalled lock, or — on a slow machine, when
  // the reconciler saw the expired lock first — its replacement (the original then steps aside).
  // The row commits before BullMQ moves the job to completed: wait for that too.
  // The job that stepped aside may reach "completed" first: wait for the one that stored it; only one did.
  const completedFor = async () =>
    (await queue.getJobs(['completed'])).filter((j) => (j.returnvalue as { reportId?: string } | null)?.reportId === id);
  const storing = async () => (await completedFor()).filter((j) => (j.returnvalue as { stored?: boolean }).stored === true);
  await until(async () => (await storing()).length > 0, 10_000, 'the job that stored it to complete');
  expect(await storing()).toHaveLength(1);

  // A second delivery of a completed report (a duplicate job) produces nothing.
  const finishedAt = (await row(id)).finished_at;
  const dup = await queue.add('dossier', { reportId: id }, { jobId: `dup-${id}` });
  await until(async () => ['completed', 'failed'].includes(await dup.getState()), 10_000, 'the duplicate job');
  const again = (await queue.getJob(`dup-${id}`))!;
  expect(again.returnvalue).toEqual({ reportId: id, skipped: 'already completed' });
  expect(await row(id)).toMatchObject({ status: 'completed', attempts: 2, finished_at: finishedAt });
  const files = await poolOf(t).query('SELECT count(*)::int AS n FROM report_files WHERE report_id = $1', [id]);
  expect(files.rows[0].n).toBe(3);
});

it('fails a report that can never be produced at once, saying why it is not retried', async () => {
  worker.start();
  // Bypasses the API's validation on purpose: a report whose partnership does not exist.
  const id = uuidv7();
  await poolOf(t).query(
    `INSERT INTO reports (id, type, parameters, requested_by, job_id, organisation_id) VALUES ($1, 'dossier', $2, 'test', $3, '00000000-0000-4000-8000-000000000001')`,
    [id, JSON.stringify({ partnershipId: 'ghost-town' }), jobIdForReport(id)],
  );
  await queue.add('dossier', { reportId: id }, { ...jobOptions(t.config), jobId: jobIdForReport(id) });

  const failed = await until(async () => ((await row(id))?.status === 'failed' ? row(id) : null), 15_000, 'the report to fail');
  expect(failed.attempts).toBe(1); // no retry: the same answer would come every time
  expect(failed.error).toMatch(/ghost-town/);
  expect(failed.error).toMatch(/will not be retried: the partnership does not exist/);
  const job = (await queue.getJob(jobIdForReport(id)))!;
  expect(await job.getState()).toBe('failed');
  expect(job.attemptsMade).toBe(1);
  expect(job.opts.attempts).toBeGreaterThan(3); // the budget is there for temporary failures only
});

it('gives an unexpected error REPORT_ATTEMPTS attempts, showing each retry, then fails it saying why', async () => {
  worker.start();
  // A row no builder can read (its parameters are JSON null): a bug-like error, neither temporary nor known.
  const id = uuidv7();
  await poolOf(t).query(
    `WITH r AS (INSERT INTO reports (id, type, parameters, requested_by, job_id, organisation_id)
                VALUES ($1, 'aid_summary', 'null'::jsonb, 'test', $2, '00000000-0000-4000-8000-000000000001') RETURNING id, job_id, organisation_id)
     INSERT INTO report_outbox (report_id, job_id, reason, organisation_id) SELECT id, job_id, 'requested', organisation_id FROM r`,
    [id, jobIdForReport(id)],
  );
  const retrying = await until(
    async () => (await poolOf(t).query(`SELECT * FROM reports WHERE id = $1 AND error_kind = 'unexpected'`, [id])).rows[0],
    15_000,
    'the first failed attempt',
  );
  expect(retrying.error).toMatch(/an unexpected error \(1 of 3\); the report will be retried, next attempt at /);
  expect(retrying.next_attempt_at).toBeInstanceOf(Date);

  const failed = await until(async () => ((await row(id))?.status === 'failed' ? row(id) : null), 15_000, 'the report to fail');
  expect(failed.attempts).toBe(3);
  expect(failed.retries).toBe(2); // two retried attempts, then given up
  expect(failed.error_kind).toBe('permanent');
  expect(failed.error).toMatch(/this report will not be retried: the same unexpected error ended 3 attempts/);
  expect(await (await queue.getJob(jobIdForReport(id)))!.getState()).toBe('failed');
});
