// Request bodies of the command API. Field names are the event's field names; dates are strings
// ('YYYY' | 'YYYY-MM' | 'YYYY-MM-DD') and become { date, precision } on the way in.
import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  AGREEMENT_KINDS,
  AID_MODALITIES,
  PARTNERSHIP_ID_PATTERN,
  BODY_OUTCOMES,
  DECISION_OUTCOMES,
  PARTICIPANT_TYPES,
  SIDES,
  SIGNING_MODES,
  TIERS,
} from '../domain/index.js';
import {
  Amount,
  Bool,
  BusinessDateField,
  Count,
  CountryCode,
  Currency,
  NAME_MAX,
  Names,
  Nested,
  NestedList,
  OneOf,
  TEXT_MAX,
  TITLE_MAX,
  Text,
  TextList,
  Uuid,
} from './fields.js';
import { Schema } from '../../shared/schema.js';

/** A request body from the Dortmund–Zhytomyr story, shown in the OpenAPI document. */
export type Example = Readonly<Record<string, unknown>>;

/** The class's static `example` becomes its schema's example too (not only the route's body example). */
const WithExample = (): ClassDecorator => (target) => Schema({ example: (target as unknown as { example: Example }).example })(target);

// ---- building blocks ----------------------------------------------------------------------------

@Schema({
  name: 'Source',
  description: 'Where a milestone is documented: a paper or file reference and/or a link.',
  example: { reference: 'DS 2022-0001', url: 'https://ratsinfo.dortmund.de/' },
})
export class SourceDto {
  @Text(NAME_MAX, { optional: true, example: 'DS 2022-0001', description: 'document or paper reference' }) reference?: string;
  @Text(2000, { optional: true, example: 'https://ratsinfo.dortmund.de/' }) url?: string;
}

@Schema({
  name: 'Money',
  description:
    'An exact amount as a decimal string, with at most as many decimals as the currency has (EUR 2, JPY 0), and its ISO 4217 currency.',
  example: { amount: '125000.00', currency: 'EUR' },
})
export class MoneyDto {
  @Amount({ example: '125000.00', description: 'positive decimal string, at most two decimals' }) amount: string;
  @Currency({ example: 'EUR', description: 'ISO 4217 code' }) currency: string;
}

@Schema({
  name: 'Tally',
  description: 'How a body voted.',
  example: { inFavour: 62, against: 4, abstained: 2, unanimous: false },
})
export class TallyDto {
  @Count({ optional: true, example: 62 }) inFavour?: number;
  @Count({ optional: true, example: 4 }) against?: number;
  @Count({ optional: true, example: 2 }) abstained?: number;
  @Bool({ optional: true, example: false }) unanimous?: boolean;
}

@Schema({
  name: 'Signatory',
  example: { name: 'Thomas Westphal', role: 'Lord Mayor of Dortmund', side: 'own' },
})
export class SignatoryDto {
  @Text(NAME_MAX, { example: 'Thomas Westphal' }) name: string;
  @Text(NAME_MAX, { optional: true, example: 'Lord Mayor of Dortmund' }) role?: string;
  @OneOf(SIDES, { optional: true, example: 'own' }) side?: string;
}

/** Fields every milestone has. */
export class MilestoneDto {
  @BusinessDateField({ example: '2023-02-23' }) occurredOn: string;
  @Nested(() => SourceDto, { optional: true }) source?: SourceDto;
  @Text(TEXT_MAX, { optional: true, example: 'Free text for whoever reads the timeline later.' }) note?: string;
}

// ---- commands -----------------------------------------------------------------------------------

