// The reports routes' bodies and answers as OpenAPI schemas. ReportView is what the controller's
// view() returns (it is annotated with it); the schema classes mirror it (checked at the end).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClassProperty, Schema, type AllTrue, type Mirrors } from '../shared/schema.js';
import type { FailureKind } from './errors.js';
import type { ReportFileInfo } from './report-store.js';
import { FORMATS, REPORT_STATUSES, REPORT_TYPES, type ReportFormat, type ReportStatus, type ReportType } from './report-types.js';

export interface ReportFileView extends ReportFileInfo {
  href: string;
}

export interface ReportLinks {
  self: string;
  download: string;
}

export interface ReportView {
  id: string;
  type: ReportType;
  parameters: Record<string, unknown>;
  status: ReportStatus;
  progress: number;
  error: string | null;
  /** transient: being retried; unexpected: retried a few times; permanent: given up */
  errorKind: FailureKind | null;
  nextAttemptAt: string | null;
  attempts: number;
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: Record<string, unknown> | null;
  formats: ReportFormat[];
  files: ReportFileView[];
  links: ReportLinks;
}

const ID = '01956f0e-6b1a-7c3e-9f2d-3a4b5c6d7e8f';
const LINKS = { self: `/api/v1/reports/${ID}`, download: `/api/v1/reports/${ID}/download` };
const PARAMETERS = { from: '2022-01-01', to: '2022-12-31', kind: 'delivered' };

@Schema({
  name: 'ReportParameters',
  description:
    'dossier: partnershipId (required). aid_summary: from, to (YYYY, YYYY-MM or YYYY-MM-DD), partnershipId, currency, kind. office_digest: since, days. reminders: days, stalledAfterDays.',
  example: PARAMETERS,
  additionalProperties: false,
})
class ReportParametersSchema {
  @ApiPropertyOptional({ example: 'dortmund-zhytomyr' }) partnershipId?: string;
  @ApiPropertyOptional({ example: '2022-01-01', description: 'aid_summary: first day (YYYY, YYYY-MM or YYYY-MM-DD)' }) from?: string;
  @ApiPropertyOptional({ example: '2022-12-31', description: 'aid_summary: last day (YYYY, YYYY-MM or YYYY-MM-DD)' }) to?: string;
  @ApiPropertyOptional({ example: 'EUR', description: 'aid_summary: ISO 4217' }) currency?: string;
  @ApiPropertyOptional({ enum: ['delivered', 'committed'], example: 'delivered', description: 'aid_summary (default delivered)' })
  kind?: 'delivered' | 'committed';
  @ApiPropertyOptional({ format: 'date-time', example: '2025-07-01T00:00:00Z', description: 'office_digest: changes since' })
  since?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 366, example: 14, description: 'office_digest, reminders: days ahead' })
  days?: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 3660,
    example: 180,
    description: 'reminders: a paper counts as stalled after',
  })
  stalledAfterDays?: number;
}

@Schema({ name: 'ReportRequest', example: { type: 'aid_summary', parameters: PARAMETERS } })
export class ReportRequestSchema {
  @ApiProperty({ enum: REPORT_TYPES, example: 'aid_summary' }) type: ReportType;
  @ClassProperty(() => ReportParametersSchema, { required: false }) parameters?: Record<string, unknown>;
}

@Schema({ name: 'ReportLinks', example: LINKS })
class ReportLinksSchema implements ReportLinks {
  @ApiProperty({ example: LINKS.self }) self: string;
  @ApiProperty({ example: LINKS.download, description: "the type's first format; add ?format= for another" }) download: string;
}

const FILE = {
  format: 'csv',
  mediaType: 'text/csv; charset=utf-8',
  fileName: 'aid-summary-2022.csv',
  byteSize: 2048,
  href: `/api/v1/reports/${ID}/download?format=csv`,
};

