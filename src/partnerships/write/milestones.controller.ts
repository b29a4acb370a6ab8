// The command routes: one documented POST per milestone, registered from the routes table
// (milestone-routes.ts), plus corrections and retractions. Each body is checked against the
// milestone's description; If-Match, Idempotency-Key and the answer (ETag, 200 when nothing changed)
// are shared, and the command handler does the rest.
import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedRequest } from '../../auth/api-key.guard.js';
import { primaryRole } from '../../auth/session/sessions.js';
import { Roles, WRITE_ROLES } from '../../shared/auth/roles.decorator.js';
import { BODY_PROBLEMS, GuardedRoutes, ProblemResponses } from '../../shared/openapi.js';
import { ApiProblem, validationProblem } from '../../shared/problem.js';
import {
  EntryNotFoundError,
  PARTNERSHIP_ID_PATTERN,
  PartnershipNotFoundError,
  parseFields,
  type Fields,
  type PartnershipCommand,
} from '../domain/index.js';
import { ExecutePartnershipCommand, type CommandContext, type CommandOutcome } from './command.js';
import { IDEMPOTENCY_KEY_PATTERN, derivedPartnershipId, requestFingerprint } from './idempotency.js';
import { toChanges } from './mapping.js';
import { milestoneKinds, type MilestoneKinds } from './milestone-kinds.js';
import { ENTRY_ROUTES, MILESTONE_ROUTES, bodyFields, eventOf, type MilestoneRoute } from './milestone-routes.js';
import { CommandResultSchema, ConflictProblemSchema } from './responses.schemas.js';
import { actingOrganisation } from '../../organisations/acting.js';
import { accessReadBy } from '../../organisations/partnership-access.guard.js';

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A route's OpenAPI operation and its POST: summary, body with its example, the shared headers and answers. */
function Milestone(path: string, summary: string, schema: string, example: unknown): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(201),
    ApiOperation({ summary }),
    ApiBody({ schema: schemaRef(schema), examples: { example: { value: example } } }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'the version you last saw ("3"); the command fails with 412 if it changed',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'a retry with the same key returns the first result instead of writing again',
    }),
    GuardedRoutes(),
    ApiCreatedResponse({ type: CommandResultSchema, description: 'recorded; ETag is the new version' }),
    ApiOkResponse({ type: CommandResultSchema, description: 'nothing to record (e.g. the area was already there)' }),
    ProblemResponses({
      400: 'invalid fields (validation_failed: errors[] names each field), malformed JSON, a bad If-Match or Idempotency-Key',
      404: 'unknown partnership or entry (partnership_not_found, entry_not_found)',
      409: [
        "not allowed in the partnership's state (transition_not_allowed: state, needed), contradicting entries recorded after its date (contradicts_later_entries: conflicts[]), an id already taken (partnership_exists), or a concurrent write (concurrency_conflict)",
        ConflictProblemSchema,
      ],
      412: 'If-Match names an older version (precondition_failed)',
      ...BODY_PROBLEMS,
      422: 'well-formed but not acceptable: e.g. a completed milestone dated in the future (validation_failed), a reused Idempotency-Key (idempotency_key_reused)',
      503: 'too many writers on this partnership at once; Retry-After says when to retry',
    }),
  );
}

/** The body as the description reads it (dates parsed), or a 400 naming every bad field. */
function parseBody(fields: Fields, body: unknown, typeName: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationProblem([{ field: 'body', reason: 'must be a JSON object sent with Content-Type: application/json' }]);
  }
  const { value, errors } = parseFields(fields, body, typeName);
  if (errors.length) throw validationProblem(errors);
  return value;
}

/** The answer to every command: ETag is the new version; 200 instead of 201 when nothing was recorded. */
class CommandAnswer implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((outcome: CommandOutcome) => {
        res.setHeader('ETag', `"${outcome.version}"`);
        if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
        if (outcome.events.length === 0) res.status(200);
        const { replayed: _replayed, ...body } = outcome;
        return body;
      }),
    );
  }
}

