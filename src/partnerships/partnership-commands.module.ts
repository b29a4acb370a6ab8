import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PartnershipCommandsController } from './api/partnership-commands.controller.js';
import { COMMAND_HANDLERS } from './application/handlers.js';
import { PartnershipWriter } from './application/partnership-writer.js';

/** The write side of partnerships: REST commands → CommandBus → handlers → the one write path. */
@Module({
  imports: [CqrsModule],
  controllers: [PartnershipCommandsController],
  providers: [PartnershipWriter, ...COMMAND_HANDLERS],
  exports: [PartnershipWriter],
})
export class PartnershipCommandsModule {}
