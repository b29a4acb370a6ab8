import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { STANDINGS, TIERS, isValidBusinessDate } from '../domain/index.js';

@ValidatorConstraint({ name: 'calendarDay' })
class CalendarDay implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isValidBusinessDate(v);
  }
  defaultMessage() {
    return 'must be a real calendar day written YYYY-MM-DD';
  }
}

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2023-01-15', description: 'Business date: the status as it was on this day.' })
  @IsOptional()
  @Validate(CalendarDay)
  validAt?: string;

  @ApiPropertyOptional({ example: '2023-02-20T12:00:00Z', description: 'Record time: the status as the ledger knew it then.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'must be an ISO 8601 timestamp, e.g. 2023-02-20T12:00:00Z' })
  knownAt?: string;
}

export class ListPartnershipsQuery {
  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS, { message: `must be one of ${TIERS.join(', ')}` })
  tier?: (typeof TIERS)[number];

  @ApiPropertyOptional({ enum: STANDINGS })
  @IsOptional()
  @IsIn(STANDINGS, { message: `must be one of ${STANDINGS.join(', ')}` })
  standing?: (typeof STANDINGS)[number];

  @ApiPropertyOptional({ example: 'Zhytomyr', description: 'Part of the counterpart name, in any recorded language.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  counterpart?: string;

  @ApiPropertyOptional({ example: 'culture' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  area?: string;

  @ApiPropertyOptional({ example: 'Житомир', description: 'Text search over names, areas and ids.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100, { message: 'must be at most 100; follow nextCursor for more' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class EventsQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  fromVersion?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AidQueryDto {
  @ApiPropertyOptional({ example: 'dortmund-zhytomyr' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partnershipId?: string;

  @ApiPropertyOptional({ example: 'Vinnytsia' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  receiver?: string;

  @ApiPropertyOptional({ example: '2022-01-01' })
  @IsOptional()
  @Validate(CalendarDay)
  from?: string;

  @ApiPropertyOptional({ example: '2022-12-31' })
  @IsOptional()
  @Validate(CalendarDay)
  to?: string;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ example: 'energy' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sector?: string;

  @ApiPropertyOptional({ enum: ['delivered', 'committed'] })
  @IsOptional()
  @IsIn(['delivered', 'committed'], { message: 'must be delivered or committed' })
  kind?: 'delivered' | 'committed';

  @ApiPropertyOptional({ enum: ['receiver', 'month', 'currency', 'sector'] })
  @IsOptional()
  @IsIn(['receiver', 'month', 'currency', 'sector'], { message: 'must be one of receiver, month, currency, sector' })
  groupBy?: 'receiver' | 'month' | 'currency' | 'sector';
}

export class CalendarQuery {
  @ApiPropertyOptional({ example: '2023-01-01', description: 'First day (default: today).' })
  @IsOptional()
  @Validate(CalendarDay)
  from?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3660, default: 365 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  days?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  partnershipId?: string;
}
