// Reports over HTTP: request (202 + Location), list, status, download. Thin: the request is fully
// validated (body, parameters, the partnership's existence) before a row is written. The row and its
// enqueue intent commit together; Redis plays no part in accepting a request.
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { PG_POOL } from '../event-store/event-store.module.js';
import { PostgresEventStore } from '../event-store/postgres-event-store.js';
import { sideOf } from '../organisations/access.js';
import { actingOrganisation } from '../organisations/acting.js';
import { PartnershipNotFoundError } from '../partnerships/domain/index.js';
import { READ_ROLES, Roles, type Role } from '../shared/auth/roles.decorator.js';
import { BODY_PROBLEMS, GuardedRoutes, ProblemResponses } from '../shared/openapi.js';
import { ApiProblem, validationProblem, type FieldError } from '../shared/problem.js';
import { classifyError } from './errors.js';
import { jobIdForReport } from './queue.js';
import { ReportRelay } from './report-relay.js';
import { createReport, getFile, getReport, listReports, type Report } from './report-store.js';
import {
  FORMATS,
  FORMATS_OF,
  REPORT_STATUSES,
  REPORT_TYPES,
  validateReportRequest,
  type ReportFormat,
  type ReportStatus,
  type ReportType,
} from './report-types.js';
import {
  ReportAcceptedSchema,
  ReportPageSchema,
  ReportRequestSchema,
  ReportSchema,
  type ReportAccepted,
  type ReportView,
} from './reports.schemas.js';

/** Who may ask for reports; everyone who may read partnerships may read and download them. */
const REPORT_REQUEST_ROLES: Role[] = ['reporting', 'office', 'admin'];
const BASE = '/api/v1/reports';

function view(r: Report): ReportView {
  // Internal bookkeeping of dispatcher refreshes stays out of the public parameters.
  const { minVersion: _m, ...parameters } = r.parameters ?? {};
  return {
    id: r.id,
    type: r.type,
    parameters,
    status: r.status,
    progress: r.progress,
    error: r.error,
    /** transient: being retried; unexpected: retried a few times; permanent: given up */
    errorKind: r.errorKind,
    nextAttemptAt: r.nextAttemptAt,
    attempts: r.attempts,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    summary: r.summary,
    formats: FORMATS_OF[r.type],
    files: r.files.map((f) => ({ ...f, href: `${BASE}/${r.id}/download?format=${f.format}` })),
    links: { self: `${BASE}/${r.id}`, download: `${BASE}/${r.id}/download` },
  };
}

const notFound = (id: string) =>
  new ApiProblem(404, 'report_not_found', 'Not found', `There is no report ${id}.`, undefined, { reportId: id });

function encodeCursor(c: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}
function decodeCursor(s: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    // Exactly the form encodeCursor writes: a moment PostgreSQL can compare ("+275760-…" parses in JS, not there).
    const moment =
      typeof createdAt === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(createdAt) ? new Date(createdAt) : null;
    if (
      moment &&
      moment.getUTCFullYear() >= 1970 &&
      moment.toISOString() === createdAt &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { createdAt, id };
  } catch {
    /* fall through */
  }
  throw validationProblem([{ field: 'cursor', reason: 'is not a cursor this endpoint returned; start again without it' }]);
}

