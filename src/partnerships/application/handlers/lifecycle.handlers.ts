// Starting, naming and ending a partnership.
// Each use case has its own handler; all of them write through PartnershipWriter, the one write path.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  InitiatePartnership,
  DesignateCounterpart,
  RenameCounterpart,
  SuspendPartnership,
  ResumePartnership,
  TerminatePartnership,
  type CommandOutcome,
} from '../commands.js';
import { PartnershipWriter } from '../partnership-writer.js';

@CommandHandler(InitiatePartnership)
export class InitiatePartnershipHandler implements ICommandHandler<InitiatePartnership, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: InitiatePartnership): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(DesignateCounterpart)
export class DesignateCounterpartHandler implements ICommandHandler<DesignateCounterpart, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: DesignateCounterpart): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RenameCounterpart)
export class RenameCounterpartHandler implements ICommandHandler<RenameCounterpart, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RenameCounterpart): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(SuspendPartnership)
export class SuspendPartnershipHandler implements ICommandHandler<SuspendPartnership, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: SuspendPartnership): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(ResumePartnership)
export class ResumePartnershipHandler implements ICommandHandler<ResumePartnership, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: ResumePartnership): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(TerminatePartnership)
export class TerminatePartnershipHandler implements ICommandHandler<TerminatePartnership, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: TerminatePartnership): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}
