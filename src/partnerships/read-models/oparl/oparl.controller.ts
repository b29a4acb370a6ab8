// OParl 1.1, read-only, under /oparl/v1.1/: the System (also at the root), the list of bodies (one
// per organisation), each Body's external lists, and each object at its id. Whether a key is needed is
// the OPARL_PUBLIC setting: oparl.module.ts registers OParlController (a key with read access) or
// PublicOParlController (no key; limited per address, open to other origins). Both serve the routes
// of OParlRoutes; each adds only its access and the answers that access brings (401/403 or none).
import { Controller, Get, Inject, Injectable, Param, Query, Req, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RateLimits, limitHeaders, tooMany } from '../../../auth/rate-limits.js';
import { actingOrganisation } from '../../../organisations/acting.js';
import { READ_ROLES, Roles } from '../../../shared/auth/roles.decorator.js';
import { GuardedRoutes, ProblemResponses } from '../../../shared/openapi.js';
import { ApiProblem, validationProblem } from '../../../shared/problem.js';
import { Public } from '../../../shared/public.decorator.js';
import { ValidationError } from '../../domain/index.js';
import { parseOParlListQuery, type OParlListQuery } from './oparl.list.js';
import { BODY_LIST_TYPES, OBJECT_SEGMENTS, OParlQueries, type OParlBodyOf, type OParlViewer } from './oparl.queries.js';
import {
  OPARL_OBJECT_SCHEMAS,
  OParlBodyListSchema,
  OParlBodySchema,
  OParlObjectListSchema,
  OParlSystemSchema,
  oneOParlObject,
} from './oparl.schemas.js';

const LIST_QUERY = [
  { name: 'created_since', description: 'Only objects created at or after this date-time (with offset).' },
  { name: 'created_until', description: 'Only objects created at or before this date-time.' },
  { name: 'modified_since', description: 'Only objects modified at or after this date-time; deleted objects are included.' },
  { name: 'modified_until', description: 'Only objects modified at or before this date-time.' },
  { name: 'page', description: 'Page number, from 1.' },
  { name: 'elementsPerPage', description: 'Objects per page (default 100, at most 1000).' },
];
const ListQueries = (): MethodDecorator => (target, key, descriptor) => {
  for (const q of LIST_QUERY) ApiQuery({ ...q, required: false, schema: { type: 'string' } })(target, key, descriptor);
  ProblemResponses({
    400: 'a filter is not a date-time with offset, a since is after its until, or page/elementsPerPage is not a whole number (validation_failed)',
  })(target, key, descriptor);
};

function listQuery(raw: Record<string, unknown>): OParlListQuery {
  try {
    return parseOParlListQuery(raw);
  } catch (err) {
    if (err instanceof ValidationError) throw validationProblem(err.errors);
    throw err;
  }
}

const notFound = (what: string) => new ApiProblem(404, 'oparl_object_not_found', 'Not found', `There is no OParl ${what}.`);

/** The routes, documented once; the controllers below add how they are reached. */
@ApiTags('oparl')
@ApiExtraModels(...OPARL_OBJECT_SCHEMAS)
abstract class OParlRoutes {
  constructor(@Inject(OParlQueries) protected readonly oparl: OParlQueries) {}

  /** Who asks: the controllers below say. */
  protected abstract viewer(req: Request): OParlViewer;

  private async bodyOf(req: Request, key: string): Promise<OParlBodyOf> {
    const found = (await this.oparl.bodiesFor(this.viewer(req))).find((b) => b.key === key);
    if (!found) throw notFound(`body ${key}`);
    return found;
  }

  /** Row-level security limits what follows to the bodies the viewer may read (a key's: set already). */
  private async scoped(req: Request): Promise<void> {
    const viewer = this.viewer(req);
    if (viewer === 'public') await this.oparl.bodiesFor(viewer);
  }

  @Get()
  @ApiOperation({ summary: 'OParl 1.1 entry point: the System object' })
  @ApiOkResponse({ type: OParlSystemSchema })
  async root(@Req() req: Request) {
    return this.system(req);
  }