@ApiTags('reports')
@ApiBearerAuth()
@GuardedRoutes()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(ReportRelay) private readonly relay: ReportRelay,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(...REPORT_REQUEST_ROLES)
  @ApiOperation({ summary: 'Request a report; a worker produces it. Poll the Location, then download.' })
  @ApiBody({
    type: ReportRequestSchema,
    examples: { aid: { value: { type: 'aid_summary', parameters: { from: '2022-01-01', to: '2022-12-31' } } } },
  })
  @ApiAcceptedResponse({ type: ReportAcceptedSchema, description: 'queued; the Location header points at the report' })
  @ProblemResponses({
    400: 'unknown type or bad parameters, nothing queued (validation_failed)',
    404: 'unknown partnership, nothing queued (partnership_not_found)',
    ...BODY_PROBLEMS,
    503: 'the database is unavailable, nothing kept (reports_unavailable); Retry-After says when to retry',
  })
  async request(
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportAccepted> {
    const checked = validateReportRequest(body);
    if (!checked.ok) throw validationProblem(checked.errors);
    const { type } = checked.value;
    const parameters = { ...checked.value.parameters };
    const id = uuidv7();
    let report: Report;
    try {
      if (checked.value.partnershipId) {
        // Another organisation's partnership is not found, as for every read.
        const side = await sideOf(this.pool, actingOrganisation(req).id, checked.value.partnershipId);
        const version = side ? await this.store.streamVersion(checked.value.partnershipId) : 0;
        if (version === 0) throw new PartnershipNotFoundError(checked.value.partnershipId);
        // The dossier shows at least everything recorded before it was asked for.
        if (type === 'dossier') parameters.minVersion = version;
      }
      // Row and enqueue intent in one statement: accepted means kept, whatever Redis is doing.
      ({ report } = await createReport(this.pool, {
        id,
        organisationId: actingOrganisation(req).id,
        type,
        parameters,
        requestedBy: req.apiKey?.name ?? req.personSession?.actorId ?? 'unknown',
        jobId: jobIdForReport(id),
        reason: 'requested',
      }));
    } catch (err) {
      if (classifyError(err).kind !== 'transient') throw err;
      throw new ApiProblem(
        503,
        'reports_unavailable',
        'Service unavailable',
        // The driver's message (host, port, SQL) is for the log, not for the client.
        'Reports cannot be accepted right now: the database is not answering; nothing was kept. Retry later.',
        undefined,
        {},
        { 'Retry-After': '5' },
      );
    }
    this.relay.wake(); // committed: hand the job to BullMQ now rather than at the next poll
    res.setHeader('Location', `${BASE}/${id}`);
    return { id, status: report.status, type, links: view(report).links };
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'Reports, newest first; filter by type and status' })
  @ApiQuery({ name: 'type', required: false, enum: [...REPORT_TYPES] })
  @ApiQuery({ name: 'status', required: false, enum: [...REPORT_STATUSES] })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: ReportPageSchema })
  @ProblemResponses({ 400: 'an unknown or invalid query parameter, or a cursor this endpoint did not return (validation_failed)' })
  async list(@Query() query: Record<string, unknown>, @Req() req: Request): Promise<{ items: ReportView[]; nextCursor: string | null }> {
    const errors: FieldError[] = [];
    for (const k of Object.keys(query))
      if (!['type', 'status', 'limit', 'cursor'].includes(k)) errors.push({ field: k, reason: 'is not a known query parameter' });
    const { type, status, limit, cursor } = query;
    if (type !== undefined && !(REPORT_TYPES as readonly unknown[]).includes(type))
      errors.push({ field: 'type', reason: `must be one of ${REPORT_TYPES.join(', ')}` });
    if (status !== undefined && !(REPORT_STATUSES as readonly unknown[]).includes(status))
      errors.push({ field: 'status', reason: `must be one of ${REPORT_STATUSES.join(', ')}` });
    const n = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 100 || (typeof limit === 'string' && !/^\d+$/.test(limit)))
      errors.push({ field: 'limit', reason: 'must be a whole number from 1 to 100' });
    if (cursor !== undefined && typeof cursor !== 'string') errors.push({ field: 'cursor', reason: 'must be given once' });
    if (errors.length) throw validationProblem(errors);
    const page = await listReports(this.pool, {
      organisationId: actingOrganisation(req).id,
      type: type as ReportType | undefined,
      status: status as ReportStatus | undefined,
      limit: n,
      after: typeof cursor === 'string' ? decodeCursor(cursor) : undefined,
    });
    return { items: page.items.map(view), nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: 'A report: status, progress, error, files' })
  @ApiOkResponse({ type: ReportSchema })
  @ProblemResponses({ 404: 'no such report (report_not_found)' })
  async get(@Param('id') id: string, @Req() req: Request): Promise<ReportView> {
    const r = await getReport(this.pool, id, actingOrganisation(req).id);
    if (!r) throw notFound(id);
    return view(r);
  }

  @Get(':id/download')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: "Download a completed report; format defaults to the type's first format" })
  @ApiQuery({ name: 'format', required: false, enum: [...FORMATS] })
  @ApiOkResponse({
    description: 'the file, as its format says; attachment except html',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'text/html': { schema: { type: 'string' } },
      'application/json': { schema: { type: 'object', additionalProperties: true } },
      'text/csv': { schema: { type: 'string', description: 'UTF-8' } },
    },
  })
  @ProblemResponses({
    400: 'a format this report type does not have (validation_failed)',
    404: 'no such report or file (report_not_found, report_file_not_found)',
    409: 'not completed yet, or failed (report_not_ready); Retry-After while it is running',
  })
  async download(@Param('id') id: string, @Query('format') format: unknown, @Req() req: Request, @Res() res: Response) {
    const r = await getReport(this.pool, id, actingOrganisation(req).id);
    if (!r) throw notFound(id);
    const formats = FORMATS_OF[r.type];
    if (format !== undefined && (typeof format !== 'string' || !formats.includes(format as ReportFormat))) {
      throw validationProblem([{ field: 'format', reason: `must be one of ${formats.join(', ')} for a ${r.type} report` }]);
    }
    if (r.status !== 'completed') {
      throw new ApiProblem(
        409,
        'report_not_ready',
        'Conflict',
        r.status === 'failed'
          ? `Report ${id} failed: ${r.error ?? 'unknown reason'}. Request it again.`
          : `Report ${id} is ${r.status} (${r.progress}%); try again when it is completed.`,
        undefined,
        { reportId: id, reportStatus: r.status, progress: r.progress },
        r.status === 'failed' ? {} : { 'Retry-After': '2' },
      );
    }
    const file = await getFile(this.pool, id, (format as ReportFormat | undefined) ?? formats[0], actingOrganisation(req).id);
    if (!file) throw new ApiProblem(404, 'report_file_not_found', 'Not found', `Report ${id} has no ${format} file.`);
    const disposition = file.format === 'html' ? 'inline' : 'attachment';
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `${disposition}; filename="${file.fileName}"`);
    res.setHeader('Content-Length', String(file.content.length));
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.status(200).end(file.content);
  }
}