@ApiTags('partnership milestones')
@ApiBearerAuth()
@Roles(...WRITE_ROLES)
@UseInterceptors(CommandAnswer)
@Controller('api/v1/partnerships')
export class MilestonesController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Milestone(ENTRY_ROUTES.correct.path, ENTRY_ROUTES.correct.summary, ENTRY_ROUTES.correct.schema, ENTRY_ROUTES.correct.example)
  correct(@Param('id') id: string, @Param('eventId') eventId: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const { reason, changes } = parseBody(ENTRY_ROUTES.correct.fields, body, 'a correction') as {
      reason: string;
      changes: Record<string, unknown>;
    };
    const data = { eventId: entryIdParam(id, eventId), reason, changes: toChanges(changes) };
    return this.execute({ type: 'CorrectEntry', partnershipId: partnershipIdParam(id), data }, commandContext(req));
  }

  @Milestone(ENTRY_ROUTES.retract.path, ENTRY_ROUTES.retract.summary, ENTRY_ROUTES.retract.schema, ENTRY_ROUTES.retract.example)
  retract(@Param('id') id: string, @Param('eventId') eventId: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const { reason } = parseBody(ENTRY_ROUTES.retract.fields, body, 'a retraction') as { reason: string };
    const data = { eventId: entryIdParam(id, eventId), reason };
    return this.execute({ type: 'RetractEntry', partnershipId: partnershipIdParam(id), data }, commandContext(req));
  }

  @Milestone(ENTRY_ROUTES.visibility.path, ENTRY_ROUTES.visibility.summary, ENTRY_ROUTES.visibility.schema, ENTRY_ROUTES.visibility.example)
  visibility(@Param('id') id: string, @Param('eventId') eventId: string, @Body() body: unknown, @Req() req: AuthenticatedRequest) {
    const { visibility, reason } = parseBody(ENTRY_ROUTES.visibility.fields, body, 'a change of visibility') as {
      visibility: string;
      reason: string;
    };
    // A correction of one field keeps the person, the reason and the old value, like any correction.
    const data = { eventId: entryIdParam(id, eventId), reason, changes: { visibility } };
    return this.execute({ type: 'CorrectEntry', partnershipId: partnershipIdParam(id), data }, commandContext(req));
  }

  /** One milestone route of the table: the body checked against the milestone's description, then its command. */
  record(route: MilestoneRoute, req: AuthenticatedRequest, res: Response): Promise<CommandOutcome> {
    const data = parseBody(bodyFields(route), req.body, eventOf(route));
    const context = commandContext(req);
    if (route.path !== '') {
      const command = { type: route.command, partnershipId: partnershipIdParam(req.params.id as string), data } as PartnershipCommand;
      return this.execute(command, context);
    }
    const { partnershipId, ...initiated } = data as { partnershipId?: string };
    const id =
      partnershipId ??
      (context.idempotency
        ? derivedPartnershipId(
            context.actor.keyId ?? context.actor.personId ?? 'anonymous',
            context.idempotency.scope,
            context.idempotency.key,
          )
        : uuidv7());
    res.setHeader('Location', `/api/v1/partnerships/${encodeURIComponent(id)}`);
    return this.execute({ type: 'InitiatePartnership', partnershipId: id, data: initiated } as PartnershipCommand, context);
  }

  private execute(command: PartnershipCommand, context: CommandContext): Promise<CommandOutcome> {
    return this.commands.execute(new ExecutePartnershipCommand(command, context));
  }
}

// One method per route, so Nest sees one route and the document one named operation per milestone.
for (const route of MILESTONE_ROUTES) {
  const proto = MilestonesController.prototype as unknown as Record<string, unknown>;
  const method = {
    [route.operation](this: MilestonesController, req: AuthenticatedRequest, res: Response) {
      return this.record(route, req, res);
    },
  }[route.operation];
  Object.defineProperty(proto, route.operation, { value: method, writable: true, configurable: true });
  Req()(proto, route.operation, 0);
  Res({ passthrough: true })(proto, route.operation, 1);
  const descriptor = Object.getOwnPropertyDescriptor(proto, route.operation)!;
  applyDecorators(
    Milestone(route.path === '' ? '' : `:id/${route.path}`, route.summary, route.schema, route.example),
    // the path parameter is read from the request, so the document is told of it here
    ...(route.path === '' ? [] : [ApiParam({ name: 'id', required: true, type: String })]),
    Roles(...route.roles),
  )(proto, route.operation, descriptor);
}