@Schema({ name: 'ReportFile', example: FILE })
class ReportFileSchema implements ReportFileView {
  @ApiProperty({ enum: FORMATS, example: 'csv' }) format: ReportFormat;
  @ApiProperty({ example: FILE.mediaType }) mediaType: string;
  @ApiProperty({ example: FILE.fileName }) fileName: string;
  @ApiProperty({ type: 'integer', example: 2048 }) byteSize: number;
  @ApiProperty({ example: FILE.href }) href: string;
}

const REPORT = {
  id: ID,
  type: 'aid_summary',
  parameters: PARAMETERS,
  status: 'completed',
  progress: 100,
  error: null,
  errorKind: null,
  nextAttemptAt: null,
  attempts: 1,
  requestedBy: 'Office for International Relations',
  createdAt: '2025-02-03T14:12:00.000Z',
  startedAt: '2025-02-03T14:12:01.000Z',
  finishedAt: '2025-02-03T14:12:03.000Z',
  summary: { deliveries: 2, totals: { EUR: '250000.00' } },
  formats: ['csv', 'json'],
  files: [FILE],
  links: LINKS,
};

@Schema({ name: 'Report', description: 'A requested report: its state, and its files once completed.', example: REPORT })
export class ReportSchema implements ReportView {
  @ApiProperty({ format: 'uuid', example: ID }) id: string;
  @ApiProperty({ enum: REPORT_TYPES, example: 'aid_summary' }) type: ReportType;
  @ApiProperty({ type: 'object', additionalProperties: true, example: PARAMETERS, description: 'the parameters it was made with' })
  parameters: Record<string, unknown>;
  @ApiProperty({ enum: REPORT_STATUSES, example: 'completed' }) status: ReportStatus;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 100 }) progress: number;
  @ApiProperty({ type: String, nullable: true, example: null }) error: string | null;
  @ApiProperty({
    enum: ['transient', 'permanent', 'unexpected'],
    nullable: true,
    example: null,
    description: 'transient: being retried; unexpected: retried a few times; permanent: given up',
  })
  errorKind: FailureKind | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) nextAttemptAt: string | null;
  @ApiProperty({ type: 'integer', example: 1 }) attempts: number;
  @ApiProperty({ example: REPORT.requestedBy }) requestedBy: string;
  @ApiProperty({ format: 'date-time', example: REPORT.createdAt }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: REPORT.startedAt }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: REPORT.finishedAt }) finishedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: REPORT.summary }) summary: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ enum: FORMATS, isArray: true, example: ['csv', 'json'] }) formats: ReportFormat[];
  @ClassProperty(() => ReportFileSchema, { isArray: true }) files: ReportFileView[];
  @ClassProperty(() => ReportLinksSchema) links: ReportLinks;
}

export interface ReportAccepted {
  id: string;
  status: ReportStatus;
  type: ReportType;
  links: ReportLinks;
}

@Schema({
  name: 'ReportAccepted',
  description: 'Queued; poll links.self (also the Location header).',
  example: { id: ID, status: 'queued', type: 'aid_summary', links: LINKS },
})
export class ReportAcceptedSchema implements ReportAccepted {
  @ApiProperty({ format: 'uuid', example: ID }) id: string;
  @ApiProperty({ enum: REPORT_STATUSES, example: 'queued' }) status: ReportStatus;
  @ApiProperty({ enum: REPORT_TYPES, example: 'aid_summary' }) type: ReportType;
  @ClassProperty(() => ReportLinksSchema) links: ReportLinks;
}

@Schema({
  name: 'ReportPage',
  description: 'Reports, newest first; follow nextCursor (null: the last page).',
  example: { items: [REPORT], nextCursor: null },
})
export class ReportPageSchema {
  @ClassProperty(() => ReportSchema, { isArray: true }) items: ReportView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor: string | null;
}

type _ReportSchemasMirror = AllTrue<
  [
    Mirrors<ReportLinksSchema, ReportLinks>,
    Mirrors<ReportFileSchema, ReportFileView>,
    Mirrors<ReportSchema, ReportView>,
    Mirrors<ReportAcceptedSchema, ReportAccepted>,
    Mirrors<ReportPageSchema, { items: ReportView[]; nextCursor: string | null }>,
  ]
>;
