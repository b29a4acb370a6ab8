// Small text helpers of the exports: names in the languages we hold, and
// what a date known only to the month or year means in words.
import { businessDateStart, formatBusinessDate, type BusinessDate, type LocalizedName } from '../partnerships/domain/index.js';

/** The service's own languages first, in this order; other language tags after them, alphabetically. */
const FIRST = ['de', 'uk', 'en'];

/** The languages a name is held in (BCP 47 tags), de, uk, en first, with blank spellings left out. */
export function heldNames(name: LocalizedName | null | undefined): [string, string][] {
  if (!name) return [];
  const rank = (lang: string) => (FIRST.includes(lang) ? FIRST.indexOf(lang) : FIRST.length);
  return Object.entries(name)
    .map(([lang, v]) => [lang, typeof v === 'string' ? v.trim() : ''] as [string, string])
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** YYYY-MM-DD of the first day the date covers: 2022-05 → 2022-05-01, 2022 → 2022-01-01. */
export const firstDay = (d: BusinessDate): string => businessDateStart(d);

/**
 * A sentence saying that a date is less precise than the day it is written as, or null for a
 * day-precise date. English and German, the languages of the people reading these exports.
 */
export function precisionNote(d: BusinessDate, lang: 'en' | 'de'): string | null {
  if (d.precision === 'day') return null;
  const shown = formatBusinessDate(d, lang);
  const day = firstDay(d);
  if (lang === 'de') {
    return d.precision === 'month'
      ? `Datum nur auf den Monat genau bekannt (${shown}); angegeben ist der erste Tag des Monats (${day}).`
      : `Datum nur auf das Jahr genau bekannt (${shown}); angegeben ist der 1. Januar (${day}).`;
  }
  return d.precision === 'month'
    ? `Date known to the month only (${shown}); the first day of the month (${day}) stands for it.`
    : `Date known to the year only (${shown}); 1 January (${day}) stands for it.`;
}
