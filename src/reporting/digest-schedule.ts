// The weekly digest's schedule. It lives in Redis (a BullMQ job scheduler), so it can be lost with
// Redis: the relay's reconcile pass calls check(), which recreates a missing schedule and makes up
// the latest firing when it never ran. Both steps are idempotent; any process with workers may run them.
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { INSTANCE_ORGANISATION_ID } from '../organisations/acting.js';
import { listOrganisations } from '../organisations/organisations.js';
import { Clock } from '../shared/clock.js';
import { withTimeout } from '../shared/timeout.js';
import { DIGEST_SCHEDULER_ID, jobIdForReport, jobIsLive, jobOptions, readyRedis, REPORTS_QUEUE, SCHEDULED_DIGEST_JOB } from './queue.js';
import { scheduledDigestState } from './report-outbox.js';
import { createReport, derivedReportId } from './report-store.js';

/**
 * The report id and dedupe key of one organisation's digest for one firing of the schedule (as the
 * worker derives them). The first organisation's keep the key they always had (upgrade: a firing
 * made before it is not made again); another's names the organisation.
 */
export function digestFiring(
  slotMs: number,
  organisationId: string = INSTANCE_ORGANISATION_ID,
): { dedupeKey: string; reportId: string; firingJobId: string } {
  const firingJobId = `repeat:${DIGEST_SCHEDULER_ID}:${slotMs}`;
  const dedupeKey = organisationId === INSTANCE_ORGANISATION_ID ? `schedule/${firingJobId}` : `schedule/${firingJobId}/${organisationId}`;
  return { dedupeKey, reportId: derivedReportId(dedupeKey), firingJobId };
}

/** One organisation's digest report row for one firing; `created` is false when that firing already made it. */
function createDigestReport(pool: pg.Pool, firing: { dedupeKey: string; reportId: string }, organisationId: string) {
  const { dedupeKey, reportId } = firing;
  return createReport(pool, {
    id: reportId,
    type: 'office_digest',
    parameters: {},
    requestedBy: 'schedule',
    dedupeKey,
    jobId: jobIdForReport(reportId),
    reason: 'scheduled',
    organisationId,
  });
}

/**
 * Organisations whose digest a firing at `slotMs` makes: the instance's first (it stands for the
 * instance, whenever its row was made) and every other that existed then.
 */
async function digestOrganisations(pool: pg.Pool, slotMs: number): Promise<string[]> {
  return (await listOrganisations(pool))
    .filter((o) => o.id === INSTANCE_ORGANISATION_ID || Date.parse(o.createdAt) <= slotMs)
    .sort((a, b) => (a.id === INSTANCE_ORGANISATION_ID ? -1 : b.id === INSTANCE_ORGANISATION_ID ? 1 : 0))
    .map((o) => o.id);
}

/**
 * The digests of one firing, one per organisation, each covering the partnerships that
 * organisation reads (its own and those shared with it). Idempotent: a digest made already is kept.
 */
export async function createDigestReports(pool: pg.Pool, slotMs: number): Promise<{ reportId: string; created: boolean }[]> {
  const out: { reportId: string; created: boolean }[] = [];
  for (const organisationId of await digestOrganisations(pool, slotMs)) {
    const firing = digestFiring(slotMs, organisationId);
    const { created } = await createDigestReport(pool, firing, organisationId);
    out.push({ reportId: firing.reportId, created });
  }
  return out;
}

@Injectable()
export class DigestSchedule {
  private readonly logger = new Logger('ReportRelay');
  /** set once this process has seen (or set) the schedule: a later absence is a loss */
  private seen = false;
  /** how often the schedule was found missing after it had been seen */
  recreated = 0;

  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Recreates the schedule when it is missing (or its pattern changed), then catches up the latest
   * firing. Only in processes that run workers with the digest enabled.
   */
  async check(): Promise<{ recreated: boolean; caughtUp: string | null }> {
    if (!this.config.WORKERS_ENABLED || !this.config.DIGEST_ENABLED) return { recreated: false, caughtUp: null };
    await readyRedis(this.queue, this.config);
    const timeout = this.config.ENQUEUE_TIMEOUT_MS;
    const existing = await withTimeout(this.queue.getJobScheduler(DIGEST_SCHEDULER_ID), timeout, 'the digest schedule');
    let recreated = false;
    if (!existing || existing.pattern !== this.config.DIGEST_CRON) {
      await withTimeout(
        this.queue.upsertJobScheduler(
          DIGEST_SCHEDULER_ID,
          { pattern: this.config.DIGEST_CRON },
          { name: SCHEDULED_DIGEST_JOB, data: {}, opts: jobOptions(this.config) },
        ),
        timeout,
        'the digest schedule',
      );
      recreated = true;
      if (existing) this.logger.log(`digest schedule changed to "${this.config.DIGEST_CRON}"`);
      else if (!this.seen) this.logger.log(`digest schedule set: "${this.config.DIGEST_CRON}"`);
      else {
        this.recreated++;
        this.logger.warn(`reconciler recreated the digest job scheduler "${DIGEST_SCHEDULER_ID}": it was missing from Redis`);
      }
    }
    this.seen = true;
    return { recreated, caughtUp: await this.catchUp() };
  }

  /**
   * Creates the digests of the latest past firing that it never made (one per organisation) when
   * the schedule was live before it; returns the first one's report id (the caller wakes the relay), or null.
   */
  async catchUp(): Promise<string | null> {
    const now = this.clock.now();
    const slot = CronExpressionParser.parse(this.config.DIGEST_CRON, { currentDate: now }).prev().getTime();
    // Leave the firing itself time to run.
    if (now.getTime() - slot < Math.max(60_000, this.config.REPORT_RECONCILE_MS)) return null;
    const firings = (await digestOrganisations(this.pool, slot)).map((o) => ({ organisationId: o, ...digestFiring(slot, o) }));
    const { missing, earlier } = await scheduledDigestState(
      this.pool,
      firings.map((f) => f.dedupeKey),
      new Date(slot),
    );
    if (!firings.length || !missing.length || !earlier) return null;
    if (await withTimeout(jobIsLive(this.queue, firings[0].firingJobId, this.config), this.config.ENQUEUE_TIMEOUT_MS, 'the firing'))
      return null;
    let first: string | null = null;
    for (const f of firings.filter((x) => missing.includes(x.dedupeKey))) {
      const { created } = await createDigestReport(this.pool, f, f.organisationId);
      if (!created) continue;
      first ??= f.reportId;
      this.logger.warn(`the digest due at ${new Date(slot).toISOString()} never ran (lost with Redis); producing it now as ${f.reportId}`);
    }
    return first;
  }
}
