// Acceptance 2 and 4: the event dispatcher replayed from position zero creates no duplicate jobs;
// with Redis stopped, commands and reads keep working, reports are still accepted and dispatched
// into PostgreSQL, readiness says Redis is down, and when Redis is back every job is handed over.
import type { ChildProcess } from 'node:child_process';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { seedDemo } from '../../src/partnerships/demo/seed.js';
import { DISPATCHER_NAME, DOSSIER_TRIGGERS, ReportDispatcher } from '../../src/reporting/report-dispatcher.js';
import { REPORTS_QUEUE } from '../../src/reporting/queue.js';
import { ReportWorker } from '../../src/reporting/report-worker.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { API, initiate, keyFor, poolOf, post } from '../e2e/partnerships-helpers.js';
import { requestReport, until, waitForReport } from '../e2e/reporting-helpers.js';
import { freePort, startRedis, stopRedis } from '../support/redis-server.js';

const allJobIds = async (queue: Queue) =>
  (await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'])).map((j) => j.id!).sort();

async function dispatchedReports(t: TestApp) {
  const { rows } = await poolOf(t).query(
    `SELECT id, dedupe_key, status, attempts FROM reports WHERE requested_by = 'dispatcher' ORDER BY dedupe_key`,
  );
  return rows as { id: string; dedupe_key: string; status: string; attempts: number }[];
}

async function triggerEventIds(t: TestApp): Promise<string[]> {
  const { rows } = await poolOf(t).query('SELECT event_id FROM events WHERE type = ANY($1) ORDER BY event_id', [[...DOSSIER_TRIGGERS]]);
  return rows.map((r) => r.event_id);
}

describe('replaying the dispatcher', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DIGEST_ENABLED: 'false' } });
  });
  afterAll(async () => t?.close());

  it('from position zero creates no duplicate jobs or reports, whether the jobs are still waiting or long done', async () => {
    const worker = t.app.get(ReportWorker);
    const dispatcher = t.app.get(ReportDispatcher);
    const queue = t.app.get<Queue>(getQueueToken(REPORTS_QUEUE));
    await worker.stop(); // first, the jobs stay waiting
    await seedDemo(t.app);
    const triggers = await triggerEventIds(t);
    expect(triggers).toHaveLength(4); // two council decisions, two signings

    await until(async () => (await dispatchedReports(t)).length === 4, 15_000, 'the dispatcher');
    const jobs = await until(async () => ((await allJobIds(queue)).length === 4 ? allJobIds(queue) : null), 5_000, 'four jobs');
    expect(jobs).toEqual(triggers.map((e) => `evt-${e}-dossier`).sort());
    expect((await dispatchedReports(t)).map((r) => r.dedupe_key)).toEqual(triggers.map((e) => `event:${e}:dossier`).sort());

    const replay = async () => {
      await dispatcher.consumer.stop();
      await poolOf(t).query('DELETE FROM consumer_checkpoints WHERE name = $1', [DISPATCHER_NAME]);
      const n = await dispatcher.consumer.drain();
      expect(n).toBeGreaterThanOrEqual(triggers.length); // it really read the whole log again
      dispatcher.start();
    };

    await replay(); // jobs waiting: the same job ids are refused by BullMQ, the rows are found
    expect(await allJobIds(queue)).toEqual(jobs);
    expect(await dispatchedReports(t)).toHaveLength(4);

    worker.start(); // now let them run, then replay again
    await until(async () => (await dispatchedReports(t)).every((r) => r.status === 'completed'), 20_000, 'the dossiers');
    await queue.clean(0, 1000, 'completed'); // even with the finished jobs gone from Redis...
    await replay();
    await new Promise((r) => setTimeout(r, 300));
    expect(await allJobIds(queue)).toEqual([]); // ...completed reports are not queued again
    const after = await dispatchedReports(t);
    expect(after).toHaveLength(4);
    expect(after.every((r) => r.status === 'completed' && r.attempts === 1)).toBe(true);
  });
});

