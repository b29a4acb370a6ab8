// Event-driven dispatch: a checkpointed consumer of the global event log (never the in-memory
// EventBus) that turns milestones into follow-up report jobs. The report row is written in the
// consumer's transaction, next to its checkpoint; the job id is derived from the event id. A
// re-delivered batch therefore finds the row (and BullMQ finds the job id) and creates nothing new.
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CheckpointedConsumer, EventNotifications, PostgresEventStore, type StoredEvent } from '../event-store/index.js';
import { Clock } from '../shared/clock.js';
import { addReportJobs, jobIdForEvent, REPORTS_QUEUE } from './queue.js';
import { derivedReportId, insertReport } from './report-store.js';

export const DISPATCHER_NAME = 'report-dispatcher';

/** Events after which the partnership's dossier is out of date and is produced again. */
export const DOSSIER_TRIGGERS = new Set([
  'CouncilDecided',
  'AgreementSigned',
  'EntryCorrected',
  'EntryRetracted',
  'PartnershipSuspended',
  'PartnershipResumed',
  'PartnershipTerminated',
]);

export interface Dispatch {
  reportId: string;
  jobId: string;
  dedupeKey: string;
  partnershipId: string;
  eventId: string;
  minVersion: number;
}

/** Pure: which follow-up reports a batch of events asks for. */
export function dispatchesFor(events: StoredEvent[]): Dispatch[] {
  return events
    .filter((e) => DOSSIER_TRIGGERS.has(e.type))
    .map((e) => ({
      reportId: derivedReportId(`dispatch/${e.eventId}/dossier`),
      jobId: jobIdForEvent(e.eventId, 'dossier'),
      dedupeKey: `event:${e.eventId}:dossier`,
      partnershipId: e.streamId,
      eventId: e.eventId,
      minVersion: e.streamVersion,
    }));
}

@Injectable()
export class ReportDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('ReportDispatcher');
  readonly consumer: CheckpointedConsumer;

  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(EventNotifications) notifications: EventNotifications,
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.consumer = new CheckpointedConsumer(
      store,
      notifications,
      { handle: (events, client) => this.handle(events, client) },
      {
        name: DISPATCHER_NAME,
        batchSize: 200,
        pollMs: config.PROJECTION_POLL_MS,
        onError: (err) => this.logger.warn(`dispatch batch rolled back, will retry: ${err instanceof Error ? err.message : String(err)}`),
      },
    );
  }

  /** Writes the report rows in the batch's transaction, then enqueues; a Redis failure rolls the batch back. */
  async handle(events: StoredEvent[], client: pg.PoolClient): Promise<void> {
    const jobs: { name: string; data: { reportId: string }; jobId: string }[] = [];
    for (const d of dispatchesFor(events)) {
      const { report } = await insertReport(client, {
        id: d.reportId,
        type: 'dossier',
        parameters: { partnershipId: d.partnershipId, triggeredBy: d.eventId, minVersion: d.minVersion },
        requestedBy: 'dispatcher',
        dedupeKey: d.dedupeKey,
        createdAt: this.clock.now(),
      });
      // Already produced (or given up on): a replay must not queue it again. A queued row is
      // re-added under the same job id, which BullMQ ignores while the job exists.
      if (report.status === 'queued') jobs.push({ name: 'dossier', data: { reportId: report.id }, jobId: d.jobId });
    }
    await addReportJobs(this.queue, jobs, this.config);
  }

  start(): void {
    this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  /** How far behind the log the dispatcher is (for readiness). */
  async lag(): Promise<{ behind: number | null }> {
    const { behind } = await this.store.head(this.consumer.status().checkpoint);
    return { behind };
  }
}
