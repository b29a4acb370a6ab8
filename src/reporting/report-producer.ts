// Turns a report row into files, reading only the projections (through the read models' queries).
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { PostgresEventStore } from '../event-store/postgres-event-store.js';
import { ProjectionEngine } from '../event-store/projections.js';
import type { Checkpoint } from '../event-store/types.js';
import { addDays, dayOf } from '../partnerships/domain/index.js';
import { AidLedgerQueries } from '../partnerships/read-models/aid-ledger/aid-ledger.queries.js';
import { CalendarQueries } from '../partnerships/read-models/calendar/calendar.queries.js';
import { ObligationQueries } from '../partnerships/read-models/obligations/obligations.queries.js';
import { PROJECTIONS } from '../partnerships/read-models/projections.registry.js';
import { StatusQueries } from '../partnerships/read-models/status/status.queries.js';
import type { PartnershipSummary } from '../partnerships/read-models/status/status.types.js';
import { TimelineQueries } from '../partnerships/read-models/timeline/timeline.queries.js';
import { IatiExport, IatiNotConfiguredError } from '../interop/iati/iati.export.js';
import { NothingToExportError } from '../interop/iati/iati-activity.js';
import { Clock } from '../shared/clock.js';
import { buildAidSummary, renderAidSummaryCsv } from './builders/aid-summary.js';
import { buildDigest, buildReminders, renderDigestHtml, renderRemindersHtml } from './builders/digest.js';
import { buildDossierModel, renderDossierHtml, renderDossierPdf } from './builders/dossier.js';
import { NotReadyError, PermanentReportError } from './errors.js';
import { previousDigestUntil, type NewFile, type Report } from './report-store.js';
import {
  MEDIA_TYPES,
  type AidSummaryParameters,
  type DigestParameters,
  type DossierParameters,
  type IatiReportParameters,
  type ReminderParameters,
  type ReportFormat,
} from './report-types.js';

// Lives with the error classification; re-exported where it was defined first.
export interface Produced {
  files: NewFile[];
  summary: Record<string, unknown>;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100);
const DAY_MS = 86_400_000;

