// What the command routes answer, as OpenAPI schemas: the recorded entries, and the problems that
// carry more than a code (the 409s: which state refused the command, which later entries it contradicts).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemSchema } from '../../shared/problem.schemas.js';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../../shared/schema.js';
import { RECORDED_STANDINGS, TIERS, type ConflictingEntry, type StateSummary } from '../domain/index.js';
import { BusinessDateSchema } from '../values.schemas.js';
import type { CommandOutcome, RecordedEntry } from './command.js';

@Schema({
  name: 'RecordedEntry',
  example: { eventId: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f', type: 'AidDelivered', streamVersion: 4 },
})
class RecordedEntrySchema implements RecordedEntry {
  @ApiProperty({ format: 'uuid', example: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f' }) eventId: string;
  @ApiProperty({ example: 'AidDelivered', description: 'the event type' }) type: string;
  @ApiProperty({ type: 'integer', example: 4 }) streamVersion: number;
}

@Schema({
  name: 'CommandResult',
  description: 'What a milestone command recorded. ETag carries the same version.',
  example: {
    partnershipId: 'dortmund-zhytomyr',
    version: 4,
    events: [{ eventId: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f', type: 'AidDelivered', streamVersion: 4 }],
  },
})
export class CommandResultSchema implements Omit<CommandOutcome, 'replayed'> {
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ type: 'integer', example: 4, description: 'the partnership version after this command; also the ETag' }) version: number;
  @ClassProperty(() => RecordedEntrySchema, { isArray: true, description: 'empty when the command changed nothing' })
  events: RecordedEntry[];
}

@Schema({
  name: 'PartnershipState',
  description: 'Where the partnership stood when the command was refused.',
  example: { tier: 'contact', standing: 'suspended' },
})
class PartnershipStateSchema implements StateSummary {
  @ApiProperty({ enum: TIERS, nullable: true, example: 'contact' }) tier: StateSummary['tier'];
  @ApiProperty({ enum: RECORDED_STANDINGS, nullable: true, example: 'suspended' }) standing: StateSummary['standing'];
  @ApiPropertyOptional({ enum: TIERS, example: 'solidarity', description: 'a tier the council adopted, waiting for its signing' })
  pendingUpgrade?: StateSummary['pendingUpgrade'];
}

const CONFLICT_EXAMPLE = {
  eventId: '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f',
  type: 'AidDelivered',
  occurredOn: { date: '2024-03', precision: 'month' },
  reason: 'aid cannot be delivered while the partnership is suspended',
  needed: 'record the resumption before 2024-03, or date the suspension after it',
};

@Schema({
  name: 'ConflictingEntry',
  description: 'A later entry that the change would make impossible, and why.',
  example: CONFLICT_EXAMPLE,
})
class ConflictingEntrySchema implements ConflictingEntry {
  @ApiProperty({ format: 'uuid', example: CONFLICT_EXAMPLE.eventId }) eventId: string;
  @ApiProperty({ example: 'AidDelivered' }) type: string;
  @ClassProperty(() => BusinessDateSchema, { nullable: true }) occurredOn: ConflictingEntry['occurredOn'];
  @ApiProperty({ example: CONFLICT_EXAMPLE.reason }) reason: string;
  @ApiPropertyOptional({ example: CONFLICT_EXAMPLE.needed, description: 'what would make it possible again' }) needed?: string;
}

@Schema({
  name: 'ConflictProblem',
  description:
    'A 409 from a command, with what explains it: `state` and `needed` for transition_not_allowed, `conflicts` for contradicts_later_entries, `currentVersion` for concurrency_conflict, `partnershipId` for partnership_exists.',
  additionalProperties: true,
  example: {
    type: 'urn:partnership-ledger:problem:contradicts-later-entries',
    title: 'Conflict',
    status: 409,
    detail:
      'Recording PartnershipSuspended on 2024-02 would contradict an entry recorded after its date — AidDelivered 01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f (2024-03): aid cannot be delivered while the partnership is suspended. Correct or retract it first.',
    code: 'contradicts_later_entries',
    instance: '/api/v1/partnerships/dortmund-zhytomyr/suspension',
    conflicts: [CONFLICT_EXAMPLE],
  },
})
export class ConflictProblemSchema extends ProblemSchema {
  @ClassProperty(() => ConflictingEntrySchema, {
    isArray: true,
    required: false,
    description: 'contradicts_later_entries: the later entries',
  })
  conflicts?: ConflictingEntry[];
  @ClassProperty(() => PartnershipStateSchema, { required: false, description: 'transition_not_allowed: where the partnership stands' })
  state?: StateSummary;
  @ApiPropertyOptional({ example: 'an adopted council decision', description: 'transition_not_allowed: what the command needs first' })
  needed?: string;
  @ApiPropertyOptional({ type: 'integer', example: 5, description: 'concurrency_conflict: the version the partnership is at now' })
  currentVersion?: number;
  @ApiPropertyOptional({ example: 'dortmund-zhytomyr', description: 'partnership_exists: the id that is taken' })
  partnershipId?: string;
}

type _WriteSchemasMirror = AllTrue<
  [
    Mirrors<RecordedEntrySchema, RecordedEntry>,
    Mirrors<CommandResultSchema, Omit<CommandOutcome, 'replayed'>>,
    Mirrors<PartnershipStateSchema, StateSummary>,
    Mirrors<ConflictingEntrySchema, ConflictingEntry>,
  ]
>;
