import { Module } from '@nestjs/common';
import { PartnershipsReadModule } from '../partnerships/read-models/read-models.module.js';
import { PeopleController } from './people.controller.js';

/** Erasure of personal data (docs/privacy.md). */
@Module({ imports: [PartnershipsReadModule], controllers: [PeopleController] })
export class PrivacyModule {}
