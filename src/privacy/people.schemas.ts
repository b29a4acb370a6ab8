// The erasure routes' answers as OpenAPI schemas (mirror ErasureOutcome and ErasureLogEntry).
import { ApiProperty } from '@nestjs/swagger';
import { Schema } from '../shared/schema.js';

const SUBJECT = '3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69';
const ERASURE = { id: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f', subjectId: SUBJECT, erasedAt: '2026-12-01T09:00:00.000Z' };

@Schema({ name: 'Erasure', description: 'One recorded erasure.', example: ERASURE })
class ErasureSchema {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
}

@Schema({
  name: 'ErasureOutcome',
  description: 'What an erasure affected. The events stay (their hashes too); their values of the subject read as "[erased]".',
  example: {
    erasures: [ERASURE],
    alreadyErased: [],
    events: 2,
    streams: ['dortmund-zhytomyr'],
    readRows: 3,
    reports: 1,
    reportIds: ['0195a2b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b'],
    rebuilt: ['partnerships'],
  },
})
export class ErasureOutcomeSchema {
  @ApiProperty({ type: [ErasureSchema] }) erasures: ErasureSchema[];
  @ApiProperty({ type: [String], description: 'subjects erased before: nothing was done for them' }) alreadyErased: string[];
  @ApiProperty({ description: 'events that hold a value of the subject' }) events: number;
  @ApiProperty({ type: [String], description: 'the partnerships of those events' }) streams: string[];
  @ApiProperty({ description: 'read-model rows that showed a value of the subject before the rebuild' }) readRows: number;
  @ApiProperty({ description: 'stored reports queued to be rendered again' }) reports: number;
  @ApiProperty({ type: [String], description: 'their ids' }) reportIds: string[];
  @ApiProperty({ type: [String], description: 'projections rebuilt' }) rebuilt: string[];
}

@Schema({
  name: 'ErasureLogEntry',
  description: 'Who erased which subject, when and why.',
  example: {
    organisationId: '00000000-0000-4000-8000-000000000001',
    ...ERASURE,
    erasedBy: 'key:01956f0e-…',
    reason: 'request of 2026-12-01',
  },
})
class ErasureLogEntrySchema {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() erasedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
}

@Schema({ name: 'ErasureList', description: 'The erasure log, oldest first.', example: { erasures: [] } })
export class ErasureListSchema {
  @ApiProperty({ type: [ErasureLogEntrySchema] }) erasures: ErasureLogEntrySchema[];
}