  @Get('system')
  @ApiOperation({ summary: 'The OParl System' })
  @ApiOkResponse({ type: OParlSystemSchema })
  async system(@Req() req: Request) {
    await this.scoped(req);
    return this.oparl.system();
  }

  @Get('body')
  @ApiOperation({
    summary: 'The list of bodies: one per organisation (a key reads its own; OPARL_PUBLIC shows the first and those that publish theirs)',
  })
  @ApiOkResponse({ type: OParlBodyListSchema })
  @ListQueries()
  async bodies(@Req() req: Request, @Query() q: Record<string, unknown>) {
    const query = listQuery(q);
    return this.oparl.bodies(await this.oparl.bodiesFor(this.viewer(req)), query);
  }

  @Get('body/:body')
  @ApiOperation({ summary: "The Body: an organisation's council information, with links to its lists" })
  @ApiOkResponse({ type: OParlBodySchema })
  @ProblemResponses({ 404: 'no such body (oparl_object_not_found)' })
  async body(@Req() req: Request, @Param('body') key: string) {
    return this.oparl.body(await this.bodyOf(req, key));
  }

  @Get('body/:body/:list')
  @ApiOperation({ summary: "One page of a Body's list (organization, meeting, paper, agendaitem, consultation; the others are empty)" })
  @ApiParam({ name: 'list', enum: Object.keys(BODY_LIST_TYPES) })
  @ApiOkResponse({ type: OParlObjectListSchema })
  @ProblemResponses({ 404: 'no such body or list (oparl_object_not_found)' })
  @ListQueries()
  async list(@Req() req: Request, @Param('body') key: string, @Param('list') list: string, @Query() q: Record<string, unknown>) {
    const body = await this.bodyOf(req, key);
    if (!(list in BODY_LIST_TYPES)) throw notFound(`list ${list}`);
    return this.oparl.list(body, list, listQuery(q));
  }

  @Get(':type/:id')
  @ApiOperation({ summary: 'One object (organization, meeting, agendaitem, paper, consultation); deleted ones carry deleted: true' })
  @ApiParam({ name: 'type', enum: Object.keys(OBJECT_SEGMENTS) })
  @ApiOkResponse({ schema: oneOParlObject(), description: 'the object of the type in the path' })
  @ProblemResponses({ 404: 'no such object type or object (oparl_object_not_found)' })
  async object(@Req() req: Request, @Param('type') segment: string, @Param('id') id: string) {
    const type = OBJECT_SEGMENTS[segment];
    if (!type) throw notFound(`object type ${segment}`);
    await this.scoped(req);
    const found = await this.oparl.object(type, `${segment}/${encodeURIComponent(id)}`);
    if (!found) throw notFound(`${segment} ${id}`);
    return found;
  }
}

/** OParl without a key: each address gets the per-key request limit, and other origins may read it. */
@Injectable()
export class PublicOParlAccess implements CanActivate {
  constructor(@Inject(RateLimits) private readonly limits: RateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const r = await this.limits.requests.consume(`ip:${req.ip ?? 'unknown'}`);
    if (!r.allowed) throw tooMany('rate_limited', (s) => `This address may make ${r.limit} requests per minute; wait ${s} s and retry.`, r);
    for (const [k, v] of Object.entries(limitHeaders(r))) res.setHeader(k, v);
    res.setHeader('Access-Control-Allow-Origin', '*');
    return true;
  }
}

/** OParl with a key that has read access (OPARL_PUBLIC off, the default). */
@ApiBearerAuth()
@GuardedRoutes()
@Roles(...READ_ROLES)
@Controller('oparl/v1.1')
export class OParlController extends OParlRoutes {
  protected viewer(req: Request): OParlViewer {
    return { organisationId: actingOrganisation(req).id };
  }
}

@Public()
@UseGuards(PublicOParlAccess)
@ProblemResponses({ 429: 'too many requests from this address; Retry-After says when to retry (rate_limited)' })
@Controller('oparl/v1.1')
export class PublicOParlController extends OParlRoutes {
  protected viewer(): OParlViewer {
    return 'public';
  }
}
