import { Module, type OnModuleInit } from '@nestjs/common';
import { PartnershipsReadModule } from '../partnerships/read-models/read-models.module.js';
import { PlacesController } from './places.controller.js';
import { PublicController } from './public.controller.js';
import { PublicRateLimitGuard } from './public-limit.js';
import { PublicReads } from './public-reads.js';
import { loadPageCodes } from '../web/page-codes.js';

/** The public pages and feeds (no sign-in), the maps, and the staff routes for places and the policy. */
@Module({
  imports: [PartnershipsReadModule],
  controllers: [PlacesController, PublicController],
  providers: [PublicReads, PublicRateLimitGuard],
})
export class PublicPagesModule implements OnModuleInit {
  async onModuleInit() {
    await loadPageCodes();
  }
}
