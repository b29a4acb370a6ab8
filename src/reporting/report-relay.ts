// The outbox relay and the reconciler. PostgreSQL holds every report and its enqueue intent; this
// hands the intents to BullMQ after commit (woken by NOTIFY and in-process, polling as a fallback),
// and every REPORT_RECONCILE_MS checks that each queued or running report still has a live job in
// Redis, enqueuing again whatever Redis lost (a restart without persistence, FLUSHALL, failover),
// and that the digest schedule still exists (digest-schedule.ts). One relay/reconciler at a time
// across processes.
import { EventEmitter } from 'node:events';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { DigestSchedule } from './digest-schedule.js';
import { errorMessage } from './errors.js';
import { OutboxListener } from './outbox-listener.js';
import { withTimeout } from '../shared/timeout.js';
import { addReportJobs, jobIsLive, readyRedis, REPORTS_QUEUE } from './queue.js';
import { ReportDispatcher } from './report-dispatcher.js';
import { BUSY, deleteOutbox, outboxBacklog, readOutbox, requeueLost, unfinishedReports, withRelayLock } from './report-outbox.js';

const BATCH = 200;
const RECONCILE_LIMIT = 5000;

export interface ReconcileResult {
  checked: number;
  requeued: string[];
}

export interface RelayStatus {
  running: boolean;
  listening: boolean;
  lastPassAt: string | null;
  lastError: string | null;
  handedOver: number;
  lastReconcileAt: string | null;
  requeued: number;
  lastRequeued: string[];
  scheduleRecreated: number;
}

