// Thin controllers: validate, build the command, execute it, answer with its ETag.
import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res, UsePipes } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedRequest } from '../../auth/api-key.guard.js';
import { Roles, WRITE_ROLES } from '../../shared/auth/roles.decorator.js';
import { ApiProblem } from '../../shared/problem.js';
import { ApiValidationPipe } from '../../shared/validation.pipe.js';
import * as C from '../application/commands.js';
import type { CommandOutcome, PartnershipCommandMessage, WriteOptions } from '../application/commands.js';
import { IDEMPOTENCY_KEY_PATTERN, derivedPartnershipId, requestFingerprint } from '../application/idempotency.js';
import { EntryNotFoundError, PartnershipNotFoundError, type CommandType } from '../domain/index.js';
import * as D from './dtos.js';
import { EXAMPLES, bodyOf } from './examples.js';
import { PARTNERSHIP_ID_PATTERN } from './fields.js';
import { toChanges, toEventData } from './mapping.js';

class RecordedEntryView {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'AidDelivered' }) type: string;
  @ApiProperty({ example: 4 }) streamVersion: number;
}

class CommandResultView {
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ example: 4, description: 'the partnership version after this command; also the ETag' }) version: number;
  @ApiProperty({ type: [RecordedEntryView], description: 'empty when the command changed nothing' }) events: RecordedEntryView[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** If-Match as `"3"`, `W/"3"` or `3`; `*` only asks that the partnership exists, which every milestone does anyway. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return undefined;
  const m = /^(?:W\/)?"(\d{1,9})"$|^(\d{1,9})$/.exec(value);
  if (!m) {
    throw new ApiProblem(
      400,
      'invalid_if_match',
      'Bad request',
      'If-Match must name one version, e.g. "3" — the ETag of your last read or write.',
      [{ field: 'If-Match', reason: 'must be "<version>", W/"<version>" or <version>' }],
    );
  }
  return Number(m[1] ?? m[2]);
}

function partnershipIdParam(id: string): string {
  if (!PARTNERSHIP_ID_PATTERN.test(id)) throw new PartnershipNotFoundError(id.slice(0, 100));
  return id;
}

const commonHeaders = [
  ApiHeader({ name: 'If-Match', required: false, description: 'the version you last saw ("3"); the command fails with 412 if it changed' }),
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key returns the first result instead of writing again',
  }),
];
const responses = [
  ApiCreatedResponse({ type: CommandResultView, description: 'recorded; ETag is the new version' }),
  ApiResponse({ status: 200, type: CommandResultView, description: 'nothing to record (e.g. the area was already there)' }),
  ApiResponse({ status: 400, description: 'invalid fields (application/problem+json, errors[] names each field)' }),
  ApiResponse({ status: 401, description: 'no or unknown API key' }),
  ApiResponse({ status: 403, description: 'the key may not record milestones' }),
  ApiResponse({ status: 404, description: 'unknown partnership or entry' }),
  ApiResponse({ status: 409, description: "not allowed in the partnership's current state; the body says which state and what is needed" }),
  ApiResponse({ status: 412, description: 'If-Match names an older version' }),
  ApiResponse({
    status: 422,
    description: 'well-formed but not acceptable (e.g. a completed milestone dated in the future, a reused Idempotency-Key)',
  }),
];
function Doc(summary: string, body: Parameters<typeof bodyOf>[0], example: unknown): MethodDecorator {
  return (target, key, descriptor) => {
    for (const d of [ApiOperation({ summary }), ApiBody(bodyOf(body, example)), ...commonHeaders, ...responses]) d(target, key, descriptor);
  };
}

type Ctor<T extends CommandType> = new (id: string, data: never, options: WriteOptions) => PartnershipCommandMessage<T>;

