// The status read model as OpenAPI schemas (mirrors status.types.ts; the checks at the end keep them in step).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClassProperty, RefProperty, Schema, type AllTrue, type Mirrors } from '../../../shared/schema.js';
import { STANDINGS, TIERS, type BusinessDate, type LocalizedName, type Standing, type Tier } from '../../domain/index.js';
import { AsOfSchema, BusinessDateSchema } from '../../values.schemas.js';
import type { PlanView } from '../plans.js';
import { ReceiptCountsSchema } from '../receipts/receipts.schemas.js';
import type { ReceiptCounts } from '../receipts/receipts.js';
import type { CurrentPaper, NextScheduled, PartnershipDetail, PartnershipSummary } from './status.types.js';

const UUID_EXAMPLE = '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f';
const ZHYTOMYR = { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' };
const DORTMUND = { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' };

type FormerName = PartnershipSummary['formerNames'][number];
type PendingUpgrade = NonNullable<PartnershipSummary['pendingUpgrade']>;
type Agreement = PartnershipSummary['agreements'][number];
type CouncilDecision = PartnershipDetail['councilDecisions'][number];
type ScheduledSigning = PartnershipDetail['scheduledSignings'][number];
type Participant = PartnershipDetail['participants'][number];

const NEXT = {
  eventId: UUID_EXAMPLE,
  kind: 'AgreementSigningScheduled',
  title: 'Signing (solidarity) — Dortmund City Hall',
  date: { date: '2023-02-23', precision: 'day' },
};

@Schema({ name: 'NextScheduled', description: 'The next open plan of the partnership.', example: NEXT })
class NextScheduledSchema implements NextScheduled {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({
    example: 'AgreementSigningScheduled',
    description: 'the event type, e.g. AgreementSigningScheduled, BoardReviewed (planned)',
  })
  kind: string;
  @ApiProperty({ example: NEXT.title }) title: string;
  @ClassProperty(() => BusinessDateSchema) date: BusinessDate;
}

const PAPER = {
  reference: 'DS 2022-0001',
  title: 'Solidarity partnership with Zhytomyr',
  stage: 'council_decided',
  proposedTier: 'solidarity',
  lastOutcome: 'adopted',
};

@Schema({ name: 'CurrentPaper', description: 'A draft resolution and how far it has come.', example: PAPER })
class CurrentPaperSchema implements CurrentPaper {
  @ApiProperty({ example: 'DS 2022-0001' }) reference: string;
  @ApiProperty({ example: PAPER.title }) title: string;
  @ApiProperty({ example: 'council_decided', description: 'drafted | board_reviewed | referred | committee_decided | council_decided' })
  stage: string;
  @ApiPropertyOptional({ enum: TIERS, example: 'solidarity' }) proposedTier?: Tier;
  @ApiPropertyOptional({ example: 'adopted' }) lastOutcome?: string;
}

@Schema({
  name: 'FormerName',
  description: 'A name the counterpart carried before a rename, with the period it was in use.',
  example: { name: { de: 'Shitomir' }, from: null, until: { date: '2023-05', precision: 'month' } },
})
class FormerNameSchema implements FormerName {
  @RefProperty('LocalizedName') name: LocalizedName;
  @ClassProperty(() => BusinessDateSchema, { nullable: true, description: 'null: since the beginning' }) from: BusinessDate | null;
  @ClassProperty(() => BusinessDateSchema) until: BusinessDate;
}

@Schema({
  name: 'PendingUpgrade',
  description: 'A higher tier the council adopted, waiting for its signed agreement.',
  example: { tier: 'solidarity', decidedOn: { date: '2023-02-09', precision: 'day' }, paperReference: 'DS 2022-0001' },
})
class PendingUpgradeSchema implements PendingUpgrade {
  @ApiProperty({ enum: TIERS, example: 'solidarity' }) tier: Tier;
  @ClassProperty(() => BusinessDateSchema) decidedOn: BusinessDate;
  @ApiPropertyOptional({ example: 'DS 2022-0001' }) paperReference?: string;
  @ApiPropertyOptional({ example: 'R 2023/017' }) resolutionReference?: string;
}

const AGREEMENT = {
  eventId: UUID_EXAMPLE,
  kind: 'solidarity',
  signedOn: { date: '2023-02-23', precision: 'day' },
  tier: 'solidarity',
  mode: 'online',
  plannedFor: { date: '2023-02-09', precision: 'day' },
};

@Schema({ name: 'Agreement', description: 'A signed agreement.', example: AGREEMENT })
class AgreementSchema implements Agreement {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ApiProperty({ example: 'solidarity', description: 'the agreement kind' }) kind: string;
  @ClassProperty(() => BusinessDateSchema) signedOn: BusinessDate;
  @ApiProperty({ enum: TIERS, example: 'solidarity' }) tier: Tier;
  @ApiPropertyOptional({ example: 'online' }) mode?: string;
  @ApiPropertyOptional({ example: 'Dortmund City Hall' }) venue?: string;
  @ClassProperty(() => BusinessDateSchema, { required: false, description: 'the date the signing had been planned for' })
  plannedFor?: BusinessDate;
}

const SUMMARY = {
  partnershipId: 'dortmund-zhytomyr',
  version: 24,
  tier: 'solidarity',
  standing: 'active',
  ownMunicipality: DORTMUND,
  counterpart: ZHYTOMYR,
  counterpartCountry: 'UA',
  formerNames: [],
  pendingUpgrade: null,
  currentPaper: PAPER,
  nextScheduled: null,
  lastMilestoneOn: { date: '2023-08-04', precision: 'day' },
  aidDelivered: { EUR: '375000.00' },
  aidCommitted: { EUR: '50000.00' },
  aidReceipts: { awaiting: 2, partlyConfirmed: 1, confirmed: 0 },
  areas: ['digitalisation', 'culture'],
  participantCount: 3,
  agreements: [AGREEMENT],
  updatedAt: '2023-08-04T10:15:00.000Z',
};

@Schema({ name: 'PartnershipSummary', description: 'A partnership as the list shows it.', example: SUMMARY })
class PartnershipSummarySchema implements PartnershipSummary {
  @ApiProperty({ example: 'dortmund-zhytomyr' }) partnershipId: string;
  @ApiProperty({ type: 'integer', example: 24, description: 'the stream version; also the ETag' }) version: number;
  @ApiProperty({ enum: TIERS, example: 'solidarity' }) tier: Tier;
  @ApiProperty({ enum: STANDINGS, example: 'active', description: 'dormant is derived from inactivity, never recorded' })
  standing: Standing;
  @RefProperty('LocalizedName', { nullable: true }) ownMunicipality: LocalizedName | null;
  @RefProperty('LocalizedName', { nullable: true }) counterpart: LocalizedName | null;
  @ApiProperty({ type: String, nullable: true, example: 'UA', description: 'ISO 3166-1 alpha-2' }) counterpartCountry: string | null;
  @ClassProperty(() => FormerNameSchema, { isArray: true }) formerNames: FormerName[];
  @ClassProperty(() => PendingUpgradeSchema, { nullable: true }) pendingUpgrade: PendingUpgrade | null;
  @ClassProperty(() => CurrentPaperSchema, { nullable: true }) currentPaper: CurrentPaper | null;
  @ClassProperty(() => NextScheduledSchema, { nullable: true }) nextScheduled: NextScheduled | null;
  @ClassProperty(() => BusinessDateSchema, { nullable: true }) lastMilestoneOn: BusinessDate | null;
  @RefProperty('AmountsByCurrency', { description: 'aid delivered, per currency' }) aidDelivered: Record<string, string>;
  @RefProperty('AmountsByCurrency', { description: 'aid pledged and not yet delivered, per currency' }) aidCommitted: Record<
    string,
    string
  >;
  @ClassProperty(() => ReceiptCountsSchema, { description: 'live deliveries by how much of their receipt is confirmed' })
  aidReceipts: ReceiptCounts;
  @ApiProperty({ type: [String], example: ['digitalisation', 'culture'] }) areas: string[];
  @ApiProperty({ type: 'integer', example: 3 }) participantCount: number;
  @ClassProperty(() => AgreementSchema, { isArray: true }) agreements: Agreement[];
  @ApiProperty({ format: 'date-time', example: '2023-08-04T10:15:00.000Z' }) updatedAt: string;
}

@Schema({
  name: 'PartnershipPage',
  description: 'A page of partnerships; follow nextCursor for the next one (null: the last page).',
  example: { items: [SUMMARY], nextCursor: null },
})
export class PartnershipPageSchema {
  @ClassProperty(() => PartnershipSummarySchema, { isArray: true }) items: PartnershipSummary[];
  @ApiProperty({ type: String, nullable: true, example: 'WyIyMDIzLTA4LTA0VDEwOjE1OjAwWiIsImRvcnRtdW5kLXpoeXRvbXlyIl0' })
  nextCursor: string | null;
}

@Schema({
  name: 'CouncilDecision',
  example: {
    eventId: UUID_EXAMPLE,
    decidedOn: { date: '2023-02-09', precision: 'day' },
    outcome: 'adopted',
    paperReference: 'DS 2022-0001',
  },
})
class CouncilDecisionSchema implements CouncilDecision {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ClassProperty(() => BusinessDateSchema) decidedOn: BusinessDate;
  @ApiProperty({ example: 'adopted' }) outcome: string;
  @ApiPropertyOptional({ example: 'DS 2022-0001' }) paperReference?: string;
  @ApiPropertyOptional({ example: 'R 2023/017' }) resolutionReference?: string;
}

@Schema({
  name: 'ScheduledSigning',
  description: 'A signing still planned.',
  example: {
    eventId: UUID_EXAMPLE,
    plannedOn: { date: '2023-02-09', precision: 'day' },
    agreementKind: 'solidarity',
    mode: 'council_session',
  },
})
class ScheduledSigningSchema implements ScheduledSigning {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE }) eventId: string;
  @ClassProperty(() => BusinessDateSchema, { description: 'the planned date' }) plannedOn: BusinessDate;
  @ApiPropertyOptional({ example: 'solidarity' }) agreementKind?: string;
  @ApiPropertyOptional({ example: 'council_session' }) mode?: string;
  @ApiPropertyOptional({ example: 'Dortmund City Hall' }) venue?: string;
}

