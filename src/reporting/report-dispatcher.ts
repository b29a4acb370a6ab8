// Event-driven dispatch: a checkpointed consumer of the global event log (never the in-memory
// EventBus) that turns milestones into follow-up reports. The report row and its enqueue intent
// (outbox) are written in the consumer's transaction, next to its checkpoint; the relay hands the
// job to BullMQ only after that commit, so a worker never sees a job whose row is not there yet, and
// Redis being down or losing its data cannot lose a refresh. A re-delivered batch finds the rows
// (ids derived from the event ids) and creates nothing new.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CheckpointedConsumer, EventNotifications, PostgresEventStore, type StoredEvent } from '../event-store/index.js';
import { Clock } from '../shared/clock.js';
import { inEventBatchSpan, inEventTrace } from '../shared/tracing.js';
import { classifyError, errorMessage, type FailureKind } from './errors.js';
import { jobIdForEvent } from './queue.js';
import { createReport, derivedReportId } from './report-store.js';

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

interface Dispatch {
  reportId: string;
  jobId: string;
  dedupeKey: string;
  partnershipId: string;
  eventId: string;
  minVersion: number;
}

/** Pure: which follow-up reports a batch of events asks for. */
function dispatchesFor(events: StoredEvent[]): Dispatch[] {
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
  private started = false;
  private restarting = false;
  private lastRestart = 0;
  /** kind of the last batch error (the consumer keeps only its message) */
  lastErrorKind: FailureKind | null = null;

  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(EventNotifications) notifications: EventNotifications,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.consumer = new CheckpointedConsumer(
      store,
      notifications,
      { handle: (events, client) => inEventBatchSpan('report dispatch batch', events, {}, () => this.handle(events, client)) },
      {
        name: DISPATCHER_NAME,
        batchSize: 200,
        pollMs: config.PROJECTION_POLL_MS,
        onError: (err) => {
          this.lastErrorKind = classifyError(err).kind;
          this.logger.warn(`dispatch batch rolled back, will retry: ${errorMessage(err)}`);
        },
      },
    );
  }

  /** Writes the report rows and their outbox rows in the batch's transaction; nothing touches Redis. */
  async handle(events: StoredEvent[], client: pg.PoolClient): Promise<void> {
    for (const d of dispatchesFor(events)) {
      // An existing row (a replay) is left as it is: produced, failed, or queued with a job the
      // reconciler watches over.
      const event = events.find((e) => e.eventId === d.eventId)!;
      // The report's job continues the trace of the command that recorded the event.
      await inEventTrace(event.metadata, () =>
        createReport(client, {
          id: d.reportId,
          type: 'dossier',
          parameters: { partnershipId: d.partnershipId, triggeredBy: d.eventId, minVersion: d.minVersion },
          requestedBy: 'dispatcher',
          dedupeKey: d.dedupeKey,
          createdAt: this.clock.now(),
          jobId: d.jobId,
          reason: 'dispatched',
        }),
      );
    }
  }

  start(): void {
    this.started = true;
    this.consumer.start();
  }

  /**
   * The consumer backs off up to 30 s after repeated failures. Once the database is known to answer
   * again (the relay's last pass succeeded), restart its loop so it does not sleep out that backoff.
   */
  resumeIfBackingOff(): void {
    const s = this.consumer.status();
    if (!this.started || this.restarting || !s.running || s.consecutiveErrors < 2 || this.lastErrorKind !== 'transient') return;
    if (Date.now() - this.lastRestart < 2000) return;
    this.lastRestart = Date.now();
    this.restarting = true;
    void this.consumer
      .stop()
      .then(() => this.started && this.consumer.start())
      .catch(() => undefined)
      .finally(() => (this.restarting = false));
  }

  async onApplicationShutdown(): Promise<void> {
    this.started = false;
    await this.consumer.stop();
  }

  /** How far behind the log the dispatcher is (for readiness). */
  async lag(): Promise<{ behind: number | null }> {
    const { behind } = await this.store.head(this.consumer.status().checkpoint);
    return { behind };
  }
}