@Injectable()
export class ReportRelay implements OnApplicationShutdown {
  private readonly logger = new Logger('ReportRelay');
  private readonly wakeup = new EventEmitter();
  private listener: OutboxListener | null = null;
  private loop: Promise<void> | null = null;
  private running = false;
  private woken = false;
  private reconcileDue = 0;
  private failing = false;
  private readonly state: Omit<RelayStatus, 'running' | 'listening' | 'scheduleRecreated'> = {
    lastPassAt: null,
    lastError: null,
    handedOver: 0,
    lastReconcileAt: null,
    requeued: 0,
    lastRequeued: [],
  };
  private redisReadyHook: (() => void) | null = null;

  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(ReportDispatcher) private readonly dispatcher: ReportDispatcher,
    @Inject(DigestSchedule) private readonly digest: DigestSchedule,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.wakeup.setMaxListeners(0);
  }

  status(): RelayStatus {
    return { running: this.running, listening: !!this.listener?.connected, ...this.state, scheduleRecreated: this.digest.recreated };
  }

  /** Runs a relay pass soon (an outbox row was just committed). */
  wake(): void {
    this.woken = true;
    this.wakeup.emit('wake');
  }

  /** Runs a reconcile pass soon (e.g. Redis just reconnected and may have come back empty). */
  reconcileSoon(): void {
    this.reconcileDue = 0;
    this.wake();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.reconcileDue = 0;
    this.listener = new OutboxListener(this.config.DATABASE_URL, () => this.wake());
    this.listener.start();
    // A reconnect may be to a Redis that lost everything: check at once rather than at the next interval.
    this.redisReadyHook = () => this.reconcileSoon();
    this.queue
      .getBackend()
      .client.then((c) => this.running && this.redisReadyHook && c.on('ready', this.redisReadyHook))
      .catch(() => undefined);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    const hook = this.redisReadyHook;
    this.redisReadyHook = null;
    if (hook)
      await withTimeout(this.queue.getBackend().client, 500, 'the connection')
        .then((c) => c.off('ready', hook))
        .catch(() => undefined);
    await this.listener?.stop();
    this.listener = null;
    await this.loop;
    this.loop = null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      try {
        let n: number | typeof BUSY;
        do n = await this.relayOnce();
        while (n !== BUSY && n === BATCH && this.running);
        if (this.running && Date.now() >= this.reconcileDue) {
          this.reconcileDue = Date.now() + this.config.REPORT_RECONCILE_MS;
          await this.reconcileOnce();
          if ((await this.digest.check()).caughtUp) this.wake();
        }
        if (this.failing) this.logger.log('report relay recovered');
        this.failing = false;
        this.state.lastError = null;
        // PostgreSQL answers again: the dispatcher need not wait out its backoff.
        this.dispatcher.resumeIfBackingOff();
      } catch (err) {
        this.state.lastError = errorMessage(err);
        // A reconcile that could not finish is tried again at the next poll, not a full interval later.
        this.reconcileDue = Math.min(this.reconcileDue, Date.now() + this.config.REPORT_RELAY_POLL_MS);
        if (!this.failing) this.logger.warn(`report relay paused, will retry: ${this.state.lastError}`);
        this.failing = true;
      }
      if (this.running && !this.woken) {
        const wait = Math.max(0, Math.min(this.config.REPORT_RELAY_POLL_MS, this.reconcileDue - Date.now()));
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            this.wakeup.off('wake', done);
            resolve();
          };
          const timer = setTimeout(done, wait);
          this.wakeup.on('wake', done);
        });
      }
    }
  }

  /**
   * Hands up to one batch of committed intents to BullMQ and deletes them. If Redis refuses, the
   * transaction rolls back and the rows wait for the next pass. Returns how many were handled.
   */
  async relayOnce(): Promise<number | typeof BUSY> {
    const result = await withRelayLock(this.pool, async (client) => {
      const entries = await readOutbox(client, BATCH);
      if (!entries.length) return 0;
      const now = Date.now();
      // A report finished meanwhile needs no job; its intent is simply dropped.
      const jobs = entries
        .filter((e) => e.status === 'queued' || e.status === 'running')
        .map((e) => ({
          name: e.type,
          data: { reportId: e.reportId },
          jobId: e.jobId,
          delay: e.notBefore ? Math.max(0, e.notBefore.getTime() - now) : 0,
          traceContext: e.traceContext,
        }));
      await addReportJobs(this.queue, jobs, this.config);
      await deleteOutbox(
        client,
        entries.map((e) => e.id),
      );
      return entries.length;
    });
    this.state.lastPassAt = new Date().toISOString();
    if (result !== BUSY) this.state.handedOver += result;
    return result;
  }

  /**
   * Finds queued and running reports whose job Redis no longer has (or whose worker's lock expired)
   * and enqueues them again through the outbox. Returns BUSY when another process reconciles.
   */
  async reconcileOnce(): Promise<ReconcileResult | typeof BUSY> {
    const result = await withRelayLock(this.pool, async (client) => {
      const rows = await unfinishedReports(client, RECONCILE_LIMIT);
      if (!rows.length) return { checked: 0, requeued: [] };
      await readyRedis(this.queue, this.config);
      const lost: { id: string; jobId: string | null }[] = [];
      for (let i = 0; i < rows.length; i += 50) {
        const chunk = rows.slice(i, i + 50);
        const live = await withTimeout(
          Promise.all(chunk.map((r) => (r.jobId ? jobIsLive(this.queue, r.jobId, this.config) : Promise.resolve(false)))),
          this.config.ENQUEUE_TIMEOUT_MS,
          'the job lookups',
        );
        chunk.forEach((r, j) => !live[j] && lost.push({ id: r.id, jobId: r.jobId }));
      }
      const requeued = await requeueLost(client, lost);
      return { checked: rows.length, requeued: requeued.map((r) => r.id) };
    });
    this.state.lastReconcileAt = new Date().toISOString();
    if (result !== BUSY && result.requeued.length) {
      this.state.requeued += result.requeued.length;
      this.state.lastRequeued = result.requeued.slice(0, 100);
      const shown = result.requeued.slice(0, 50).join(', ');
      this.logger.warn(
        `reconciler re-enqueued ${result.requeued.length} of ${result.checked} unfinished reports whose job was missing from Redis ` +
          `or whose worker's lock had expired: ${shown}${result.requeued.length > 50 ? ', …' : ''}`,
      );
      this.wake();
    }
    return result;
  }

  /** Unhandled outbox rows and their age, for readiness. */
  backlog(): Promise<{ pending: number; oldestSeconds: number | null }> {
    return outboxBacklog(this.pool);
  }
}
