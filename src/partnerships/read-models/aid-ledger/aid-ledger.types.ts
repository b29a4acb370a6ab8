// What the aid ledger returns.
import type { BusinessDate, LocalizedName } from '../../domain/index.js';
import type { ReceiptView } from '../receipts/receipts.js';

export interface AidEntry {
  eventId: string;
  partnershipId: string;
  kind: 'delivered' | 'committed';
  receiver: LocalizedName;
  /** a display key for grouping: en, else de, else uk name */
  receiverKey: string;
  occurredOn: BusinessDate;
  /** YYYY-MM, or null when only the year is known */
  month: string | null;
  amount: string | null;
  currency: string | null;
  modality: string;
  sector: string | null;
  fundingChannel: string | null;
  items: string[];
  retracted: boolean;
  /** a delivery's receipt as its receiver confirmed it; null for a pledge */
  receipt: ReceiptView | null;
}

export interface AidQuery {
  partnershipId?: string;
  receiver?: string;
  /** inclusive business dates YYYY-MM-DD */
  from?: string;
  to?: string;
  currency?: string;
  sector?: string;
  kind?: 'delivered' | 'committed';
  groupBy?: 'receiver' | 'month' | 'currency' | 'sector';
}

export interface AidGroup {
  key: string | null;
  count: number;
  /** currency → exact decimal string */
  totals: Record<string, string>;
}

export interface AidResult {
  query: AidQuery;
  /** every matching row (not retracted), oldest first */
  items: AidEntry[];
  totals: Record<string, string>;
  groups?: AidGroup[];
}
