// A delivery's receipt as readers see it (aid ledger, timeline, status, reports, IATI): how much of
// it the receiver has confirmed, when it arrived, and what was missing.
import { receiptStatus, type BusinessDate, type DerivedState, type ReceiptConfirmation, type ReceiptStatus } from '../../domain/index.js';

export interface ReceiptView {
  status: ReceiptStatus;
  /** the day it arrived in full, else the latest day a part arrived; null while awaiting confirmation */
  receivedOn: BusinessDate | null;
  /** the live confirmations in business-date order */
  confirmations: ReceiptConfirmation[];
}

export function receiptView(confirmations: readonly ReceiptConfirmation[]): ReceiptView {
  const status = receiptStatus(confirmations);
  const full = confirmations.find((c) => c.received === 'all');
  return {
    status,
    receivedOn: full?.receivedOn ?? confirmations.at(-1)?.receivedOn ?? null,
    confirmations: confirmations.map((c) => ({ ...c })),
  };
}

/** The receipt of every live delivery of a state, by the delivery's entry id. */
export function receiptAnnotations(state: Partial<Pick<DerivedState, 'deliveries'>>): Map<string, ReceiptView> {
  // States stored before receipts existed have no deliveries; the migration rebuilds them.
  return new Map(Object.entries(state.deliveries ?? {}).map(([id, d]) => [id, receiptView(d.confirmations)]));
}

export interface ReceiptCounts {
  awaiting: number;
  partlyConfirmed: number;
  confirmed: number;
}

export function receiptCounts(state: Partial<Pick<DerivedState, 'deliveries'>>): ReceiptCounts {
  const counts = { awaiting: 0, partlyConfirmed: 0, confirmed: 0 };
  for (const d of Object.values(state.deliveries ?? {})) {
    const s = receiptStatus(d.confirmations);
    if (s === 'confirmed') counts.confirmed++;
    else if (s === 'partly_confirmed') counts.partlyConfirmed++;
    else counts.awaiting++;
  }
  return counts;
}

/** The words a report uses for a status ("partly confirmed"). */
export const RECEIPT_TEXT: Record<ReceiptStatus, string> = {
  awaiting: 'awaiting confirmation',
  partly_confirmed: 'partly confirmed',
  confirmed: 'confirmed',
};
