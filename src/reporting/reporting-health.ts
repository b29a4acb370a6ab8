// The reporting part of /health/ready. It probes what reports need right now (the queue's own Redis
// connection) instead of trusting counters that only move when a background loop wakes up: the
// dispatcher's error count stays high through its backoff long after the database is back. A
// dispatcher that keeps failing with dependencies that answer is a fault of ours and is reported.
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { withTimeout } from '../shared/timeout.js';
import { errorMessage } from './errors.js';
import { REPORTS_QUEUE } from './queue.js';
import { ReportDispatcher } from './report-dispatcher.js';
import { ReportRelay } from './report-relay.js';
import { ReportWorker } from './report-worker.js';

const PROBE_MS = 1000;

type Client = Awaited<ReturnType<Queue['getBackend']>['client']>;

/** Waits up to `ms` for a client that is reconnecting right now to become ready. */
function readyWithin(client: Client, ms: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done);
  });
}

@Injectable()
export class ReportingHealth {
  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue,
    @Inject(ReportDispatcher) private readonly dispatcher: ReportDispatcher,
    @Inject(ReportRelay) private readonly relay: ReportRelay,
    @Inject(ReportWorker) private readonly worker: ReportWorker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async probeQueue(): Promise<string | null> {
    try {
      const client = await withTimeout(this.queue.getBackend().client, PROBE_MS, 'the queue connection', (m) => new Error(m));
      await readyWithin(client, PROBE_MS);
      if (client.status !== 'ready') return `the queue's Redis connection is ${client.status}`;
      await withTimeout(client.runCommand('ping', []), PROBE_MS, 'PING', (m) => new Error(m));
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  }

  async check(): Promise<Record<string, Record<string, unknown> & { status: 'up' | 'down' }>> {
    const d = this.dispatcher.consumer.status();
    const [queueError, lag, backlog] = await Promise.all([
      this.probeQueue(),
      this.dispatcher.lag().catch(() => ({ behind: null })),
      this.relay.backlog().catch(() => null),
    ]);
    // Failing batches with the dependencies up is a bug, not an outage being waited out.
    const dispatcherBroken = d.running && d.consecutiveErrors >= 3 && this.dispatcher.lastErrorKind !== 'transient';
    const relay = this.relay.status();
    const status = queueError || dispatcherBroken ? 'down' : 'up';
    return {
      reporting: {
        status,
        ...(queueError ? { message: `Reports cannot be queued: ${queueError}` } : {}),
        ...(dispatcherBroken ? { message: `The report dispatcher keeps failing: ${d.lastError}` } : {}),
        worker: this.worker.running,
        dispatcher: {
          running: d.running,
          behind: lag.behind,
          lastError: d.lastError,
          consecutiveErrors: d.consecutiveErrors,
        },
        outbox: {
          pending: backlog?.pending ?? null,
          oldestSeconds: backlog?.oldestSeconds ?? null,
          relayRunning: relay.running,
          listening: relay.listening,
          lastError: relay.lastError,
          lastReconcileAt: relay.lastReconcileAt,
          requeued: relay.requeued,
          scheduleRecreated: relay.scheduleRecreated,
        },
        workersEnabled: this.config.WORKERS_ENABLED,
      },
    };
  }
}
