// Reads of the OParl read model: objects by path, the Body's lists (filtered, paged by id), and the
// System and each organisation's Body with the deployment's and the organisation's settings applied.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { displayName, type LocalizedName } from '../../domain/index.js';
import { INSTANCE_ORGANISATION_ID } from '../../../organisations/acting.js';
import { listOrganisations, type Organisation } from '../../../organisations/organisations.js';
import { setScopeOrganisations } from '../../../shared/db-scope.js';
import { BODY_KEY, inBodyOf, publishUrls, storedConfig } from './oparl.config.js';
import { oparlListPage, type OParlListPage, type OParlListQuery } from './oparl.list.js';
import { mapToOParl } from './oparl.mapping.js';
import type { OParlBody, OParlObject, OParlSystem, OParlType } from './oparl.types.js';

/** The Body's external lists (path segment → the type listed); the ledger holds no persons, files, places, terms or memberships. */
export const BODY_LIST_TYPES: Record<string, OParlType | null> = {
  organization: 'Organization',
  meeting: 'Meeting',
  paper: 'Paper',
  agendaitem: 'AgendaItem',
  consultation: 'Consultation',
  person: null,
  file: null,
  locationlist: null,
  legislativetermlist: null,
  membership: null,
};

/** Object types served at /oparl/v1.1/<segment>/<id>. */
export const OBJECT_SEGMENTS: Record<string, OParlType> = {
  organization: 'Organization',
  meeting: 'Meeting',
  agendaitem: 'AgendaItem',
  paper: 'Paper',
  consultation: 'Consultation',
};

const FILTER_SQL: Record<string, string> = {
  created_since: 'created >= ?::timestamptz',
  created_until: 'created <= ?::timestamptz',
  modified_since: 'modified >= ?::timestamptz',
  modified_until: 'modified <= ?::timestamptz',
};

/** Who asks: a key of one organisation (its Body only), or anyone (OPARL_PUBLIC: the published bodies). */
export type OParlViewer = { organisationId: string } | 'public';

/** A Body as served: the organisation behind it and its key in /oparl/v1.1/body/<key>. */
export interface OParlBodyOf {
  organisation: Organisation;
  key: string;
  /** null for the instance's first organisation: its ids carry no prefix */
  slug: string | null;
}

