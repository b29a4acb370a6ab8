// The staff side of the public pages and the map: the map of a partnership (all its live entries)
// as SVG and as data with the gazetteer's suggestions, the office's choice of a place's coordinates,
// and the organisation's publication policy.
import { Body, Controller, Get, Inject, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { actingOrganisation, streamOrganisations } from '../organisations/acting.js';
import { PartnershipNotFoundError } from '../partnerships/domain/index.js';
import { StatusQueries } from '../partnerships/read-models/status/status.queries.js';
import { TimelineQueries } from '../partnerships/read-models/timeline/timeline.queries.js';
import { READ_ROLES, Roles, WRITE_ROLES } from '../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem } from '../shared/problem.js';
import { gazetteerCity } from './gazetteer.js';
import { renderMapSvg } from './map.js';
import { aidYears, choosePlace, mapPlaces, placesOf } from './places.js';
import { PublicReads } from './public-reads.js';
import { checkPublicSettings, publicSettingsOf, setPublicSettings, type PublicSettings } from './settings.js';
import { chooseLanguage, wordsFor } from './words.js';

const SETTINGS_SCHEMA = {
  type: 'object',
  properties: {
    enabled: { type: 'boolean' },
    defaultPublicKinds: { type: 'array', items: { type: 'string' }, description: 'milestone kinds public unless marked internal' },
  },
  required: ['enabled', 'defaultPublicKinds'],
  additionalProperties: false,
  example: { enabled: true, defaultPublicKinds: ['PartnershipInitiated', 'AidDelivered', 'AgreementSigned'] },
};
const COORDINATES_SCHEMA = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    lon: { type: 'number' },
    lat: { type: 'number' },
    geonameId: { type: 'integer', nullable: true },
    source: { type: 'string', enum: ['office', 'gazetteer'] },
  },
  required: ['key', 'lon', 'lat', 'geonameId', 'source'],
};
const MAP_SCHEMA = {
  type: 'object',
  properties: {
    places: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          name: { type: 'object', additionalProperties: { type: 'string' } },
          role: { type: 'string', enum: ['partner', 'receiver'] },
          country: { type: 'string', nullable: true },
          deliveries: { type: 'integer' },
          totals: { type: 'object', additionalProperties: { type: 'string' } },
          at: { type: 'object', nullable: true, additionalProperties: true },
          suggestions: { type: 'array', items: { type: 'object', additionalProperties: true } },
        },
      },
    },
    years: { type: 'array', items: { type: 'string' } },
  },
  required: ['places', 'years'],
};

const year = (v: unknown) => {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string' && /^\d{4}$/.test(v)) return v;
  throw validationProblem([{ field: 'year', reason: 'must be a year such as 2022' }]);
};

@ApiTags('maps and public pages')
@ApiBearerAuth()
@GuardedRoutes()
@Controller('api/v1')
export class PlacesController {
  constructor(
    @Inject(PublicReads) private readonly reads: PublicReads,
    @Inject(TimelineQueries) private readonly timelines: TimelineQueries,
    @Inject(StatusQueries) private readonly status: StatusQueries,
  ) {}

  /** Every live (not retracted) entry: staff see internal entries on their map too. */
  private async places(req: Request, id: string, y: string | undefined) {
    const org = actingOrganisation(req);
    const notFound = () =>
      new ApiProblem(404, 'partnership_not_found', 'Partnership not found', `There is no partnership ${id.slice(0, 100)}.`);
    if (!(await streamOrganisations(this.reads.pool, id)).includes(org.id)) throw notFound();
    try {
      const [t, d] = await Promise.all([this.timelines.timeline(id), this.status.get(id)]);
      const live = t.entries.filter((e) => !e.retracted);
      return { places: await placesOf(this.reads.pool, org.id, d, live, y), years: aidYears(live) };
    } catch (err) {
      if (err instanceof PartnershipNotFoundError) throw notFound();
      throw err;
    }
  }

  @Get('partnerships/:id/map')
  @Roles(...READ_ROLES)
  @ApiOperation({
    summary: 'The places of a partnership with coordinates (chosen, or suggested by the gazetteer) and aid per place; ?year=',
  })
  @ApiOkResponse({ schema: MAP_SCHEMA, description: 'the places and the years with deliveries' })
  @ProblemResponses({ 400: 'a year that is not YYYY', 404: 'unknown partnership' })
  async mapData(@Param('id') id: string, @Query('year') y: unknown, @Req() req: Request) {
    return this.places(req, id, year(y));
  }