@ApiTags('partnership milestones')
@ApiBearerAuth()
@Roles(...WRITE_ROLES)
@UsePipes(ApiValidationPipe)
@Controller('api/v1/partnerships')
export class PartnershipCommandsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Doc('Initiate a partnership (the council mandate or the first contact)', D.InitiatePartnershipDto, EXAMPLES.initiate)
  async initiate(@Body() body: D.InitiatePartnershipDto, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    const { partnershipId, ...data } = body;
    const options = writeOptions(req);
    const id =
      partnershipId ??
      (options.idempotency
        ? derivedPartnershipId(req.apiKey?.id ?? 'anonymous', options.idempotency.scope, options.idempotency.key)
        : uuidv7());
    const result = await this.execute(new C.InitiatePartnership(id, toEventData(data), options), res);
    res.setHeader('Location', `/api/v1/partnerships/${encodeURIComponent(result.partnershipId)}`);
    return result;
  }

  @Post(':id/counterpart')
  @HttpCode(201)
  @Doc('Designate the counterpart municipality', D.DesignateCounterpartDto, EXAMPLES.counterpart)
  designateCounterpart(
    @Param('id') id: string,
    @Body() body: D.DesignateCounterpartDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.DesignateCounterpart, id, body, req, res);
  }

  @Post(':id/counterpart-renames')
  @HttpCode(201)
  @Doc("Record a change of the counterpart's name", D.RenameCounterpartDto, EXAMPLES.counterpartRename)
  renameCounterpart(
    @Param('id') id: string,
    @Body() body: D.RenameCounterpartDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.RenameCounterpart, id, body, req, res);
  }

  @Post(':id/aid-deliveries')
  @HttpCode(201)
  @Doc('Record aid delivered (the receiver may differ from the counterpart)', D.AidDeliveryDto, EXAMPLES.aidDelivery)
  recordAidDelivery(
    @Param('id') id: string,
    @Body() body: D.AidDeliveryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.RecordAidDelivery, id, body, req, res);
  }

  @Post(':id/aid-commitments')
  @HttpCode(201)
  @Doc('Record aid pledged', D.AidCommitmentDto, EXAMPLES.aidCommitment)
  recordAidCommitment(
    @Param('id') id: string,
    @Body() body: D.AidCommitmentDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.RecordAidCommitment, id, body, req, res);
  }

  @Post(':id/draft-resolutions')
  @HttpCode(201)
  @Doc('Record a draft resolution (a paper is drafted once)', D.DraftResolutionDto, EXAMPLES.draftResolution)
  prepareDraftResolution(
    @Param('id') id: string,
    @Body() body: D.DraftResolutionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.PrepareDraftResolution, id, body, req, res);
  }

  @Post(':id/board-reviews')
  @HttpCode(201)
  @Doc('Record a review by the administrative board (or plan one)', D.BoardReviewDto, EXAMPLES.boardReview)
  recordBoardReview(
    @Param('id') id: string,
    @Body() body: D.BoardReviewDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.RecordBoardReview, id, body, req, res);
  }

  @Post(':id/committee-referrals')
  @HttpCode(201)
  @Doc('Record a referral to a committee', D.CommitteeReferralDto, EXAMPLES.committeeReferral)
  referToCommittee(
    @Param('id') id: string,
    @Body() body: D.CommitteeReferralDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.ReferToCommittee, id, body, req, res);
  }

  @Post(':id/committee-decisions')
  @HttpCode(201)
  @Doc("Record a committee's decision (or plan the meeting)", D.CommitteeDecisionDto, EXAMPLES.committeeDecision)
  recordCommitteeDecision(
    @Param('id') id: string,
    @Body() body: D.CommitteeDecisionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.RecordCommitteeDecision, id, body, req, res);
  }

  @Post(':id/council-decisions')
  @HttpCode(201)
  @Doc("Record the council's decision (or plan the session)", D.CouncilDecisionDto, EXAMPLES.councilDecision)
  recordCouncilDecision(
    @Param('id') id: string,
    @Body() body: D.CouncilDecisionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.RecordCouncilDecision, id, body, req, res);
  }

  @Post(':id/signing-schedules')
  @HttpCode(201)
  @Doc('Schedule the signing of an agreement (the date may lie ahead)', D.SigningScheduleDto, EXAMPLES.signingSchedule)
  scheduleSigning(
    @Param('id') id: string,
    @Body() body: D.SigningScheduleDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.ScheduleAgreementSigning, id, body, req, res);
  }

  @Post(':id/agreements')
  @HttpCode(201)
  @Doc(
    'Record a signed agreement (above contact it needs an adopted council decision or an urgent-decision reference)',
    D.AgreementDto,
    EXAMPLES.agreement,
  )
  recordAgreement(@Param('id') id: string, @Body() body: D.AgreementDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.RecordAgreementSigning, id, body, req, res);
  }

  @Post(':id/areas')
  @HttpCode(201)
  @Doc('Add a cooperation area', D.AreaDto, EXAMPLES.area)
  addArea(@Param('id') id: string, @Body() body: D.AreaDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.AddCooperationArea, id, body, req, res);
  }

  @Post(':id/areas/remove')
  @HttpCode(201)
  @Doc('Remove a cooperation area', D.AreaRemovalDto, EXAMPLES.areaRemoval)
  removeArea(@Param('id') id: string, @Body() body: D.AreaRemovalDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.RemoveCooperationArea, id, body, req, res);
  }

  @Post(':id/participants')
  @HttpCode(201)
  @Doc('Record a participant joining', D.ParticipantDto, EXAMPLES.participant)
  addParticipant(@Param('id') id: string, @Body() body: D.ParticipantDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.RecordParticipantJoined, id, body, req, res);
  }

  @Post(':id/participants/leave')
  @HttpCode(201)
  @Doc('Record a participant leaving', D.ParticipantLeaveDto, EXAMPLES.participantLeave)
  removeParticipant(
    @Param('id') id: string,
    @Body() body: D.ParticipantLeaveDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.record(C.RecordParticipantLeft, id, body, req, res);
  }

  @Post(':id/activities')
  @HttpCode(201)
  @Doc('Record an activity: exchange, delegation visit, summer camp, workshop (or plan one)', D.ActivityDto, EXAMPLES.activity)
  recordActivity(@Param('id') id: string, @Body() body: D.ActivityDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.RecordActivity, id, body, req, res);
  }

  @Post(':id/suspension')
  @HttpCode(201)
  @Doc('Suspend the partnership', D.SuspensionDto, EXAMPLES.suspension)
  suspend(@Param('id') id: string, @Body() body: D.SuspensionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.SuspendPartnership, id, body, req, res);
  }

  @Post(':id/resumption')
  @HttpCode(201)
  @Doc('Resume a suspended partnership', D.ResumptionDto, EXAMPLES.resumption)
  resume(@Param('id') id: string, @Body() body: D.ResumptionDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.ResumePartnership, id, body, req, res);
  }

  @Post(':id/termination')
  @HttpCode(201)
  @Doc('Terminate the partnership (afterwards only corrections and retractions)', D.TerminationDto, EXAMPLES.termination)
  terminate(@Param('id') id: string, @Body() body: D.TerminationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.TerminatePartnership, id, body, req, res);
  }

  @Post(':id/documents')
  @HttpCode(201)
  @Doc('Attach a document (its description and checksum; the file lives elsewhere)', D.DocumentDto, EXAMPLES.document)
  attachDocument(@Param('id') id: string, @Body() body: D.DocumentDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.AttachDocument, id, body, req, res);
  }

  @Post(':id/notes')
  @HttpCode(201)
  @Doc('Add a note', D.NoteDto, EXAMPLES.note)
  addNote(@Param('id') id: string, @Body() body: D.NoteDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.record(C.AddNote, id, body, req, res);
  }

  @Post(':id/entries/:eventId/corrections')
  @HttpCode(201)
  @Doc('Correct fields of an earlier entry (the old values stay visible)', D.CorrectionDto, EXAMPLES.correction)
  correct(
    @Param('id') id: string,
    @Param('eventId') eventId: string,
    @Body() body: D.CorrectionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { eventId: entryIdParam(id, eventId), reason: body.reason, changes: toChanges(body.changes) };
    return this.execute(new C.CorrectEntry(partnershipIdParam(id), data, writeOptions(req)), res);
  }

  @Post(':id/entries/:eventId/retractions')
  @HttpCode(201)
  @Doc('Retract an earlier entry (it stays in the history, marked as retracted)', D.RetractionDto, EXAMPLES.retraction)
  retract(
    @Param('id') id: string,
    @Param('eventId') eventId: string,
    @Body() body: D.RetractionDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = { eventId: entryIdParam(id, eventId), reason: body.reason };
    return this.execute(new C.RetractEntry(partnershipIdParam(id), data, writeOptions(req)), res);
  }

  private record<T extends CommandType>(Command: Ctor<T>, id: string, body: object, req: Request, res: Response): Promise<CommandOutcome> {
    const command = new Command(partnershipIdParam(id), toEventData<never>(body), writeOptions(req));
    return this.execute(command as unknown as PartnershipCommandMessage, res);
  }

  private async execute(command: PartnershipCommandMessage, res: Response): Promise<CommandOutcome> {
    const outcome = await this.commands.execute(command);
    res.setHeader('ETag', `"${outcome.version}"`);
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    if (outcome.events.length === 0) res.status(200); // nothing new was recorded
    const { replayed: _replayed, ...body } = outcome;
    return body as CommandOutcome;
  }
}

function entryIdParam(partnershipId: string, eventId: string): string {
  if (!UUID.test(eventId)) throw new EntryNotFoundError(eventId.slice(0, 100), partnershipId.slice(0, 100));
  return eventId;
}

/** If-Match and Idempotency-Key, read once per request. */
function writeOptions(req: Request): WriteOptions {
  const expectedVersion = parseIfMatch(req.headers['if-match']);
  const rawKey = req.headers['idempotency-key'];
  if (rawKey === undefined) return { expectedVersion };
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
  return {
    expectedVersion,
    idempotency: { key, scope: `${req.method} ${path}`, fingerprint: requestFingerprint(req.method, path, req.body) },
  };
}