@WithExample()
export class InitiatePartnershipDto extends MilestoneDto {
  static readonly example: Example = {
    partnershipId: 'dortmund-zhytomyr',
    occurredOn: '2022',
    ownMunicipality: { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' },
    tier: 'initiative',
    coordinatingOffice: 'Office for International Relations',
    mandateReference: 'Council resolution 2022: seek a partnership with a Ukrainian city',
  };

  @IsOptional()
  @IsString({ message: 'must be a text' })
  @Matches(PARTNERSHIP_ID_PATTERN, { message: 'must be 1–100 letters, digits, ".", "_", "~" or "-", starting with a letter or digit' })
  @ApiProperty({ required: false, example: 'dortmund-zhytomyr', description: 'your own id (a slug); a UUID is assigned when left out' })
  partnershipId?: string;
  @Names({ example: { de: 'Dortmund', uk: 'Дортмунд', en: 'Dortmund' } }) ownMunicipality: Record<string, string>;
  @Names({ optional: true }) counterpart?: Record<string, string>;
  @CountryCode({ optional: true, example: 'UA' }) counterpartCountry?: string;
  @OneOf(['initiative', 'contact'], { example: 'initiative', description: 'higher tiers begin with a signed agreement' }) tier: string;
  @Text(NAME_MAX, { optional: true, example: 'Office for International Relations' }) coordinatingOffice?: string;
  @Text(NAME_MAX, { optional: true, example: 'Council resolution 2022: seek a partnership with a Ukrainian city' })
  mandateReference?: string;
  @Text(NAME_MAX, { optional: true, description: 'id of the terminated partnership this one restarts' }) predecessorId?: string;
}

@WithExample()
export class DesignateCounterpartDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2022-06',
    name: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
    country: 'UA',
    note: 'Zhytomyr asked Dortmund for a partnership.',
  };

  @Names() name: Record<string, string>;
  @CountryCode({ optional: true, example: 'UA' }) country?: string;
}

@WithExample()
export class RenameCounterpartDto extends MilestoneDto {
  static readonly example: Example = { occurredOn: '2023-05', name: { de: 'Schytomyr' }, reason: 'Official German spelling' };

  @Names() name: Record<string, string>;
  @Text(TEXT_MAX, { optional: true }) reason?: string;
}

@WithExample()
export class AidDeliveryDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2022-05',
    receiver: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' },
    value: { amount: '125000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['generators'],
    sector: 'energy',
  };

  @Names({ description: 'may differ from the counterpart', example: { de: 'Winnyzja', uk: 'Вінниця', en: 'Vinnytsia' } }) receiver: Record<
    string,
    string
  >;
  @Nested(() => MoneyDto, { optional: true }) value?: MoneyDto;
  @OneOf(AID_MODALITIES, { example: 'in_kind' }) modality: string;
  @TextList(NAME_MAX, { optional: true, example: ['generators', 'medical supplies'] }) items?: string[];
  @Text(NAME_MAX, { optional: true, example: 'energy' }) sector?: string;
  @Text(NAME_MAX, { optional: true, example: 'municipal budget' }) fundingChannel?: string;
}

@WithExample()
export class AidCommitmentDto extends AidDeliveryDto {
  static readonly example: Example = {
    occurredOn: '2023-03',
    receiver: { de: 'Schytomyr', uk: 'Житомир', en: 'Zhytomyr' },
    value: { amount: '50000.00', currency: 'EUR' },
    modality: 'in_kind',
    items: ['fire engine'],
    expectedBy: '2023-06',
  };

  @BusinessDateField({ optional: true, example: '2023-06', description: 'when the pledged aid is expected' }) expectedBy?: string;
}

@WithExample()
export class DraftResolutionDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2022-12',
    paperReference: 'DS 2022-0001',
    title: 'Solidarity partnership with Zhytomyr, expandable to official twinning',
    proposedTier: 'solidarity',
    route: ['Verwaltungsvorstand', 'Ausschuss', 'Rat der Stadt'],
  };

  @Text(NAME_MAX, { example: 'DS 2022-0001' }) paperReference: string;
  @Text(TITLE_MAX, { example: 'Solidarity partnership with Zhytomyr' }) title: string;
  @OneOf(TIERS, { optional: true, example: 'solidarity' }) proposedTier?: string;
  @TextList(NAME_MAX, { optional: true, example: ['Verwaltungsvorstand', 'Ausschuss', 'Rat der Stadt'] }) route?: string[];
}

