// What the partnership does and who takes part.
// Each use case has its own handler; all of them write through PartnershipWriter, the one write path.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AddCooperationArea,
  RemoveCooperationArea,
  RecordParticipantJoined,
  RecordParticipantLeft,
  RecordActivity,
  type CommandOutcome,
} from '../commands.js';
import { PartnershipWriter } from '../partnership-writer.js';

@CommandHandler(AddCooperationArea)
export class AddCooperationAreaHandler implements ICommandHandler<AddCooperationArea, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: AddCooperationArea): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RemoveCooperationArea)
export class RemoveCooperationAreaHandler implements ICommandHandler<RemoveCooperationArea, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RemoveCooperationArea): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordParticipantJoined)
export class RecordParticipantJoinedHandler implements ICommandHandler<RecordParticipantJoined, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordParticipantJoined): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordParticipantLeft)
export class RecordParticipantLeftHandler implements ICommandHandler<RecordParticipantLeft, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordParticipantLeft): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordActivity)
export class RecordActivityHandler implements ICommandHandler<RecordActivity, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordActivity): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}
