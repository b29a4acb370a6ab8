// What the timeline read model returns (the HTTP API, the web page and the reports use these).
import type { BusinessDate } from '../../domain/index.js';
import type { PlanAnnotation } from '../plans.js';
import type { ReceiptView } from '../receipts/receipts.js';

export interface TimelineCorrection {
  eventId: string;
  reason: string;
  changes: Record<string, unknown>;
  previous: Record<string, unknown>;
  recordedAt: string;
  actor: string | null;
  retracted: boolean;
}

export interface RecordedBy {
  /** the organisation's slug */
  organisation: string;
  side: 'own' | 'partner';
}

export interface TimelineEntry {
  eventId: string;
  partnershipId: string;
  streamVersion: number;
  type: string;
  occurredOn: BusinessDate | null;
  planned: boolean;
  /** the current value, corrections applied */
  data: Record<string, unknown>;
  /** the value as first recorded; only present when the entry was corrected (else it equals data) */
  original?: Record<string, unknown>;
  corrections: TimelineCorrection[];
  corrected: boolean;
  retracted: boolean;
  retraction: { eventId: string; reason: string; recordedAt: string; actor: string | null } | null;
  recordedAt: string;
  actor: string | null;
  /** which organisation recorded it, and on which side of the partnership */
  recordedBy?: RecordedBy;
  /** for a plan entry: how the plan ended up (open, rescheduled, fulfilled by which entry, cancelled) */
  plan?: PlanAnnotation;
  /** for a live delivery: how much of it the receiver has confirmed (as of the day asked about) */
  receipt?: ReceiptView;
}

export interface Timeline {
  partnershipId: string;
  version: number;
  asOf: { validAt: string | null; knownAt: string | null } | null;
  /** ordered by business date (start of its precision), then by stream order */
  entries: TimelineEntry[];
}