const PLAN = {
  uid: UUID_EXAMPLE,
  eventId: UUID_EXAMPLE,
  kind: 'ActivityHeld',
  title: 'Summer camp in Dortmund for children from Zhytomyr',
  date: { date: '2024-07', precision: 'month' },
  madeOn: { date: '2024-01-15', precision: 'day' },
  sequence: 0,
};

@Schema({ name: 'Plan', description: 'A live plan: a signing, consultation or activity still ahead or overdue.', example: PLAN })
class PlanSchema implements PlanView {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE, description: 'stable through reschedules' }) uid: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE, description: 'the current plan entry' }) eventId: string;
  @ApiProperty({ example: 'ActivityHeld', description: 'the event type' }) kind: string;
  @ApiProperty({ example: PLAN.title }) title: string;
  @ClassProperty(() => BusinessDateSchema, { description: 'the planned date' }) date: BusinessDate;
  @ClassProperty(() => BusinessDateSchema, { description: 'when the plan was made' }) madeOn: BusinessDate;
  @ApiProperty({ type: 'integer', example: 0, description: 'grows with each reschedule, correction or cancellation' }) sequence: number;
  @ApiPropertyOptional({ example: 'in_person' }) mode?: string;
  @ApiPropertyOptional({ example: 'Dortmund' }) venue?: string;
}

