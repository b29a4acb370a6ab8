import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PartnershipCommandHandler } from './command.handler.js';
import { MilestoneKindsController, MilestonesController } from './milestones.controller.js';

/** The write side of partnerships: routes → one CommandBus message → one handler (load → decide → append). */
@Module({
  imports: [CqrsModule],
  controllers: [MilestonesController, MilestoneKindsController],
  providers: [PartnershipCommandHandler],
})
export class PartnershipsWriteModule {}