  @Get('partnerships/:id/map.svg')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'The map of a partnership as SVG (the same renderer as the public page); ?year=&lang=' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'the SVG' })
  @ProblemResponses({ 400: 'a year that is not YYYY', 404: 'unknown partnership' })
  async mapSvg(@Param('id') id: string, @Query() q: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const { places } = await this.places(req, id, year(q.year));
    const say = wordsFor(chooseLanguage(q.lang, req.headers['accept-language'], ['en', 'de', 'uk']));
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.send(renderMapSvg(mapPlaces(places, say.name), { title: say.w.mapTitle, description: say.w.mapDesc }).value);
  }

  @Put('places/:key')
  @Roles(...WRITE_ROLES)
  @ApiOperation({
    summary: "Confirm or override a place's coordinates: { geonameId } (a gazetteer suggestion) or { lon, lat }",
  })
  @ApiBody({
    schema: {
      type: 'object',
      properties: { geonameId: { type: 'integer' }, lon: { type: 'number' }, lat: { type: 'number' } },
      example: { lon: 31.9974, lat: 46.96591 },
    },
  })
  @ApiOkResponse({ schema: COORDINATES_SCHEMA, description: 'stored' })
  @ProblemResponses({ 400: 'neither a known geonameId nor lon/lat in range' })
  async choose(@Param('key') key: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const org = actingOrganisation(req);
    const who = req.apiKey?.name ?? req.personSession?.actorId ?? 'unknown';
    if (key.length < 1 || key.length > 200) throw validationProblem([{ field: 'key', reason: 'must be 1–200 characters' }]);
    if (b.geonameId !== undefined) {
      const city = typeof b.geonameId === 'number' ? gazetteerCity(b.geonameId) : undefined;
      if (!city) throw validationProblem([{ field: 'geonameId', reason: 'is not a city of the gazetteer' }]);
      await choosePlace(
        this.reads.pool,
        org.id,
        key,
        { lon: city.lon, lat: city.lat, geonameId: city.geonameId, source: 'gazetteer' },
        who,
      );
      return { key, lon: city.lon, lat: city.lat, geonameId: city.geonameId, source: 'gazetteer' };
    }
    const errors = [];
    if (typeof b.lon !== 'number' || !(Math.abs(b.lon) <= 180))
      errors.push({ field: 'lon', reason: 'must be a longitude from -180 to 180' });
    if (typeof b.lat !== 'number' || !(Math.abs(b.lat) <= 90)) errors.push({ field: 'lat', reason: 'must be a latitude from -90 to 90' });
    if (errors.length) throw validationProblem(errors);
    await choosePlace(this.reads.pool, org.id, key, { lon: b.lon as number, lat: b.lat as number, geonameId: null, source: 'office' }, who);
    return { key, lon: b.lon, lat: b.lat, geonameId: null, source: 'office' };
  }

  @Get('public-settings')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: "The organisation's public pages: on or off, and the milestone kinds public by default" })
  @ApiOkResponse({ schema: SETTINGS_SCHEMA })
  async settings(@Req() req: Request): Promise<PublicSettings> {
    const { rows } = await this.reads.pool.query(`SELECT settings FROM organisations WHERE id = $1`, [actingOrganisation(req).id]);
    return publicSettingsOf((rows[0] as { settings: unknown } | undefined)?.settings);
  }

  @Put('public-settings')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the organisation\'s publication policy: { enabled, defaultPublicKinds: ["AidDelivered", …] }' })
  @ApiBody({ schema: SETTINGS_SCHEMA })
  @ApiOkResponse({ schema: SETTINGS_SCHEMA, description: 'stored' })
  @ProblemResponses({ 400: 'a field missing or a kind that is no milestone' })
  async setSettings(@Body() body: unknown, @Req() req: Request): Promise<PublicSettings> {
    const errors = checkPublicSettings(body);
    if (errors.length) throw validationProblem(errors);
    const s = publicSettingsOf({ public: body });
    await setPublicSettings(this.reads.pool, actingOrganisation(req).id, s);
    return s;
  }
}