@WithExample()
export class BoardReviewDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2023-01-10',
    paperReference: 'DS 2022-0001',
    body: 'Verwaltungsvorstand',
    outcome: 'approved',
  };

  @Bool({ optional: true, description: 'a meeting in the calendar, not yet held' }) planned?: boolean;
  @BusinessDateField({
    optional: true,
    example: '2023-01-10',
    description: 'for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier)',
  })
  madeOn?: string;
  @Text(NAME_MAX, { optional: true, example: 'DS 2022-0001' }) paperReference?: string;
  @Text(NAME_MAX, { example: 'Verwaltungsvorstand' }) body: string;
  @OneOf(BODY_OUTCOMES, { optional: true, example: 'approved', description: 'required unless planned' }) outcome?: string;
}

@WithExample()
export class CommitteeReferralDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2023-01-10',
    paperReference: 'DS 2022-0001',
    committee: 'Committee for Citizens Services',
  };

  @Bool({ optional: true }) planned?: boolean;
  @BusinessDateField({
    optional: true,
    example: '2023-01-10',
    description: 'for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier)',
  })
  madeOn?: string;
  @Text(NAME_MAX, { optional: true, example: 'DS 2022-0001' }) paperReference?: string;
  @Text(NAME_MAX, { example: 'Committee for Citizens Services' }) committee: string;
  @BusinessDateField({ optional: true, example: '2023-02-01' }) meetingDate?: string;
}

class DecisionDto extends MilestoneDto {
  @Bool({ optional: true }) planned?: boolean;
  @BusinessDateField({
    optional: true,
    example: '2023-01-10',
    description: 'for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier)',
  })
  madeOn?: string;
  @Text(NAME_MAX, { optional: true, example: 'DS 2022-0001' }) paperReference?: string;
  @OneOf(DECISION_OUTCOMES, { optional: true, example: 'adopted', description: 'required unless planned' }) outcome?: string;
  @Text(TEXT_MAX, { optional: true }) resolutionText?: string;
  @Text(NAME_MAX, { optional: true }) resolutionReference?: string;
  @Nested(() => TallyDto, { optional: true }) tally?: TallyDto;
}

@WithExample()
export class CommitteeDecisionDto extends DecisionDto {
  static readonly example: Example = {
    occurredOn: '2023-02-02',
    paperReference: 'DS 2022-0001',
    committee: 'Committee for Citizens Services',
    outcome: 'recommended',
  };

  @Text(NAME_MAX, { example: 'Committee for Citizens Services' }) committee: string;
}

@WithExample()
export class CouncilDecisionDto extends DecisionDto {
  static readonly example: Example = {
    occurredOn: '2023-02-09',
    paperReference: 'DS 2022-0001',
    body: 'Rat der Stadt Dortmund',
    outcome: 'adopted',
    proposedTier: 'solidarity',
    tally: { unanimous: true },
  };

  @Text(NAME_MAX, { optional: true, example: 'Rat der Stadt Dortmund' }) body?: string;
  @OneOf(TIERS, { optional: true, example: 'solidarity' }) proposedTier?: string;
}

@WithExample()
export class SigningScheduleDto extends MilestoneDto {
  @BusinessDateField({
    optional: true,
    example: '2023-01-10',
    description: 'for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier)',
  })
  madeOn?: string;
  static readonly example: Example = {
    occurredOn: '2023-02-09',
    agreementKind: 'solidarity',
    mode: 'council_session',
    venue: 'Dortmund City Hall',
  };

  @OneOf(AGREEMENT_KINDS, { optional: true, example: 'solidarity' }) agreementKind?: string;
  @Text(NAME_MAX, { optional: true, example: 'Dortmund City Hall' }) venue?: string;
  @OneOf(SIGNING_MODES, { optional: true, example: 'in_person' }) mode?: string;
}

