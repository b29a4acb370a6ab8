// Aid summary: a period's aid grouped by receiver, month, currency and sector. Amounts are exact
// decimal strings added with the domain's decimal arithmetic, never floats.
import { stringify } from 'csv-stringify/sync';
import { addDecimal } from '../../partnerships/domain/index.js';
import type { AidEntry } from '../../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import type { ReceiptCounts } from '../../partnerships/read-models/receipts/receipts.js';
import { dateText } from './html.js';
import type { AidSummaryParameters } from '../report-types.js';

interface AidSummaryGroup {
  receiver: string;
  /** YYYY-MM, or YYYY when only the year is known */
  month: string;
  currency: string | null;
  sector: string | null;
  count: number;
  /** exact decimal string; null when none of the rows carried an amount */
  total: string | null;
  /** deliveries only: how many are confirmed, partly confirmed or awaiting confirmation; null for pledges */
  receipts: ReceiptCounts | null;
  /** each partly confirmed or confirmed delivery's receipt: "15 May 2022: partly confirmed, received 20 May 2022: …" */
  receiptNotes: string[];
}

interface AidDimensionTotal {
  key: string | null;
  count: number;
  totals: Record<string, string>;
}

export interface AidSummaryModel {
  kind: 'aid_summary';
  generatedAt: string;
  parameters: AidSummaryParameters;
  count: number;
  /** currency → exact total of every row in the period */
  totals: Record<string, string>;
  /** one row per receiver × month × currency × sector, sorted in that order */
  groups: AidSummaryGroup[];
  byReceiver: AidDimensionTotal[];
  byMonth: AidDimensionTotal[];
  byCurrency: AidDimensionTotal[];
  bySector: AidDimensionTotal[];
  items: AidEntry[];
}

const monthOf = (e: AidEntry): string => e.month ?? e.occurredOn.date.slice(0, 7);
const cmp = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

function addTo(totals: Record<string, string>, e: AidEntry): void {
  if (e.amount === null || e.currency === null) return;
  totals[e.currency] = addDecimal(totals[e.currency] ?? '0', e.amount);
}

function byDimension(items: AidEntry[], key: (e: AidEntry) => string | null): AidDimensionTotal[] {
  const map = new Map<string | null, AidDimensionTotal>();
  for (const e of items) {
    const k = key(e);
    const g = map.get(k) ?? { key: k, count: 0, totals: {} };
    g.count++;
    addTo(g.totals, e);
    map.set(k, g);
  }
  return [...map.values()].sort((a, b) => cmp(a.key, b.key));
}

export function buildAidSummary(entries: AidEntry[], parameters: AidSummaryParameters, generatedAt: string): AidSummaryModel {
  const items = entries.filter((e) => !e.retracted && e.kind === parameters.kind);
  const totals: Record<string, string> = {};
  const groups = new Map<string, AidSummaryGroup>();
  for (const e of items) {
    addTo(totals, e);
    const g: AidSummaryGroup = {
      receiver: e.receiverKey,
      month: monthOf(e),
      currency: e.currency,
      sector: e.sector,
      count: 0,
      total: null,
      receipts: e.kind === 'delivered' ? { awaiting: 0, partlyConfirmed: 0, confirmed: 0 } : null,
      receiptNotes: [],
    };
    const k = JSON.stringify([g.receiver, g.month, g.currency, g.sector]);
    const existing = groups.get(k) ?? g;
    existing.count++;
    if (e.amount !== null) existing.total = addDecimal(existing.total ?? '0', e.amount);
    countReceipt(existing, e);
    groups.set(k, existing);
  }
  return {
    kind: 'aid_summary',
    generatedAt,
    parameters,
    count: items.length,
    totals,
    groups: [...groups.values()].sort(
      (a, b) => cmp(a.receiver, b.receiver) || cmp(a.month, b.month) || cmp(a.currency, b.currency) || cmp(a.sector, b.sector),
    ),
    byReceiver: byDimension(items, (e) => e.receiverKey),
    byMonth: byDimension(items, monthOf),
    byCurrency: byDimension(items, (e) => e.currency),
    bySector: byDimension(items, (e) => e.sector),
    items,
  };
}

const RECEIPT_KEY = { awaiting: 'awaiting', partly_confirmed: 'partlyConfirmed', confirmed: 'confirmed' } as const;

function countReceipt(g: AidSummaryGroup, e: AidEntry): void {
  if (!g.receipts || !e.receipt) return;
  g.receipts[RECEIPT_KEY[e.receipt.status]]++;
  if (e.receipt.status === 'awaiting') return;
  const r = e.receipt;
  const notes = r.confirmations.flatMap((c) => (c.discrepancies ? [c.discrepancies] : []));
  const status = r.status === 'confirmed' ? 'confirmed' : 'partly confirmed';
  g.receiptNotes.push(
    `${dateText(e.occurredOn)}: ${status}, received ${dateText(r.receivedOn)}${notes.length ? ` (${notes.join('; ')})` : ''}`,
  );
}

/**
 * How the aid summary CSV is written, for spreadsheet programs in German offices (Excel and
 * LibreOffice with a German locale): UTF-8 with a byte order mark, because Excel reads a CSV without
 * one as Windows-1252 and garbles Вінниця or Straße; semicolons between cells and a decimal comma in
 * amounts, because a German locale uses the comma as decimal mark and the semicolon as list
 * separator, so Excel opens the file straight into columns with numbers it can add; CRLF line ends
 * (RFC 4180). Programs that want exact decimal strings read the JSON file of the same report.
 */
export const AID_CSV_FORMAT = { bom: true, delimiter: ';', recordDelimiter: '\r\n', decimalMark: ',' } as const;

const decimalComma = (amount: string | null): string => (amount === null ? '' : amount.replace('.', AID_CSV_FORMAT.decimalMark));

/**
 * One row per group; for deliveries, how many of the group's deliveries are confirmed, partly confirmed
 * or awaiting confirmation, and the receipt of each confirmed one (empty for pledges). Text cells that
 * start like a formula (=, +, -, @) get a leading apostrophe so no spreadsheet runs them.
 */
export function renderAidSummaryCsv(m: AidSummaryModel): string {
  const count = (g: AidSummaryGroup, k: keyof ReceiptCounts) => (g.receipts ? g.receipts[k] : '');
  return stringify(
    m.groups.map((g) => [
      g.receiver,
      g.month,
      g.currency ?? '',
      g.sector ?? '',
      g.count,
      decimalComma(g.total),
      count(g, 'confirmed'),
      count(g, 'partlyConfirmed'),
      count(g, 'awaiting'),
      g.receiptNotes.join(' | '),
    ]),
    {
      header: true,
      columns: [
        'receiver',
        'month',
        'currency',
        'sector',
        'count',
        'total',
        'confirmed',
        'partly_confirmed',
        'awaiting_confirmation',
        'receipts',
      ],
      bom: AID_CSV_FORMAT.bom,
      delimiter: AID_CSV_FORMAT.delimiter,
      record_delimiter: AID_CSV_FORMAT.recordDelimiter,
      // a line break inside a cell must be quoted even though rows end with CRLF
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}
