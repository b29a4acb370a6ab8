import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller.js';

/** The organisation administration routes (the access guard lives with authentication). */
@Module({ controllers: [OrganisationsController] })
export class OrganisationsModule {}
