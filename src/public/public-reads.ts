// What the public pages read: the organisation by slug, its published partnerships, and one
// partnership's public view (status, public entries, places). Each read answers an ETag first from
// versions alone, so a revalidation costs two index probes and no rendering.
import { setScopeOrganisations } from '../shared/db-scope.js';
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../event-store/event-store.module.js';
import { streamOrganisations } from '../organisations/acting.js';
import { PartnershipNotFoundError } from '../partnerships/domain/index.js';
import type { PartnershipDetail } from '../partnerships/read-models/status/status.types.js';
import { StatusQueries } from '../partnerships/read-models/status/status.queries.js';
import type { Timeline } from '../partnerships/read-models/timeline/timeline.types.js';
import { TimelineQueries } from '../partnerships/read-models/timeline/timeline.queries.js';
import { Clock } from '../shared/clock.js';
import { ApiProblem } from '../shared/problem.js';
import { isPublished, publicDetail, publicTimeline } from './policy.js';
import { organisationBySlug, type PublicOrganisation } from './settings.js';

/** Bumped when the pages' markup changes, so caches do not keep the old pages. */
const RENDER_VERSION = '1';

export interface PublicPartnership {
  id: string;
  /** the status as the public dossier shows it */
  detail: PartnershipDetail;
  /** public entries only, personal fields removed */
  timeline: Timeline;
}

const notFound = (detail: string) => new ApiProblem(404, 'not_found', 'Not found', detail);

@Injectable()
export class PublicReads {
  constructor(
    @Inject(PG_POOL) readonly pool: pg.Pool,
    @Inject(TimelineQueries) private readonly timelines: TimelineQueries,
    @Inject(StatusQueries) private readonly status: StatusQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The organisation, if it has public pages; else 404 (whether it exists is nobody's business). */
  async organisation(slug: string): Promise<PublicOrganisation> {
    const org = /^[a-z0-9-]{1,32}$/.test(slug) ? await organisationBySlug(this.pool, slug) : null;
    if (!org?.settings.enabled) throw notFound(`There are no public pages at "${slug.slice(0, 40)}".`);
    // Nobody signed in: the rest of the request reads as the organisation whose pages these are.
    setScopeOrganisations([org.id]);
    return org;
  }

  /** An entity tag of everything a response depends on; `today` because standings turn dormant with time. */
  etag(parts: readonly (string | number | undefined)[], org: PublicOrganisation): string {
    const today = this.clock.now().toISOString().slice(0, 10);
    const hash = createHash('sha256')
      .update(JSON.stringify([RENDER_VERSION, today, org.stamp, ...parts]))
      .digest('base64url')
      .slice(0, 27);
    return `"${hash}"`;
  }

  /** The organisation's partnerships with their versions (the list's ETag), in id order. */
  async partnershipVersions(org: PublicOrganisation): Promise<{ id: string; version: number }[]> {
    const { rows } = await this.pool.query({
      name: 'public_partnership_versions',
      text: `SELECT partnership_id AS id, version FROM partnership_status ORDER BY partnership_id`,
    });
    const own: { id: string; version: number }[] = [];
    for (const r of rows as { id: string; version: number }[])
      if ((await streamOrganisations(this.pool, r.id)).includes(org.id)) own.push(r);
    return own;
  }

  /** The stream's head version: the partnership page's ETag; 0 when there is no such partnership. */
  async headVersion(id: string): Promise<number> {
    const { rows } = await this.pool.query({
      name: 'public_head_version',
      text: `SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
      values: [id],
    });
    return (rows[0] as { stream_version: number } | undefined)?.stream_version ?? 0;
  }

  /** One published partnership as the public sees it; 404 if unknown, another's, or not published. */
  async partnership(org: PublicOrganisation, id: string): Promise<PublicPartnership> {
    const missing = () => notFound(`There is no published partnership "${id.slice(0, 100)}" here.`);
    if (!/^[A-Za-z0-9._~-]{1,100}$/.test(id) || !(await streamOrganisations(this.pool, id)).includes(org.id)) throw missing();
    let timeline: Timeline;
    let detail: PartnershipDetail;
    try {
      [timeline, detail] = await Promise.all([this.timelines.timeline(id), this.status.get(id)]);
    } catch (err) {
      if (err instanceof PartnershipNotFoundError) throw missing();
      throw err;
    }
    if (!isPublished(timeline, org.settings)) throw missing();
    const shown = publicTimeline(timeline, org.settings);
    return { id, detail: publicDetail(detail, shown), timeline: shown };
  }

  /** The organisation's published partnerships, each in its public view. */
  async published(org: PublicOrganisation): Promise<PublicPartnership[]> {
    const out: PublicPartnership[] = [];
    for (const { id } of await this.partnershipVersions(org)) {
      try {
        out.push(await this.partnership(org, id));
      } catch (err) {
        if (!(err instanceof ApiProblem)) throw err;
      }
    }
    return out;
  }
}
