import {
  businessDateEnd,
  businessDateStart,
  compareBusinessDates,
  daysBetween,
  formatBusinessDate,
  isAfterDay,
  isValidBusinessDate,
  parseBusinessDate,
} from './dates.js';
import type { BusinessDate } from './vocabulary.js';
import { ValidationError } from './errors.js';

describe('parseBusinessDate', () => {
  it.each([
    ['2022', { date: '2022', precision: 'year' }],
    ['2022-05', { date: '2022-05', precision: 'month' }],
    ['2023-02-23', { date: '2023-02-23', precision: 'day' }],
    ['2024-02-29', { date: '2024-02-29', precision: 'day' }],
    ['2000-02-29', { date: '2000-02-29', precision: 'day' }],
    ['0001', { date: '0001', precision: 'year' }],
  ])('reads %s with its precision', (input, expected) => {
    expect(parseBusinessDate(input)).toEqual(expected);
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2023-04-31',
    '2023-13',
    '2023-00',
    '2023-01-00',
    '0000',
    '22',
    '2023-2-3',
    '2023/02/03',
    '23.02.2023',
    '',
    '2023-02-23T10:00:00Z',
  ])('rejects %j with a ValidationError naming the field', (input) => {
    expect(() => parseBusinessDate(input, 'meetingDate')).toThrow(ValidationError);
    try {
      parseBusinessDate(input, 'meetingDate');
    } catch (error) {
      expect((error as ValidationError).code).toBe('validation_failed');
      expect((error as ValidationError).errors).toEqual([{ field: 'meetingDate', reason: expect.any(String) }]);
    }
  });

  it('names occurredOn by default and explains the problem', () => {
    expect(() => parseBusinessDate('2023-02-30')).toThrow(/occurredOn.*2023-02.*28 days/);
  });
});

describe('isValidBusinessDate', () => {
  it('accepts valid strings and consistent objects', () => {
    expect(isValidBusinessDate('2022-05')).toBe(true);
    expect(isValidBusinessDate({ date: '2022-05', precision: 'month' })).toBe(true);
  });

  it('rejects impossible dates and precision that does not match the string', () => {
    expect(isValidBusinessDate('2023-02-30')).toBe(false);
    expect(isValidBusinessDate({ date: '2022-05', precision: 'day' })).toBe(false);
    expect(isValidBusinessDate({ date: '2022-05-01', precision: 'month' })).toBe(false);
    expect(isValidBusinessDate({ date: '2022', precision: 'decade' })).toBe(false);
    expect(isValidBusinessDate(null)).toBe(false);
    expect(isValidBusinessDate(20220501)).toBe(false);
  });
});

describe('start and end of a business date', () => {
  it.each([
    [{ date: '2022', precision: 'year' }, '2022-01-01', '2022-12-31'],
    [{ date: '2022-05', precision: 'month' }, '2022-05-01', '2022-05-31'],
    [{ date: '2023-02', precision: 'month' }, '2023-02-01', '2023-02-28'],
    [{ date: '2024-02', precision: 'month' }, '2024-02-01', '2024-02-29'],
    [{ date: '2023-02-23', precision: 'day' }, '2023-02-23', '2023-02-23'],
  ] as [BusinessDate, string, string][])('%j covers %s to %s', (d, start, end) => {
    expect(businessDateStart(d)).toBe(start);
    expect(businessDateEnd(d)).toBe(end);
  });
});

describe('compareBusinessDates', () => {
  it('sorts by first day, coarser dates first on a tie', () => {
    const dates = ['2023-02-23', '2023', '2022-11', '2023-02', '2023-01-10', '2023-02-01'].map((s) => parseBusinessDate(s));
    expect([...dates].sort(compareBusinessDates).map((d) => d.date)).toEqual([
      '2022-11',
      '2023',
      '2023-01-10',
      '2023-02',
      '2023-02-01',
      '2023-02-23',
    ]);
  });
});

describe('isAfterDay', () => {
  const today = '2025-07-10T09:00:00Z';
  it('treats only dates whose earliest day is after today as future', () => {
    expect(isAfterDay(parseBusinessDate('2025-07-11'), today)).toBe(true);
    expect(isAfterDay(parseBusinessDate('2025-08'), today)).toBe(true);
    expect(isAfterDay(parseBusinessDate('2026'), today)).toBe(true);
    expect(isAfterDay(parseBusinessDate('2025-07-10'), today)).toBe(false);
    expect(isAfterDay(parseBusinessDate('2025-07'), today)).toBe(false);
    expect(isAfterDay(parseBusinessDate('2025'), today)).toBe(false);
  });

  it('uses the calendar day as the caller wrote it, offset included', () => {
    expect(isAfterDay(parseBusinessDate('2025-07-11'), '2025-07-11T00:30:00+02:00')).toBe(false);
  });

  it('refuses a "now" that is not an ISO date', () => {
    expect(() => isAfterDay(parseBusinessDate('2025'), 'yesterday')).toThrow(/ISO/);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across months, leap days and years', () => {
    expect(daysBetween('2023-02-09', '2023-02-23')).toBe(14);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2022-12-31', '2023-01-01')).toBe(1);
    expect(daysBetween('2025-07-09', '2023-02-23')).toBe(-867);
  });
});

describe('formatBusinessDate', () => {
  it.each([
    ['2022-05', 'en', 'May 2022'],
    ['2022-05', 'de', 'Mai 2022'],
    ['2022-05', 'uk', 'травень 2022'],
    ['2023-02-23', 'en', '23 February 2023'],
    ['2023-02-23', 'de', '23. Februar 2023'],
    ['2023-02-23', 'uk', '23 лютого 2023'],
    ['2025-03', 'de', 'März 2025'],
    ['2025-07-09', 'uk', '9 липня 2025'],
    ['2022-11', 'uk', 'листопад 2022'],
    ['2022', 'de', '2022'],
    ['2022', 'uk', '2022'],
  ] as const)('%s in %s is "%s"', (input, lang, expected) => {
    expect(formatBusinessDate(parseBusinessDate(input), lang)).toBe(expected);
  });
});