@Injectable()
export class OParlQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** e.g. https://ledger.example.org/oparl/v1.1 */
  get root(): string {
    return `${this.config.PUBLIC_BASE_URL}/oparl/v1.1`;
  }

  private publish<T>(o: T): T {
    return publishUrls(o, this.root);
  }

  /**
   * The bodies the viewer may read, the first organisation's first. A key reads its organisation's
   * Body; the public reads the first organisation's and those of organisations that set
   * `oparlPublic`, and the rest of the request reads as those organisations (row-level security),
   * so objects of any other Body are not found.
   */
  async bodiesFor(viewer: OParlViewer): Promise<OParlBodyOf[]> {
    const all = await listOrganisations(this.pool);
    const shown = all.filter((o) =>
      viewer === 'public' ? o.id === INSTANCE_ORGANISATION_ID || o.settings.oparlPublic === true : o.id === viewer.organisationId,
    );
    if (viewer === 'public') setScopeOrganisations(shown.map((o) => o.id));
    return shown
      .map((o) => {
        const first = o.id === INSTANCE_ORGANISATION_ID;
        return { organisation: o, key: first ? BODY_KEY : o.slug, slug: first ? null : o.slug };
      })
      .sort((a, b) => (a.slug === null ? -1 : b.slug === null ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The stored System or Body row, or (before any consultation is recorded) the mapping's empty one. */
  private async stored<T extends OParlObject>(type: 'System' | 'Body', body?: OParlBodyOf): Promise<T> {
    const { rows } = body
      ? await this.pool.query(`SELECT object FROM oparl_objects WHERE type = $1 AND organisation_id = $2 LIMIT 1`, [
          type,
          body.organisation.id,
        ])
      : await this.pool.query(`SELECT object FROM oparl_objects WHERE type = $1 LIMIT 1`, [type]);
    if (rows[0]) return rows[0].object as T;
    const empty = inBodyOf(mapToOParl([], storedConfig([])), body?.slug ?? null);
    return (type === 'System' ? empty.system : empty.body) as T;
  }

  async system(): Promise<OParlSystem> {
    const c = this.config;
    const s = await this.stored<OParlSystem>('System');
    return this.publish({
      ...s,
      name: c.OPARL_SYSTEM_NAME,
      ...(c.OPARL_CONTACT_EMAIL ? { contactEmail: c.OPARL_CONTACT_EMAIL } : {}),
      ...(c.OPARL_LICENSE ? { license: c.OPARL_LICENSE } : {}),
    });
  }

  /**
   * A Body with its organisation's settings (oparlBody*); the first organisation falls back to
   * OPARL_BODY_* and to the own municipality its partnerships name most often, another to its name.
   */
  async body(of: OParlBodyOf): Promise<OParlBody> {
    const c = this.config;
    const b = await this.stored<OParlBody>('Body', of);
    const s = of.organisation.settings;
    const first = of.slug === null;
    const name =
      s.oparlBodyName ?? (first ? (c.OPARL_BODY_NAME ?? (await this.municipalityName()) ?? 'Municipality') : of.organisation.name);
    const shortName = s.oparlBodyShortName ?? (first ? c.OPARL_BODY_SHORT_NAME : undefined);
    const website = s.oparlBodyWebsite ?? (first ? c.OPARL_BODY_WEBSITE : undefined);
    const ags = s.oparlBodyAgs ?? (first ? c.OPARL_BODY_AGS : undefined);
    return this.publish({
      ...b,
      name,
      ...(shortName ? { shortName } : {}),
      ...(website ? { website } : {}),
      ...(ags ? { ags } : {}),
      ...(c.OPARL_LICENSE ? { license: c.OPARL_LICENSE } : {}),
    });
  }

  /** The own municipality the first organisation's partnerships name most often, in German if held. */
  private async municipalityName(): Promise<string | null> {
    const { rows } = await this.pool.query(
      `SELECT own_municipality FROM partnership_status WHERE own_municipality IS NOT NULL AND organisation_id = $1
        GROUP BY own_municipality ORDER BY count(*) DESC, own_municipality::text LIMIT 1`,
      [INSTANCE_ORGANISATION_ID],
    );
    return rows[0] ? displayName(rows[0].own_municipality as LocalizedName, ['de', 'en', 'uk']) : null;
  }

  /** The list of bodies (System.body): one per organisation the viewer may read. */
  async bodies(of: OParlBodyOf[], query: OParlListQuery): Promise<OParlListPage<OParlBody>> {
    const all: OParlBody[] = [];
    for (const b of of) if (!Object.keys(query.filters).length || (await this.bodyMatches(b, query))) all.push(await this.body(b));
    const start = (query.page - 1) * query.elementsPerPage;
    return oparlListPage({
      listUrl: `${this.root}/body`,
      data: all.slice(start, start + query.elementsPerPage),
      totalElements: all.length,
      query,
    });
  }

  private async bodyMatches(of: OParlBodyOf, query: OParlListQuery): Promise<boolean> {
    const { where, params } = filterSql(query, 'Body', of.organisation.id);
    const { rows } = await this.pool.query(`SELECT 1 FROM oparl_objects WHERE ${where} LIMIT 1`, params);
    return rows.length > 0;
  }

  /** One object by type and local id, tombstones included; null when there never was one (or the viewer may not read it). */
  async object(type: OParlType, path: string): Promise<OParlObject | null> {
    const { rows } = await this.pool.query(`SELECT object FROM oparl_objects WHERE id = $1 AND type = $2`, [path, type]);
    return rows[0] ? this.publish(rows[0].object as OParlObject) : null;
  }

  /** One page of a Body list; deleted objects are listed too (marked), so a syncing client learns of them. */
  async list(of: OParlBodyOf, segment: string, query: OParlListQuery): Promise<OParlListPage<OParlObject>> {
    const listUrl = `${this.root}/body/${encodeURIComponent(of.key)}/${segment}`;
    const type = BODY_LIST_TYPES[segment];
    if (!type) return oparlListPage({ listUrl, data: [], totalElements: 0, query });
    const { where, params } = filterSql(query, type, of.organisation.id);
    const { rows: count } = await this.pool.query(`SELECT count(*)::int AS n FROM oparl_objects WHERE ${where}`, params);
    const { rows } = await this.pool.query(
      `SELECT object FROM oparl_objects WHERE ${where} ORDER BY id LIMIT ${query.elementsPerPage} OFFSET ${(query.page - 1) * query.elementsPerPage}`,
      params,
    );
    return oparlListPage({ listUrl, data: rows.map((r) => this.publish(r.object as OParlObject)), totalElements: count[0].n, query });
  }
}

/** WHERE clause and parameters for a type (or none) and the list filters; bounds are inclusive, instants compared. */
function filterSql(query: OParlListQuery, type: OParlType, organisationId: string): { where: string; params: unknown[] } {
  const params: unknown[] = [type, organisationId];
  const where = ['type = $1', 'organisation_id = $2'];
  for (const [name, value] of Object.entries(query.filters)) {
    if (!value) continue;
    params.push(value);
    where.push(FILTER_SQL[name].replace('?', `$${params.length}`));
  }
  return { where: where.join(' AND '), params };
}
