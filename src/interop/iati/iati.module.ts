import { Module } from '@nestjs/common';
import { PartnershipsReadModule } from '../../partnerships/read-models/read-models.module.js';
import { IatiController } from './iati.controller.js';
import { IatiExport } from './iati.export.js';

/** The IATI export: its routes, and the service the aid_iati report uses. */
@Module({
  imports: [PartnershipsReadModule],
  controllers: [IatiController],
  providers: [IatiExport],
  exports: [IatiExport],
})
export class IatiModule {}
