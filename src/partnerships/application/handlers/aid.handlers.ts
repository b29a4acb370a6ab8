// Aid delivered and pledged (the receiver may differ from the counterpart).
// Each use case has its own handler; all of them write through PartnershipWriter, the one write path.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordAidDelivery, RecordAidCommitment, type CommandOutcome } from '../commands.js';
import { PartnershipWriter } from '../partnership-writer.js';

@CommandHandler(RecordAidDelivery)
export class RecordAidDeliveryHandler implements ICommandHandler<RecordAidDelivery, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordAidDelivery): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordAidCommitment)
export class RecordAidCommitmentHandler implements ICommandHandler<RecordAidCommitment, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordAidCommitment): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}