@WithExample()
export class AgreementDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2023-02-23',
    agreementKind: 'solidarity',
    mode: 'online',
    signatories: [
      { name: 'Lord Mayor of Dortmund', side: 'own' },
      { name: 'Mayor of Zhytomyr', side: 'counterpart' },
    ],
  };

  @OneOf(AGREEMENT_KINDS, { example: 'solidarity' }) agreementKind: string;
  @NestedList(() => SignatoryDto, { optional: true }) signatories?: SignatoryDto[];
  @OneOf(SIGNING_MODES, { optional: true, example: 'online' }) mode?: string;
  @Text(NAME_MAX, { optional: true }) venue?: string;
  @Text(NAME_MAX, { optional: true, description: 'lets a signing go ahead before the council decision is recorded' })
  urgentDecisionReference?: string;
}

@WithExample()
export class AreaDto extends MilestoneDto {
  static readonly example: Example = { occurredOn: '2023-02-23', area: 'digitalisation' };

  @Text(NAME_MAX, { example: 'digitalisation' }) area: string;
}

@WithExample()
export class AreaRemovalDto extends AreaDto {
  static readonly example: Example = { occurredOn: '2024-01', area: 'mobility', reason: 'No project partner found' };

  @Text(TEXT_MAX, { optional: true }) reason?: string;
}

@WithExample()
export class ParticipantDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2023',
    organisation: 'Technische Universität Dortmund',
    participantType: 'academic',
    side: 'own',
  };

  @Text(NAME_MAX, { example: 'Technische Universität Dortmund' }) organisation: string;
  @OneOf(PARTICIPANT_TYPES, { example: 'academic' }) participantType: string;
  @OneOf(SIDES, { example: 'own' }) side: string;
}

@WithExample()
export class ParticipantLeaveDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2024',
    organisation: 'Technische Universität Dortmund',
    side: 'own',
    reason: 'Project completed',
  };

  @Text(NAME_MAX, { example: 'Technische Universität Dortmund' }) organisation: string;
  @OneOf(SIDES, { example: 'own' }) side: string;
  @Text(TEXT_MAX, { optional: true }) reason?: string;
}

@WithExample()
export class ActivityDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2023-07-24',
    endsOn: '2023-08-04',
    title: 'Summer camp in Dortmund for children from Zhytomyr',
    activityKind: 'summer_camp',
    place: 'Dortmund',
    participantCount: 40,
  };

  @Bool({ optional: true }) planned?: boolean;
  @BusinessDateField({
    optional: true,
    example: '2023-01-10',
    description: 'for a plan: the day it was made (default: the day it is recorded, or the planned day if that is earlier)',
  })
  madeOn?: string;
  @Text(TITLE_MAX, { example: 'Summer camp for children from Zhytomyr' }) title: string;
  @Text(NAME_MAX, { optional: true, example: 'summer_camp' }) activityKind?: string;
  @BusinessDateField({ optional: true, example: '2023-08-14' }) endsOn?: string;
  @Text(NAME_MAX, { optional: true, example: 'Dortmund' }) place?: string;
  @TextList(NAME_MAX, { optional: true }) participants?: string[];
  @Count({ optional: true, example: 40 }) participantCount?: number;
}

@WithExample()
export class FundingDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2023-11',
    funder: 'European Commission',
    programme: 'CERV town twinning',
    value: { amount: '30000.00', currency: 'EUR' },
    purpose: 'Youth exchange Dortmund–Zhytomyr',
  };

  @Text(NAME_MAX, { example: 'European Commission' }) funder: string;
  @Text(NAME_MAX, { optional: true, example: 'CERV town twinning' }) programme?: string;
  @Nested(() => MoneyDto, { optional: true }) value?: MoneyDto;
  @Text(TEXT_MAX, { optional: true, example: 'Youth exchange Dortmund–Zhytomyr' }) purpose?: string;
}

