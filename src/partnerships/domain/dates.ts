// Business dates: when something happened in the real world, often known only to the month or year.
// Pure string/number arithmetic on purpose: the JS Date object brings time zones and the clock into the domain.
import { ValidationError } from './errors.js';
import { DATE_PRECISIONS, type BusinessDate, type DatePrecision } from './vocabulary.js';

export type DisplayLanguage = 'en' | 'de' | 'uk';

const PATTERNS: Record<DatePrecision, RegExp> = {
  year: /^(\d{4})$/,
  month: /^(\d{4})-(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
};

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Returns the reason a date string is invalid, or undefined when it is valid. */
function problemWith(input: string): { reason: string } | { value: BusinessDate } {
  for (const precision of DATE_PRECISIONS) {
    const m = PATTERNS[precision].exec(input);
    if (!m) continue;
    const year = Number(m[1]);
    if (year < 1) return { reason: `year ${m[1]} does not exist; use 0001–9999` };
    if (precision === 'year') return { value: { date: input, precision } };
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { reason: `month ${m[2]} does not exist; use 01–12` };
    if (precision === 'month') return { value: { date: input, precision } };
    const day = Number(m[3]);
    const max = daysInMonth(year, month);
    if (day < 1 || day > max) {
      return { reason: `day ${m[3]} does not exist in ${m[1]}-${m[2]}, which has ${max} days` };
    }
    return { value: { date: input, precision } };
  }
  return { reason: 'expected a date written as YYYY, YYYY-MM or YYYY-MM-DD' };
}

/** Parses 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; throws a ValidationError naming `field` otherwise. */
export function parseBusinessDate(input: string, field = 'occurredOn'): BusinessDate {
  const result = typeof input === 'string' ? problemWith(input.trim()) : { reason: 'expected a date string' };
  if ('reason' in result) {
    throw new ValidationError([{ field, reason: `"${String(input)}" is not a valid date: ${result.reason}` }]);
  }
  return result.value;
}

/** Accepts either a date string or a BusinessDate object whose precision matches its string. */
export function isValidBusinessDate(value: unknown): boolean {
  if (typeof value === 'string') return 'value' in problemWith(value);
  if (typeof value !== 'object' || value === null) return false;
  const { date, precision } = value as Partial<BusinessDate>;
  if (typeof date !== 'string' || !DATE_PRECISIONS.includes(precision as DatePrecision)) return false;
  const parsed = problemWith(date);
  return 'value' in parsed && parsed.value.precision === precision;
}

function parts(d: BusinessDate): { year: number; month?: number; day?: number } {
  const [y, m, dd] = d.date.split('-').map(Number);
  return { year: y, month: m, day: dd };
}

/** First calendar day covered by the date, as YYYY-MM-DD. */
export function businessDateStart(d: BusinessDate): string {
  // The stored forms are exactly YYYY, YYYY-MM and YYYY-MM-DD: folds call this for every entry.
  if (d.date.length === 10) return d.date;
  if (d.date.length === 7) return `${d.date}-01`;
  if (d.date.length === 4) return `${d.date}-01-01`;
  const { year, month, day } = parts(d);
  return `${pad(year, 4)}-${pad(month ?? 1, 2)}-${pad(day ?? 1, 2)}`;
}

/** Last calendar day covered by the date, as YYYY-MM-DD. */
export function businessDateEnd(d: BusinessDate): string {
  const { year, month, day } = parts(d);
  const m = month ?? 12;
  return `${pad(year, 4)}-${pad(m, 2)}-${pad(day ?? daysInMonth(year, m), 2)}`;
}

const PRECISION_ORDER: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** Orders by first day; on a tie the coarser date comes first (2023, then 2023-01, then 2023-01-01). */
export function compareBusinessDates(a: BusinessDate, b: BusinessDate): number {
  const sa = businessDateStart(a);
  const sb = businessDateStart(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision];
}

/** Takes the calendar day from an ISO timestamp or date as the caller wrote it (its own offset). */
export function dayOf(isoTimestamp: string): string {
  const day = isoTimestamp.slice(0, 10);
  if (!PATTERNS.day.test(day) || !('value' in problemWith(day))) {
    throw new Error(`Expected an ISO timestamp or date, got "${isoTimestamp}"`);
  }
  return day;
}

/**
 * True when even the earliest day of `d` is after today: 2025-07 is not in the future
 * on 2025-07-10, because part of that month has already happened.
 */
export function isAfterDay(d: BusinessDate, todayIso: string): boolean {
  return businessDateStart(d) > dayOf(todayIso);
}

/** The day (YYYY-MM-DD) `n` days after `day` (before it when negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${dayOf(day)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Days since 0000-03-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil). */
function dayNumber(isoDay: string): number {
  let [y, m, d] = isoDay.split('-').map(Number);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

/** Whole days from `fromIso` to `toIso` (both YYYY-MM-DD or ISO timestamps); negative if `to` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(dayOf(toIso)) - dayNumber(dayOf(fromIso));
}

const MONTHS: Record<DisplayLanguage, { standalone: string[]; inDate: string[] }> = {
  en: {
    standalone: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    inDate: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
  de: {
    standalone: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    inDate: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  },
  // Ukrainian uses the nominative for "травень 2022" but the genitive after a day number ("23 лютого").
  uk: {
    standalone: [
      'січень',
      'лютий',
      'березень',
      'квітень',
      'травень',
      'червень',
      'липень',
      'серпень',
      'вересень',
      'жовтень',
      'листопад',
      'грудень',
    ],
    inDate: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  },
};

/** "May 2022" / "Mai 2022" / "травень 2022"; "23 February 2023" / "23. Februar 2023" / "23 лютого 2023". */
export function formatBusinessDate(d: BusinessDate, lang: DisplayLanguage): string {
  const { year, month, day } = parts(d);
  const y = pad(year, 4);
  if (d.precision === 'year' || month === undefined) return y;
  const names = MONTHS[lang];
  if (d.precision === 'month' || day === undefined) return `${names.standalone[month - 1]} ${y}`;
  const dayText = lang === 'de' ? `${day}.` : String(day);
  return `${dayText} ${names.inDate[month - 1]} ${y}`;
}
