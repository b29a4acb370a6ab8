// Reads of the OParl read model: objects by path, the Body's lists (filtered, paged by id), and the
// System and Body with this deployment's settings applied (public base URL, names, licence).
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { PG_POOL } from '../../../event-store/event-store.module.js';
import { displayName, type LocalizedName } from '../../domain/index.js';
import { BODY_KEY, publishUrls, storedConfig } from './oparl.config.js';
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

  get bodyKey(): string {
    return BODY_KEY;
  }

  private publish<T>(o: T): T {
    return publishUrls(o, this.root);
  }

  /** The stored System or Body row, or (before any consultation is recorded) the mapping's empty one. */
  private async stored<T extends OParlObject>(type: 'System' | 'Body'): Promise<T> {
    const { rows } = await this.pool.query(`SELECT object FROM oparl_objects WHERE type = $1 LIMIT 1`, [type]);
    if (rows[0]) return rows[0].object as T;
    const empty = mapToOParl([], storedConfig([]));
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

  async body(): Promise<OParlBody> {
    const c = this.config;
    const b = await this.stored<OParlBody>('Body');
    return this.publish({
      ...b,
      name: c.OPARL_BODY_NAME ?? (await this.municipalityName()) ?? 'Municipality',
      ...(c.OPARL_BODY_SHORT_NAME ? { shortName: c.OPARL_BODY_SHORT_NAME } : {}),
      ...(c.OPARL_BODY_WEBSITE ? { website: c.OPARL_BODY_WEBSITE } : {}),
      ...(c.OPARL_BODY_AGS ? { ags: c.OPARL_BODY_AGS } : {}),
      ...(c.OPARL_LICENSE ? { license: c.OPARL_LICENSE } : {}),
    });
  }

  /** The own municipality the partnerships name most often, in German if held. */
  private async municipalityName(): Promise<string | null> {
    const { rows } = await this.pool.query(
      `SELECT own_municipality FROM partnership_status WHERE own_municipality IS NOT NULL
        GROUP BY own_municipality ORDER BY count(*) DESC, own_municipality::text LIMIT 1`,
    );
    return rows[0] ? displayName(rows[0].own_municipality as LocalizedName, ['de', 'en', 'uk']) : null;
  }

  /** The list of bodies (System.body): this service has one. */
  async bodies(query: OParlListQuery): Promise<OParlListPage<OParlBody>> {
    const body = await this.body();
    const matches = !Object.keys(query.filters).length || (await this.bodyMatches(query));
    const all = matches ? [body] : [];
    const start = (query.page - 1) * query.elementsPerPage;
    return oparlListPage({
      listUrl: `${this.root}/body`,
      data: all.slice(start, start + query.elementsPerPage),
      totalElements: all.length,
      query,
    });
  }

  private async bodyMatches(query: OParlListQuery): Promise<boolean> {
    const { where, params } = filterSql(query, 'Body');
    const { rows } = await this.pool.query(`SELECT 1 FROM oparl_objects WHERE ${where} LIMIT 1`, params);
    return rows.length > 0;
  }

  /** One object by type and local id, tombstones included; null when there never was one. */
  async object(type: OParlType, path: string): Promise<OParlObject | null> {
    const { rows } = await this.pool.query(`SELECT object FROM oparl_objects WHERE id = $1 AND type = $2`, [path, type]);
    return rows[0] ? this.publish(rows[0].object as OParlObject) : null;
  }

  /** One page of a Body list; deleted objects are listed too (marked), so a syncing client learns of them. */
  async list(segment: string, query: OParlListQuery): Promise<OParlListPage<OParlObject>> {
    const listUrl = `${this.root}/body/${BODY_KEY}/${segment}`;
    const type = BODY_LIST_TYPES[segment];
    if (!type) return oparlListPage({ listUrl, data: [], totalElements: 0, query });
    const { where, params } = filterSql(query, type);
    const { rows: count } = await this.pool.query(`SELECT count(*)::int AS n FROM oparl_objects WHERE ${where}`, params);
    const { rows } = await this.pool.query(
      `SELECT object FROM oparl_objects WHERE ${where} ORDER BY id LIMIT ${query.elementsPerPage} OFFSET ${(query.page - 1) * query.elementsPerPage}`,
      params,
    );
    return oparlListPage({ listUrl, data: rows.map((r) => this.publish(r.object as OParlObject)), totalElements: count[0].n, query });
  }
}

/** WHERE clause and parameters for a type (or none) and the list filters; bounds are inclusive, instants compared. */
function filterSql(query: OParlListQuery, type: OParlType): { where: string; params: unknown[] } {
  const params: unknown[] = [type];
  const where = ['type = $1'];
  for (const [name, value] of Object.entries(query.filters)) {
    if (!value) continue;
    params.push(value);
    where.push(FILTER_SQL[name].replace('?', `$${params.length}`));
  }
  return { where: where.join(' AND '), params };
}