@Schema({
  name: 'Participant',
  example: {
    organisation: 'Technische Universität Dortmund',
    participantType: 'academic',
    side: 'own',
    joinedOn: { date: '2023', precision: 'year' },
  },
})
class ParticipantSchema implements Participant {
  @ApiProperty({ example: 'Technische Universität Dortmund' }) organisation: string;
  @ApiProperty({ example: 'academic' }) participantType: string;
  @ApiProperty({ example: 'own', description: 'own | counterpart' }) side: string;
  @ClassProperty(() => BusinessDateSchema) joinedOn: BusinessDate;
}

@Schema({
  name: 'PartnershipDetail',
  description: 'One partnership: now, or as it was on a business date (validAt) / as known at a record time (knownAt).',
  example: {
    ...SUMMARY,
    predecessorId: null,
    coordinatingOffice: 'Office for International Relations',
    mandateReference: 'Council resolution 2022: seek a partnership with a Ukrainian city',
    papers: [PAPER],
    councilDecisions: [
      { eventId: UUID_EXAMPLE, decidedOn: { date: '2023-02-09', precision: 'day' }, outcome: 'adopted', paperReference: 'DS 2022-0001' },
    ],
    scheduledSignings: [],
    plans: [PLAN],
    participants: [
      {
        organisation: 'Technische Universität Dortmund',
        participantType: 'academic',
        side: 'own',
        joinedOn: { date: '2023', precision: 'year' },
      },
    ],
    asOf: null,
  },
})
export class PartnershipDetailSchema extends PartnershipSummarySchema implements PartnershipDetail {
  @ApiProperty({ type: String, nullable: true, example: null, description: 'the terminated partnership this one restarts' })
  predecessorId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Office for International Relations' }) coordinatingOffice: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Council resolution 2022' }) mandateReference: string | null;
  @ClassProperty(() => CurrentPaperSchema, { isArray: true }) papers: CurrentPaper[];
  @ClassProperty(() => CouncilDecisionSchema, { isArray: true }) councilDecisions: CouncilDecision[];
  @ClassProperty(() => ScheduledSigningSchema, { isArray: true }) scheduledSignings: ScheduledSigning[];
  @ClassProperty(() => PlanSchema, { isArray: true }) plans: PlanView[];
  @ClassProperty(() => ParticipantSchema, { isArray: true }) participants: Participant[];
  @ClassProperty(() => AsOfSchema, { nullable: true }) asOf: PartnershipDetail['asOf'];
}

type _StatusSchemasMirror = AllTrue<
  [
    Mirrors<NextScheduledSchema, NextScheduled>,
    Mirrors<CurrentPaperSchema, CurrentPaper>,
    Mirrors<FormerNameSchema, FormerName>,
    Mirrors<PendingUpgradeSchema, PendingUpgrade>,
    Mirrors<AgreementSchema, Agreement>,
    Mirrors<PartnershipSummarySchema, PartnershipSummary>,
    Mirrors<PartnershipPageSchema, { items: PartnershipSummary[]; nextCursor: string | null }>,
    Mirrors<CouncilDecisionSchema, CouncilDecision>,
    Mirrors<ScheduledSigningSchema, ScheduledSigning>,
    Mirrors<PlanSchema, PlanView>,
    Mirrors<ParticipantSchema, Participant>,
    Mirrors<PartnershipDetailSchema, PartnershipDetail>,
    Mirrors<AsOfSchema, NonNullable<PartnershipDetail['asOf']>>,
  ]
>;
