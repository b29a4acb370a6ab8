// The aid summary CSV is checked byte by byte: what a spreadsheet program in a German office
// receives (see AID_CSV_FORMAT for why each choice).
import type { AidEntry } from '../../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import { AID_CSV_FORMAT, buildAidSummary, renderAidSummaryCsv } from './aid-summary.js';

const aid = (o: Partial<AidEntry>): AidEntry => ({
  eventId: 'e',
  partnershipId: 'dortmund-zhytomyr',
  kind: 'delivered',
  receiver: { uk: 'Вінниця' },
  receiverKey: 'Вінниця',
  occurredOn: { date: '2022-05', precision: 'month' },
  month: '2022-05',
  amount: '125000.00',
  currency: 'EUR',
  modality: 'in_kind',
  sector: 'emergency relief',
  fundingChannel: null,
  items: [],
  retracted: false,
  receipt: { status: 'awaiting', receivedOn: null, confirmations: [] },
  ...o,
});

describe('aid summary CSV bytes', () => {
  const model = buildAidSummary(
    [
      aid({}),
      aid({
        receiver: { uk: 'Миколаїв' },
        receiverKey: 'Миколаїв',
        occurredOn: { date: '2022-06', precision: 'month' },
        month: '2022-06',
        amount: '80000.5',
        receipt: {
          status: 'partly_confirmed',
          receivedOn: { date: '2022-06-20', precision: 'day' },
          confirmations: [
            { eventId: 'c', receivedOn: { date: '2022-06-20', precision: 'day' }, received: 'part', discrepancies: '2 of 12 missing' },
          ],
        },
      }),
      aid({ receiverKey: '=HYPERLINK("http://x")', sector: '@SUM(A1)', amount: '1.00' }),
      aid({ receiverKey: 'Straße der Einheit', sector: 'water\nand sanitation', amount: '7' }),
    ],
    { kind: 'delivered' },
    '2025-01-01T00:00:00.000Z',
  );
  const bytes = Buffer.from(renderAidSummaryCsv(model), 'utf8');

  it('starts with the UTF-8 byte order mark and writes Cyrillic and umlauts as UTF-8', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from([0xd0, 0x92, 0xd1, 0x96, 0xd0, 0xbd, 0xd0, 0xbd, 0xd0, 0xb8, 0xd1, 0x86, 0xd1, 0x8f]))).toBe(true); // Вінниця
    expect(bytes.includes(Buffer.from('Straße', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from([0xdf]))).toBe(false); // no Latin-1 ß anywhere
  });

  it('separates cells with semicolons, ends every row with CRLF and writes amounts with a decimal comma', () => {
    const text = bytes.subarray(3).toString('utf8');
    expect(AID_CSV_FORMAT).toEqual({ bom: true, delimiter: ';', recordDelimiter: '\r\n', decimalMark: ',' });
    const rows = text.split('\r\n');
    expect(rows[0]).toBe('receiver;month;currency;sector;count;total;confirmed;partly_confirmed;awaiting_confirmation;receipts');
    expect(rows).toContain('Вінниця;2022-05;EUR;emergency relief;1;125000,00;0;0;1;');
    expect(rows).toContain(
      'Миколаїв;2022-06;EUR;emergency relief;1;80000,50;0;1;0;June 2022: partly confirmed, received 20 June 2022 (2 of 12 missing)',
    );
    expect(rows.at(-1)).toBe(''); // the last row ends with CRLF too
    // the only bare LF is the one inside the quoted multi-line cell
    expect(text.replace(/\r\n/g, '').match(/\n/g)).toHaveLength(1);
    expect(text).toContain('Straße der Einheit;2022-05;EUR;"water\nand sanitation";1;7,00;0;0;1;\r\n');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")";2022-05;EUR;'@SUM(A1);1;1,00;0;0;1;\r\n`);
  });
});
