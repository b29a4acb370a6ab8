import { Module } from '@nestjs/common';
import { PartnershipsReadModule } from '../partnerships/read-models/read-models.module.js';
import { ObligationReminders } from './reminders.js';

/** Reminders of the obligations of funding entries, for whatever sends them (mail, webhooks). */
@Module({
  imports: [PartnershipsReadModule],
  providers: [ObligationReminders],
  exports: [ObligationReminders],
})
export class ObligationsModule {}
