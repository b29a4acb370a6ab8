// The command routes: one documented POST per milestone. Each route only names its command and its
// body; validation, If-Match, Idempotency-Key and the answer (ETag, 200 when nothing changed) are shared.
import {
  applyDecorators,
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseInterceptors,
  UsePipes,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedRequest } from '../../auth/api-key.guard.js';
import { primaryRole } from '../../auth/session/sessions.js';
import { Roles, WRITE_ROLES } from '../../shared/auth/roles.decorator.js';
import { BODY_PROBLEMS, GuardedRoutes, ProblemResponses } from '../../shared/openapi.js';
import { ApiProblem } from '../../shared/problem.js';
import { PostgresEventStore } from '../../event-store/postgres-event-store.js';
import { ApiValidationPipe } from '../../shared/validation.pipe.js';
import {
  EntryNotFoundError,
  PARTNERSHIP_ID_PATTERN,
  PartnershipNotFoundError,
  type CommandData,
  type CommandType,
  type PartnershipCommand,
} from '../domain/index.js';
import { ExecutePartnershipCommand, type CommandContext, type CommandOutcome } from './command.js';
import * as D from './dtos.js';
import { IDEMPOTENCY_KEY_PATTERN, derivedPartnershipId, requestFingerprint } from './idempotency.js';
import { toChanges, toEventData } from './mapping.js';
import { CommandResultSchema, ConflictProblemSchema } from './responses.schemas.js';

