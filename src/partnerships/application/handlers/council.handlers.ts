// A paper's route through the bodies, and the agreements it leads to.
// Each use case has its own handler; all of them write through PartnershipWriter, the one write path.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  PrepareDraftResolution,
  RecordBoardReview,
  ReferToCommittee,
  RecordCommitteeDecision,
  RecordCouncilDecision,
  ScheduleAgreementSigning,
  RecordAgreementSigning,
  type CommandOutcome,
} from '../commands.js';
import { PartnershipWriter } from '../partnership-writer.js';

@CommandHandler(PrepareDraftResolution)
export class PrepareDraftResolutionHandler implements ICommandHandler<PrepareDraftResolution, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: PrepareDraftResolution): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordBoardReview)
export class RecordBoardReviewHandler implements ICommandHandler<RecordBoardReview, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordBoardReview): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(ReferToCommittee)
export class ReferToCommitteeHandler implements ICommandHandler<ReferToCommittee, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: ReferToCommittee): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordCommitteeDecision)
export class RecordCommitteeDecisionHandler implements ICommandHandler<RecordCommitteeDecision, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordCommitteeDecision): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordCouncilDecision)
export class RecordCouncilDecisionHandler implements ICommandHandler<RecordCouncilDecision, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordCouncilDecision): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(ScheduleAgreementSigning)
export class ScheduleAgreementSigningHandler implements ICommandHandler<ScheduleAgreementSigning, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: ScheduleAgreementSigning): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}

@CommandHandler(RecordAgreementSigning)
export class RecordAgreementSigningHandler implements ICommandHandler<RecordAgreementSigning, CommandOutcome> {
  constructor(@Inject(PartnershipWriter) private readonly writer: PartnershipWriter) {}
  execute(command: RecordAgreementSigning): Promise<CommandOutcome> {
    return this.writer.execute(command);
  }
}
