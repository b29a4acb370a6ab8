// The report builders are pure functions of read-model objects: fixtures, no database.
import type { AidEntry } from '../../partnerships/read-models/aid-ledger/aid-ledger.types.js';
import type { CalendarItem } from '../../partnerships/read-models/calendar/calendar.types.js';
import type { PartnershipSummary } from '../../partnerships/read-models/status/status.types.js';
import { validateReportRequest } from '../report-types.js';
import { buildAidSummary, renderAidSummaryCsv } from './aid-summary.js';
import { buildReminders } from './digest.js';

const aid = (o: Partial<AidEntry>): AidEntry => ({
  eventId: 'e',
  partnershipId: 'p',
  kind: 'delivered',
  receiver: { en: 'Mykolaiv' },
  receiverKey: 'Mykolaiv',
  occurredOn: { date: '2022-06', precision: 'month' },
  month: '2022-06',
  amount: '0.10',
  currency: 'EUR',
  modality: 'cash',
  sector: null,
  fundingChannel: null,
  items: [],
  retracted: false,
  receipt: { status: 'awaiting', receivedOn: null, confirmations: [] },
  ...o,
});

describe('aid summary', () => {
  it('adds exactly (no floats), per currency, and leaves retracted and other-kind rows out', () => {
    const m = buildAidSummary(
      [
        aid({ amount: '0.10' }),
        aid({ amount: '0.20' }),
        aid({ amount: '5', currency: 'UAH', receiverKey: 'Vinnytsia' }),
        aid({ amount: '1000', retracted: true }),
        aid({ amount: '7', kind: 'committed' }),
        aid({ amount: null, currency: null, month: null, occurredOn: { date: '2022', precision: 'year' } }),
      ],
      { kind: 'delivered' },
      '2025-01-01T00:00:00.000Z',
    );
    expect(m.totals).toEqual({ EUR: '0.30', UAH: '5.00' });
    expect(m.count).toBe(4);
    expect(m.groups.map((g) => [g.receiver, g.month, g.currency, g.count, g.total])).toEqual([
      ['Mykolaiv', '2022', null, 1, null],
      ['Mykolaiv', '2022-06', 'EUR', 2, '0.30'],
      ['Vinnytsia', '2022-06', 'UAH', 1, '5.00'],
    ]);
    expect(renderAidSummaryCsv(m).split('\r\n')[2]).toBe('Mykolaiv;2022-06;EUR;;2;0,30;0;0;2;');
  });

  it('quotes CSV cells that need it', () => {
    const m = buildAidSummary([aid({ receiverKey: 'Kyiv, "capital"', sector: 'a\nb' })], { kind: 'delivered' }, 'x');
    expect(renderAidSummaryCsv(m)).toContain('"Kyiv, ""capital""";2022-06;EUR;"a\nb";1;0,10');
  });
});

describe('reminders', () => {
  const summary = (o: Partial<PartnershipSummary>): PartnershipSummary =>
    ({
      partnershipId: 'p',
      standing: 'active',
      ownMunicipality: null,
      counterpart: null,
      currentPaper: null,
      pendingUpgrade: null,
      nextScheduled: null,
      lastMilestoneOn: null,
      ...o,
    }) as PartnershipSummary;
  const item = (date: string, id = 'p'): CalendarItem => ({
    uid: date,
    eventId: date,
    partnershipId: id,
    kind: 'AgreementSigningScheduled',
    title: 'Signing',
    date: { date, precision: 'day' },
    madeOn: { date: '2023-01-01', precision: 'day' },
    sequence: 0,
    status: 'open',
    changedAt: null,
  });

  it('keeps scheduled items from today through today + N days', () => {
    const m = buildReminders({
      today: '2025-03-01',
      days: 14,
      stalledAfterDays: 90,
      calendar: [item('2025-02-28'), item('2025-03-01'), item('2025-03-15'), item('2025-03-16')],
      partnerships: [],
      generatedAt: 'x',
    });
    expect(m.upcoming.map((i) => i.date.date)).toEqual(['2025-03-01', '2025-03-15']);
  });

  it('calls a partnership stalled only with something open and no milestone for the threshold', () => {
    const paper = { reference: 'DS 1', title: 't', stage: 'drafted' };
    const m = buildReminders({
      today: '2025-03-01',
      days: 14,
      stalledAfterDays: 90,
      calendar: [],
      partnerships: [
        summary({ partnershipId: 'open-old', currentPaper: paper, lastMilestoneOn: { date: '2024-11-30', precision: 'day' } }),
        summary({ partnershipId: 'open-recent', currentPaper: paper, lastMilestoneOn: { date: '2024-12-02', precision: 'day' } }),
        summary({ partnershipId: 'nothing-open', lastMilestoneOn: { date: '2020-01-01', precision: 'day' } }),
        summary({
          partnershipId: 'suspended',
          standing: 'suspended',
          currentPaper: paper,
          lastMilestoneOn: { date: '2020-01-01', precision: 'day' },
        }),
        summary({
          partnershipId: 'decided',
          currentPaper: { ...paper, stage: 'council_decided' },
          lastMilestoneOn: { date: '2020-01-01', precision: 'day' },
        }),
      ],
      generatedAt: 'x',
    });
    expect(m.stalled.map((s) => [s.partnershipId, s.daysQuiet])).toEqual([['open-old', 91]]);
  });
});

describe('report requests', () => {
  it('normalises periods to whole days and refuses from after to', () => {
    expect(validateReportRequest({ type: 'aid_summary', parameters: { from: '2022', to: '2022-02' } })).toEqual({
      ok: true,
      value: { type: 'aid_summary', parameters: { from: '2022-01-01', to: '2022-02-28', kind: 'delivered' }, partnershipId: undefined },
    });
    const bad = validateReportRequest({ type: 'aid_summary', parameters: { from: '2022-03', to: '2022-02' } });
    expect(bad.ok).toBe(false);
  });
});