/** A route's OpenAPI operation and its POST: summary, body with its example, the shared headers and answers. */
function Milestone(path: string, summary: string, body: (new () => object) & { example: unknown }): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(201),
    ApiOperation({ summary }),
    ApiBody({ type: body, examples: { example: { value: body.example } } }),
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
@UsePipes(ApiValidationPipe)
@UseInterceptors(CommandAnswer)
@Controller('api/v1/partnerships')
export class MilestonesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  @Milestone('', 'Initiate a partnership (the council mandate or the first contact)', D.InitiatePartnershipDto)
  async initiate(@Body() body: D.InitiatePartnershipDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const { partnershipId, ...data } = body;
    const context = commandContext(req);
    const id =
      partnershipId ??
      (context.idempotency
        ? derivedPartnershipId(
            context.actor.keyId ?? context.actor.personId ?? 'anonymous',
            context.idempotency.scope,
            context.idempotency.key,
          )
        : uuidv7());
    // RFC 9110: "If-Match: *" asks for a current representation; a partnership not yet created has none.
    if (parseIfMatch(req.headers['if-match']) === '*' && (await this.store.streamVersion(partnershipIdParam(id))) === 0) {
      throw new ApiProblem(
        412,
        'precondition_failed',
        'Precondition failed',
        `If-Match: * asks that partnership ${id} already exists, and it does not. Leave out If-Match to create it.`,
      );
    }
    res.setHeader('Location', `/api/v1/partnerships/${encodeURIComponent(id)}`);
    return this.execute({ type: 'InitiatePartnership', partnershipId: id, data: toEventData(data) }, context);
  }

  @Milestone(':id/counterpart', 'Designate the counterpart municipality', D.DesignateCounterpartDto)
  designateCounterpart(@Param('id') id: string, @Body() body: D.DesignateCounterpartDto, @Req() req: AuthenticatedRequest) {
    return this.record('DesignateCounterpart', id, body, req);
  }

  @Milestone(':id/counterpart-renames', "Record a change of the counterpart's name", D.RenameCounterpartDto)
  renameCounterpart(@Param('id') id: string, @Body() body: D.RenameCounterpartDto, @Req() req: AuthenticatedRequest) {
    return this.record('RenameCounterpart', id, body, req);
  }

  @Milestone(':id/aid-deliveries', 'Record aid delivered (the receiver may differ from the counterpart)', D.AidDeliveryDto)
  recordAidDelivery(@Param('id') id: string, @Body() body: D.AidDeliveryDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordAidDelivery', id, body, req);
  }

  @Milestone(':id/aid-commitments', 'Record aid pledged', D.AidCommitmentDto)
  recordAidCommitment(@Param('id') id: string, @Body() body: D.AidCommitmentDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordAidCommitment', id, body, req);
  }

  @Milestone(':id/draft-resolutions', 'Record a draft resolution (a paper is drafted once)', D.DraftResolutionDto)
  prepareDraftResolution(@Param('id') id: string, @Body() body: D.DraftResolutionDto, @Req() req: AuthenticatedRequest) {
    return this.record('PrepareDraftResolution', id, body, req);
  }

  @Milestone(':id/board-reviews', 'Record a review by the administrative board (or plan one)', D.BoardReviewDto)
  recordBoardReview(@Param('id') id: string, @Body() body: D.BoardReviewDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordBoardReview', id, body, req);
  }

  @Milestone(':id/committee-referrals', 'Record a referral to a committee', D.CommitteeReferralDto)
  referToCommittee(@Param('id') id: string, @Body() body: D.CommitteeReferralDto, @Req() req: AuthenticatedRequest) {
    return this.record('ReferToCommittee', id, body, req);
  }

  @Milestone(':id/committee-decisions', "Record a committee's decision (or plan the meeting)", D.CommitteeDecisionDto)
  recordCommitteeDecision(@Param('id') id: string, @Body() body: D.CommitteeDecisionDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordCommitteeDecision', id, body, req);
  }

  @Milestone(':id/council-decisions', "Record the council's decision (or plan the session)", D.CouncilDecisionDto)
  recordCouncilDecision(@Param('id') id: string, @Body() body: D.CouncilDecisionDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordCouncilDecision', id, body, req);
  }

  @Milestone(':id/signing-schedules', 'Schedule the signing of an agreement (the date may lie ahead)', D.SigningScheduleDto)
  scheduleSigning(@Param('id') id: string, @Body() body: D.SigningScheduleDto, @Req() req: AuthenticatedRequest) {
    return this.record('ScheduleAgreementSigning', id, body, req);
  }

  @Milestone(
    ':id/agreements',
    'Record a signed agreement (above contact it needs an adopted council decision or an urgent-decision reference)',
    D.AgreementDto,
  )
  recordAgreement(@Param('id') id: string, @Body() body: D.AgreementDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordAgreementSigning', id, body, req);
  }

  @Milestone(':id/areas', 'Add a cooperation area', D.AreaDto)
  addArea(@Param('id') id: string, @Body() body: D.AreaDto, @Req() req: AuthenticatedRequest) {
    return this.record('AddCooperationArea', id, body, req);
  }

  @Milestone(':id/areas/remove', 'Remove a cooperation area', D.AreaRemovalDto)
  removeArea(@Param('id') id: string, @Body() body: D.AreaRemovalDto, @Req() req: AuthenticatedRequest) {
    return this.record('RemoveCooperationArea', id, body, req);
  }

  @Milestone(':id/participants', 'Record a participant joining', D.ParticipantDto)
  addParticipant(@Param('id') id: string, @Body() body: D.ParticipantDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordParticipantJoined', id, body, req);
  }

  @Milestone(':id/participants/leave', 'Record a participant leaving', D.ParticipantLeaveDto)
  removeParticipant(@Param('id') id: string, @Body() body: D.ParticipantLeaveDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordParticipantLeft', id, body, req);
  }

  @Milestone(':id/activities', 'Record an activity: exchange, delegation visit, summer camp, workshop (or plan one)', D.ActivityDto)
  recordActivity(@Param('id') id: string, @Body() body: D.ActivityDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordActivity', id, body, req);
  }

  @Milestone(':id/funding', 'Record funding received from a programme, foundation or donor', D.FundingDto)
  recordFunding(@Param('id') id: string, @Body() body: D.FundingDto, @Req() req: AuthenticatedRequest) {
    return this.record('RecordFundingReceived', id, body, req);
  }

  @Milestone(':id/suspension', 'Suspend the partnership', D.SuspensionDto)
  suspend(@Param('id') id: string, @Body() body: D.SuspensionDto, @Req() req: AuthenticatedRequest) {
    return this.record('SuspendPartnership', id, body, req);
  }

  @Milestone(':id/resumption', 'Resume a suspended partnership', D.ResumptionDto)
  resume(@Param('id') id: string, @Body() body: D.ResumptionDto, @Req() req: AuthenticatedRequest) {
    return this.record('ResumePartnership', id, body, req);
  }

  @Milestone(':id/termination', 'Terminate the partnership (afterwards only corrections and retractions)', D.TerminationDto)
  terminate(@Param('id') id: string, @Body() body: D.TerminationDto, @Req() req: AuthenticatedRequest) {
    return this.record('TerminatePartnership', id, body, req);
  }

  @Milestone(':id/documents', 'Attach a document (its description and checksum; the file lives elsewhere)', D.DocumentDto)
  attachDocument(@Param('id') id: string, @Body() body: D.DocumentDto, @Req() req: AuthenticatedRequest) {
    return this.record('AttachDocument', id, body, req);
  }

  @Milestone(':id/notes', 'Add a note', D.NoteDto)
  addNote(@Param('id') id: string, @Body() body: D.NoteDto, @Req() req: AuthenticatedRequest) {
    return this.record('AddNote', id, body, req);
  }

  @Milestone(':id/entries/:eventId/corrections', 'Correct fields of an earlier entry (the old values stay visible)', D.CorrectionDto)
  correct(@Param('id') id: string, @Param('eventId') eventId: string, @Body() body: D.CorrectionDto, @Req() req: AuthenticatedRequest) {
    const data = { eventId: entryIdParam(id, eventId), reason: body.reason, changes: toChanges(body.changes) };
    return this.execute({ type: 'CorrectEntry', partnershipId: partnershipIdParam(id), data }, commandContext(req));
  }

  @Milestone(':id/entries/:eventId/retractions', 'Retract an earlier entry (it stays in the history, marked as retracted)', D.RetractionDto)
  retract(@Param('id') id: string, @Param('eventId') eventId: string, @Body() body: D.RetractionDto, @Req() req: AuthenticatedRequest) {
    const data = { eventId: entryIdParam(id, eventId), reason: body.reason };
    return this.execute({ type: 'RetractEntry', partnershipId: partnershipIdParam(id), data }, commandContext(req));
  }

  /** A milestone whose command data is the request body, dates parsed. */
  private record(
    type: Exclude<CommandType, 'InitiatePartnership' | 'CorrectEntry' | 'RetractEntry'>,
    id: string,
    body: object,
    req: AuthenticatedRequest,
  ) {
    const command = {
      type,
      partnershipId: partnershipIdParam(id),
      data: toEventData<CommandData<typeof type>>(body),
    } as PartnershipCommand;
    return this.execute(command, commandContext(req));
  }

  private execute(command: PartnershipCommand, context: CommandContext): Promise<CommandOutcome> {
    return this.commands.execute(new ExecutePartnershipCommand(command, context));
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
export function parseIfMatch(header: string | string[] | undefined): number | '*' | undefined {
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
  const ids = req as unknown as { id: string; correlationId: string };
  const person = req.personSession;
  // A key is recorded by its name; a person only by their pseudonymous id (the name may be erased).
  const actor = req.apiKey
    ? { name: req.apiKey.name, role: req.apiKey.role, keyId: req.apiKey.id }
    : person
      ? { name: person.actorId, role: primaryRole(person.roles) ?? undefined, personId: person.personId }
      : { name: 'unknown' };
  const context: CommandContext = { actor, requestId: ids.id, correlationId: ids.correlationId, source: 'api', expectedVersion };
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
