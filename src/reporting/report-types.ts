// What can be requested, with which parameters, in which formats. Pure: validated before anything
// is written or enqueued, so a bad request leaves no row and no job behind.
import {
  businessDateEnd,
  businessDateStart,
  parseBusinessDate,
  PARTNERSHIP_ID_PATTERN as PARTNERSHIP_ID,
  ValidationError,
} from '../partnerships/domain/index.js';
import type { FieldError } from '../shared/problem.js';

export const REPORT_TYPES = ['dossier', 'aid_summary', 'office_digest', 'reminders', 'aid_iati'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const FORMATS = ['html', 'pdf', 'json', 'csv', 'xml'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
};

/** The formats each type produces; the first is the default download. */
export const FORMATS_OF: Record<ReportType, ReportFormat[]> = {
  dossier: ['pdf', 'html', 'json'],
  aid_summary: ['csv', 'json'],
  office_digest: ['html', 'json'],
  reminders: ['html', 'json'],
  aid_iati: ['xml'],
};

export interface DossierParameters {
  partnershipId: string;
  /** set by the dispatcher: the event that asked for this refresh, and the stream version it needs */
  triggeredBy?: string;
  minVersion?: number;
}

export interface AidSummaryParameters {
  /** inclusive YYYY-MM-DD; requests may say YYYY or YYYY-MM and get the first/last day */
  from?: string;
  to?: string;
  partnershipId?: string;
  currency?: string;
  kind: 'delivered' | 'committed';
}

export interface DigestParameters {
  /** ISO timestamp; default: where the previous digest ended, else 7 days back */
  since?: string;
  /** days ahead for upcoming items */
  days?: number;
}

export interface ReminderParameters {
  days?: number;
  stalledAfterDays?: number;
}

/** IATI 2.03 activity XML: one partnership's activity, or every partnership's aid dated in [from, to]. */
export interface IatiReportParameters {
  /** inclusive YYYY-MM-DD; requests may say YYYY or YYYY-MM */
  from?: string;
  to?: string;
  partnershipId?: string;
}

export interface ValidRequest {
  type: ReportType;
  parameters: Record<string, unknown>;
  /** a partnership that must exist (checked against the store before anything is written) */
  partnershipId?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function allowOnly(params: Record<string, unknown>, allowed: string[], errors: FieldError[]): void {
  for (const k of Object.keys(params))
    if (!allowed.includes(k)) errors.push({ field: `parameters.${k}`, reason: 'is not a known parameter' });
}

function intIn(params: Record<string, unknown>, key: string, min: number, max: number, errors: FieldError[]): number | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.push({ field: `parameters.${key}`, reason: `must be a whole number from ${min} to ${max}` });
    return undefined;
  }
  return v;
}

function partnershipIdIn(params: Record<string, unknown>, required: boolean, errors: FieldError[]): string | undefined {
  const v = params.partnershipId;
  if (v === undefined) {
    if (required) errors.push({ field: 'parameters.partnershipId', reason: 'is required' });
    return undefined;
  }
  if (typeof v !== 'string' || !PARTNERSHIP_ID.test(v)) {
    errors.push({ field: 'parameters.partnershipId', reason: 'must be a partnership id (1–100 letters, digits, . _ ~ -)' });
    return undefined;
  }
  return v;
}

function dateIn(params: Record<string, unknown>, key: 'from' | 'to', errors: FieldError[]): string | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    errors.push({ field: `parameters.${key}`, reason: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD' });
    return undefined;
  }
  try {
    const d = parseBusinessDate(v, `parameters.${key}`);
    return key === 'from' ? businessDateStart(d) : businessDateEnd(d);
  } catch (err) {
    if (err instanceof ValidationError) errors.push(...(err.errors as FieldError[]));
    else throw err;
    return undefined;
  }
}

/** Checks a request body; returns the normalised request or the list of what is wrong with it. */
export function validateReportRequest(body: unknown): { ok: true; value: ValidRequest } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isObject(body))
    return { ok: false, errors: [{ field: 'body', reason: 'must be a JSON object sent with Content-Type: application/json' }] };
  for (const k of Object.keys(body)) if (k !== 'type' && k !== 'parameters') errors.push({ field: k, reason: 'is not a known field' });
  const type = body.type;
  if (typeof type !== 'string' || !(REPORT_TYPES as readonly string[]).includes(type)) {
    errors.push({ field: 'type', reason: `must be one of ${REPORT_TYPES.join(', ')}` });
    return { ok: false, errors };
  }
  const raw = body.parameters ?? {};
  if (!isObject(raw)) return { ok: false, errors: [...errors, { field: 'parameters', reason: 'must be an object' }] };

  let parameters: Record<string, unknown> = {};
  let partnershipId: string | undefined;
  switch (type as ReportType) {
    case 'dossier': {
      allowOnly(raw, ['partnershipId'], errors);
      partnershipId = partnershipIdIn(raw, true, errors);
      parameters = { partnershipId };
      break;
    }
    case 'aid_summary': {
      allowOnly(raw, ['from', 'to', 'partnershipId', 'currency', 'kind'], errors);
      const from = dateIn(raw, 'from', errors);
      const to = dateIn(raw, 'to', errors);
      if (from && to && from > to)
        errors.push({ field: 'parameters.from', reason: `must not be after parameters.to (${from} is after ${to})` });
      partnershipId = partnershipIdIn(raw, false, errors);
      const currency = raw.currency;
      if (currency !== undefined && (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))) {
        errors.push({ field: 'parameters.currency', reason: 'must be an ISO 4217 code such as EUR' });
      }
      const kind = raw.kind ?? 'delivered';
      if (kind !== 'delivered' && kind !== 'committed') errors.push({ field: 'parameters.kind', reason: 'must be delivered or committed' });
      parameters = { from, to, partnershipId, currency, kind };
      break;
    }
    case 'aid_iati': {
      allowOnly(raw, ['from', 'to', 'partnershipId'], errors);
      const from = dateIn(raw, 'from', errors);
      const to = dateIn(raw, 'to', errors);
      if (from && to && from > to)
        errors.push({ field: 'parameters.from', reason: `must not be after parameters.to (${from} is after ${to})` });
      partnershipId = partnershipIdIn(raw, false, errors);
      parameters = { from, to, partnershipId };
      break;
    }
    case 'office_digest': {
      allowOnly(raw, ['since', 'days'], errors);
      const since = raw.since;
      const moment = typeof since === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(since) ? Date.parse(since) : NaN;
      // Within the years a query may name, so the worker never meets a moment PostgreSQL refuses (year 0).
      const year = Number.isNaN(moment) ? NaN : new Date(moment).getUTCFullYear();
      const valid = year >= 1900 && year <= 2199;
      if (since !== undefined && !valid)
        errors.push({ field: 'parameters.since', reason: 'must be an ISO date or timestamp from 1900 to 2199, e.g. 2025-07-01T00:00:00Z' });
      parameters = { since: valid ? new Date(since as string).toISOString() : undefined };
      parameters.days = intIn(raw, 'days', 1, 366, errors);
      break;
    }
    case 'reminders': {
      allowOnly(raw, ['days', 'stalledAfterDays'], errors);
      parameters = { days: intIn(raw, 'days', 1, 366, errors), stalledAfterDays: intIn(raw, 'stalledAfterDays', 1, 3660, errors) };
      break;
    }
  }
  if (errors.length) return { ok: false, errors };
  // undefined keys are noise in the stored jsonb
  parameters = Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined));
  return { ok: true, value: { type: type as ReportType, parameters, partnershipId } };
}