@Injectable()
export class ReportProducer {
  constructor(
    @Inject(StatusQueries) private readonly status: StatusQueries,
    @Inject(TimelineQueries) private readonly timelines: TimelineQueries,
    @Inject(AidLedgerQueries) private readonly aidLedger: AidLedgerQueries,
    @Inject(CalendarQueries) private readonly calendar: CalendarQueries,
    @Inject(ObligationQueries) private readonly obligations: ObligationQueries,
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IatiExport) private readonly iati: IatiExport,
  ) {}

  /**
   * A report reflects everything recorded before it started: wait until every projection has
   * applied the log as it stood then (nudging it along), or retry later if one is stuck.
   */
  private async awaitProjections(): Promise<void> {
    // Everything committed so far, even beyond the read horizon: the report must include it.
    const head = await this.store.latestCommitted();
    const covers = (cp: Checkpoint) =>
      BigInt(cp.transactionId) > BigInt(head.transactionId) || (cp.transactionId === head.transactionId && cp.position >= head.position);
    for (const def of Object.values(PROJECTIONS)) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        await this.engine.catchUp(def).catch(() => undefined);
        const s = await this.engine.status(def.name);
        if (covers(s.checkpoint)) break;
        if (Date.now() > deadline)
          throw new NotReadyError(`projection ${def.name} is ${s.behind} events behind the log; the report will be retried`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  async produce(report: Report, progress: (pct: number) => Promise<void>): Promise<Produced> {
    await this.awaitProjections();
    const now = this.clock.now();
    const generatedAt = now.toISOString();
    const today = dayOf(generatedAt);
    const file = (format: ReportFormat, base: string, content: string | Buffer): NewFile => ({
      format,
      mediaType: MEDIA_TYPES[format],
      fileName: `${safe(base)}.${format}`,
      content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
    const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
    const org = report.organisationId;

    switch (report.type) {
      case 'dossier': {
        const p = report.parameters as unknown as DossierParameters;
        const detail = await this.status.get(p.partnershipId);
        if (p.minVersion && detail.version < p.minVersion) {
          throw new NotReadyError(
            `the read model of ${p.partnershipId} is at version ${detail.version}, this dossier needs ${p.minVersion}`,
          );
        }
        const timeline = await this.timelines.timeline(p.partnershipId);
        await progress(40);
        const model = buildDossierModel(detail, timeline, generatedAt);
        const base = `dossier-${p.partnershipId}-${today}`;
        const pdf = await renderDossierPdf(model);
        await progress(80);
        return {
          files: [file('pdf', base, pdf), file('html', base, renderDossierHtml(model)), file('json', base, json(model))],
          summary: {
            partnershipId: p.partnershipId,
            version: detail.version,
            entries: timeline.entries.length,
            triggeredBy: p.triggeredBy ?? null,
          },
        };
      }
      case 'aid_summary': {
        const p = report.parameters as unknown as AidSummaryParameters;
        const result = await this.aidLedger.aid(
          {
            from: p.from,
            to: p.to,
            partnershipId: p.partnershipId,
            currency: p.currency,
            kind: p.kind,
          },
          org,
        );
        await progress(50);
        const model = buildAidSummary(result.items, p, generatedAt);
        const base = `aid-summary-${p.from ?? 'start'}-to-${p.to ?? today}`;
        return {
          files: [file('csv', base, renderAidSummaryCsv(model)), file('json', base, json(model))],
          summary: { count: model.count, totals: model.totals, groups: model.groups.length },
        };
      }
      case 'aid_iati': {
        const p = report.parameters as IatiReportParameters;
        let xml: string;
        try {
          // one partnership without a period: its activity, even with no aid yet; else the period's aid
          xml = p.partnershipId && !p.from && !p.to ? await this.iati.partnership(p.partnershipId, org) : await this.iati.period(p, org);
        } catch (err) {
          // the same on every attempt: no organisation configured, or no aid in the period
          if (err instanceof IatiNotConfiguredError || err instanceof NothingToExportError) throw new PermanentReportError(err.message);
          throw err;
        }
        await progress(80);
        const base = p.partnershipId && !p.from && !p.to ? `aid-${p.partnershipId}` : `aid-${p.from ?? 'start'}-to-${p.to ?? today}`;
        return {
          files: [file('xml', `${base}.iati`, xml)],
          summary: {
            partnershipId: p.partnershipId ?? null,
            from: p.from ?? null,
            to: p.to ?? null,
            activities: (xml.match(/<iati-activity[\s>]/g) ?? []).length,
            transactions: (xml.match(/<transaction[\s>]/g) ?? []).length,
          },
        };
      }
      case 'office_digest': {
        const p = report.parameters as DigestParameters;
        const until = generatedAt;
        const since = p.since ?? (await previousDigestUntil(this.pool, until)) ?? new Date(now.getTime() - 7 * DAY_MS).toISOString();
        const changes = await this.timelines.changesSince(new Date(since), org);
        await progress(40);
        // Obligations have their own section: the upcoming plans leave them out.
        const upcoming = await this.calendar.calendar(
          { from: today, days: p.days ?? Math.max(this.config.REMINDER_DAYS, 30), withObligations: false },
          org,
        );
        const dormant = await this.status.dormant(org);
        const reminderDays = this.config.REMINDER_DAYS;
        const obligations = await this.obligations.list({ status: 'open', dueBy: addDays(today, reminderDays), organisationId: org });
        await progress(70);
        const model = buildDigest({ since, until, changes, upcoming, dormant, generatedAt, obligations, today, reminderDays });
        const base = `office-digest-${today}`;
        return {
          files: [file('html', base, renderDigestHtml(model)), file('json', base, json(model))],
          summary: {
            since,
            until,
            newMilestones: model.newMilestones.length,
            corrections: model.corrections.length,
            retractions: model.retractions.length,
            upcoming: model.upcoming.length,
            dormant: model.dormant.length,
            obligationsOverdue: model.obligations.overdue.length,
            obligationsDueSoon: model.obligations.dueSoon.length,
          },
        };
      }
      case 'reminders': {
        const p = report.parameters as ReminderParameters;
        const days = p.days ?? this.config.REMINDER_DAYS;
        const stalledAfterDays = p.stalledAfterDays ?? 90;
        const calendar = await this.calendar.calendar({ from: today, days }, org);
        const partnerships: PartnershipSummary[] = [];
        let cursor: string | undefined;
        do {
          const page = await this.status.list({ limit: 100, cursor, organisationId: org });
          partnerships.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        await progress(60);
        const model = buildReminders({ today, days, stalledAfterDays, calendar, partnerships, generatedAt });
        const base = `reminders-${today}`;
        return {
          files: [file('html', base, renderRemindersHtml(model)), file('json', base, json(model))],
          summary: { days, stalledAfterDays, upcoming: model.upcoming.length, stalled: model.stalled.length },
        };
      }
    }
  }
}
