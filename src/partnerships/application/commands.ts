// CommandBus messages, one class per use case. Each wraps a domain command and says how to write it.
import { Command } from '@nestjs/cqrs';
import type { CommandOfType, CommandType } from '../domain/index.js';

export interface IdempotencyOptions {
  /** the client's Idempotency-Key */
  key: string;
  /** what the key is scoped to besides the API key, e.g. "POST /api/v1/partnerships/x/aid-deliveries" */
  scope: string;
  /** sha256 of the request (method, path, canonical body): a reused key with another request is refused */
  fingerprint: string;
}

export interface WriteOptions {
  /** From If-Match: write only if the partnership is still at this version (else 412). */
  expectedVersion?: number;
  idempotency?: IdempotencyOptions;
}

export interface RecordedEntry {
  eventId: string;
  type: string;
  streamVersion: number;
}

export interface CommandOutcome {
  partnershipId: string;
  /** the stream version after the command (unchanged when nothing was recorded) */
  version: number;
  /** what was recorded; empty when the command changed nothing (e.g. an area that was already there) */
  events: RecordedEntry[];
  /** true when an earlier request with the same Idempotency-Key recorded these events */
  replayed: boolean;
}

export abstract class PartnershipCommandMessage<T extends CommandType = CommandType> extends Command<CommandOutcome> {
  abstract readonly type: T;

  constructor(
    readonly partnershipId: string,
    readonly data: CommandOfType<T>['data'],
    readonly options: WriteOptions = {},
  ) {
    super();
  }

  toDomain(): CommandOfType<T> {
    return { type: this.type, partnershipId: this.partnershipId, data: this.data } as CommandOfType<T>;
  }
}

export class InitiatePartnership extends PartnershipCommandMessage<'InitiatePartnership'> {
  readonly type = 'InitiatePartnership' as const;
}
export class DesignateCounterpart extends PartnershipCommandMessage<'DesignateCounterpart'> {
  readonly type = 'DesignateCounterpart' as const;
}
export class RenameCounterpart extends PartnershipCommandMessage<'RenameCounterpart'> {
  readonly type = 'RenameCounterpart' as const;
}
export class RecordAidDelivery extends PartnershipCommandMessage<'RecordAidDelivery'> {
  readonly type = 'RecordAidDelivery' as const;
}
export class RecordAidCommitment extends PartnershipCommandMessage<'RecordAidCommitment'> {
  readonly type = 'RecordAidCommitment' as const;
}
export class PrepareDraftResolution extends PartnershipCommandMessage<'PrepareDraftResolution'> {
  readonly type = 'PrepareDraftResolution' as const;
}
export class RecordBoardReview extends PartnershipCommandMessage<'RecordBoardReview'> {
  readonly type = 'RecordBoardReview' as const;
}
export class ReferToCommittee extends PartnershipCommandMessage<'ReferToCommittee'> {
  readonly type = 'ReferToCommittee' as const;
}
export class RecordCommitteeDecision extends PartnershipCommandMessage<'RecordCommitteeDecision'> {
  readonly type = 'RecordCommitteeDecision' as const;
}
export class RecordCouncilDecision extends PartnershipCommandMessage<'RecordCouncilDecision'> {
  readonly type = 'RecordCouncilDecision' as const;
}
export class ScheduleAgreementSigning extends PartnershipCommandMessage<'ScheduleAgreementSigning'> {
  readonly type = 'ScheduleAgreementSigning' as const;
}
export class RecordAgreementSigning extends PartnershipCommandMessage<'RecordAgreementSigning'> {
  readonly type = 'RecordAgreementSigning' as const;
}
export class AddCooperationArea extends PartnershipCommandMessage<'AddCooperationArea'> {
  readonly type = 'AddCooperationArea' as const;
}
export class RemoveCooperationArea extends PartnershipCommandMessage<'RemoveCooperationArea'> {
  readonly type = 'RemoveCooperationArea' as const;
}
export class RecordParticipantJoined extends PartnershipCommandMessage<'RecordParticipantJoined'> {
  readonly type = 'RecordParticipantJoined' as const;
}
export class RecordParticipantLeft extends PartnershipCommandMessage<'RecordParticipantLeft'> {
  readonly type = 'RecordParticipantLeft' as const;
}
export class RecordActivity extends PartnershipCommandMessage<'RecordActivity'> {
  readonly type = 'RecordActivity' as const;
}
export class SuspendPartnership extends PartnershipCommandMessage<'SuspendPartnership'> {
  readonly type = 'SuspendPartnership' as const;
}
export class ResumePartnership extends PartnershipCommandMessage<'ResumePartnership'> {
  readonly type = 'ResumePartnership' as const;
}
export class TerminatePartnership extends PartnershipCommandMessage<'TerminatePartnership'> {
  readonly type = 'TerminatePartnership' as const;
}
export class AttachDocument extends PartnershipCommandMessage<'AttachDocument'> {
  readonly type = 'AttachDocument' as const;
}
export class AddNote extends PartnershipCommandMessage<'AddNote'> {
  readonly type = 'AddNote' as const;
}
export class CorrectEntry extends PartnershipCommandMessage<'CorrectEntry'> {
  readonly type = 'CorrectEntry' as const;
}
export class RetractEntry extends PartnershipCommandMessage<'RetractEntry'> {
  readonly type = 'RetractEntry' as const;
}