/** The form description of every milestone kind, for the web page (docs/api.md). */
@ApiTags('partnership milestones')
@ApiBearerAuth()
@Controller('api/v1/milestone-kinds')
export class MilestoneKindsController {
  private readonly kinds = milestoneKinds(MILESTONE_ROUTES);

  @Get()
  @ApiOperation({ summary: 'The milestone kinds and their forms: fields, vocabularies, examples, who may record them' })
  @ApiOkResponse({ schema: schemaRef('MilestoneKinds'), description: 'every milestone kind' })
  @GuardedRoutes()
  list(): MilestoneKinds {
    return this.kinds;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function partnershipIdParam(id: string): string {
  if (!PARTNERSHIP_ID_PATTERN.test(id)) throw new PartnershipNotFoundError(id.slice(0, 100));
  return id;
}

function entryIdParam(partnershipId: string, eventId: string): string {
  if (!UUID.test(eventId)) throw new EntryNotFoundError(eventId.slice(0, 100), partnershipId.slice(0, 100));
  return eventId;
}

/**
 * If-Match as `"3"` (or a bare `3`). `*` asks that the partnership exists: every milestone needs that
 * anyway, and a create refuses it (412). If-Match compares strongly (RFC 9110), so a weak `W/"3"`
 * never matches: 412, whatever the version.
 */
function parseIfMatch(header: string | string[] | undefined): number | '*' | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return '*';
  const weak = /^W\/"(\d{1,9})"$/.exec(value);
  if (weak) {
    throw new ApiProblem(
      412,
      'precondition_failed',
      'Precondition failed',
      `If-Match compares entity tags strongly, so the weak tag W/"${weak[1]}" never matches. Send the ETag as this API gives it: "${weak[1]}".`,
    );
  }
  const m = /^"(\d{1,9})"$|^(\d{1,9})$/.exec(value);
  if (!m) {
    throw new ApiProblem(
      400,
      'invalid_if_match',
      'Bad request',
      'If-Match must name one version, e.g. "3" — the ETag of your last read or write.',
      [{ field: 'If-Match', reason: 'must be "<version>" (the ETag) or *' }],
    );
  }
  return Number(m[1] ?? m[2]);
}

/** Who asks (the API key or person the guard found), the request's ids, If-Match and Idempotency-Key. */
function commandContext(req: AuthenticatedRequest): CommandContext {
  const ifMatch = parseIfMatch(req.headers['if-match']);
  const expectedVersion = ifMatch === '*' ? undefined : ifMatch;
  const mustExist = ifMatch === '*' ? { mustExist: true } : {};
  const ids = req as unknown as { id: string; correlationId: string };
  const person = req.personSession;
  // A key is recorded by its name; a person only by their pseudonymous id (the name may be erased).
  const actor = req.apiKey
    ? { name: req.apiKey.name, role: req.apiKey.role, keyId: req.apiKey.id }
    : person
      ? { name: person.actorId, role: primaryRole(person.roles) ?? undefined, personId: person.personId }
      : { name: 'unknown' };
  const context: CommandContext = {
    actor,
    requestId: ids.id,
    correlationId: ids.correlationId,
    source: 'api',
    organisationId: actingOrganisation(req).id,
    access: accessReadBy(req),
    expectedVersion,
    ...mustExist,
  };
  const rawKey = req.headers['idempotency-key'];
  if (rawKey === undefined) return context;
  const key = Array.isArray(rawKey) ? rawKey.join(',') : rawKey;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ApiProblem(
      400,
      'invalid_idempotency_key',
      'Bad request',
      'Idempotency-Key must be 1–255 printable ASCII characters, e.g. a UUID.',
      [{ field: 'Idempotency-Key', reason: 'must be 1–255 printable ASCII characters' }],
    );
  }
  const path = req.originalUrl.split('?')[0];
  return { ...context, idempotency: { key, scope: `${req.method} ${path}`, fingerprint: requestFingerprint(req.method, path, req.body) } };
}
