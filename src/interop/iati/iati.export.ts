// The IATI 2.03 export over the read models: the aid ledger's entries and, per partnership, what the
// status read model and the timeline hold of it (names, country, standing, start and end). Used by
// the HTTP routes and by the aid_iati report.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PG_POOL } from '../../event-store/event-store.module.js';
import type { BusinessDate } from '../../partnerships/domain/index.js';
import { AidLedgerQueries } from '../../partnerships/read-models/aid-ledger/aid-ledger.queries.js';
import type { AidEntry } from '../../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import { StatusQueries } from '../../partnerships/read-models/status/status.queries.js';
import { INSTANCE_ORGANISATION_ID } from '../../organisations/acting.js';
import { Clock } from '../../shared/clock.js';
import { buildIatiActivityXml, buildIatiPeriodXml, type IatiActivityInput, type IatiConfig } from './iati-activity.js';

/** No reporting organisation is configured: the service cannot say who publishes. */
export class IatiNotConfiguredError extends Error {
  constructor(how = 'set IATI_REPORTING_ORG_REF to the IATI organisation identifier of the municipality') {
    super(`The IATI export is not configured: ${how}.`);
  }
}

/** The widest period: an export without from/to covers all the aid recorded. */
const ALL_TIME = { from: '0001-01-01', to: '9999-12-31' };

@Injectable()
export class IatiExport {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(StatusQueries) private readonly status: StatusQueries,
    @Inject(AidLedgerQueries) private readonly aid: AidLedgerQueries,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The mapping's settings from this deployment's; throws IatiNotConfiguredError without an organisation identifier. */
  iatiConfig(): IatiConfig {
    const c = this.config;
    if (!c.IATI_REPORTING_ORG_REF) throw new IatiNotConfiguredError();
    return {
      reportingOrg: {
        ref: c.IATI_REPORTING_ORG_REF,
        typeCode: c.IATI_REPORTING_ORG_TYPE,
        ...(c.IATI_REPORTING_ORG_NAME ? { name: c.IATI_REPORTING_ORG_NAME } : {}),
      },
      activityIdPrefix: c.IATI_ACTIVITY_ID_PREFIX ?? c.IATI_REPORTING_ORG_REF,
    };
  }

  /**
   * The reporting organisation of an organisation's export: its settings (iati.ref, name, type);
   * the instance's first organisation falls back to this deployment's IATI_REPORTING_ORG_*.
   */
  private async configFor(organisationId?: string): Promise<IatiConfig> {
    if (!organisationId) return this.iatiConfig();
    const { rows } = await this.pool.query(`SELECT settings->'iati' AS iati FROM organisations WHERE id = $1`, [organisationId]);
    const iati = rows[0]?.iati as { ref?: string; name?: string; type?: string } | null;
    if (iati?.ref)
      return {
        reportingOrg: {
          ref: iati.ref,
          typeCode: iati.type ?? this.config.IATI_REPORTING_ORG_TYPE,
          ...(iati.name ? { name: { en: iati.name } } : {}),
        },
        activityIdPrefix: iati.ref,
      };
    if (organisationId === INSTANCE_ORGANISATION_ID) return this.iatiConfig();
    throw new IatiNotConfiguredError(
      'set the organisation’s IATI reporting organisation (PATCH /api/v1/organisations/{slug}, settings.iati.ref)',
    );
  }

  private generatedAt(): string {
    // IATI's generated-datetime is an xsd:dateTime; seconds are precise enough
    return this.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
  }

  /** One partnership's activity, all its aid. PartnershipNotFoundError when there is no such partnership. */
  async partnership(partnershipId: string, organisationId?: string): Promise<string> {
    const config = await this.configFor(organisationId);
    const [input] = await this.inputs([partnershipId], (await this.aid.aid({ partnershipId })).items);
    return buildIatiActivityXml(input, config, this.generatedAt());
  }

  /** Every partnership's aid dated in [from, to] (inclusive YYYY-MM-DD); NothingToExportError when there is none. */
  async period(p: { from?: string; to?: string; partnershipId?: string }, organisationId?: string): Promise<string> {
    const config = await this.configFor(organisationId);
    const period = { from: p.from ?? ALL_TIME.from, to: p.to ?? ALL_TIME.to };
    const items = (await this.aid.aid({ from: p.from, to: p.to, partnershipId: p.partnershipId }, organisationId)).items;
    const ids = [...new Set(items.map((i) => i.partnershipId))].sort();
    return buildIatiPeriodXml(await this.inputs(ids, items), period, config, this.generatedAt());
  }

  private async inputs(ids: string[], items: AidEntry[]): Promise<IatiActivityInput[]> {
    const { rows } = await this.pool.query(
      `SELECT partnership_id, type, occurred_on FROM timeline_entries
        WHERE partnership_id = ANY($1) AND type IN ('PartnershipInitiated', 'PartnershipTerminated') AND NOT retracted
        ORDER BY sort_date, stream_version`,
      [ids],
    );
    const dated = (id: string, type: string): BusinessDate[] =>
      rows.filter((r) => r.partnership_id === id && r.type === type).map((r) => r.occurred_on as BusinessDate);
    const out: IatiActivityInput[] = [];
    for (const id of ids) {
      const s = await this.status.get(id);
      out.push({
        partnership: {
          partnershipId: id,
          ownMunicipality: s.ownMunicipality,
          counterpart: s.counterpart,
          counterpartCountry: s.counterpartCountry,
          standing: s.standing,
          startedOn: dated(id, 'PartnershipInitiated')[0] ?? null,
          endedOn: s.standing === 'terminated' ? (dated(id, 'PartnershipTerminated').at(-1) ?? null) : null,
        },
        aid: items.filter((i) => i.partnershipId === id),
      });
    }
    return out;
  }
}
