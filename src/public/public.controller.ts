// The public pages and feeds: /public/<organisation>/ and /public/<organisation>/<partnership>, no
// sign-in. Every answer carries an ETag computed from versions before anything is rendered, so a
// revalidation is a 304 after two index probes; rendered answers are kept by ETag for the next caller.
import { Controller, Get, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Clock } from '../shared/clock.js';
import { ApiProblem } from '../shared/problem.js';
import { Public } from '../shared/public.decorator.js';
import { publicAidCsv, publicDossierHtml, publicDossierPdf } from './exports.js';
import { atomFeed } from './feeds.js';
import { pageLanguages } from './layout.js';
import { renderMapSvg } from './map.js';
import { listPage, partnershipPage } from './pages.js';
import { aidYears, mapPlaces, placesOf } from './places.js';
import { PublicRateLimitGuard } from './public-limit.js';
import { PublicReads } from './public-reads.js';
import type { PublicOrganisation } from './settings.js';
import { chooseLanguage, wordsFor } from './words.js';

const CACHE_ENTRIES = 500;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
}

const yearParam = (v: unknown): string | undefined => {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string' && /^\d{4}$/.test(v)) return v;
  throw new ApiProblem(400, 'validation_failed', 'Invalid query', 'year must be a year such as 2022.', [
    { field: 'year', reason: 'must be a year such as 2022' },
  ]);
};

@ApiExcludeController()
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('public')
export class PublicController {
  /** Rendered answers by ETag; the oldest is dropped first. */
  private readonly rendered = new Map<string, string | Buffer>();

