// Documents, notes, and corrections or retractions of earlier entries.
// Each use case has its own handler; all of them write through PartnershipWriter, the one write path.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AttachDocument, AddNote, CorrectEntry, RetractEntry, type CommandOutcome } from '../commands.js';
import { PartnershipWriter } from '../partnership-writer.js';

@CommandHandler(AttachDocument)
export class AttachDocumentHandler implements ICommandHandler<AttachDocument, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: AttachDocument): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(AddNote)
export class AddNoteHandler implements ICommandHandler<AddNote, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: AddNote): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(CorrectEntry)
export class CorrectEntryHandler implements ICommandHandler<CorrectEntry, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: CorrectEntry): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RetractEntry)
export class RetractEntryHandler implements ICommandHandler<RetractEntry, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RetractEntry): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}