@WithExample()
export class TerminationDto extends MilestoneDto {
  static readonly example: Example = { occurredOn: '2025-12', reason: 'Ended by council resolution', decisionReference: 'DS 2025-0042' };

  @Text(TEXT_MAX, { example: 'Ended by council resolution' }) reason: string;
  @Text(NAME_MAX, { optional: true }) decisionReference?: string;
}

@WithExample()
export class SuspensionDto extends MilestoneDto {
  static readonly example: Example = { occurredOn: '2024-02', reason: 'Contact interrupted', decisionReference: 'VV 2024/02' };

  @Text(TEXT_MAX, { example: 'Contact lost after the city administration was dissolved' }) reason: string;
  @Text(NAME_MAX, { optional: true }) decisionReference?: string;
  @BusinessDateField({
    optional: true,
    example: '2024-04',
    description: 'for a suspension recorded after it ended: the day it was resumed (recorded as a resumption in the same command)',
  })
  resumedOn?: string;
  @Text(TEXT_MAX, { optional: true, example: 'Contact restored' }) resumptionReason?: string;
}

@WithExample()
export class ResumptionDto extends MilestoneDto {
  static readonly example: Example = { occurredOn: '2024-04', reason: 'Contact restored' };

  @Text(TEXT_MAX, { optional: true }) reason?: string;
  @Text(NAME_MAX, { optional: true }) decisionReference?: string;
}

@WithExample()
export class DocumentDto extends MilestoneDto {
  static readonly example: Example = {
    occurredOn: '2023-02-23',
    name: 'Solidarity agreement (signed).pdf',
    mediaType: 'application/pdf',
    sizeBytes: 482113,
    checksum: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    link: 'https://dms.example.org/documents/4711',
  };

  @Text(NAME_MAX, { example: 'Solidarity agreement (signed).pdf' }) name: string;
  @IsString({ message: 'must be a text' })
  @MaxLength(255, { message: 'must be at most 255 characters' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'must be a media type such as application/pdf' })
  @ApiProperty({ example: 'application/pdf', maxLength: 255 })
  mediaType: string;
  @Count({ optional: true, example: 482113 }) sizeBytes?: number;
  @Text(NAME_MAX, { optional: true, example: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) checksum?: string;
  @Text(2000, { optional: true, example: 'https://dms.example.org/documents/4711' }) link?: string;
  @Uuid({ optional: true, description: 'the entry this document belongs to' }) relatesTo?: string;
}

@WithExample()
export class NoteDto {
  static readonly example: Example = { occurredOn: '2023-03', text: 'Zhytomyr asked for a follow-up call in March.' };

  @BusinessDateField({ example: '2023-03' }) occurredOn: string;
  @Text(TEXT_MAX, { example: 'Zhytomyr asked for a follow-up call in March.' }) text: string;
  @Uuid({ optional: true, description: 'the entry this note is about' }) relatesTo?: string;
  @Nested(() => SourceDto, { optional: true }) source?: SourceDto;
}

@WithExample()
export class CorrectionDto {
  static readonly example: Example = {
    reason: 'The signing took place online on 23 February 2023.',
    changes: { occurredOn: '2023-02-23', mode: 'online' },
  };

  @Text(TEXT_MAX, { example: 'The signing took place on 23 February, not 9 February.' }) reason: string;
  @IsObject({ message: 'must be an object of the fields to replace' })
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { occurredOn: '2023-02-23' },
    description: "fields of the entry to replace, with the entry's own field names; null clears an optional field",
  })
  changes: Record<string, unknown>;
}

@WithExample()
export class RetractionDto {
  static readonly example: Example = { reason: 'Recorded for the wrong partnership.' };

  @Text(TEXT_MAX, { example: 'Recorded for the wrong partnership.' }) reason: string;
}