  constructor(
    @Inject(PublicReads) private readonly reads: PublicReads,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ETag and caching headers; 304 when the client has it; else the (kept or newly built) body. */
  private async answer(
    req: Request,
    res: Response,
    etag: string,
    type: string,
    build: () => Promise<string | Buffer>,
    disposition?: string,
  ) {
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', `public, max-age=${this.config.PUBLIC_MAX_AGE_SECONDS}`);
    res.setHeader('Vary', 'Accept-Language');
    if (matches(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    let body = this.rendered.get(etag + type);
    if (body === undefined) {
      body = await build();
      if (this.rendered.size >= CACHE_ENTRIES) this.rendered.delete(this.rendered.keys().next().value!);
      this.rendered.set(etag + type, body);
    }
    res.setHeader('Content-Type', type);
    if (disposition) res.setHeader('Content-Disposition', disposition);
    res.send(body);
  }

  private common(org: PublicOrganisation, req: Request, lang: unknown) {
    const say = wordsFor(chooseLanguage(lang, req.headers['accept-language'], org.languages));
    return { say, languages: pageLanguages(org.languages), orgName: org.name, orgSlug: org.slug };
  }

  /** Feed links are absolute; from PUBLIC_BASE_URL, never from the request's Host header. */
  private absolute(path: string): string {
    return `${this.config.PUBLIC_BASE_URL}${path}`;
  }

  @Get(':org')
  async list(@Param('org') slug: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response) {
    const org = await this.reads.organisation(slug);
    const c = this.common(org, req, lang);
    const versions = await this.reads.partnershipVersions(org);
    const etag = this.reads.etag(['list', c.say.lang, ...versions.map((v) => `${v.id}@${v.version}`)], org);
    await this.answer(req, res, etag, 'text/html; charset=utf-8', async () => listPage(c, await this.reads.published(org)).value);
  }

  @Get(':org/feed.atom')
  async orgFeed(@Param('org') slug: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response) {
    const org = await this.reads.organisation(slug);
    const c = this.common(org, req, lang);
    const versions = await this.reads.partnershipVersions(org);
    const etag = this.reads.etag(['org-feed', c.say.lang, ...versions.map((v) => `${v.id}@${v.version}`)], org);
    const base = `/public/${org.slug}/`;
    await this.answer(req, res, etag, 'application/atom+xml; charset=utf-8', async () =>
      atomFeed(
        c.say,
        {
          id: this.absolute(base),
          title: `${org.name}: ${c.say.w.partnerships}`,
          link: this.absolute(base),
          self: this.absolute(`${base}feed.atom`),
          orgName: org.name,
        },
        await this.reads.published(org),
      ),
    );
  }

  /** The ETag of one partnership's answers; 404 before any rendering when there is no such stream. */
  private async partnershipTag(org: PublicOrganisation, id: string, parts: (string | undefined)[]): Promise<string> {
    const head = await this.reads.headVersion(id);
    if (head === 0) throw new ApiProblem(404, 'not_found', 'Not found', `There is no published partnership "${id.slice(0, 100)}" here.`);
    return this.reads.etag(['partnership', id, head, ...parts], org);
  }

  @Get(':org/:id')
  async page(
    @Param('org') slug: string,
    @Param('id') id: string,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const org = await this.reads.organisation(slug);
    const c = this.common(org, req, q.lang);
    const year = yearParam(q.year);
    const etag = await this.partnershipTag(org, id, ['page', c.say.lang, year]);
    await this.answer(req, res, etag, 'text/html; charset=utf-8', async () => {
      const p = await this.reads.partnership(org, id);
      const places = await placesOf(this.reads.pool, org.id, p.detail, p.timeline.entries, year);
      return partnershipPage(c, p, { places, years: aidYears(p.timeline.entries), year }).value;
    });
  }

  @Get(':org/:id/map.svg')
  async map(
    @Param('org') slug: string,
    @Param('id') id: string,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const org = await this.reads.organisation(slug);
    const c = this.common(org, req, q.lang);
    const year = yearParam(q.year);
    const etag = await this.partnershipTag(org, id, ['map', c.say.lang, year]);
    await this.answer(req, res, etag, 'image/svg+xml; charset=utf-8', async () => {
      const p = await this.reads.partnership(org, id);
      const places = await placesOf(this.reads.pool, org.id, p.detail, p.timeline.entries, year);
      return renderMapSvg(mapPlaces(places, c.say.name), { title: c.say.w.mapTitle, description: c.say.w.mapDesc }).value;
    });
  }

  @Get(':org/:id/feed.atom')
  async feed(@Param('org') slug: string, @Param('id') id: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response) {
    const org = await this.reads.organisation(slug);
    const c = this.common(org, req, lang);
    const etag = await this.partnershipTag(org, id, ['feed', c.say.lang]);
    const page = `/public/${org.slug}/${encodeURIComponent(id)}`;
    await this.answer(req, res, etag, 'application/atom+xml; charset=utf-8', async () => {
      const p = await this.reads.partnership(org, id);
      const title = `${c.say.name(p.detail.ownMunicipality)} – ${c.say.name(p.detail.counterpart)}`;
      return atomFeed(
        c.say,
        { id: this.absolute(page), title, link: this.absolute(page), self: this.absolute(`${page}/feed.atom`), orgName: org.name },
        [p],
      );
    });
  }

  @Get(':org/:id/dossier.html')
  async dossierHtml(@Param('org') slug: string, @Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const org = await this.reads.organisation(slug);
    const etag = await this.partnershipTag(org, id, ['dossier.html']);
    await this.answer(req, res, etag, 'text/html; charset=utf-8', async () =>
      publicDossierHtml(await this.reads.partnership(org, id), this.clock.now().toISOString()),
    );
  }

  @Get(':org/:id/dossier.pdf')
  async dossierPdf(@Param('org') slug: string, @Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const org = await this.reads.organisation(slug);
    const etag = await this.partnershipTag(org, id, ['dossier.pdf']);
    await this.answer(
      req,
      res,
      etag,
      'application/pdf',
      async () => publicDossierPdf(await this.reads.partnership(org, id), this.clock.now().toISOString()),
      `attachment; filename="${id}-dossier.pdf"`,
    );
  }

  @Get(':org/:id/aid.csv')
  async aidCsv(@Param('org') slug: string, @Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const org = await this.reads.organisation(slug);
    const etag = await this.partnershipTag(org, id, ['aid.csv']);
    await this.answer(
      req,
      res,
      etag,
      'text/csv; charset=utf-8',
      async () => publicAidCsv(await this.reads.partnership(org, id), this.clock.now().toISOString()),
      `attachment; filename="${id}-aid.csv"`,
    );
  }
}