describe('a Redis outage', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await createTestApp({
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, DIGEST_ENABLED: 'false', ENQUEUE_TIMEOUT_MS: '300', REPORT_BACKOFF_MS: '200' },
    });
  });
  afterAll(async () => {
    await t?.close();
    if (redis) await stopRedis(redis);
  });

  it('keeps commands and reads working, reports Redis down, and dispatches every event once Redis is back', async () => {
    const office = await keyFor(t, 'office');
    const council = await keyFor(t, 'council');
    const reporting = await keyFor(t, 'reporting');
    const id = await initiate(t, office);
    expect((await request(t.http).get('/health/ready')).status).toBe(200);

    await stopRedis(redis);

    // Commands: the event store is the source of truth, Redis plays no part in a write.
    const decisions: string[] = [];
    for (const occurredOn of ['2023-02-09', '2023-03-01']) {
      const res = await post(t, office, `${API}/${id}/council-decisions`, { occurredOn, outcome: 'adopted', proposedTier: 'solidarity' });
      expect(res.status).toBe(201);
      decisions.push(res.body.events[0].eventId);
    }
    const signed = await post(t, office, `${API}/${id}/agreements`, { occurredOn: '2023-03-10', agreementKind: 'solidarity' });
    expect(signed.status).toBe(201);
    // Reads come from the projections in Postgres.
    const read = await request(t.http).get(`${API}/${id}`).set('Authorization', `Bearer ${council}`);
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(4);
    const timeline = await request(t.http).get(`${API}/${id}/timeline`).set('Authorization', `Bearer ${council}`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.entries).toHaveLength(4);
    expect((await request(t.http).get('/api/v1/reports').set('Authorization', `Bearer ${council}`)).status).toBe(200);

    const ready = await request(t.http).get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.redis.status).toBe('down');
    expect(ready.body.error.reporting.status).toBe('down');
    expect(ready.body.info.postgres.status).toBe('up');

    // A report is still accepted: PostgreSQL keeps it with its enqueue intent until Redis is back.
    const accepted = await requestReport(t, reporting, { type: 'reminders' });
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('queued');

    // The dispatcher needs no Redis either: its rows and their intents commit with its checkpoint.
    const dispatcher = t.app.get(ReportDispatcher);
    await until(async () => (await dispatchedReports(t)).length === 3, 10_000, 'the dispatcher to record the refreshes');
    expect(dispatcher.consumer.status().consecutiveErrors).toBe(0);
    expect((await dispatchedReports(t)).every((r) => r.status === 'queued')).toBe(true);
    const { rows: pending } = await poolOf(t).query('SELECT count(*)::int AS n FROM report_outbox');
    expect(pending[0].n).toBe(4); // three dossiers and the reminders wait for Redis

    redis = await startRedis(port); // same port: the app reconnects by itself

    const triggers = [...decisions, signed.body.events[0].eventId].sort();
    const caughtUp = await until(
      async () => {
        const rows = await dispatchedReports(t);
        return rows.length === 3 && rows.every((r) => r.status === 'completed') ? rows : null;
      },
      30_000,
      'the dispatcher to catch up and the worker to produce the dossiers',
    );
    expect(caughtUp.map((r) => r.dedupe_key)).toEqual(triggers.map((e) => `event:${e}:dossier`).sort());
    const queue = t.app.get<Queue>(getQueueToken(REPORTS_QUEUE));
    expect(await allJobIds(queue)).toEqual([...triggers.map((e) => `evt-${e}-dossier`), `report-${accepted.body.id}`].sort());
    await until(async () => (await request(t.http).get('/health/ready')).status === 200, 10_000, 'readiness');
    expect((await waitForReport(t, reporting, accepted.body.id)).status).toBe('completed');
    await until(
      async () => (await poolOf(t).query('SELECT count(*)::int AS n FROM report_outbox')).rows[0].n === 0,
      5_000,
      'the outbox to be empty',
    );
  });
});
